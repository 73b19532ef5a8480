import type { InsertResult, ReplyTo, Settings, SidebarContext, ToBackground } from '../../shared';
import type { CaseHistoryItem } from '../../shared';
import type { CaseService } from './cases';
import type { ReminderService } from './reminders';
import type { SettingsService } from './settings';
import type { SyncService } from './sync';
import type { TabCustomers } from './tab-customers';
import type { SignInResponse, SignInRequest } from '../../shared';

/** Who sent a message: the tab it came from, when it came from one. */
export interface Origin {
  tabId: number | null;
}

interface RouterDeps {
  cases: CaseService;
  reminders: ReminderService;
  rejected: () => Promise<SidebarContext['rejected']>;
  caseHistory: (phone: string) => Promise<CaseHistoryItem[]>;
  sync: SyncService;
  settings: SettingsService;
  tabCustomers: TabCustomers;
  signIn: (serverUrl: string, body: SignInRequest) => Promise<SignInResponse>;
  /** Asks the content script of `tabId` to insert text at the CRM's caret. */
  insertInTab: (tabId: number, text: string) => Promise<InsertResult>;
  /** Tells the sidebar of `tabId` (null: every sidebar) to fetch its context again. */
  notifySidebars: (tabId: number | null) => Promise<void>;
}

type Handlers = { [T in ToBackground['type']]: (message: Extract<ToBackground, { type: T }>, origin: Origin) => Promise<ReplyTo<T>> };

/** One handler per background message type: the whole protocol of the background in one map. */
export function createBackgroundRouter(deps: RouterDeps) {
  const syncAndNotify = async () => {
    const state = await deps.sync.sync();
    await deps.notifySidebars(null);
    return state;
  };

  const handlers: Handlers = {
    'page.customer': async (message, origin) => {
      if (origin.tabId === null) return { ok: true };
      const before = JSON.stringify(await deps.tabCustomers.get(origin.tabId));
      await deps.tabCustomers.set(origin.tabId, message.customer);
      if (before !== JSON.stringify(message.customer)) await deps.notifySidebars(origin.tabId);
      return { ok: true };
    },

    'sidebar.context': async (_message, origin): Promise<SidebarContext> => {
      const [session, cached, sync, customer, reminders, rejected] = await Promise.all([
        deps.settings.session(),
        deps.sync.cached(),
        deps.sync.state(),
        origin.tabId === null ? null : deps.tabCustomers.get(origin.tabId),
        deps.reminders.active(),
        deps.rejected(),
      ]);
      const openCase = customer ? await deps.cases.openFor(customer) : null;
      return { tabId: origin.tabId, customer, user: session?.user ?? null, ...cached, sync, openCase, reminders, rejected };
    },

    'case.save': async (message) => {
      await deps.cases.save(message.case);
      // Written locally: the reply does not wait for the network.
      void syncAndNotify();
      return { ok: true, sync: await deps.sync.state() };
    },

    'text.insert': async (message, origin) => {
      if (origin.tabId === null) return { ok: false, reason: 'no_page' };
      return deps.insertInTab(origin.tabId, message.text);
    },

    'auth.signIn': async (message) => {
      const serverUrl = new URL(message.serverUrl).origin;
      try {
        const reply = await deps.signIn(serverUrl, { username: message.username, password: message.password });
        await deps.settings.signedIn({ serverUrl, token: reply.token, user: reply.user });
        void syncAndNotify();
        return { ok: true, user: reply.user };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    'auth.signOut': async () => {
      await deps.settings.signedOut();
      await deps.notifySidebars(null);
      return { ok: true };
    },

    'settings.get': async (): Promise<Settings> => {
      const [session, serverUrl] = await Promise.all([deps.settings.session(), deps.settings.serverUrl()]);
      return { serverUrl, user: session?.user ?? null };
    },

    'sync.now': () => syncAndNotify(),

    'case.get': async (message) => (await deps.cases.get(message.id)) ?? null,

    'reminder.save': async (message) => {
      await deps.reminders.save(message.reminder);
      void syncAndNotify();
      return { ok: true };
    },

    'case.history': async (message) => {
      try {
        return { ok: true, cases: await deps.caseHistory(message.phone) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  return (message: ToBackground, origin: Origin): Promise<unknown> =>
    (handlers[message.type] as (m: ToBackground, o: Origin) => Promise<unknown>)(message, origin);
}
