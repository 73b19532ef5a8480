import { CustomerSnapshot, RecordUrl, type ContentToBackground } from '../../shared';
import type { StorageArea } from './storage-area';

const key = (tabId: number) => `tab:${tabId}:customer`;

/**
 * The customer each tab's CRM page shows, as its content script last reported. Kept in
 * `storage.session` so a restarted service worker still knows, and gone when the browser closes.
 */
export function createTabCustomers(area: StorageArea) {
  const customers = {
    async get(tabId: number): Promise<CustomerSnapshot | null> {
      const parsed = CustomerSnapshot.safeParse((await area.get(key(tabId)))[key(tabId)]);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId: number, customer: CustomerSnapshot | null): Promise<void> {
      if (customer) await area.set({ [key(tabId)]: customer });
      else await area.remove(key(tabId));
    },
    /**
     * Takes what a tab's content script scraped: parsed here with the shared schema (what does
     * not pass is no customer), kept, and whether it changed the tab's customer.
     */
    async report(
      tabId: number,
      captured: Extract<ContentToBackground, { type: 'page.customer' }>['captured'],
      pageUrl: string | null,
    ): Promise<boolean> {
      const parsed = captured
        ? CustomerSnapshot.safeParse({
            name: captured.customerName ?? '',
            phone: captured.phone ?? '',
            project: captured.project,
            unit: captured.unit,
            crmRecordId: captured.crmRecordId,
            // The page's own address, told by the browser (never by the page): where the record lives.
            recordUrl: RecordUrl.safeParse(pageUrl).data,
          })
        : null;
      const customer = parsed?.success ? parsed.data : null;
      const before = JSON.stringify(await customers.get(tabId));
      await customers.set(tabId, customer);
      return before !== JSON.stringify(customer);
    },
  };
  return customers;
}
export type TabCustomers = ReturnType<typeof createTabCustomers>;
