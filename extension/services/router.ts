import {
  ContentToBackground,
  PageToBackground,
  ShortcutAnswer,
  type BackgroundReplies,
  type ContextPart,
  type Expansion,
  type ReplyTo,
  type SidebarContextParts,
} from '../../shared';
import type { AuthService } from './auth';
import type { CaseFocus } from './case-focus';
import type { CaseService } from './cases';
import type { CrmSitesService } from './crm-sites';
import type { PickingService } from './picking';
import type { ReminderService } from './reminders';
import type { ServerLookups } from './server-lookups';
import type { SettingsService } from './settings';
import type { SyncService } from './sync';
import type { TabCustomers } from './tab-customers';

/** Who sent a message, as the browser says: never taken from the message itself. */
export interface Sender {
  extensionId: string | undefined;
  url: string | undefined;
  tabId: number | null;
}

/** The tab and page a message came from. */
export interface Origin {
  tabId: number | null;
  url: string | null;
}

/** A message let in by `admitMessage`, with the direction it came from. */
export type Admitted =
  | { from: 'content'; message: ContentToBackground }
  | { from: 'page'; message: PageToBackground }
  | { from: 'content'; refused: PageToBackground['type'] };

/**
 * The gate into the background. Only our extension's senders count; extension pages (the
 * sidebar, the options page) are known by their URL on the extension's own origin, which a web
 * page cannot take. Anything else is a content script running inside a CRM page: it may send only
 * `ContentToBackground`. An extension-page message from a content script is refused, not handled.
 */
export function admitMessage(raw: unknown, sender: Sender, own: { id: string; pagesOrigin: string }): Admitted | null {
  if (sender.extensionId !== own.id) return null;
  if (sender.url?.startsWith(own.pagesOrigin)) {
    const parsed = PageToBackground.safeParse(raw);
    return parsed.success ? { from: 'page', message: parsed.data } : null;
  }
  const parsed = ContentToBackground.safeParse(raw);
  if (parsed.success) return { from: 'content', message: parsed.data };
  const pageOnly = PageToBackground.safeParse(raw);
  return pageOnly.success ? { from: 'content', refused: pageOnly.data.type } : null;
}

interface RouterDeps {
  auth: AuthService;
  cases: CaseService;
  crmSites: CrmSitesService;
  picking: PickingService;
  reminders: ReminderService;
  settings: SettingsService;
  sync: SyncService;
  tabCustomers: TabCustomers;
  caseFocus: CaseFocus;
  sidebarContext: (tabId: number | null, parts?: readonly ContextPart[]) => Promise<SidebarContextParts>;
  pageSetup: (url: string | null) => Promise<ReplyTo<'page.site'>>;
  lookups: ServerLookups;
  /** Asks the content script of `tabId` to insert text at the CRM's caret. */
  insertInTab: (tabId: number, text: string, replace: string | undefined) => Promise<ReplyTo<'text.insert'>>;
  /** Asks the sidebar of `tabId` to expand a shortcut for its case; its raw answer. */
  askSidebarToExpand: (tabId: number, shortcut: string) => Promise<unknown>;
  /** Tells the sidebar of `tabId` (null: every sidebar) which parts of its context to fetch again (every part unless named). */
  notifySidebars: (tabId: number | null, parts?: readonly ContextPart[]) => Promise<void>;
}

type Handlers<M extends { type: keyof BackgroundReplies }> = {
  [T in M['type']]: (message: Extract<M, { type: T }>, origin: Origin) => Promise<ReplyTo<T>>;
};

/** The background's whole protocol: one handler per message type and direction, each handing the work to its service. */
export function createBackgroundRouter(deps: RouterDeps) {
  // What a sync may change: the queue's state, what the server refused, and what a pull brought
  // (cases, reminders). A changed catalogue is told apart, by the sync itself (catalogueChanged).
  const syncAndNotify = async (options?: { refreshCatalogue: boolean }) => {
    const state = await deps.sync.sync(options);
    await deps.notifySidebars(null, ['sync', 'rejected', 'page', 'reminders']);
    return state;
  };

  /** A reminder change's reply: the sidebars show it at once, the server hears of it by sync. */
  const reminderChanged = async (changed: Promise<boolean>): Promise<{ ok: true } | { ok: false; error: 'rejected' }> => {
    if (!(await changed)) return { ok: false, error: 'rejected' };
    await deps.notifySidebars(null, ['reminders']); // not waiting for the network: the to-do changes at once
    void syncAndNotify();
    return { ok: true };
  };

  const fromContent: Handlers<ContentToBackground> = {
    'page.customer': async (message, origin) => {
      if (origin.tabId !== null && (await deps.tabCustomers.report(origin.tabId, message.captured, origin.url))) await deps.notifySidebars(origin.tabId, ['page']);
      return { ok: true };
    },
    'page.site': (_message, origin) => deps.pageSetup(origin.url),
    'page.expand': async (message, origin): Promise<Expansion> => {
      if (origin.tabId === null) return { text: null };
      // The sidebar renders it: it holds the case, its language and values, and logs the use.
      const answer = ShortcutAnswer.safeParse(await deps.askSidebarToExpand(origin.tabId, message.shortcut));
      if (!answer.success || answer.data.kind === 'none') return { text: null };
      return answer.data.kind === 'text' ? { text: answer.data.text } : { text: null, asking: true };
    },
    'pick.save': (message, origin) => deps.picking.save(origin.url, message.field, message.rule),
  };

  const fromPage: Handlers<PageToBackground> = {
    'pick.start': (message, origin) => deps.picking.start(origin.tabId, message.field),
    'sites.list': async () => ({ sites: await deps.crmSites.access() }),
    'sites.register': async () => ({ sites: await deps.crmSites.register() }),
    'sidebar.context': (message, origin) => deps.sidebarContext(origin.tabId, message.parts),
    'case.save': async (message) => {
      await deps.cases.save(message.case);
      // Written locally: the reply does not wait for the network.
      void syncAndNotify();
      return { ok: true };
    },
    'text.insert': async (message, origin) =>
      origin.tabId === null ? { ok: false, reason: 'no_page' } : deps.insertInTab(origin.tabId, message.text, message.replace),
    'auth.signIn': async (message) => {
      const reply = await deps.auth.signIn(message);
      if (reply.ok) {
        await deps.notifySidebars(null, ['user', 'sync']);
        void syncAndNotify({ refreshCatalogue: true });
      }
      return reply;
    },
    'auth.signOut': async () => {
      await deps.auth.signOut();
      await deps.notifySidebars(null);
      return { ok: true };
    },
    'settings.get': async () => {
      const [session, serverUrl, shortcutPrefix] = await Promise.all([deps.settings.session(), deps.settings.serverUrl(), deps.settings.shortcutPrefix()]);
      return { serverUrl, user: session?.user ?? null, shortcutPrefix };
    },
    // CRM pages read it again when the agent comes back to them (their window's focus).
    'settings.shortcutPrefix': async (message) => {
      await deps.settings.setShortcutPrefix(message.prefix);
      return { ok: true };
    },
    'sync.now': () => syncAndNotify({ refreshCatalogue: true }),
    'case.get': async (message) => (await deps.cases.get(message.id)) ?? null,
    'reminder.save': async (message) => {
      await deps.reminders.save(message.reminder);
      void syncAndNotify();
      return { ok: true };
    },
    'case.history': (message) => deps.lookups.caseHistory(message.phone),
    'case.listOpen': () => deps.cases.listOpen(),
    'group.lookup': (message) => deps.lookups.caseGroups(message.project, message.building),
    'escalation.lookup': (message) => deps.lookups.caseEscalations(message.caseId),
    'reminder.snooze': (message) => reminderChanged(deps.reminders.snooze(message.id, message.preset)),
    'reminder.done': (message) => reminderChanged(deps.reminders.done(message.id, message.outcome || undefined)),
    'reminder.reschedule': (message) => reminderChanged(deps.reminders.reschedule(message.id, new Date(message.dueAt))),
    'case.open': async (message) => {
      const opened = await deps.caseFocus.openCase(message.caseId);
      return opened.ok ? { ok: true, shownIn: opened.shownIn } : { ok: false, error: 'rejected' };
    },
  };

  /** Answers one admitted message; a refused one gets `forbidden` and nothing else happens. */
  return (admitted: Admitted, origin: Origin): Promise<unknown> => {
    if ('refused' in admitted) return Promise.resolve({ ok: false, error: 'forbidden' });
    const handlers = (admitted.from === 'content' ? fromContent : fromPage) as Record<string, (m: unknown, o: Origin) => Promise<unknown>>;
    return handlers[admitted.message.type]!(admitted.message, origin);
  };
}
