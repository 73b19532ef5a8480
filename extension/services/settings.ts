import { z } from 'zod';
import { User } from '../../shared';
import { serverBaseUrl } from './server-api';
import type { StorageArea } from './storage-area';

/** A signed-in extension: which server, as whom, with which bearer token. */
export const Session = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
  user: User,
});
export type Session = z.infer<typeof Session>;

const SESSION_KEY = 'session';
const SERVER_URL_KEY = 'serverUrl';

/** The extension's settings in `storage.local`; values read back are parsed, never trusted. */
export function createSettingsService(area: StorageArea, managed: () => Promise<Record<string, unknown>> = async () => ({})) {
  /**
   * The server address an enterprise policy sets (storage.managed `serverUrl`), if any, with its
   * path: the server may be mounted under a prefix.
   */
  const managedServerUrl = async (): Promise<string | null> => {
    const parsed = z.url({ protocol: /^https?$/ }).safeParse((await managed().catch(() => ({})) as Record<string, unknown>).serverUrl);
    return parsed.success ? serverBaseUrl(parsed.data) : null;
  };
  return {
    managedServerUrl,
    async session(): Promise<Session | null> {
      const parsed = Session.safeParse((await area.get(SESSION_KEY))[SESSION_KEY]);
      return parsed.success ? parsed.data : null;
    },
    /** The last server address used; kept after sign-out so signing in again is one step. */
    async serverUrl(): Promise<string | null> {
      // IT's policy wins over what was typed last: it is how a whole call centre is set up.
      const fromPolicy = await managedServerUrl();
      if (fromPolicy) return fromPolicy;
      const value = (await area.get(SERVER_URL_KEY))[SERVER_URL_KEY];
      return typeof value === 'string' ? value : null;
    },
    async signedIn(session: Session): Promise<void> {
      await area.set({ [SESSION_KEY]: session, [SERVER_URL_KEY]: session.serverUrl });
    },
    async signedOut(): Promise<void> {
      await area.remove(SESSION_KEY);
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
