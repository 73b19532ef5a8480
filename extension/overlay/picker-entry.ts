import type { CapturedField } from '../../shared';
import type { ContentRule } from '../../shared/content-protocol';
import { sendFromContent } from '../platform/content-messaging';
import { startPicker } from './picker';
import { pickerStrings } from './picker-strings';

/** What the background calls, in the isolated world, once the picker script is injected. */
export interface PickerApi {
  start(field: CapturedField | 'replyBox'): void;
}

let running: AbortController | null = null;

/** Puts the picker where the background's follow-up `executeScript` finds it. */
export function exposePicker(): void {
  const api: PickerApi = {
    start(field) {
      running?.abort();
      running = new AbortController();
      const strings = pickerStrings(navigator.languages.length ? navigator.languages : [navigator.language]);
      startPicker({
        doc: document,
        label: strings.fields[field],
        strings,
        signal: running.signal,
        save: async (rule: ContentRule) => {
          const reply = (await sendFromContent({ type: 'pick.save', field, rule }).catch((e: unknown) => ({ ok: false, message: String(e) }))) as
            | { ok: true }
            | { ok: false; message: string };
          return reply.ok ? null : reply.message;
        },
      });
    },
  };
  (globalThis as { lingtingPicker?: PickerApi }).lingtingPicker = api;
}
