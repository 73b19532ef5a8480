import type { ShortcutPrefix } from '../../shared/content-protocol';
import { copyToClipboard } from './clipboard';
import { insertText, refocus } from './insert-text';
import { typedShortcut } from './typed-shortcut';

/**
 * What the insertion script (entrypoints/insert.ts) offers the content script once loaded: the
 * code that puts wording into CRM fields, kept out of the content script that every CRM page
 * loads until an agent first inserts or expands a shortcut.
 */
export const insertApi = {
  insertText,
  copyToClipboard,
  /**
   * Puts `text` at the caret of `field`, in place of `shortcut` when it is still typed just
   * before the caret (the agent filled in what the template lacked in the sidebar meanwhile).
   */
  async replaceTypedShortcut(field: HTMLElement, shortcut: string, text: string, caret: Range | null, prefix: ShortcutPrefix): Promise<boolean> {
    refocus(field, caret);
    const typed = typedShortcut(field, prefix);
    const replacing = typed?.shortcut === shortcut;
    if (replacing) typed.select();
    return insertText(field, text, null, replacing);
  },
};

export type InsertApi = typeof insertApi;

/** Where the content script finds it: `globalThis.lingtingInsert`. */
export interface InsertGlobal {
  lingtingInsert?: InsertApi;
}
