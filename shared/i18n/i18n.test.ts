import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../primitives';
import { CATALOGUES } from './index';

/** Every leaf of a catalogue as `path → value` (functions are leaves too). */
function leaves(node: unknown, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      for (const [leaf, v] of leaves(value, path ? `${path}.${key}` : key)) found.set(leaf, v);
    }
  } else found.set(path, node);
  return found;
}

// Words the same in both scripts, so only the catalogue's own text is checked.
const RESTATEMENT = { what: '漏水', where: '天台', since: '昨天' };

/** A sample call of a catalogue function (restatement sentences take a restatement), so its words can be checked like a string's. */
function sample(key: string, value: unknown): string {
  if (typeof value !== 'function') return String(value);
  const call = value as (...args: unknown[]) => unknown;
  return String(key.startsWith('restatement.') ? call(RESTATEMENT) : call(3, '某某'));
}

const english = leaves(CATALOGUES.en);

describe('the catalogue', () => {
  it.each(LOCALES)('%s has every key English has, and no other', (locale) => {
    const keys = [...leaves(CATALOGUES[locale]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty words, and functions where English has functions', (locale) => {
    for (const [key, value] of leaves(CATALOGUES[locale])) {
      expect(typeof value, key).toBe(typeof english.get(key));
      expect(sample(key, value).trim(), key).not.toBe('');
    }
  });

  // A text already in the target script comes out of OpenCC's conversion to it unchanged; the one
  // word allowed in the other script is the other language's own name.
  it.each([
    { locale: 'zh-Hant', script: 'Traditional', convert: { from: 'cn', to: 'tw' }, exempt: 'domain.languages.zh-Hans' },
    { locale: 'zh-Hans', script: 'Simplified', convert: { from: 'tw', to: 'cn' }, exempt: 'domain.languages.zh-Hant' },
  ] as const)('$locale is written in $script characters', ({ locale, convert, exempt }) => {
    const toScript = OpenCC.Converter(convert);
    for (const [key, value] of leaves(CATALOGUES[locale])) {
      if (key === exempt) continue;
      const text = sample(key, value);
      expect(toScript(text), key).toBe(text);
    }
  });
});
