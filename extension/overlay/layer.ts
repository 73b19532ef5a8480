// Inline `!important` declarations outrank every rule a host stylesheet can write. The layer is
// a zero-size box at the viewport's corner; its children are positioned against the viewport.
const LAYER_STYLE = [
  'all: initial !important',
  'position: fixed !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'display: block !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'transform: none !important',
  'z-index: 2147483647 !important',
  'pointer-events: none !important',
].join(';');

/**
 * A closed shadow root attached to `<html>` for our hints and highlights: page CSS cannot style
 * them, page scripts cannot read them, and the CRM's own DOM is never modified. Removed when
 * `signal` aborts.
 */
export function mountLayer(doc: Document, css: string, signal: AbortSignal): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('lingting-layer');
  host.setAttribute('style', LAYER_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial}${css}`;
  root.append(style);
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}

/** Where an element is on the top page's viewport, adding the offsets of the frames it sits in. */
export function viewportRect(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  let frame = element.ownerDocument.defaultView?.frameElement ?? null;
  while (frame) {
    const outer = frame.getBoundingClientRect();
    x += outer.left + frame.clientLeft;
    y += outer.top + frame.clientTop;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}
