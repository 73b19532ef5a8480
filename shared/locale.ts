// Kept free of zod: the lazily loaded picker in CRM pages uses it too.

/** The product languages' tags (the same values as the `Locale` schema). */
export type LocaleTag = 'zh-Hans' | 'zh-Hant' | 'en';

/** The first of the browser's preferred languages that we speak, English otherwise. */
export function detectLocale(languages: readonly string[]): LocaleTag {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
