import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Case,
  CaseListResponse,
  CommitmentList,
  DEFAULT_DEPARTMENTS,
  DEFAULT_EMERGENCY_PLANS,
  DEFAULT_GROUP_WINDOW,
  DEFAULT_TIME_LIMITS,
  DEFAULT_WORK_CALENDAR,
  DepartmentList,
  DepartmentResponse,
  EmergencyPlanList,
  LifeSettingsResponse,
} from '../../shared';
import { seed, seedLifeCatalogues } from '../../plugin-server/src/seed';
import { createKyselyStore } from '../../plugin-server/src/store/kysely';
import { migrateToLatest } from '../../plugin-server/src/store/migrate';
import type { Database } from '../../plugin-server/src/store/schema';
import { makeCase, makeTempDir, putChange, startServer, type TestServer } from './helpers';

// The clock starts Mon 2026-03-02 09:00Z (17:00 in Shanghai); makeCase's cases arrive at 16:30.

let server: TestServer;
let supervisor: string;
let agent: string;
let trainer: string;
beforeAll(async () => {
  server = await startServer();
  supervisor = await server.signIn('supervisor');
  agent = await server.signIn('agent');
  trainer = await server.signIn('trainer');
});
afterAll(() => server.close());

const put = (path: string, token: string, json: unknown) => server.call(path, token, { method: 'PUT', json });
const lifeSettings = async (token = agent) => LifeSettingsResponse.parse(await (await server.call('/api/life-settings', token)).json());
const problemPaths = async (res: Response) => ((await res.json()) as { error: { issues?: { path: string }[] } }).error.issues?.map((i) => i.path);

describe('the life settings document', () => {
  it('starts with the defaults: weekends only, the default limits, departments and plans seeded', async () => {
    expect(await lifeSettings()).toEqual({
      calendar: DEFAULT_WORK_CALENDAR,
      weekendsOnly: true,
      timeLimits: DEFAULT_TIME_LIMITS,
      groupWindow: DEFAULT_GROUP_WINDOW,
      departments: DEFAULT_DEPARTMENTS,
      emergencyPlans: DEFAULT_EMERGENCY_PLANS,
    });
  });

  it('takes a whole working calendar from a supervisor, refusing repeated and contradictory dates at their path', async () => {
    const calendar = { ...DEFAULT_WORK_CALENDAR, holidays: ['2026-10-01', '2026-10-02'], makeUpWorkdays: ['2026-09-27'] };
    expect((await put('/api/work-calendar', agent, calendar)).status).toBe(403);
    const twice = await put('/api/work-calendar', supervisor, { ...calendar, holidays: ['2026-10-01', '2026-10-01'] });
    expect(twice.status).toBe(400);
    expect(await problemPaths(twice)).toEqual(['holidays.1']);
    const both = await put('/api/work-calendar', supervisor, { ...calendar, makeUpWorkdays: ['2026-10-02'] });
    expect(both.status).toBe(400);
    expect(await problemPaths(both)).toEqual(['makeUpWorkdays.0']);
    const partial = await put('/api/work-calendar', supervisor, { holidays: [] });
    expect(partial.status).toBe(400);
    expect(await problemPaths(partial)).toEqual(expect.arrayContaining(['timeZone', 'makeUpWorkdays', 'workdayStart', 'workdayEnd']));
    expect((await put('/api/work-calendar', supervisor, { ...calendar, holidays: ['2026-02-30'] })).status).toBe(400);

    const saved = await put('/api/work-calendar', supervisor, calendar);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ calendar, weekendsOnly: false });
    expect(await lifeSettings(trainer)).toMatchObject({ calendar, weekendsOnly: false });
  });

  it('takes whole time limits and group windows from a supervisor', async () => {
    expect((await put('/api/time-limits', supervisor, { sales: DEFAULT_TIME_LIMITS['*'] })).status).toBe(400);
    expect((await put('/api/time-limits', supervisor, { '*': { close: { amount: 0.3, unit: 'working_days' } } })).status).toBe(400);
    expect((await put('/api/time-limits', agent, DEFAULT_TIME_LIMITS)).status).toBe(403);
    const limits = { ...DEFAULT_TIME_LIMITS, sales: { close: { amount: 3, unit: 'working_days' } } };
    expect((await put('/api/time-limits', supervisor, limits)).status).toBe(200);
    expect((await put('/api/group-window', supervisor, { minCases: 4 })).status).toBe(400);
    expect((await put('/api/group-window', supervisor, { minCases: 1, windowHours: 24 })).status).toBe(400);
    expect((await put('/api/group-window', supervisor, { minCases: 4, windowHours: 48 })).status).toBe(200);
    expect(await lifeSettings()).toMatchObject({ timeLimits: limits, groupWindow: { minCases: 4, windowHours: 48 } });
    // Back to the defaults for the deadline tests below.
    expect((await put('/api/time-limits', supervisor, DEFAULT_TIME_LIMITS)).status).toBe(200);
    expect((await put('/api/work-calendar', supervisor, DEFAULT_WORK_CALENDAR)).status).toBe(200);
  });
});

describe('departments and emergency plans', () => {
  it('are read by every role and edited by supervisors', async () => {
    const department = { id: 'legal', names: { 'zh-Hans': '法务部', 'zh-Hant': '法務部', en: 'Legal' }, categoryIds: ['contract'] };
    expect((await server.call('/api/departments', agent, { json: department })).status).toBe(403);
    expect((await server.call('/api/departments', supervisor, { json: department })).status).toBe(201);
    expect((await server.call('/api/departments', supervisor, { json: department })).status).toBe(409);
    const listed = DepartmentList.parse(await (await server.call('/api/departments', agent)).json()).departments;
    expect(listed.map((d) => d.id)).toEqual([...DEFAULT_DEPARTMENTS.map((d) => d.id), 'legal']);

    const renamed = { ...department, names: { ...department.names, en: 'Legal affairs' } };
    const edited = await put('/api/departments/legal', supervisor, renamed);
    expect(DepartmentResponse.parse(await edited.json()).department.names.en).toBe('Legal affairs');
    expect((await put('/api/departments/other', supervisor, renamed)).status).toBe(400);
    expect((await put('/api/departments/missing', supervisor, { ...renamed, id: 'missing' })).status).toBe(404);
    expect((await put('/api/departments/legal', supervisor, { ...renamed, categoryIds: ['NOT A SLUG'] })).status).toBe(400);
    expect((await server.call('/api/departments/legal', agent, { method: 'DELETE' })).status).toBe(403);
    expect((await server.call('/api/departments/legal', supervisor, { method: 'DELETE' })).status).toBe(204);
    expect((await server.call('/api/departments/legal', supervisor, { method: 'DELETE' })).status).toBe(404);

    const plans = EmergencyPlanList.parse(await (await server.call('/api/emergency-plans', trainer)).json()).emergencyPlans;
    expect(plans).toEqual(DEFAULT_EMERGENCY_PLANS);
    const plan = { ...DEFAULT_EMERGENCY_PLANS[0]!, id: 'power_cut', notify: ['物业经理'] };
    expect((await server.call('/api/emergency-plans', supervisor, { json: plan })).status).toBe(201);
    expect((await server.call('/api/emergency-plans', supervisor, { json: { ...plan, id: 'empty_plan', checklist: [] } })).status).toBe(400);
    expect((await server.call('/api/emergency-plans/power_cut', supervisor, { method: 'DELETE' })).status).toBe(204);
  });

  it('are seeded on start only while their table is empty, also once users exist', async () => {
    await server.call('/api/departments/customer_service', supervisor, { method: 'DELETE' });
    await seed(server.store);
    expect((await server.store.departments.list()).map((d) => d.id)).not.toContain('customer_service');
    for (const d of await server.store.departments.list()) await server.store.departments.remove(d.id);
    await seed(server.store);
    expect(await server.store.departments.list()).toEqual(DEFAULT_DEPARTMENTS);
    await seedLifeCatalogues(server.store, server.clock.now());
    expect(await server.store.departments.list()).toHaveLength(DEFAULT_DEPARTMENTS.length);
  });
});

describe('deadlines the server keeps', () => {
  const overdueIds = async (token = supervisor) =>
    CaseListResponse.parse(await (await server.call('/api/cases?overdue=true&limit=200', token)).json()).cases.map((c) => c.id);
  const pushCase = async (c: Case) => {
    const { status, body } = await server.push(agent, [putChange(c)]);
    expect(status).toBe(200);
    expect((body as { results: { status: string }[] }).results[0]!.status).toBe('applied');
  };
  const commitment = (dueAt: string, outcome: 'pending' | 'kept' | 'broken' = 'pending') => ({
    id: randomUUID(),
    what: '三个工作日内上门查看',
    dueText: '3个工作日内',
    dueAt,
    responsible: '工程部',
    createdAt: '2026-03-02T08:30:00.000Z',
    outcome,
  });

  it('marks a case overdue once its next time limit passes, and never once it is closed', async () => {
    const fresh = makeCase();
    const closed = makeCase({ status: 'closed', commitments: [commitment('2026-03-02T08:40:00.000Z')] });
    await pushCase(fresh);
    await pushCase(closed);
    expect(await overdueIds()).toEqual([]);
    // Dispatch within 4.5 working hours of Mon 16:30 Shanghai: Tue 12:00 (04:00Z).
    server.clock.advance(19 * 3_600_000 - 60_000);
    expect(await overdueIds()).toEqual([]);
    server.clock.advance(120_000);
    expect(await overdueIds()).toEqual([fresh.id]);
    // Dispatched, the case runs against its close limit instead.
    await pushCase({ ...fresh, status: 'in_handling', dispatches: [{ id: randomUUID(), departmentId: 'engineering', at: fresh.receivedAt, dueAt: '2026-03-06T10:00:00.000Z', note: '' }], updatedAt: '2026-03-03T04:01:00.000Z' });
    expect(await overdueIds()).toEqual([]);
    // The dispatch is due back Fri 03-06 10:00Z, before the close limit.
    server.clock.advance(3 * 24 * 3_600_000 + 6 * 3_600_000);
    expect(await overdueIds()).toEqual([fresh.id]);
    await pushCase({ ...fresh, status: 'closed', updatedAt: '2026-03-06T10:00:00.000Z' });
    expect(await overdueIds()).toEqual([]);
  });

  it('counts a promise due earlier, on the calendar and limits stored when the case is pushed', async () => {
    const promised = makeCase({ commitments: [commitment('2026-03-10T01:00:00.000Z')], receivedAt: '2026-03-09T00:30:00.000Z', updatedAt: '2026-03-09T00:30:00.000Z' });
    // A stricter dispatch limit, read by the push.
    expect((await put('/api/time-limits', supervisor, { '*': { ...DEFAULT_TIME_LIMITS['*'], dispatch: { amount: 20, unit: 'working_hours' } } })).status).toBe(200);
    await pushCase(promised);
    server.clock.advance(new Date('2026-03-10T01:01:00.000Z').getTime() - server.clock.now().getTime());
    expect(await overdueIds()).toEqual([promised.id]);
    expect(await overdueIds(agent)).toEqual([promised.id]);
    await pushCase({ ...promised, commitments: [{ ...promised.commitments[0]!, outcome: 'kept' }], updatedAt: '2026-03-10T01:01:00.000Z' });
    // 20 working hours from Mon 08:30 (before 09:00): Mon 9 h, Tue 9 h, Wed 2 h → Wed 11:00 Shanghai.
    expect(await overdueIds()).toEqual([]);
    server.clock.advance(new Date('2026-03-11T03:01:00.000Z').getTime() - server.clock.now().getTime());
    expect(await overdueIds()).toEqual([promised.id]);
    expect((await put('/api/time-limits', supervisor, DEFAULT_TIME_LIMITS)).status).toBe(200);
  });
});

describe('broken and overdue promises for supervisors', () => {
  it('lists each one with its case, customer and agent; trainers read, agents may not', async () => {
    const now = server.clock.now().getTime();
    const iso = (ms: number) => new Date(now + ms).toISOString();
    const open = makeCase({ customer: { ...makeCase().customer, name: '李雷' }, updatedAt: iso(0) });
    const late = { ...commitmentOf(iso(-3_600_000)), what: '今天回电' };
    const later = commitmentOf(iso(-60_000));
    const notYet = commitmentOf(iso(3_600_000));
    const broken = { ...commitmentOf(iso(-7_200_000)), outcome: 'broken' as const };
    const closed = makeCase({ status: 'closed', updatedAt: iso(0), commitments: [commitmentOf(iso(-3_600_000)), { ...commitmentOf(iso(-9_000_000)), outcome: 'broken' as const }] });
    await server.push(agent, [putChange({ ...open, commitments: [later, late, notYet, broken] }), putChange(closed)]);

    const list = async (query: string, token = supervisor) => {
      const res = await server.call(`/api/commitments?${query}`, token);
      expect(res.status).toBe(200);
      return CommitmentList.parse(await res.json()).commitments;
    };
    const agentId = (await server.store.cases.get(open.id))!.agentId;
    const overdue = await list('state=overdue');
    expect(overdue.filter((c) => c.caseId === open.id || c.caseId === closed.id)).toEqual([
      { caseId: open.id, commitmentId: late.id, customerName: '李雷', agentId, what: '今天回电', dueAt: late.dueAt, responsible: '工程部', outcome: 'pending' },
      expect.objectContaining({ commitmentId: later.id }),
    ]);
    const brokenList = await list('state=broken', trainer);
    expect(brokenList.map((c) => c.caseId)).toEqual([closed.id, open.id]);
    expect(await list('state=broken&limit=1')).toHaveLength(1);

    expect((await server.call('/api/commitments?state=broken', agent)).status).toBe(403);
    expect((await server.call('/api/commitments?state=kept', supervisor)).status).toBe(400);
    expect((await server.call('/api/commitments?state=broken&limit=501', supervisor)).status).toBe(400);
    expect((await server.call('/api/commitments', supervisor)).status).toBe(400);

    // Judged at the revisit, a late promise leaves the overdue list; the case's next push replaces its rows.
    await server.push(agent, [putChange({ ...open, commitments: [{ ...later, outcome: 'kept' }, { ...late, outcome: 'broken' }, notYet, broken], updatedAt: iso(1000) })]);
    expect((await list('state=overdue')).filter((c) => c.caseId === open.id)).toEqual([]);
    expect((await list('state=broken')).filter((c) => c.caseId === open.id).map((c) => c.commitmentId)).toEqual([broken.id, late.id]);
  });
});

function commitmentOf(dueAt: string) {
  return { id: randomUUID(), what: '上门查看', dueText: '', dueAt, responsible: '工程部', createdAt: '2026-03-02T08:30:00.000Z', outcome: 'pending' as const };
}

describe('the deadline settings a push reads', () => {
  it('are read once per push, however many cases it carries', async () => {
    const temp = makeTempDir();
    const queries: string[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(join(temp.dir, 'lingting.db')) }),
      log: (event) => void queries.push(event.query.sql),
    });
    try {
      await migrateToLatest(db);
      const store = createKyselyStore(db);
      const agentId = randomUUID();
      await store.users.create({ user: { id: agentId, username: 'mei', displayName: 'mei', role: 'agent' }, passwordHash: 'h', createdAt: new Date() });
      queries.length = 0;
      const results = await store.sync.applyChanges(agentId, [1, 2, 3, 4, 5].map(() => putChange(makeCase())), new Date('2026-03-02T09:00:00.000Z'));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
      expect(queries.filter((q) => /from "settings"/.test(q))).toHaveLength(1);
    } finally {
      await db.destroy();
      temp.remove();
    }
  });
});
