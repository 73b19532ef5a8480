/**
 * Makes room for the sidebar at the right of the CRM page instead of covering it: the page's
 * flow gets the remaining width, and what the page pins to the viewport (fixed headers,
 * toolbars, bottom bars, floating buttons) is narrowed or moved out from under the sidebar.
 * Only inline `!important` styles are written (CSSOM, which a strict CSP allows, and which no
 * stylesheet of the page outranks); every one is put back when the dock changes or ends.
 */
export interface PageDock {
  /** Reserves `width` CSS pixels at the right of the viewport (0: none). */
  reserve(width: number): void;
}

/** Rows, in CSS pixels, of the points probed along the sidebar's edge for page boxes reaching under it. */
const PROBE_STEP = 32;

export function dockPage(doc: Document, isOwn: (element: Element) => boolean, signal: AbortSignal): PageDock {
  const view = doc.defaultView!;
  const root = doc.documentElement;
  let width = 0;
  /** Each page element restyled, with its own inline values as they were. */
  const restyled = new Map<HTMLElement, [property: string, value: string, priority: string][]>();

  const set = (element: HTMLElement, property: string, value: string) => {
    const saved = restyled.get(element) ?? [];
    if (!saved.some(([name]) => name === property)) saved.push([property, element.style.getPropertyValue(property), element.style.getPropertyPriority(property)]);
    restyled.set(element, saved);
    element.style.setProperty(property, value, 'important');
  };
  const restore = () => {
    for (const [element, saved] of restyled) for (const [property, value, priority] of saved) element.style.setProperty(property, value, priority);
    restyled.clear();
  };

  /** Moves what the page pins to the viewport out from under the sidebar. */
  const clearPinned = () => {
    if (!width) return;
    const edge = view.innerWidth - width;
    const pinned = new Set<HTMLElement>();
    // Fixed elements are the drawn ones without an offset parent (cheap to read once laid out),
    // in the page and in its open shadow roots.
    const collect = (scope: ParentNode) => {
      for (const element of scope.querySelectorAll<HTMLElement>('*')) {
        if (element.offsetParent === null && element.getClientRects().length > 0 && view.getComputedStyle(element).position === 'fixed') pinned.add(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(doc.body ?? root);
    // Boxes placed absolutely against the viewport-sized initial containing block: found where
    // they reach under the sidebar's edge.
    const known = new Map<Element, HTMLElement | null>();
    for (let y = 2; y < view.innerHeight; y += PROBE_STEP)
      for (const hit of pointsIn(doc, edge + 2, y, new Set())) {
        const found = pinnedAncestor(hit, view, known);
        if (found) pinned.add(found);
      }
    for (const element of pinned) {
      if (isOwn(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.right <= edge || box.width === 0) continue;
      // A bar across the page ends at the sidebar; a button or panel at the right moves left
      // by the sidebar's width, keeping its gap to the edge.
      if (box.width > view.innerWidth / 2) set(element, 'max-width', `${edge - box.left}px`);
      else set(element, 'translate', `${-width}px 0`);
    }
  };

  // Pages pin new bars as they go (a single-page CRM opening a record): look again after
  // changes, at most a few times a second, since a busy page changes all the time.
  const later = (then: () => void) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    signal.addEventListener('abort', () => clearTimeout(pending));
    return () => (pending ??= setTimeout(() => ((pending = undefined), then()), 250));
  };
  const observer = new view.MutationObserver(later(clearPinned));

  /** Reflows the page for the current width, from the page's own styles. */
  const apply = () => {
    restore();
    observer.disconnect();
    if (!width) return;
    set(root, 'margin-right', `${width}px`);
    set(root, 'max-width', `calc(100% - ${width}px)`);
    observer.observe(root, { childList: true, subtree: true, attributeFilter: ['class'] });
    // Before the next paint, but after the sidebar's frame has started loading.
    view.requestAnimationFrame(clearPinned);
  };
  view.addEventListener('resize', later(apply), { signal });
  signal.addEventListener('abort', () => {
    width = 0; // a probe still scheduled finds nothing to do
    observer.disconnect();
    restore();
  });

  return {
    reserve(next) {
      if (signal.aborted || next === width) return;
      width = next;
      apply();
    },
  };
}

/** The page elements at a point, also inside open shadow roots (a web component's pinned bar). */
function pointsIn(root: Document | ShadowRoot, x: number, y: number, visited: Set<Document | ShadowRoot>): Element[] {
  visited.add(root);
  const hits = root.elementsFromPoint(x, y);
  return [...hits, ...hits.flatMap((hit) => (hit.shadowRoot && !visited.has(hit.shadowRoot) ? pointsIn(hit.shadowRoot, x, y, visited) : []))];
}

/**
 * The element that pins `element` to the viewport: itself or an ancestor with `position: fixed`,
 * or positioned absolutely against the viewport-sized initial containing block (no positioned
 * ancestor). Null for the page's flow, which the dock's margin already moves.
 */
function pinnedAncestor(element: Element, view: Window, known: Map<Element, HTMLElement | null>): HTMLElement | null {
  const { body, documentElement } = element.ownerDocument;
  const climbed: Element[] = [];
  let pinned: HTMLElement | null = null;
  for (let at: Element | null = element; at && at !== body && at !== documentElement; at = parentOf(at)) {
    if (known.has(at)) {
      pinned = known.get(at)!;
      break;
    }
    climbed.push(at);
    const position = view.getComputedStyle(at).position;
    const againstViewport = position === 'absolute' && (at as HTMLElement).offsetParent === body && view.getComputedStyle(body).position === 'static';
    if (position === 'fixed' || againstViewport) {
      pinned = at as HTMLElement;
      break;
    }
  }
  for (const at of climbed) known.set(at, pinned);
  return pinned;
}

const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
