import { deepActiveElement, isEditable, isTextField } from './editable';
import { insertText, refocus } from './insert-text';

/**
 * A shortcut as typed: a semicolon and 2–20 lower-case letters or digits (see shared Shortcut).
 * Chinese input methods in Chinese-punctuation mode type the full-width `；` for `;`: it starts
 * a shortcut too, so an agent need not switch modes (it is one UTF-16 unit, like `;`).
 */
const SHORTCUT_BEFORE_CARET = /[;；][a-z0-9]{2,20}$/;

/** The shortcut as templates name it, whichever semicolon it was typed with. */
const named = (typed: string) => `;${typed.slice(1)}`;

interface ShortcutOptions {
  /** The top document: where the focused field is looked up (through frames and shadow roots). */
  doc: Document;
  /** Every document to listen in: the top one and same-origin frames as they are found. */
  documents: (listener: (doc: Document) => void) => void;
  /** Shortcuts that exist, so the key can be claimed before the page inserts the space. */
  shortcuts: () => ReadonlySet<string>;
  /** The rendered template for a shortcut, or null. */
  expand: (shortcut: string) => Promise<string | null>;
  isOwn: (element: Element) => boolean;
  signal: AbortSignal;
}

/** The shortcut typed just before the caret of `field`, and a range selecting it. */
function typedShortcut(field: HTMLElement): { shortcut: string; select: () => void } | null {
  if (isTextField(field)) {
    const end = field.selectionStart;
    if (end === null || end !== field.selectionEnd) return null;
    const match = SHORTCUT_BEFORE_CARET.exec(field.value.slice(0, end));
    return match ? { shortcut: named(match[0]), select: () => field.setSelectionRange(end - match[0].length, end) } : null;
  }
  const selection = field.ownerDocument.getSelection();
  if (!selection?.isCollapsed || selection.rangeCount === 0) return null;
  const { startContainer: node, startOffset: end } = selection.getRangeAt(0);
  if (node.nodeType !== Node.TEXT_NODE || !field.contains(node)) return null;
  const match = SHORTCUT_BEFORE_CARET.exec((node.textContent ?? '').slice(0, end));
  if (!match) return null;
  return {
    shortcut: named(match[0]),
    select: () => {
      const range = field.ownerDocument.createRange();
      range.setStart(node, end - match[0].length);
      range.setEnd(node, end);
      selection.removeAllRanges();
      selection.addRange(range);
    },
  };
}

/**
 * Puts `text` at the caret of `field`, in place of `shortcut` when it is still typed just before
 * the caret (the agent filled in what the template lacked in the sidebar meanwhile).
 */
export function replaceTypedShortcut(field: HTMLElement, shortcut: string, text: string, caret: Range | null): boolean {
  refocus(field, caret);
  const typed = typedShortcut(field);
  if (typed?.shortcut === shortcut) typed.select();
  return insertText(field, text, null);
}

/**
 * Expands a template shortcut typed in a CRM field when Space or Tab follows it, replacing the
 * shortcut with the rendered template. Never while an input method is composing: Space then
 * picks a candidate, and the text before the caret is not final.
 */
export function expandShortcuts(options: ShortcutOptions): void {
  const { doc, signal } = options;
  let composing = false;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== ' ' && event.key !== 'Tab') return;
    if (event.isComposing || composing || event.keyCode === 229 || event.ctrlKey || event.metaKey || event.altKey) return;
    const field = deepActiveElement(doc);
    if (!field || options.isOwn(field) || !isEditable(field)) return;
    const typed = typedShortcut(field);
    if (!typed || !options.shortcuts().has(typed.shortcut)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void options.expand(typed.shortcut).then((text) => {
      if (!text || deepActiveElement(doc) !== field) return;
      // The caret may have moved while the background answered: only replace what is still there.
      const still = typedShortcut(field);
      if (still?.shortcut !== typed.shortcut) return;
      still.select();
      insertText(field, text, null);
    });
  };
  options.documents((target) => {
    target.addEventListener('compositionstart', () => (composing = true), { capture: true, signal });
    target.addEventListener('compositionend', () => (composing = false), { capture: true, signal });
    // On the window, in the capture phase: before the page's own key handlers can swallow the key.
    target.defaultView?.addEventListener('keydown', onKeyDown, { capture: true, signal });
  });
}
