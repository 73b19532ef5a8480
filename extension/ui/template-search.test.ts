import { expect, test } from 'vitest';
import { defaultTemplates } from '../../shared';
import { loadPinyin } from './pinyin';
import { createTemplateSearch, indexTemplates, type SearchContext } from './template-search';

const defaults = defaultTemplates('2026-03-02T08:30:00.000Z');
// One template titled 道歉 so the brief's own example ("dq" finds 道歉) is checked literally.
const templates = [...defaults, { ...defaults[0]!, id: '00000000-0000-4000-8000-000000000001', title: '道歉说明', body: '对此我们深表歉意。' }];
const index = indexTemplates(templates, await loadPinyin());
const none = { step: undefined, categoryIds: [] };
/** A query typed into a new search box: the searcher has no earlier matches, so it scans the whole index. */
const search = (query: string, context: SearchContext, limit?: number) => createTemplateSearch(index)(query, context, limit);

test('finds a Chinese template by characters, full pinyin and initials', () => {
  for (const query of ['道歉', 'daoqian', 'dq', 'DQ']) {
    expect(search(query, none).map((t) => t.title), query).toContain('道歉说明');
  }
  for (const query of ['抱歉', 'baoqian', 'bq']) {
    const found = search(query, none);
    expect(found.length, query).toBeGreaterThan(0);
    expect(found.some((t) => t.body.includes("抱歉")), query).toBe(true);
  }
});

test('ranks the current step first and finds nothing for nonsense', () => {
  const found = search('qian', { step: 'apologise', categoryIds: [] });
  expect(found[0]!.step).toBe('apologise');
  expect(search('zzzzxq', none)).toEqual([]);
  expect(search('  ', none)).toEqual([]);
});

test('one search box, keystroke by keystroke, returns what a new box returns for each query', () => {
  const typing = createTemplateSearch(index);
  const context = { step: 'apologise' as const, categoryIds: [defaults[0]!.categoryIds[0] ?? ''] };
  // Prefixes typed, then a correction (backspace) and a new query that does not extend the last.
  for (const query of ['d', 'da', 'dao', 'daoq', 'daoqian', 'dao', 'dq', '道', '道歉', 'b', 'bq', 'zzz', 'qian', '']) {
    expect(typing(query, context, 5), query).toEqual(search(query, context, 5));
  }
  expect(typing('dq', none, 20).map((t) => t.title)).toContain('道歉说明');
});

test('ranking keeps only the best `limit`, title hits first and ties in template order', () => {
  const found = search('道歉', none, 1);
  expect(found.map((t) => t.title)).toEqual(['道歉说明']);
  const all = search('qian', none, 1000);
  expect(search('qian', none, 3)).toEqual(all.slice(0, 3));
});

test('before pinyin has loaded, templates are found by their characters and not yet by pinyin', () => {
  const early = createTemplateSearch(indexTemplates(templates));
  expect(early('道歉', none).map((t) => t.title)).toContain('道歉说明');
  expect(early('dq', none)).toEqual([]);
});
