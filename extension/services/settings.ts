import { z } from 'zod';
import { ShortcutPrefix, User } from '../../shared';
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
const SHORTCUT_PREFIX_KEY = 'shortcutPrefix';

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
  // The session, read from storage once and kept until it changes: one autosave asks for it in
  // the case service, the sync and the sidebar's answer, and every request for a reply.
  let session: Promise<Session | null> | undefined;
  // The shortcut prefix likewise: every CRM page asks for it as it loads and regains focus.
  let prefix: Promise<ShortcutPrefix> | undefined;
  area.onChanged?.addListener((changes) => {
    if (SESSION_KEY in changes) session = undefined;
    if (SHORTCUT_PREFIX_KEY in changes) prefix = undefined;
  });
  const readPrefix = async (): Promise<ShortcutPrefix> => {
    const parsed = ShortcutPrefix.safeParse((await area.get(SHORTCUT_PREFIX_KEY))[SHORTCUT_PREFIX_KEY]);
    return parsed.success ? parsed.data : ';';
  };
  const readSession = async (): Promise<Session | null> => {
    const parsed = Session.safeParse((await area.get(SESSION_KEY))[SESSION_KEY]);
    return parsed.success ? parsed.data : null;
  };
  return {
    managedServerUrl,
    session(): Promise<Session | null> {
      // Without change events (never in the browser), every call reads.
      if (!area.onChanged) return readSession();
      session ??= readSession();
      return session;
    },
    /** The last server address used; kept after sign-out so signing in again is one step. */
    async serverUrl(): Promise<string | null> {
      // IT's policy wins over what was typed last: it is how a whole call centre is set up.
      const fromPolicy = await managedServerUrl();
      if (fromPolicy) return fromPolicy;
      const value = (await area.get(SERVER_URL_KEY))[SERVER_URL_KEY];
      return typeof value === 'string' ? value : null;
    },
    /** What the agent types to start a shortcut; `;` until they choose another. */
    shortcutPrefix(): Promise<ShortcutPrefix> {
      if (!area.onChanged) return readPrefix();
      prefix ??= readPrefix();
      return prefix;
    },
    async setShortcutPrefix(next: ShortcutPrefix): Promise<void> {
      await area.set({ [SHORTCUT_PREFIX_KEY]: next });
      prefix = undefined; // a read made while writing may hold the old one
    },
    async signedIn(next: Session): Promise<void> {
      session = undefined;
      await area.set({ [SESSION_KEY]: next, [SERVER_URL_KEY]: next.serverUrl });
      session = undefined; // a read made while writing may hold the old one
    },
    async signedOut(): Promise<void> {
      session = undefined;
      await area.remove(SESSION_KEY);
      session = undefined;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
