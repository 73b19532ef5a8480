// Kept free of zod at run time: the content script and the lazily loaded picker use it too.
import type { Locale } from './primitives';

/** The product language a BCP 47 tag reads in, if we speak it: zh-TW/HK/MO and Hant scripts read Traditional. */
export function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (/^zh(-|$)/.test(lower)) return /^zh(-.*)?-(hant|tw|hk|mo)(-|$)/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (/^en(-|$)/.test(lower)) return 'en';
  return undefined;
}

/** The first of the preferred languages that we speak, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'en';
}
