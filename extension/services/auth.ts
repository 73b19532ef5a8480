import type { MessageError, PageToBackground, ReplyTo, SignInRequest, SignInResponse } from '../../shared';
import { serverBaseUrl, toMessageError } from './server-api';
import type { SettingsService } from './settings';

type SignInMessage = Extract<PageToBackground, { type: 'auth.signIn' }>;

/** Signing the agent in and out of the Lingting server. */
export function createAuthService(deps: {
  settings: SettingsService;
  signIn: (serverUrl: string, body: SignInRequest) => Promise<SignInResponse>;
}) {
  return {
    /** Signs in; a failure comes back as a code for the options page to put in words. */
    async signIn(message: SignInMessage): Promise<ReplyTo<'auth.signIn'>> {
      // An address set by enterprise policy wins over the one typed in.
      const serverUrl = serverBaseUrl((await deps.settings.managedServerUrl()) ?? message.serverUrl);
      try {
        const reply = await deps.signIn(serverUrl, { username: message.username, password: message.password });
        await deps.settings.signedIn({ serverUrl, token: reply.token, user: reply.user });
        return { ok: true, user: reply.user };
      } catch (error) {
        const code: MessageError = toMessageError(error, 'wrong_credentials');
        return { ok: false, error: code };
      }
    },
    signOut: () => deps.settings.signedOut(),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
