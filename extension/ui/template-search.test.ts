import { expect, test } from 'vitest';
import { defaultTemplates } from '../../shared';
import { indexTemplates, searchTemplates } from './template-search';

const defaults = defaultTemplates('2026-03-02T08:30:00.000Z');
// One template titled 道歉 so the brief's own example ("dq" finds 道歉) is checked literally.
const templates = [...defaults, { ...defaults[0]!, id: '00000000-0000-4000-8000-000000000001', title: '道歉说明', body: '对此我们深表歉意。' }];
const index = indexTemplates(templates);
const none = { step: undefined, categoryIds: [] };

test('finds a Chinese template by characters, full pinyin and initials', () => {
  for (const query of ['道歉', 'daoqian', 'dq', 'DQ']) {
    expect(searchTemplates(index, query, none).map((t) => t.title), query).toContain('道歉说明');
  }
  for (const query of ['抱歉', 'baoqian', 'bq']) {
    const found = searchTemplates(index, query, none);
    expect(found.length, query).toBeGreaterThan(0);
    expect(found.some((t) => t.body.includes("抱歉")), query).toBe(true);
  }
});

test('ranks the current step first and finds nothing for nonsense', () => {
  const found = searchTemplates(index, 'qian', { step: 'apologise', categoryIds: [] });
  expect(found[0]!.step).toBe('apologise');
  expect(searchTemplates(index, 'zzzzxq', none)).toEqual([]);
  expect(searchTemplates(index, '  ', none)).toEqual([]);
});
