import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Commitment,
  DEFAULT_DEPARTMENTS,
  DEFAULT_EMERGENCY_PLANS,
  DEFAULT_GROUP_WINDOW,
  DEFAULT_TIME_LIMITS,
  DEFAULT_WORK_CALENDAR,
  WorkCalendar,
} from '../../../shared';
import type { Store } from '../../../plugin-server/src/store';
import { makeCase, putChange } from '../helpers';
import { addUser, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');

const promise = (dueAt: string, outcome: Commitment['outcome'] = 'pending'): Commitment => ({
  id: randomUUID(),
  what: '上门查看',
  dueText: '',
  dueAt,
  responsible: '工程部',
  createdAt: '2026-03-02T08:30:00.000Z',
  outcome,
});

describe.each(STORE_KINDS)('store contract on $name: life settings, departments, plans, deadlines, promises', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await kind.open());
  });
  afterEach(() => close());

  it('hands out defaults until a settings document is stored, then the stored one', async () => {
    expect(await store.settings.get('work_calendar')).toEqual(DEFAULT_WORK_CALENDAR);
    expect(await store.settings.get('time_limits')).toEqual(DEFAULT_TIME_LIMITS);
    expect(await store.settings.get('group_window')).toEqual(DEFAULT_GROUP_WINDOW);
    const calendar = WorkCalendar.parse({ holidays: ['2026-10-01'], makeUpWorkdays: ['2026-09-27'] });
    await store.settings.put('work_calendar', calendar, NOW);
    await store.settings.put('work_calendar', { ...calendar, workdayEnd: '17:30' }, NOW);
    expect(await store.settings.get('work_calendar')).toEqual({ ...calendar, workdayEnd: '17:30' });
    expect(await store.settings.get('time_limits')).toEqual(DEFAULT_TIME_LIMITS);
  });

  it('keeps departments and plans in the order added, seeding only an empty table', async () => {
    await store.departments.seedIfEmpty(DEFAULT_DEPARTMENTS, NOW);
    await store.departments.seedIfEmpty([{ ...DEFAULT_DEPARTMENTS[0]!, id: 'other' }], NOW);
    expect(await store.departments.list()).toEqual(DEFAULT_DEPARTMENTS);
    const legal = { id: 'legal', names: { 'zh-Hans': '法务部', 'zh-Hant': '法務部', en: 'Legal' }, categoryIds: [] };
    expect(await store.departments.create(legal, NOW)).toBe(true);
    expect(await store.departments.create(legal, NOW)).toBe(false);
    expect((await store.departments.list()).at(-1)).toEqual(legal);
    expect(await store.departments.update({ ...legal, categoryIds: ['contract'] }, NOW)).toBe(true);
    expect(await store.departments.update({ ...legal, id: 'nobody' }, NOW)).toBe(false);
    expect(await store.departments.remove('legal')).toBe(true);
    expect(await store.departments.remove('legal')).toBe(false);

    await store.emergencyPlans.seedIfEmpty(DEFAULT_EMERGENCY_PLANS, NOW);
    expect(await store.emergencyPlans.list()).toEqual(DEFAULT_EMERGENCY_PLANS);
  });

  it('finds overdue cases by their own deadline, and broken or overdue promises, from what sync wrote', async () => {
    const agentId = await addUser(store);
    const late = promise('2026-03-02T08:00:00.000Z');
    const open = makeCase({ commitments: [late, promise('2026-03-05T08:00:00.000Z'), promise('2026-03-01T08:00:00.000Z', 'broken')] });
    const closed = makeCase({ status: 'closed', commitments: [promise('2026-03-02T07:00:00.000Z'), promise('2026-02-28T08:00:00.000Z', 'broken')] });
    const onTime = makeCase({ commitments: [promise('2026-03-04T08:00:00.000Z')] });
    await store.sync.applyChanges(agentId, [putChange(open), putChange(closed), putChange(onTime)], NOW);

    const overdue = await store.cases.list({ overdueAt: NOW });
    expect(overdue.cases.map((c) => c.id)).toEqual([open.id]);
    // The next day, onTime's dispatch limit (Tue 12:00 Shanghai) has passed too.
    expect((await store.cases.list({ overdueAt: new Date('2026-03-03T05:00:00.000Z') })).cases.map((c) => c.id).sort()).toEqual([open.id, onTime.id].sort());

    expect(await store.commitments.list({ state: 'overdue', limit: 100 }, NOW)).toEqual([
      { caseId: open.id, commitmentId: late.id, customerName: open.customer.name, agentId, what: late.what, dueAt: late.dueAt, responsible: '工程部', outcome: 'pending' },
    ]);
    const broken = await store.commitments.list({ state: 'broken', limit: 100 }, NOW);
    expect(broken.map((c) => c.caseId)).toEqual([closed.id, open.id]);
    expect(await store.commitments.list({ state: 'broken', limit: 1 }, NOW)).toHaveLength(1);

    // A later version replaces the case's promises and deadline; closing ends both.
    await store.sync.applyChanges(agentId, [putChange({ ...open, status: 'closed', updatedAt: '2026-03-02T09:00:00.000Z', commitments: [{ ...late, outcome: 'kept' }] })], NOW);
    expect((await store.cases.list({ overdueAt: NOW })).cases).toEqual([]);
    expect(await store.commitments.list({ state: 'overdue', limit: 100 }, NOW)).toEqual([]);
    expect((await store.commitments.list({ state: 'broken', limit: 100 }, NOW)).map((c) => c.caseId)).toEqual([closed.id]);
  });
});
