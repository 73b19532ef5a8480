import { SHORTCUT_PREFIXES, type ShortcutPrefix } from '../../shared/content-protocol';
import { isProxyField, isTextField } from './editable';

/**
 * A shortcut as typed: the agent's prefix and 2–20 lower-case letters or digits (see shared
 * Shortcut). Chinese input methods in Chinese-punctuation mode type a full-width character for
 * the prefix key (`；` for `;`): it starts a shortcut too, so an agent need not switch modes (it
 * is one UTF-16 unit, like the prefix).
 */
const patterns = new Map<ShortcutPrefix, RegExp>();
/** Built once per prefix: it is matched on every Space and Tab the agent types. */
const shortcutBeforeCaret = (prefix: ShortcutPrefix) => {
  let pattern = patterns.get(prefix);
  if (!pattern) patterns.set(prefix, (pattern = new RegExp(`[\\${prefix}${SHORTCUT_PREFIXES[prefix]}][a-z0-9]{2,20}$`)));
  return pattern;
};

export interface TypedShortcut {
  /** The shortcut as templates name it (`;qian`), whichever prefix it was typed with. */
  shortcut: string;
  /** Selects what was typed, so what is inserted next replaces it. */
  select(): void;
}

/**
 * The shortcut typed just before the caret of `field`, or null. A code editor's hidden input
 * (Monaco, an EditContext) holds a mirror of the editor's text whose selection the editor does
 * not follow: nothing is claimed there, and the key is typed as usual.
 */
export function typedShortcut(field: HTMLElement, prefix: ShortcutPrefix): TypedShortcut | null {
  if (isProxyField(field)) return null;
  const pattern = shortcutBeforeCaret(prefix);
  if (isTextField(field)) {
    const end = field.selectionStart;
    if (end === null || end !== field.selectionEnd) return null;
    const match = pattern.exec(field.value.slice(0, end));
    return match ? { shortcut: named(match[0]), select: () => field.setSelectionRange(end - match[0].length, end) } : null;
  }
  const selection = field.ownerDocument.getSelection();
  if (!selection?.isCollapsed || selection.rangeCount === 0) return null;
  const caret = selection.getRangeAt(0);
  if (!field.contains(caret.startContainer)) return null;
  // Editors put the caret in a text node or between nodes (ProseMirror after it redraws): the
  // text from the field's start up to the caret covers both.
  const before = field.ownerDocument.createRange();
  before.selectNodeContents(field);
  before.setEnd(caret.startContainer, caret.startOffset);
  const match = pattern.exec(before.toString());
  if (!match) return null;
  return {
    shortcut: named(match[0]),
    select: () => {
      // Extended character by character, so the selection may cross the editor's nodes.
      for (let i = 0; i < match[0].length; i++) selection.modify('extend', 'backward', 'character');
    },
  };
}

/** The shortcut as templates name it, whichever prefix it was typed with. */
const named = (typed: string) => `;${typed.slice(1)}`;
