import { isTextField, type TextField } from './editable';

/**
 * Puts `text` at the caret of `field` the way typing would, so the page app's own state
 * (React, Vue, a rich-text editor) receives it, not just the DOM.
 *
 * Rich-text editors (Lexical, Slate, ProseMirror-style) keep their own model and update it from
 * `beforeinput`: a cancelable `beforeinput` is offered first, and an editor that takes it
 * (calls preventDefault) has inserted the text itself. Otherwise `execCommand('insertText')`
 * edits through the browser's editing pipeline, which fires a trusted `input` event (React's
 * onChange) and keeps the undo stack. Where it is refused, the value is set through the
 * element's native setter and an `input` event is sent, which controlled inputs also observe.
 */
export function insertText(field: HTMLElement, text: string, caret: Range | 'end' | null): boolean {
  const doc = field.ownerDocument;
  if (caret === 'end') {
    field.focus({ preventScroll: true });
    placeCaretAtEnd(field);
  } else refocus(field, caret);
  if (field.isContentEditable && offerBeforeInput(field, text)) return true;
  if (doc.execCommand('insertText', false, text)) return true;
  if (isTextField(field)) {
    insertIntoValue(field, text);
    return true;
  }
  return false;
}

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

/** Whether the page's editor took the text from a `beforeinput` event and inserted it itself. */
function offerBeforeInput(field: HTMLElement, text: string): boolean {
  const view = field.ownerDocument.defaultView;
  if (!view) return false;
  const selection = field.ownerDocument.getSelection();
  const ranges = selection && selection.rangeCount > 0 ? [new view.StaticRange(selection.getRangeAt(0))] : [];
  const event = new view.InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType: 'insertText',
    data: text,
    targetRanges: ranges,
  });
  return !field.dispatchEvent(event);
}

function insertIntoValue(field: TextField, text: string): void {
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
}

/** Whether the field has a selection to set: an email input has none (setting one throws). */
function hasSelection(field: TextField): boolean {
  return field.selectionStart !== null;
}

/** Where text goes in a field the agent never clicked: after what is already there. */
function placeCaretAtEnd(field: HTMLElement): void {
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
