import { deepActiveElement, frameDocument, isEditable } from './editable';

/** The field the agent last typed in, and, for rich-text fields, where the caret was. */
export interface FocusTracker {
  field(): HTMLElement | null;
  /** The caret range inside a contenteditable field, saved before focus left for the sidebar. */
  caret(): Range | null;
  /** Calls `listener` with the top document and each same-origin frame document found, now and later. */
  documents(listener: (doc: Document) => void): void;
  /** Starts listening in a same-origin frame's document found some other way (capture rules, insertion). */
  adopt(doc: Document): void;
}

/**
 * Remembers the last editable field focused on the page, including fields inside same-origin
 * frames. Clicking the sidebar moves focus into its iframe, so the CRM field is remembered here
 * and focused again on insertion. `isOwn` tells our own elements apart, so the sidebar host is
 * never remembered.
 */
export function trackFocusedField(doc: Document, isOwn: (element: Element) => boolean, signal: AbortSignal): FocusTracker {
  let field: HTMLElement | null = null;
  let caret: Range | null = null;
  const listened = new WeakSet<Document>();
  const known: Document[] = [];
  const documentListeners: ((doc: Document) => void)[] = [];

  const onFocus = () => {
    const active = deepActiveElement(doc);
    if (!active || isOwn(active)) return;
    // Focus moving between fields inside a frame is announced in the frame's document only, and
    // keys typed there reach only its window: listen in every frame on the way to the field.
    const inner = frameDocument(active);
    if (inner) listen(inner);
    for (let frame = active.ownerDocument; frame !== doc; frame = frame.defaultView?.frameElement?.ownerDocument ?? doc) listen(frame);
    if (!isEditable(active)) return;
    if (active !== field) caret = null;
    field = active;
  };
  const onSelection = (event: Event) => {
    const selection = (event.currentTarget as Document).getSelection();
    if (!field?.isContentEditable || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (field.contains(range.commonAncestorContainer)) caret = range.cloneRange();
  };
  function listen(target: Document) {
    if (listened.has(target)) return;
    listened.add(target);
    known.push(target);
    for (const listener of documentListeners) listener(target);
    target.addEventListener('focusin', onFocus, { capture: true, signal });
    target.addEventListener('selectionchange', onSelection, { signal });
  }
  listen(doc);
  // The agent may already be typing when the script starts (an editor that focuses itself, a
  // page restored with focus inside a frame): no focus event would tell.
  onFocus();
  // Focus moving into a frame may announce itself only as the top window's blur.
  doc.defaultView?.addEventListener('blur', () => setTimeout(onFocus), { signal });

  return {
    field: () => (field?.isConnected ? field : null),
    caret: () => caret,
    adopt: listen,
    documents(listener) {
      documentListeners.push(listener);
      for (const target of known) listener(target);
    },
  };
}
