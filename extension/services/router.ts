import { CustomerSnapshot, renderTemplate } from '../../shared';
import type { CaseHistoryItem, InsertResult, Locale, PageSetup, ReplyTo, Settings, SidebarContext, ToBackground } from '../../shared';
import type { CrmSitesService, SiteSource } from './crm-sites';
import type { Session } from './settings';
import type { CaseService } from './cases';
import type { ReminderService } from './reminders';
import type { SettingsService } from './settings';
import type { SyncService } from './sync';
import type { TabCustomers } from './tab-customers';
import { serverBaseUrl } from './server-api';
import type { SignInResponse, SignInRequest } from '../../shared';

/** Who sent a message: the tab it came from, when it came from one. */
export interface Origin {
  tabId: number | null;
  /** The URL of the frame that sent it (a content script's page), when known. */
  url?: string | null;
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
  crmSites: CrmSitesService;
  /** Asks the content script of `tabId` to load the picker and start it for one field. */
  startPicker: (tabId: number, field: string) => Promise<void>;
  siteSource: (session: Session) => Required<SiteSource>;
  newId: () => string;
  /** The language templates expanded in a CRM field are preferred in. */
  locale: () => Locale;
}

type Handlers = { [T in ToBackground['type']]: (message: Extract<ToBackground, { type: T }>, origin: Origin) => Promise<ReplyTo<T>> };

/** One handler per background message type: the whole protocol of the background in one map. */
export function createBackgroundRouter(deps: RouterDeps) {
  const syncAndNotify = async (options?: { refreshCatalogue: boolean }) => {
    const state = await deps.sync.sync(options);
    await deps.notifySidebars(null);
    return state;
  };

  const handlers: Handlers = {
    'page.customer': async (message, origin) => {
      if (origin.tabId === null) return { ok: true };
      // Scraped values are parsed here, with the shared schema; what does not pass is no customer.
      const captured = message.captured;
      const parsed = captured
        ? CustomerSnapshot.safeParse({
            name: captured.customerName ?? '',
            phone: captured.phone ?? '',
            project: captured.project,
            unit: captured.unit,
            crmRecordId: captured.crmRecordId,
          })
        : null;
      const customer = parsed?.success ? parsed.data : null;
      const before = JSON.stringify(await deps.tabCustomers.get(origin.tabId));
      await deps.tabCustomers.set(origin.tabId, customer);
      if (before !== JSON.stringify(customer)) await deps.notifySidebars(origin.tabId);
      return { ok: true };
    },

    'page.site': async (_message, origin): Promise<PageSetup> => {
      const [site, cached] = await Promise.all([deps.crmSites.forUrl(origin.url ?? null), deps.sync.cached()]);
      const wordingRules = cached.rules.map(({ phrase, alternative, kind }) => ({ phrase, alternative, kind }));
      const shortcuts = [...new Set(cached.templates.flatMap((t) => (t.shortcut ? [t.shortcut] : [])))];
      return { site, wordingRules, shortcuts };
    },

    'page.expand': async (message, origin) => {
      const [{ templates }, session, customer] = await Promise.all([
        deps.sync.cached(),
        deps.settings.session(),
        origin.tabId === null ? null : deps.tabCustomers.get(origin.tabId),
      ]);
      const locale = deps.locale();
      const matching = templates.filter((t) => t.shortcut === message.shortcut && t.status === 'published');
      const template = matching.find((t) => t.language === locale) ?? matching[0];
      if (!template) return { text: null };
      const values: Record<string, string> = {
        customerName: customer?.name ?? '',
        phone: customer?.phone ?? '',
        project: customer?.project ?? '',
        unit: customer?.unit ?? '',
        agentName: session?.user.displayName ?? '',
      };
      return { text: renderTemplate(template.body, values, template.language).text };
    },

    'pick.start': async (message, origin) => {
      const session = await deps.settings.session();
      if (session?.user.role !== 'supervisor') return { ok: false, message: 'Only a supervisor configures CRM sites.' };
      if (origin.tabId === null) return { ok: false, message: 'No CRM page.' };
      await deps.startPicker(origin.tabId, message.field);
      return { ok: true };
    },

    'pick.save': async (message, origin) => {
      const session = await deps.settings.session();
      if (session?.user.role !== 'supervisor') return { ok: false, message: 'Only a supervisor configures CRM sites.' };
      if (!origin.url) return { ok: false, message: 'No CRM page.' };
      try {
        await deps.crmSites.saveRule(origin.url, message.field, message.rule, deps.siteSource(session), deps.newId);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    'sites.list': async () => ({ sites: await deps.crmSites.access() }),
    'sites.register': async () => ({ sites: await deps.crmSites.register() }),

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
      // An address set by enterprise policy wins over the one typed in.
      const serverUrl = serverBaseUrl((await deps.settings.managedServerUrl()) ?? message.serverUrl);
      try {
        const reply = await deps.signIn(serverUrl, { username: message.username, password: message.password });
        await deps.settings.signedIn({ serverUrl, token: reply.token, user: reply.user });
        void syncAndNotify({ refreshCatalogue: true });
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

    'sync.now': () => syncAndNotify({ refreshCatalogue: true }),

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
