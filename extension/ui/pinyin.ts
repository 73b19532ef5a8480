import { useState } from 'preact/hooks';

/** The pinyin of Chinese text as search keys, lower-cased, toneless, without spaces or other characters. */
export interface PinyinKeys {
  /** Full syllables: 道歉 → daoqian. */
  full: string;
  /** Initials: 道歉 → dq. */
  initials: string;
}
export type ToPinyin = (text: string) => PinyinKeys;

let loading: Promise<ToPinyin> | undefined;

/**
 * pinyin-pro with its dictionary, loaded on first use. It is most of the sidebar's code (about
 * 130 KB gzip of 230), so the sidebar paints without it and fetches it only when an agent starts
 * typing into a box that searches by pinyin.
 */
export function loadPinyin(): Promise<ToPinyin> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    const keys = (text: string, pattern: 'pinyin' | 'first') =>
      pinyin(text, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' }).join('').toLowerCase();
    return (text: string) => ({ full: keys(text, 'pinyin'), initials: keys(text, 'first') });
  });
  return loading;
}

/**
 * Pinyin for a component: undefined until `want` was called (when a search box is focused) and
 * the dictionary arrived; the component then renders again with it. Until then, searches match
 * characters only.
 */
export function usePinyin(): { toPinyin: ToPinyin | undefined; want: () => void } {
  const [toPinyin, setToPinyin] = useState<ToPinyin>();
  // A state holding a function must be set through an updater returning it.
  const want = () => void (toPinyin ?? loadPinyin().then((loaded) => setToPinyin(() => loaded)));
  return { toPinyin, want };
}
