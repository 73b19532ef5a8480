// Group complaints in the store, on both databases: which open cases are proposed together,
// confirmation and its replays, the lookup by project and building, a group's members, and
// migration 011's backfill of the columns proposals read.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Case, type CaseGroup, DEFAULT_GROUP_WINDOW, DEFAULT_CATEGORIES } from '../../../shared';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { migrationProvider } from '../../../plugin-server/src/store/migrations';
import { makeCase, makeTempDir, putChange } from '../helpers';
import { createTestDatabase } from '../postgres';
import { addUser, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();

/** A case of one owner; each test uses its own project, so that tests never see each other's cases. */
const owner = (project: string, unit: string, hours: number, overrides: Partial<Case> = {}): Case => {
  const base = makeCase({ receivedAt: hoursAgo(hours), createdAt: hoursAgo(hours), updatedAt: hoursAgo(hours), categoryIds: ['waterproofing'] });
  return { ...base, customer: { ...base.customer, project, unit }, ...overrides };
};

const groupOf = (cases: readonly Case[], overrides: Partial<CaseGroup> = {}): CaseGroup => ({
  id: randomUUID(),
  project: cases[0]?.customer.project ?? '',
  building: '3栋',
  categoryId: 'waterproofing',
  plan: '统一方案',
  caseIds: cases.map((c) => c.id),
  confirmedBy: randomUUID(),
  confirmedAt: NOW.toISOString(),
  ...overrides,
});

describe.each(STORE_KINDS)('case groups on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agentId: string;
  const push = async (...cases: Case[]) => {
    const results = await store.sync.applyChanges(agentId, cases.map((c) => putChange(c)), NOW);
    expect(results.map((r) => r.status)).toEqual(cases.map(() => 'applied'));
  };
  const proposalsOf = async (project: string, window = DEFAULT_GROUP_WINDOW) =>
    (await store.caseGroups.proposals(window, NOW)).filter((p) => p.project === project);

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    await store.categories.seed(DEFAULT_CATEGORIES);
    agentId = await addUser(store);
  });
  afterAll(() => close());

  it('proposes owners of one building, category and window; each of a case\'s leaf categories counts', async () => {
    const project = `P-${randomUUID()}`;
    // Filed under a parent and its child: the child (leaf) is the problem, the parent never groups.
    const three = [
      owner(project, '3栋1201', 60, { categoryIds: ['housing_quality', 'waterproofing'] }),
      owner(project, '3栋502', 40, { categoryIds: ['waterproofing', 'finishes'] }),
      owner(project, '3栋801', 10),
    ];
    const finishes = [owner(project, '3棟9', 30, { categoryIds: ['finishes'], customer: { ...three[0]!.customer, unit: '', building: '3栋' } }), owner(project, '3栋3', 20, { categoryIds: ['finishes'] })];
    const closed = owner(project, '3栋1', 5, { status: 'closed' });
    const tooOld = [owner(project, '3栋2', 24 * 31), owner(project, '3栋4', 24 * 31 - 1), owner(project, '3栋6', 24 * 31 - 2)];
    await push(...three, ...finishes, closed, ...tooOld);

    const proposals = await proposalsOf(project);
    expect(proposals).toEqual([
      { project, building: '3栋', categoryId: 'waterproofing', caseIds: three.map((c) => c.id), firstReceivedAt: hoursAgo(60), lastReceivedAt: hoursAgo(10) },
      { project, building: '3栋', categoryId: 'finishes', caseIds: [three[1]!.id, ...finishes.map((c) => c.id)], firstReceivedAt: hoursAgo(40), lastReceivedAt: hoursAgo(20) },
    ]);
  });

  it('slides the window: cases farther apart than it fall into separate clusters, or none', async () => {
    const project = `P-${randomUUID()}`;
    const spaced = [0, 50, 100, 150, 300].map((hours) => owner(project, '', 400 - hours));
    await push(...spaced);
    // No building anywhere: grouped by project alone.
    const pairs = await proposalsOf(project, { minCases: 2, windowHours: 72 });
    expect(pairs.map((p) => [p.building, p.caseIds])).toEqual(
      expect.arrayContaining([
        ['', [spaced[0]!.id, spaced[1]!.id]],
        ['', [spaced[2]!.id, spaced[3]!.id]],
      ]),
    );
    expect(pairs).toHaveLength(2);
    expect(await proposalsOf(project)).toEqual([]);
  });

  it('confirms a group once, replays the same confirmation, refuses another under its id, and stops proposing its cases', async () => {
    const project = `P-${randomUUID()}`;
    const cases = [owner(project, '3栋1', 3), owner(project, '3栋2', 2), owner(project, '3栋3', 1)];
    await push(...cases);
    expect(await proposalsOf(project)).toHaveLength(1);

    const group = groupOf(cases);
    expect(await store.caseGroups.confirm(group)).toEqual({ ok: true, group, created: true });
    const replay = { ...group, caseIds: [...group.caseIds].reverse(), confirmedAt: new Date(NOW.getTime() + 1000).toISOString() };
    expect(await store.caseGroups.confirm(replay)).toEqual({ ok: true, group, created: false });
    expect(await store.caseGroups.confirm({ ...group, plan: '别的方案' })).toEqual({ ok: false, current: group });
    expect(await proposalsOf(project)).toEqual([]);

    expect(await store.caseGroups.setPlan(group.id, '新方案')).toEqual({ ...group, plan: '新方案' });
    expect(await store.caseGroups.get(group.id)).toEqual({ ...group, plan: '新方案' });
    expect(await store.caseGroups.setPlan(randomUUID(), '新方案')).toBeUndefined();
    expect(await store.caseGroups.get(randomUUID())).toBeUndefined();
  });

  it("finds a project's groups, by building with the project-wide ones", async () => {
    const project = `P-${randomUUID()}`;
    const [a, b, wide] = [groupOf([owner(project, '', 1)]), groupOf([owner(project, '', 1)], { building: '5栋' }), groupOf([owner(project, '', 1)], { building: '' })];
    for (const g of [a, b, wide]) expect((await store.caseGroups.confirm(g)).ok).toBe(true);
    const ids = async (query: { project: string; building?: string }) => (await store.caseGroups.find(query)).map((g) => g.id).sort();
    expect(await ids({ project, building: '3栋' })).toEqual([a.id, wide.id].sort());
    expect(await ids({ project })).toEqual([a.id, b.id, wide.id].sort());
    expect(await ids({ project: `${project}x` })).toEqual([]);
  });

  it('lists as members the confirmed cases and the linked ones, with their revisit', async () => {
    const project = `P-${randomUUID()}`;
    const confirmed = [owner(project, '3栋1', 5), owner(project, '3栋2', 4)];
    const group = groupOf([...confirmed, { id: randomUUID() } as Case]);
    const linked = owner(project, '3栋3', 3, { groupId: group.id, revisits: [{ at: hoursAgo(1), reached: false, comment: '' }] });
    const elsewhere = owner(project, '3栋4', 2, { groupId: randomUUID() });
    await push(...confirmed, linked, elsewhere);
    await store.caseGroups.confirm(group);
    expect(await store.caseGroups.members(group)).toEqual([
      { caseId: confirmed[0]!.id, status: 'open', revisit: { state: 'none', score: null, at: null } },
      { caseId: confirmed[1]!.id, status: 'open', revisit: { state: 'none', score: null, at: null } },
      { caseId: linked.id, status: 'open', revisit: { state: 'attempted', score: null, at: hoursAgo(1) } },
    ]);
  });
});

describe.each([
  {
    name: 'sqlite',
    async create() {
      const temp = makeTempDir();
      const file = join(temp.dir, 'lingting.db');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database at an old schema has no current type
      const db: Kysely<any> = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
      return { db, openCurrent: () => createSqliteStore({ file }), cleanUp: temp.remove };
    },
  },
  {
    name: 'postgres',
    async create() {
      const connectionString = await createTestDatabase();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
      const db: Kysely<any> = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
      return { db, openCurrent: () => createPostgresStore({ connectionString }), cleanUp: () => {} };
    },
  },
])('migration 011 on $name', (kind) => {
  it("backfills cases stored before it: their building from the unit, their group from the case", async () => {
    const { db, openCurrent, cleanUp } = await kind.create();
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('010_case_life')).error).toBeUndefined();
    const agentId = randomUUID();
    await db.insertInto('users').values({ id: agentId, username: 'old', display_name: 'old', role: 'agent', password_hash: 'h', created_at: NOW.toISOString() }).execute();
    const groupId = randomUUID();
    const cases = [owner('老楼盘', '3栋1201', 3), owner('老楼盘', '3栋502', 2), owner('老楼盘', 'A-1', 1, { groupId })];
    for (const c of cases) {
      await db
        .insertInto('cases')
        .values({
          id: c.id,
          agent_id: agentId,
          customer_name: c.customer.name,
          customer_phone: c.customer.phone,
          data: JSON.stringify(c),
          status: c.status,
          received_at: c.receivedAt,
          updated_at: c.updatedAt,
          server_updated_at: NOW.toISOString(),
          change_seq: 1,
          project: c.customer.project,
          severity: c.severity,
        })
        .execute();
      await db.insertInto('case_categories').values({ case_id: c.id, category_id: 'waterproofing' }).execute();
    }
    await db.destroy();

    const store = await openCurrent();
    try {
      const proposals = await store.caseGroups.proposals({ minCases: 2, windowHours: 72 }, NOW);
      expect(proposals.map((p) => [p.building, p.caseIds])).toEqual([['3栋', [cases[0]!.id, cases[1]!.id]]]);
      const group = groupOf([], { id: groupId, project: '老楼盘', caseIds: [] });
      expect((await store.caseGroups.confirm(group)).ok).toBe(true);
      expect((await store.caseGroups.members(group)).map((m) => m.caseId)).toEqual([cases[2]!.id]);
    } finally {
      await store.close();
      cleanUp();
    }
  });
});
