import { expect, test } from 'vitest';
import { flagWording, type WordingRule } from './wording-rule';

const rule = (phrase: string, kind: WordingRule['kind'] = 'forbidden'): WordingRule => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind,
  phrase,
  alternative: '我们会尽快核实并给您答复',
  language: 'zh-Hans',
  updatedAt: '2026-11-27T00:00:00.000Z',
});

test('flags every occurrence of each phrase, in order, as plain text', () => {
  const flags = flagWording('这不归我们管。真的不归我们管。保证明天修好', [rule('不归我们管'), rule('保证明天修好', 'unapproved_promise')]);
  expect(flags.map((f) => [f.start, f.end, f.rule.kind])).toEqual([
    [1, 6, 'forbidden'],
    [9, 14, 'forbidden'],
    [15, 21, 'unapproved_promise'],
  ]);
});

test('matches case-insensitively and treats pattern characters literally', () => {
  expect(flagWording('That is NOT our problem', [rule('not our problem')])).toHaveLength(1);
  expect(flagWording('a.b a+b', [rule('a+b')])).toHaveLength(1);
});
