import { CustomerSnapshot } from '../../shared';
import type { StorageArea } from './storage-area';

const key = (tabId: number) => `tab:${tabId}:customer`;

/**
 * The customer each tab's CRM page shows, as its content script last reported. Kept in
 * `storage.session` so a restarted service worker still knows, and gone when the browser closes.
 */
export function createTabCustomers(area: StorageArea) {
  return {
    async get(tabId: number): Promise<CustomerSnapshot | null> {
      const parsed = CustomerSnapshot.safeParse((await area.get(key(tabId)))[key(tabId)]);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId: number, customer: CustomerSnapshot | null): Promise<void> {
      if (customer) await area.set({ [key(tabId)]: customer });
      else await area.remove(key(tabId));
    },
  };
}
export type TabCustomers = ReturnType<typeof createTabCustomers>;
