import { describe, expect, it } from 'vitest';
import { detectLocale, localeOfTag } from './locale';

describe('localeOfTag', () => {
  it.each([
    ['zh-Hant', 'zh-Hant'], ['zh-TW', 'zh-Hant'], ['zh-hk', 'zh-Hant'], ['zh-MO', 'zh-Hant'], ['zh-Hant-HK', 'zh-Hant'],
    ['zh', 'zh-Hans'], ['zh-CN', 'zh-Hans'], ['zh-Hans-SG', 'zh-Hans'], ['zh-SG', 'zh-Hans'],
    ['en', 'en'], ['en-GB', 'en'], ['EN-us', 'en'],
  ])('%s reads %s', (tag, locale) => expect(localeOfTag(tag)).toBe(locale));

  it.each(['fr', 'de-CH', 'eng', 'zhx', '', '*'])('%s is not a language we speak', (tag) => expect(localeOfTag(tag)).toBeUndefined());
});

describe('detectLocale', () => {
  it('takes the first preferred language we speak', () => {
    expect(detectLocale(['fr-FR', 'zh-TW', 'en'])).toBe('zh-Hant');
    expect(detectLocale(['de', 'fr'])).toBe('en');
  });
});
