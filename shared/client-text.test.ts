// Every text a client sends is checked like `plainText`: a C0 control character (other than tab
// and line breaks) or DEL is refused in any string field, whichever schema carries it. The test
// walks every string in a valid example, so a field added later is covered without naming it.
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { SyncPushRequest } from './api';
import { CaseHistoryQuery } from './case-history';
import { CaseListQuery } from './case-query';
import {
  CategoryCreateRequest,
  ReviewCreateRequest,
  TemplateCreateRequest,
  TemplateQuery,
  WordingRuleInput,
} from './catalogue-api';
import { CrmSite } from './crm-site';
import { UserCreateRequest } from './account-api';

const at = '2026-03-02T08:30:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const examples: Array<[string, z.ZodType, unknown]> = [
  [
    'a pushed case and reminder',
    SyncPushRequest,
    {
      changes: [
        {
          changeId: id(1),
          kind: 'case.put',
          case: {
            id: id(2),
            customer: { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' },
            channel: 'hotline',
            categoryIds: ['waterproofing'],
            severity: 'normal',
            validity: 'valid',
            mood: 'upset',
            language: 'zh-Hans',
            steps: [
              { kind: 'done', step: 'vent', at },
              { kind: 'skipped', step: 'apologise', at, reason: '客户已很平静' },
            ],
            templateUses: [{ templateId: id(3), version: 1, step: 'vent', at, via: 'sidebar', text: '您好，非常理解您的心情' }],
            summary: '卫生间渗水',
            restatement: { what: '渗水', where: '卫生间', since: '三天' },
            plan: '明天上门',
            notes: '客户要求主管回电',
            status: 'open',
            receivedAt: at,
            createdAt: at,
            updatedAt: at,
          },
        },
        {
          changeId: id(4),
          kind: 'reminder.put',
          reminder: { id: id(5), caseId: id(2), dueAt: at, note: '回访', status: 'pending', createdAt: at, updatedAt: at },
        },
      ],
    },
  ],
  // (Its cursor is not text but a token the server handed out, refused unless it decodes: store/cursor.ts.)
  ['a case list query', CaseListQuery, { q: '渗水', project: '翠湖花园' }],
  ['a case history query', CaseHistoryQuery, { phone: '138 0013 8000' }],
  ['a review', ReviewCreateRequest, { id: id(6), scores: { listening: 4, apology: 5, solution: 3, follow_through: 4, attitude: 5 }, comment: '复述准确' }],
  [
    'a template',
    TemplateCreateRequest,
    { id: id(7), step: 'vent', tone: 'empathy', categoryIds: [], moods: [], language: 'zh-Hans', title: '安抚', body: '您好', shortcut: ';an' },
  ],
  ['a template query', TemplateQuery, { q: '安抚' }],
  ['a wording rule', WordingRuleInput, { id: id(8), kind: 'forbidden', phrase: '不归我们管', alternative: '我们来核实', language: 'zh-Hans' }],
  ['a category', CategoryCreateRequest, { id: 'waterproofing', parentId: null, names: { 'zh-Hans': '防水', 'zh-Hant': '防水', en: 'Waterproofing' }, sort: 1 }],
  [
    'a CRM site',
    CrmSite,
    { id: id(9), name: '演示', urlPattern: 'https://crm.example.com/*', fields: { phone: { path: ['#phone', 'span'], read: 'text' } }, replyBox: null },
  ],
  ['a new user', UserCreateRequest, { username: 'agent2', displayName: '坐席二', role: 'agent' }],
];

/** The path of every string in `value`, as keys and indexes. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

/** A deep copy of `value` with the string at `path` replaced by `replace(old)`. */
function withString(value: unknown, path: ReadonlyArray<string | number>, replace: (old: string) => string): unknown {
  if (path.length === 0) return replace(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withString(copy[head!], rest, replace);
  return copy;
}

describe.each(examples)('%s', (_, schema, example) => {
  test('is valid as written', () => {
    expect(schema.safeParse(example).error).toBeUndefined();
  });

  test.each(['\u0000', '\u0008', '\u001b', '\u007f'])('refuses %j in any of its text fields', (control) => {
    const paths = stringPaths(example);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      // Inside the text, where trimming cannot remove it.
      const bad = withString(example, path, (old) => `${old.slice(0, 1)}${control}${old.slice(1)}`);
      expect(schema.safeParse(bad).success, path.join('.')).toBe(false);
    }
  });
});
