import type { CustomerSnapshot, CrmSite } from '../../shared';
import { readCustomer } from './read';

/** How long the page must be quiet before it is read again: CRMs render a record in bursts. */
const SETTLE_MS = 120;

/**
 * Calls `onCustomer` with the customer the page shows now, and again whenever that changes:
 * after DOM mutations settle and after single-page navigation. Stops when `signal` aborts.
 */
export function watchCustomer(
  doc: Document,
  site: CrmSite,
  onCustomer: (customer: CustomerSnapshot | null) => void,
  signal: AbortSignal,
): void {
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    const customer = readCustomer(doc, site);
    const key = JSON.stringify(customer);
    if (key === last) return;
    last = key;
    onCustomer(customer);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, SETTLE_MS);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule, { signal });
  view?.addEventListener('hashchange', schedule, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  check();
}
