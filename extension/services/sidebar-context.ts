import type { SidebarContext } from '../../shared';
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

/** Everything a tab's sidebar shows, gathered from the services that own each part. */
export function createSidebarContext(deps: {
  db: LingtingDb;
  cases: CaseService;
  reminders: ReminderService;
  settings: SettingsService;
  sync: SyncService;
  tabCustomers: TabCustomers;
  caseFocus: CaseFocus;
}) {
  return async (tabId: number | null): Promise<SidebarContext> => {
    const [session, cached, sync, customer, reminders, rejected] = await Promise.all([
      deps.settings.session(),
      deps.sync.cached(),
      deps.sync.state(),
      tabId === null ? null : deps.tabCustomers.get(tabId),
      deps.reminders.active(),
      refusedChanges(deps.db),
    ]);
    // The case this tab was asked to show (a reminder, the list of open cases) comes before the customer's newest.
    const focused = tabId === null ? null : await deps.caseFocus.focusedCaseFor(tabId, customer);
    const openCase = focused ?? (customer ? await deps.cases.openFor(customer) : null);
    return { tabId, customer, user: session?.user ?? null, ...cached, sync, openCase, focusedCaseId: focused?.id ?? null, reminders, rejected };
  };
}
