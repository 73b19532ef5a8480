import { OkOrFailure, type CapturedField } from '../../shared';
import { wordsFor } from '../../shared/i18n';
import { detectLocale } from '../../shared/locale';
import type { ContentRule } from '../../shared/content-protocol';
import { sendFromContent } from '../platform/content-messaging';
import { startPicker } from './picker';

/** What the content script calls once it has loaded the picker script (entrypoints/picker.ts). */
export interface PickerApi {
  start(field: CapturedField | 'replyBox'): void;
}

let running: AbortController | null = null;

/** Puts the picker where the content script that imported this script finds it: `globalThis.lingtingPicker`. */
export function exposePicker(): void {
  const api: PickerApi = {
    start(field) {
      running?.abort();
      running = new AbortController();
      // The picker is loaded only when a supervisor picks, so it may carry the catalogue.
      const words = wordsFor(detectLocale(navigator.languages.length ? navigator.languages : [navigator.language]));
      startPicker({
        doc: document,
        label: words.domain.fields[field],
        strings: words.picker,
        signal: running.signal,
        save: async (rule: ContentRule) => {
          const reply = OkOrFailure.safeParse(await sendFromContent({ type: 'pick.save', field, rule }).catch(() => null));
          if (!reply.success) return words.errors.no_page;
          return reply.data.ok ? null : words.errors[reply.data.error];
        },
      });
    },
  };
  (globalThis as { lingtingPicker?: PickerApi }).lingtingPicker = api;
}
