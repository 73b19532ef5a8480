import type { ContentSite } from '../../shared/content-protocol';
import { readCustomer, type Captured, type Scope } from './read';

/** How long the page must be quiet before it is read again: CRMs render a record in bursts. */
const SETTLE_MS = 120;
/**
 * After a navigation, how long an empty page is taken for "the next record is loading" rather
 * than "no customer": the old record goes first, the new one arrives with its data.
 */
const NAVIGATION_GRACE_MS = 2000;

const OBSERVED: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true };

export interface WatchOptions {
  doc: Document;
  site: ContentSite;
  onCustomer: (captured: Captured | null) => void;
  /** Subscribes to the page's own navigation (WXT's `wxt:locationchange`: pushState, replaceState, hash). */
  onLocationChange: (listener: () => void) => void;
  /** Called once for each same-origin frame document the rules reach. */
  onFrameDocument?: (doc: Document) => void;
  signal: AbortSignal;
}

/**
 * Calls `onCustomer` with what the page shows now, and again whenever that changes: after DOM
 * mutations settle (in the document, in every open shadow root and same-origin frame the rules
 * pass through, including frames created or reloaded later) and after single-page navigation.
 * Stops when `signal` aborts.
 */
export function watchCustomer(options: WatchOptions): void {
  const { doc, site, onCustomer, signal } = options;
  let last: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let navigatedAt = -Infinity;
  let lastHref = doc.location.href;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const observed = new WeakSet<Scope>();

  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, SETTLE_MS);
  };
  const observer = new MutationObserver(schedule);

  // MutationObserver does not cross shadow roots or frames, and a frame's `load` does not leave
  // a shadow root: each scope the rules pass through is observed on its own, once.
  const observe = (scope: Scope) => {
    if (observed.has(scope)) return;
    observed.add(scope);
    observer.observe(scope, OBSERVED);
    if (scope !== doc && scope.nodeType === Node.DOCUMENT_NODE) options.onFrameDocument?.(scope as Document);
    scope.addEventListener('load', schedule, { capture: true, signal });
  };

  function check() {
    timer = undefined;
    if (signal.aborted) return;
    // pushState changes the URL without an event the isolated world hears at once (WXT polls).
    if (doc.location.href !== lastHref) {
      lastHref = doc.location.href;
      navigatedAt = performance.now();
    }
    const captured = readCustomer(doc, site, observe);
    const sinceNavigation = performance.now() - navigatedAt;
    if (!captured && sinceNavigation < NAVIGATION_GRACE_MS) {
      // Look once more when the grace ends, in case the page never shows another record.
      graceTimer ??= setTimeout(() => ((graceTimer = undefined), schedule()), NAVIGATION_GRACE_MS - sinceNavigation);
      return;
    }
    const key = JSON.stringify(captured);
    if (key === last) return;
    last = key;
    onCustomer(captured);
  }

  const navigated = () => {
    navigatedAt = performance.now();
    schedule();
  };
  observe(doc);
  const view = doc.defaultView;
  view?.addEventListener('popstate', navigated, { signal });
  view?.addEventListener('hashchange', navigated, { signal });
  options.onLocationChange(navigated);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(graceTimer);
    },
    { once: true },
  );
  check();
}
