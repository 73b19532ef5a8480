import type { ShortcutPrefix } from '../../shared/content-protocol';
import { deepActiveElement, isEditable } from './editable';
import { typedShortcut } from './typed-shortcut';

interface ShortcutOptions {
  /** The top document: where the focused field is looked up (through frames and shadow roots). */
  doc: Document;
  /** Every document to listen in: the top one and same-origin frames as they are found. */
  documents: (listener: (doc: Document) => void) => void;
  /** Shortcuts that exist, so the key can be claimed before the page inserts the space. */
  shortcuts: () => ReadonlySet<string>;
  /** What the agent types to start one (a setting). */
  prefix: () => ShortcutPrefix;
  /** The rendered template for a shortcut, or null. */
  expand: (shortcut: string) => Promise<string | null>;
  /** Puts the rendered template in place of the shortcut still typed before the caret of `field`. */
  replace: (field: HTMLElement, shortcut: string, text: string) => Promise<unknown>;
  isOwn: (element: Element) => boolean;
  signal: AbortSignal;
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
    const typed = typedShortcut(field, options.prefix());
    if (!typed || !options.shortcuts().has(typed.shortcut)) return;
    // Claimed before any page handler sees it: no space typed, no focus moved on by Tab.
    event.preventDefault();
    event.stopImmediatePropagation();
    void options.expand(typed.shortcut).then((text) => {
      // The agent may have moved on while the background answered: only replace what is still there.
      if (!text || deepActiveElement(doc) !== field || typedShortcut(field, options.prefix())?.shortcut !== typed.shortcut) return;
      return options.replace(field, typed.shortcut, text);
    });
  };
  options.documents((target) => {
    target.addEventListener('compositionstart', () => (composing = true), { capture: true, signal });
    target.addEventListener('compositionend', () => (composing = false), { capture: true, signal });
    // On the window, in the capture phase: before the page's own key handlers can swallow the key.
    target.defaultView?.addEventListener('keydown', onKeyDown, { capture: true, signal });
  });
}
