import { hasEditContext, isProxyField, isTextField, type TextField } from './editable';

/** How long an editor may take to show what it was given (React renders, Monaco redraws). */
const LANDING_WINDOW_MS = 1000;

/** How long an editor may take to follow a selection made for it: Slate reads it at most every 100 ms. */
export const SELECTION_FOLLOW_MS = 150;

/**
 * Puts `text` at the caret of `field` the way the agent would, so the page app's own model
 * (React or Vue state, a rich-text or code editor) receives it, not just the DOM, and resolves
 * to whether the text was then seen in the field. Never inserts twice: once a way was taken and
 * the field changed, a text that does not show up is reported, not retried. Only a field left
 * exactly as it was is offered the next way (Firefox hides the data of a content script's paste
 * from the page: the editor takes the paste and inserts nothing).
 *
 * Where the caret goes: the range remembered for a contenteditable, 'end' for a field the agent
 * never clicked, null for the selection as it is. `selected` tells that the selection was just
 * changed for the editor (a typed shortcut selected to be replaced), which it must follow first.
 */
export async function insertText(field: HTMLElement, text: string, caret: Range | 'end' | null, selected = false): Promise<boolean> {
  const needle = comparable(text);
  const untouched = observedText(field);
  const before = occurrences(untouched, needle);
  if (caret === 'end') {
    field.focus({ preventScroll: true });
    placeCaretAtEnd(field);
  } else if (caret) refocus(field, caret);
  else field.focus({ preventScroll: true });
  // Editors follow the DOM selection on `selectionchange`, which the browser sends later.
  if (field.isContentEditable) await selectionHeard(field.ownerDocument, selected ? SELECTION_FOLLOW_MS : 0);
  let byLine = false;
  for (const way of waysInto(field)) {
    if (!(byLine ? typedByLine(way, field, text) : way(field, text))) continue;
    if (!needle) return true;
    if (await landed(() => occurrences(observedText(field), needle) > before)) return true;
    if (observedText(field) !== untouched) return false;
    // The editor wanted a paste and could not read it: it gets the lines as they are typed,
    // with a paragraph break (Enter) between them, which every editor keeps as lines.
    if (way === offerPaste) byLine = true;
  }
  return false;
}

/** A way of handing text over: `insertText` with the text, or `insertParagraph` (Enter). */
type Way = (field: HTMLElement, text: string, inputType?: 'insertText' | 'insertParagraph') => boolean;

/** Hands `text` over line by line, a paragraph break between lines; false when any step is refused. */
const typedByLine = (way: Way, field: HTMLElement, text: string) =>
  text.split('\n').every((line, i) => (i === 0 || way(field, '', 'insertParagraph')) && (line === '' || way(field, line)));

/**
 * Gives `field` the focus back with its caret where the agent left it: a text field keeps its
 * own selection; a contenteditable gets the range remembered for it.
 */
export function refocus(field: HTMLElement, caret: Range | null): void {
  field.focus({ preventScroll: true });
  if (field.isContentEditable && caret && field.contains(caret.commonAncestorContainer)) {
    const selection = field.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }
}

/**
 * The ways text is handed to a field, most faithful first:
 * - a paste of plain text, to editors that keep their own model (ProseMirror, Lexical, Slate,
 *   Draft.js, Quill, CKEditor, TinyMCE, CodeMirror, Monaco): they split lines into paragraphs and
 *   record one undo step, as for an agent's own paste;
 * - a cancelable `beforeinput`, to editors that insert typed text themselves;
 * - `execCommand('insertText')`, the browser's editing pipeline: a trusted `input` event (React's
 *   onChange) and the native undo stack, in text fields and plain contenteditables;
 * - the element's native value setter and an `input` event, which controlled inputs also observe.
 */
function waysInto(field: HTMLElement): Way[] {
  const paste = field.isContentEditable || isProxyField(field) ? [offerPaste] : [];
  if (hasEditContext(field)) return paste; // nothing else reaches an EditContext's owner
  const beforeInput = field.isContentEditable ? [offerBeforeInput] : [];
  return [...paste, ...beforeInput, editCommand];
}

/** The browser's editing pipeline, and where it refuses a text field, its value setter. */
const editCommand: Way = (field, text, inputType = 'insertText') =>
  inputType === 'insertParagraph'
    ? field.ownerDocument.execCommand('insertParagraph')
    : field.ownerDocument.execCommand('insertText', false, text) || (isTextField(field) && insertIntoValue(field, text));

/** Whether the page's editor took the text from a paste event and inserted it itself. */
function offerPaste(field: HTMLElement, text: string): boolean {
  const view = field.ownerDocument.defaultView;
  if (!view?.DataTransfer || !view.ClipboardEvent) return false;
  const clipboardData = new view.DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new view.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  return !field.dispatchEvent(event);
}

/** Whether the page's editor took the text (or the paragraph break) from a `beforeinput` event and inserted it itself. */
function offerBeforeInput(field: HTMLElement, text: string, inputType: 'insertText' | 'insertParagraph' = 'insertText'): boolean {
  const view = field.ownerDocument.defaultView;
  if (!view) return false;
  const selection = field.ownerDocument.getSelection();
  const ranges = selection && selection.rangeCount > 0 ? [new view.StaticRange(selection.getRangeAt(0))] : [];
  const event = new view.InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType,
    data: inputType === 'insertText' ? text : null,
    targetRanges: ranges,
  });
  return !field.dispatchEvent(event);
}

/** Writes the text into the value as typing would; true, as it always takes. */
function insertIntoValue(field: TextField, text: string): true {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const next = field.value.slice(0, start) + text + field.value.slice(end);
  // React tracks the value it last set; writing through the prototype's setter makes the
  // following input event look like a user edit to it.
  const view = field.ownerDocument.defaultView ?? window;
  const prototype = field.localName === 'textarea' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, next);
  if (hasSelection(field)) field.setSelectionRange(start + text.length, start + text.length);
  field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}

/** Whether the field has a selection to set: an email input has none (setting one throws). */
function hasSelection(field: TextField): boolean {
  return field.selectionStart !== null;
}

/** Where text goes in a field the agent never clicked: after what is already there. */
function placeCaretAtEnd(field: HTMLElement): void {
  if (isProxyField(field)) return; // its editor keeps its own caret
  if (isTextField(field)) {
    if (hasSelection(field)) field.setSelectionRange(field.value.length, field.value.length);
    return;
  }
  const range = field.ownerDocument.createRange();
  range.selectNodeContents(field);
  range.collapse(false);
  const selection = field.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * The text the agent sees in the field: a text field's value, a contenteditable's text, and for
 * a code editor's hidden input the text its editor draws around it.
 */
function observedText(field: HTMLElement): string {
  const value = isTextField(field) ? field.value : '';
  if (field.isContentEditable) return `${value}\u0000${field.textContent ?? ''}`;
  if (!isProxyField(field)) return value;
  let drawn: Element | null = field.parentElement;
  while (drawn && drawn.getBoundingClientRect().height < 16) drawn = drawn.parentElement;
  return `${value}\u0000${drawn?.textContent ?? ''}`;
}

/**
 * Text as it can be compared across editors: they turn line breaks into paragraphs, spaces into
 * no-break spaces, and add zero-width characters around what they insert.
 */
const comparable = (text: string) => text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');

function occurrences(haystack: string, needle: string): number {
  const text = comparable(haystack);
  let count = 0;
  for (let at = text.indexOf(needle); needle && at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Resolves true as soon as `seen()` holds, false when the editor never showed it. */
async function landed(seen: () => boolean): Promise<boolean> {
  const deadline = Date.now() + LANDING_WINDOW_MS;
  for (;;) {
    if (seen()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** Waits for the `selectionchange` a caret restore causes (none comes when it did not move), and `then` ms more. */
function selectionHeard(doc: Document, then: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      // After the listeners the editor registered first have run.
      setTimeout(resolve, then);
    };
    const timer = setTimeout(done, 50);
    doc.addEventListener('selectionchange', done);
  });
}
