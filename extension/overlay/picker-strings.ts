import type { CapturedField } from '../../shared';
import { detectLocale } from '../../shared/locale';
import type { Locale } from '../../shared/primitives';

type Field = CapturedField | 'replyBox';

/** The picker panel's words, in the CRM page's language (it runs beside the agent's CRM). */
const STRINGS = {
  en: {
    fields: { customerName: 'customer name', phone: 'phone', project: 'project', unit: 'unit', crmRecordId: 'record number', replyBox: 'reply box' },
    clickOn: (field: string) => `Click the ${field} on the page.`,
    reads: (value: string) => `Reads: ${value}`,
    findsNothing: 'Finds nothing on this page now.',
    test: 'Test',
    save: 'Save',
    pickAgain: 'Pick again',
    cancel: 'Cancel',
  },
  'zh-Hans': {
    fields: { customerName: '客户姓名', phone: '电话', project: '项目', unit: '房号', crmRecordId: '记录编号', replyBox: '回复框' },
    clickOn: (field: string) => `请在页面上点击「${field}」。`,
    reads: (value: string) => `读取到：${value}`,
    findsNothing: '此页面上现在找不到。',
    test: '测试',
    save: '保存',
    pickAgain: '重新选取',
    cancel: '取消',
  },
  'zh-Hant': {
    fields: { customerName: '客戶姓名', phone: '電話', project: '項目', unit: '房號', crmRecordId: '記錄編號', replyBox: '回覆框' },
    clickOn: (field: string) => `請在頁面上點擊「${field}」。`,
    reads: (value: string) => `讀取到：${value}`,
    findsNothing: '此頁面上現在找不到。',
    test: '測試',
    save: '儲存',
    pickAgain: '重新選取',
    cancel: '取消',
  },
} satisfies Record<Locale, { fields: Record<Field, string> } & Record<string, unknown>>;

export type PickerStrings = (typeof STRINGS)['en'];

/** The strings for the browser's first language we speak, English otherwise. */
export function pickerStrings(languages: readonly string[]): PickerStrings {
  return STRINGS[detectLocale(languages)];
}
