import type { Locale } from '../primitives';
import { en, type Catalogue } from './en';
import { zhHans } from './zh-hans';
import { zhHant } from './zh-hant';

export type { Catalogue };

/** The one catalogue of words, per language: the extension and the admin pages read it alike. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** The words of `locale`. */
export const wordsFor = (locale: Locale): Catalogue => CATALOGUES[locale];
