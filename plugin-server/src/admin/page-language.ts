import { languageDetector } from 'hono/language';
import { LOCALES, localeOfTag } from '../../../shared';

/**
 * Hono's language detector set up for the admin pages: the browser's Accept-Language alone
 * decides (the pages offer no language switch, so no query parameter or cookie is read or set).
 * Hono tries the listed tags by falling q (q=0 never) and keeps the first that it finds among
 * the supported languages; each tag is read by the shared `localeOfTag` first (zh-TW/HK/MO →
 * zh-Hant, other zh → zh-Hans, en-* → en). A tag we do not speak becomes '', which matches no
 * language, so the next one is tried: `fr, zh;q=0.5` reads Simplified. English otherwise.
 */
export const pageLanguage = () =>
  languageDetector({
    order: ['header'],
    caches: false,
    supportedLanguages: [...LOCALES],
    fallbackLanguage: 'en',
    convertDetectedLanguage: (tag) => localeOfTag(tag) ?? '',
  });
