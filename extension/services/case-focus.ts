import { Id, type Case, type CustomerSnapshot } from '../../shared';
import type { StorageArea } from './storage-area';

const key = (tabId: number) => `tab:${tabId}:focusedCase`;

/** A browser tab as case-focus needs it: its URL is known only for origins the agent granted (the CRMs). */
export interface FocusTab {
  id: number;
  windowId: number;
  url?: string;
  active: boolean;
}

/** The browser facilities opening a case needs, passed in so tests can use fakes. */
export interface CaseFocusPlatform {
  /** Every tab, those of the last focused window's active tab first. */
  tabs(): Promise<FocusTab[]>;
  /** Brings a tab to the front: selected in its window, and its window focused. */
  focusTab(tab: FocusTab): Promise<void>;
  /** Opens `url` in a new tab; the new tab's id. */
  openTab(url: string): Promise<number>;
  /** Asks the tab's content script to show its sidebar; false when no content script answers (not a CRM tab). */
  revealSidebar(tabId: number): Promise<boolean>;
  /** The last resort: the case alone on the extension's own sidebar page. */
  openCasePage(caseId: string): Promise<void>;
}

/**
 * The same page for the purpose of "is this record already open": scheme, host, path and query,
 * without the fragment (a CRM's own tabs within a record) or a trailing slash.
 */
export function normalisedPageUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  } catch {
    return null;
  }
}

/** Is `record` about the customer a tab shows (the same CRM record, or the same phone without one)? */
export function sameCustomer(record: Case, customer: CustomerSnapshot): boolean {
  if (record.customer.crmRecordId && customer.crmRecordId) return record.customer.crmRecordId === customer.crmRecordId;
  return record.customer.phone === customer.phone;
}

/** How a case was brought up: in the sidebar of a CRM tab, or (no CRM tab at all) on its own page. */
export type OpenedCase = { ok: true; shownIn: 'tab'; tabId: number } | { ok: true; shownIn: 'page' } | { ok: false };

/**
 * Opening a case (from a reminder's notification, from the sidebar's list of open cases): its CRM
 * record comes up with the case in its sidebar. Which case a tab's sidebar was asked to show is
 * kept per tab in `storage.session` (like the tab's customer), so a restarted service worker
 * still knows, and the sidebar shows that case rather than merely the customer's newest open one.
 */
export function createCaseFocus(deps: {
  area: StorageArea;
  getCase: (id: string) => Promise<Case | undefined>;
  platform: CaseFocusPlatform;
  /**
   * The address a tab's content script last reported (tab-customers): the browser tells tab URLs
   * only for origins the agent granted, and the built-in CRM's match pattern is not one.
   */
  reportedUrl: (tabId: number) => Promise<string | undefined>;
  /** Tells the sidebar of `tabId` that what its page shows (customer, case) changed. */
  notifySidebars: (tabId: number, parts: ['page']) => Promise<void>;
}) {
  const { area, platform } = deps;

  async function focusedCaseId(tabId: number): Promise<string | null> {
    const parsed = Id.safeParse((await area.get(key(tabId)))[key(tabId)]);
    return parsed.success ? parsed.data : null;
  }

  async function showIn(tabId: number, caseId: string): Promise<void> {
    await area.set({ [key(tabId)]: caseId });
    await deps.notifySidebars(tabId, ['page']);
  }

  /** The first tab whose content script answers, the active one tried first; it then shows its sidebar. */
  async function crmTabAnswering(tabs: FocusTab[]): Promise<FocusTab | null> {
    for (const tab of tabs) if (await platform.revealSidebar(tab.id)) return tab;
    return null;
  }

  return {
    /** The case the sidebar of `tabId` was asked to show, if any. */
    focusedCaseId,
    /** Forgets a tab's focused case (its tab closed). */
    forget: (tabId: number) => area.remove(key(tabId)),
    /**
     * The case a tab's sidebar shows for `customer`: the one it was asked to show while it is about
     * that customer (or the page has not said who it shows yet), otherwise none (the caller falls
     * back to the customer's newest open case).
     */
    async focusedCaseFor(tabId: number, customer: CustomerSnapshot | null): Promise<Case | null> {
      const caseId = await focusedCaseId(tabId);
      const record = caseId ? await deps.getCase(caseId) : undefined;
      if (!record || record.status === 'closed') return null;
      return !customer || sameCustomer(record, customer) ? record : null;
    },
    /** Brings a case up: its CRM record's tab (found or opened), else the active CRM tab, else its own page. */
    async openCase(caseId: string): Promise<OpenedCase> {
      const record = await deps.getCase(caseId);
      if (!record) return { ok: false };
      const tabs = await platform.tabs();
      const recordUrl = record.customer.recordUrl;
      if (recordUrl) {
        const wanted = normalisedPageUrl(recordUrl);
        let showing: FocusTab | undefined;
        for (const tab of tabs) {
          const url = tab.url ?? (await deps.reportedUrl(tab.id));
          if (url !== undefined && normalisedPageUrl(url) === wanted) {
            showing = tab;
            break;
          }
        }
        if (showing) {
          await platform.focusTab(showing);
          await showIn(showing.id, caseId);
          await platform.revealSidebar(showing.id);
          return { ok: true, shownIn: 'tab', tabId: showing.id };
        }
        // Kept before the page loads: the new tab's sidebar asks for its context once it is up.
        const opened = await platform.openTab(recordUrl);
        await showIn(opened, caseId);
        return { ok: true, shownIn: 'tab', tabId: opened };
      }
      const crmTab = await crmTabAnswering(tabs);
      if (crmTab) {
        await platform.focusTab(crmTab);
        await showIn(crmTab.id, caseId);
        return { ok: true, shownIn: 'tab', tabId: crmTab.id };
      }
      await platform.openCasePage(caseId);
      return { ok: true, shownIn: 'page' };
    },
  };
}
export type CaseFocus = ReturnType<typeof createCaseFocus>;
