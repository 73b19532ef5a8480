import { CONTEXT_PARTS, type ContextPart, type SidebarContext, type SidebarContextParts } from '../../shared';
import type { LingtingDb } from '../db/schema';
import type { CaseFocus } from './case-focus';
import type { CaseService } from './cases';
import type { ReminderService } from './reminders';
import type { SettingsService } from './settings';
import type { SyncService } from './sync';
import type { TabCustomers } from './tab-customers';

/** Changes the server refused, as the sidebar lists them: what it was, and the server's reason. */
async function refusedChanges(db: LingtingDb): Promise<SidebarContext['rejected']> {
  return (await db.rejected.toArray()).map((r) => ({
    changeId: r.changeId,
    reason: r.reason,
    at: r.at,
    what: r.change.kind === 'case.put' ? r.change.case.customer.name : r.change.reminder.note,
  }));
}

/**
 * What a tab's sidebar shows, gathered from the services that own each part: every part, or
 * only those asked for (a change notice names what changed, and only that is read and sent).
 */
export function createSidebarContext(deps: {
  db: LingtingDb;
  cases: CaseService;
  reminders: ReminderService;
  settings: SettingsService;
  sync: SyncService;
  tabCustomers: TabCustomers;
  caseFocus: CaseFocus;
}) {
  /** The tab's customer, and the case it shows: the one this tab was asked to show (a reminder, the list of open cases), else the customer's newest. */
  async function page(tabId: number | null): Promise<Pick<SidebarContext, 'customer' | 'openCase' | 'focusedCaseId'>> {
    const customer = tabId === null ? null : await deps.tabCustomers.get(tabId);
    const focused = tabId === null ? null : await deps.caseFocus.focusedCaseFor(tabId, customer);
    const openCase = focused ?? (customer ? await deps.cases.openFor(customer) : null);
    return { customer, openCase, focusedCaseId: focused?.id ?? null };
  }

  const readers: { [P in ContextPart]: (tabId: number | null) => Promise<Partial<SidebarContext>> } = {
    page,
    user: async () => ({ user: (await deps.settings.session())?.user ?? null }),
    catalogue: () => deps.sync.cached(),
    sync: async () => ({ sync: await deps.sync.state() }),
    reminders: async () => ({ reminders: await deps.reminders.active() }),
    rejected: async () => ({ rejected: await refusedChanges(deps.db) }),
  };

  function context(tabId: number | null): Promise<SidebarContext>;
  function context(tabId: number | null, parts: readonly ContextPart[]): Promise<SidebarContextParts>;
  async function context(tabId: number | null, parts: readonly ContextPart[] = CONTEXT_PARTS): Promise<SidebarContextParts> {
    const read = await Promise.all([...new Set(parts)].map((part) => readers[part](tabId)));
    return Object.assign({ tabId }, ...read) as SidebarContextParts;
  }
  return context;
}
