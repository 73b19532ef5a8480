import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Case, caseDueAt, DEFAULT_TIME_LIMITS, DEFAULT_WORK_CALENDAR, type Reminder } from '../../../shared';
import type { CaseFilter, Store } from '../../../plugin-server/src/store';
import { CATEGORY_IDS, generateCases, PROJECTS } from '../../fixtures/chinese-cases';
import { AGENT_SCAN_BUDGET } from '../../../plugin-server/src/store/kysely/cases';
import { makeCase, putChange } from '../helpers';
import { addUser, allPages, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const norm = (text: string) => text.normalize('NFKC').toLowerCase();

/** The brute-force answer: filter in memory, newest received first, then by id. */
function expected(all: Array<Case & { agentId: string }>, filter: CaseFilter, query = '', overdueIds = new Set<string>()) {
  const needle = norm(query).trim();
  return all
    .filter((c) => filter.agentId === undefined || c.agentId === filter.agentId)
    .filter((c) => filter.status === undefined || c.status === filter.status)
    .filter((c) => filter.severity === undefined || c.severity === filter.severity)
    .filter((c) => filter.project === undefined || c.customer.project === filter.project)
    .filter((c) => filter.categoryId === undefined || c.categoryIds.includes(filter.categoryId))
    .filter((c) => filter.receivedFrom === undefined || Date.parse(c.receivedAt) >= Date.parse(filter.receivedFrom))
    .filter((c) => filter.receivedBefore === undefined || Date.parse(c.receivedAt) < Date.parse(filter.receivedBefore))
    .filter((c) => filter.overdueAt === undefined || overdueIds.has(c.id))
    .filter(
      (c) => needle === '' || [c.customer.name, c.customer.phone, c.summary, c.notes].some((f) => norm(f).includes(needle)),
    )
    .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.id);
}

describe.each(STORE_KINDS)('store contract on $name: case queries and search', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agents: string[];
  const all: Array<Case & { agentId: string }> = [];
  const overdueIds = new Set<string>();

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    agents = [await addUser(store), await addUser(store)];
    const cases = generateCases(240, 7);
    // A few hand-written cases for the edge cases of search.
    cases.push(
      { ...cases[0]!, id: randomUUID(), customer: { ...cases[0]!.customer, name: 'ＡＢＣ 物业' }, summary: '100% 满意_测试', notes: '' },
      { ...cases[1]!, id: randomUUID(), summary: '末尾是王', notes: '秀开头' },
    );
    for (const [i, c] of cases.entries()) {
      const agentId = agents[i % 2]!;
      await store.sync.applyChanges(agentId, [putChange(c)], NOW);
      all.push({ ...c, agentId });
      // Overdue by its own deadline (promises, dispatches, time limits on the default calendar).
      const dueAt = caseDueAt(c, DEFAULT_WORK_CALENDAR, DEFAULT_TIME_LIMITS);
      if (dueAt && dueAt < NOW) overdueIds.add(c.id);
    }
    // Reminders: pending and past due (overdue), pending in future, done in the past.
    const reminder = (caseId: string, dueAt: string, status: Reminder['status']): Reminder => ({
      id: randomUUID(),
      caseId,
      dueAt,
      note: '',
      status,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    for (const [i, c] of all.slice(0, 30).entries()) {
      const r =
        i % 3 === 0
          ? reminder(c.id, '2026-03-02T16:00:00.000+08:00', 'pending') // 08:00Z: overdue at NOW
          : i % 3 === 1
            ? reminder(c.id, '2026-03-02T10:00:00.000Z', 'pending')
            : reminder(c.id, '2026-03-01T10:00:00.000Z', 'done');
      if (i % 3 === 0) overdueIds.add(c.id);
      const [result] = await store.sync.applyChanges(c.agentId, [{ changeId: randomUUID(), kind: 'reminder.put', reminder: r }], NOW);
      expect(result!.status).toBe('applied');
    }
  });
  afterAll(() => close());

  const filters = (): Array<[string, CaseFilter]> => [
    ['no filter', {}],
    ['an agent', { agentId: agents[1]! }],
    ['a status', { status: 'awaiting_revisit' }],
    ['a severity', { severity: 'major' }],
    ['a project', { project: PROJECTS[3]! }],
    ['a category', { categoryId: CATEGORY_IDS[0]! }],
    ['a date range with mixed offsets', { receivedFrom: '2025-06-01T08:00:00.000+08:00', receivedBefore: '2025-09-01T00:00:00.000Z' }],
    ['overdue follow-ups and deadlines', { overdueAt: NOW }],
    ['several at once', { agentId: agents[0]!, status: 'open', categoryId: CATEGORY_IDS[1]! }],
  ];

  it('lists exactly the matching cases, newest first, across cursor pages', async () => {
    for (const [label, filter] of filters()) {
      const ids = await allPages((cursor) => store.cases.list({ ...filter, limit: 17, cursor }));
      expect(ids, label).toEqual(expected(all, filter, '', overdueIds));
    }
  });

  it('defaults to 50 a page and caps the page size', async () => {
    const first = await store.cases.list();
    expect(first.cases).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    expect((await store.cases.list({ limit: 10_000 })).cases).toHaveLength(200);
  });

  it('rejects a cursor it did not hand out', async () => {
    await expect(store.cases.list({ cursor: 'not-a-cursor' })).rejects.toThrow(/invalid cursor/);
  });

  it('finds the same cases as a brute-force substring search, for 1, 2 and 3+ character queries', async () => {
    const sample = all[5]!;
    const queries = [
      '王', '李', '漏', '水', '渗水', '漏水', '主管', '卫生间', '墙面开裂', '要求尽快上门维修',
      sample.customer.name, sample.customer.name.slice(0, 2), sample.customer.phone.slice(3, 8), '13',
      '已联系工程部', 'follow', 'FOLLOW-UP', 'abc', 'ａｂｃ', '100%', '%', '_', '满意_测', '王秀', // spans two fields: no match
      '不存在的词语', '  ', '',
      // Its pieces (渗水, 要求尽) occur in one case, but not as one substring.
      '渗水要求尽',
    ];
    let found = 0;
    for (const query of queries) {
      for (const filter of [{}, { agentId: agents[0]! }, { status: 'open' as const }]) {
        const ids = await allPages((cursor) => store.cases.search(query, { ...filter, limit: 60, cursor }));
        const want = expected(all, filter, query);
        expect(ids, `${query} ${JSON.stringify(filter)}`).toEqual(want);
        found += want.length;
      }
    }
    // The sample must exercise real matches, not only empty answers.
    expect(found).toBeGreaterThan(1000);
  });

  it('never shows an agent another agent\'s case, whatever the query', async () => {
    const theirs = all.find((c) => c.agentId === agents[1])!;
    const { cases } = await store.cases.search(theirs.customer.phone, { agentId: agents[0]! });
    expect(cases.map((c) => c.id)).not.toContain(theirs.id);
    expect(cases.every((c) => c.agentId === agents[0])).toBe(true);
  });

  it('re-indexes a case when a newer version changes its text', async () => {
    const c = all.find((x) => x.agentId === agents[0])!;
    const edited = { ...c, summary: '新的摘要：天花板霉斑', updatedAt: '2026-03-02T08:59:00.000Z' };
    await store.sync.applyChanges(agents[0]!, [putChange(edited)], NOW);
    expect((await store.cases.search('霉斑')).cases.map((x) => x.id)).toEqual([c.id]);
    expect((await store.cases.search('霉')).cases.map((x) => x.id)).toEqual([c.id]);
    // The old text no longer finds it, and the rest of the index is untouched.
    Object.assign(c, edited);
    expect(await allPages((cursor) => store.cases.search('卫生间', { cursor }))).toEqual(expected(all, {}, '卫生间'));
  });
});

describe.each(STORE_KINDS)('store contract on $name: what one page of an agent costs', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agent: string;
  // The agent's oldest case is the only one to match: a walk finds it only past the budget.
  const oldest = makeCase({ summary: '鑫苑小区渗水', customer: { ...makeCase().customer, project: '鑫苑' }, receivedAt: '2024-01-01T08:00:00.000Z' });

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    agent = await addUser(store);
    const cases = [oldest, ...generateCases(AGENT_SCAN_BUDGET + 50, 21)];
    for (let at = 0; at < cases.length; at += 200) {
      await store.sync.applyChanges(agent, cases.slice(at, at + 200).map((c) => putChange(c)), NOW);
    }
  });
  afterAll(() => close());

  it.each<[string, (cursor?: string) => ReturnType<Store['cases']['list']>]>([
    ['a one-character search', (cursor) => store.cases.search('鑫', { agentId: agent, cursor })],
    ['a two-character search', (cursor) => store.cases.search('鑫苑', { agentId: agent, cursor })],
    ['a filter only the oldest case passes', (cursor) => store.cases.list({ agentId: agent, project: '鑫苑', cursor })],
  ])('%s examines at most the budget of the agent’s cases, then hands a cursor on', async (_, fetch) => {
    const first = await fetch();
    expect(first.cases).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(await allPages(fetch)).toEqual([oldest.id]);
  });

  it('finds the same cases across pages for longer needles, and team-wide in one page', async () => {
    expect(await allPages((cursor) => store.cases.search('鑫苑小区', { agentId: agent, cursor }))).toEqual([oldest.id]);
    expect((await store.cases.search('鑫')).cases.map((c) => c.id)).toEqual([oldest.id]);
    // Unfiltered pages fill within the budget, as before.
    expect((await store.cases.list({ agentId: agent, limit: 200 })).cases).toHaveLength(200);
  });
});
