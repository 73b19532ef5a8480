import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reminder, SyncChange } from '../../../shared';
import { createPostgresStore, type Store } from '../../../plugin-server/src/store';
import { makeCase, putChange } from '../helpers';
import { createTestDatabase } from '../postgres';
import { pullCases } from './pulling';
import { addUser, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const later = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

function makeReminder(caseId: string, overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: randomUUID(),
    caseId,
    dueAt: '2026-03-03T09:00:00.000Z',
    note: '回电告知维修时间',
    status: 'pending',
    createdAt: '2026-03-02T08:40:00.000Z',
    updatedAt: '2026-03-02T08:40:00.000Z',
    ...overrides,
  };
}
const reminderChange = (reminder: Reminder): SyncChange => ({ changeId: randomUUID(), kind: 'reminder.put', reminder });

describe.each(STORE_KINDS)('store contract on $name: sync', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agent: string;
  let other: string;
  beforeEach(async () => {
    ({ store, close } = await kind.open());
    agent = await addUser(store);
    other = await addUser(store);
  });
  afterEach(() => close());

  it('answers an identical replay with the recorded result, storing nothing again', async () => {
    const c = makeCase();
    const change = putChange(c);
    expect(await store.sync.applyChanges(agent, [change], NOW)).toEqual([{ changeId: change.changeId, status: 'applied' }]);
    const pulled = await pullCases(store, { agentId: agent, after: null, limit: 10 }, 1);
    const replayedAt = new Date(NOW.getTime() + 60_000);
    // Replayed alone, and twice within one push (a client that lost its answers and merged batches).
    expect(await store.sync.applyChanges(agent, [structuredClone(change)], replayedAt)).toEqual([{ changeId: change.changeId, status: 'applied' }]);
    expect(await store.sync.applyChanges(agent, [change, change], replayedAt)).toEqual([
      { changeId: change.changeId, status: 'applied' },
      { changeId: change.changeId, status: 'applied' },
    ]);
    expect(await store.cases.get(c.id)).toMatchObject({ summary: c.summary, serverUpdatedAt: NOW.toISOString() });
    // Nothing was written again: a device that pulled the change has nothing new to pull.
    expect(await store.pull.cases({ agentId: agent, after: pulled.at(-1)!, limit: 10 })).toEqual([]);
  });

  it('rejects a reused change id with different content, and keeps what the first one stored', async () => {
    const c = makeCase();
    const change = putChange(c);
    await store.sync.applyChanges(agent, [change], NOW);
    const reused = { ...change, case: { ...c, summary: 'changed', updatedAt: later(c.updatedAt, 5) } };
    const mine = putChange(makeCase());
    expect(await store.sync.applyChanges(agent, [reused, mine], NOW)).toEqual([
      { changeId: change.changeId, status: 'rejected', reason: 'change_id_reused' },
      { changeId: mine.changeId, status: 'applied' },
    ]);
    // Within one push too: the second use of an id, with other content, is refused.
    const fresh = putChange(makeCase());
    const clash = putChange(makeCase(), fresh.changeId);
    expect(await store.sync.applyChanges(agent, [fresh, clash], NOW)).toEqual([
      { changeId: fresh.changeId, status: 'applied' },
      { changeId: fresh.changeId, status: 'rejected', reason: 'change_id_reused' },
    ]);
    expect(await store.cases.get(c.id)).toMatchObject({ summary: c.summary });
    expect(await store.cases.get(clash.case.id)).toBeUndefined();
    // The first use keeps its recorded result.
    expect(await store.sync.applyChanges(agent, [change], NOW)).toEqual([{ changeId: change.changeId, status: 'applied' }]);
  });

  it("keeps change ids per user: another user's change under the same id is a change of its own", async () => {
    const shared = randomUUID();
    const mine = putChange(makeCase({ summary: 'mine' }), shared);
    const theirs = putChange(makeCase({ summary: 'theirs' }), shared);
    expect(await store.sync.applyChanges(agent, [mine], NOW)).toEqual([{ changeId: shared, status: 'applied' }]);
    expect(await store.sync.applyChanges(other, [theirs], NOW)).toEqual([{ changeId: shared, status: 'applied' }]);
    expect(await store.cases.get(mine.case.id)).toMatchObject({ summary: 'mine', agentId: agent });
    expect(await store.cases.get(theirs.case.id)).toMatchObject({ summary: 'theirs', agentId: other });
    // Each user's replay gets that user's own result, whoever pushed the id first.
    const rejected = putChange({ ...mine.case, summary: 'taken over', updatedAt: later(mine.case.updatedAt, 1) }, randomUUID());
    const [refusal] = await store.sync.applyChanges(other, [rejected], NOW);
    expect(refusal).toMatchObject({ status: 'rejected', reason: 'case_of_other_agent' });
    expect(await store.sync.applyChanges(agent, [mine], NOW)).toEqual([{ changeId: shared, status: 'applied' }]);
    expect(await store.sync.applyChanges(other, [rejected], NOW)).toEqual([refusal]);
    // And at the same moment, racing.
    const raced = randomUUID();
    const [a, b] = await Promise.all([
      store.sync.applyChanges(agent, [putChange(makeCase({ summary: 'raced a' }), raced)], NOW),
      store.sync.applyChanges(other, [putChange(makeCase({ summary: 'raced b' }), raced)], NOW),
    ]);
    expect([a, b]).toEqual([[{ changeId: raced, status: 'applied' }], [{ changeId: raced, status: 'applied' }]]);
    expect((await store.cases.list({ limit: 200 })).cases.map((x) => x.summary).sort()).toEqual(['mine', 'raced a', 'raced b', 'theirs']);
  });

  it('keeps one row per case, the newest version, and calls an older one stale', async () => {
    const c = makeCase();
    const newer = { ...c, summary: 'newer', updatedAt: later(c.updatedAt, 10) };
    const results = await store.sync.applyChanges(agent, [putChange(c), putChange(newer), putChange(c)], NOW);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'stale']);
    const { cases } = await store.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: c.id, summary: 'newer', agentId: agent });
  });

  it('keeps category rows equal to the newest version, within one push and across pushes', async () => {
    const c = makeCase({ categoryIds: ['waterproofing'] });
    const fresh = makeCase({ categoryIds: ['noise'] });
    await store.sync.applyChanges(agent, [putChange(c)], NOW);
    await store.sync.applyChanges(
      agent,
      [
        putChange({ ...c, categoryIds: ['structure'], updatedAt: later(c.updatedAt, 1) }),
        putChange({ ...c, categoryIds: ['delivery', 'parking', 'delivery'], updatedAt: later(c.updatedAt, 2) }),
        putChange(fresh),
        putChange({ ...fresh, categoryIds: ['noise', 'parking'], updatedAt: later(fresh.updatedAt, 1) }),
      ],
      NOW,
    );
    const idsIn = async (categoryId: string) => (await store.cases.list({ categoryId })).cases.map((x) => x.id).sort();
    expect(await idsIn('waterproofing')).toEqual([]);
    expect(await idsIn('structure')).toEqual([]);
    expect(await idsIn('delivery')).toEqual([c.id]);
    expect(await idsIn('parking')).toEqual([c.id, fresh.id].sort());
    expect(await idsIn('noise')).toEqual([fresh.id]);
  });

  it("compares instants by time, whatever their offset", async () => {
    const c = makeCase({ updatedAt: '2026-03-02T10:00:00.000Z' });
    await store.sync.applyChanges(agent, [putChange(c)], NOW);
    // 17:30+08:00 is 09:30Z: older, although it sorts later as text.
    const older = { ...c, summary: 'older', updatedAt: '2026-03-02T17:30:00.000+08:00' };
    expect((await store.sync.applyChanges(agent, [putChange(older)], NOW))[0]!.status).toBe('stale');
  });

  it("rejects only the item that touches another agent's case, and applies the rest", async () => {
    const theirs = makeCase();
    await store.sync.applyChanges(other, [putChange(theirs)], NOW);
    const mine = makeCase();
    const results = await store.sync.applyChanges(
      agent,
      [putChange({ ...theirs, summary: 'hijack', updatedAt: later(theirs.updatedAt, 1) }), putChange(mine)],
      NOW,
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(results[0]!.reason).toBe('case_of_other_agent');
    expect(await store.cases.get(theirs.id)).toMatchObject({ agentId: other, summary: theirs.summary });
    expect(await store.cases.get(mine.id)).toMatchObject({ agentId: agent });
  });

  it('stores reminders of own cases, newest wins, and rejects one for a missing or foreign case with a reason', async () => {
    const mine = makeCase();
    const theirs = makeCase();
    await store.sync.applyChanges(agent, [putChange(mine)], NOW);
    await store.sync.applyChanges(other, [putChange(theirs)], NOW);
    const reminder = makeReminder(mine.id);
    const done = { ...reminder, status: 'done' as const, updatedAt: later(reminder.updatedAt, 30) };
    const results = await store.sync.applyChanges(
      agent,
      [
        reminderChange(reminder),
        reminderChange(makeReminder(theirs.id)),
        reminderChange(makeReminder(randomUUID())),
        reminderChange(done),
        reminderChange(reminder),
      ],
      NOW,
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied', 'stale']);
    expect(results[1]!.reason).toBe('reminder_case_unknown');
    expect(await store.reminders.list({ agentId: agent })).toEqual([done]);
    expect(await store.reminders.list({ agentId: other })).toEqual([]);
    expect(await store.reminders.list()).toEqual([done]);
  });

  it('reads a push\'s cases and reminders once, yet sees what the push itself wrote earlier', async () => {
    const theirs = makeCase();
    await store.sync.applyChanges(other, [putChange(theirs)], NOW);
    const theirReminder = makeReminder(theirs.id);
    await store.sync.applyChanges(other, [reminderChange(theirReminder)], NOW);
    const fresh = makeCase();
    const another = makeCase();
    const first = makeReminder(fresh.id);
    const results = await store.sync.applyChanges(
      agent,
      [
        // Its case arrives in the same push, before it.
        reminderChange(first),
        putChange(fresh),
        reminderChange(first),
        putChange(another),
        // Written earlier in this push: the same version is stale, a move to another case refused.
        reminderChange({ ...first }),
        reminderChange({ ...first, caseId: another.id, updatedAt: later(first.updatedAt, 5) }),
        // Another agent's reminder id, on one's own case.
        reminderChange({ ...theirReminder, caseId: fresh.id, updatedAt: later(theirReminder.updatedAt, 5) }),
      ],
      NOW,
    );
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'reminder_case_unknown',
      'applied',
      'applied',
      'applied',
      'stale',
      'reminder_id_taken',
      'reminder_id_taken',
    ]);
    expect(await store.reminders.list({ agentId: agent })).toContainEqual(first);
  });

  it("keeps a done reminder's outcome and the commitment it follows up; one from an older build has neither", async () => {
    const c = makeCase();
    await store.sync.applyChanges(agent, [putChange(c)], NOW);
    const old = makeReminder(c.id);
    const followUp = makeReminder(c.id, { commitmentId: randomUUID() });
    const done = { ...followUp, status: 'done' as const, outcome: '客户确认已修好', updatedAt: later(followUp.updatedAt, 10) };
    const results = await store.sync.applyChanges(agent, [reminderChange(old), reminderChange(followUp), reminderChange(done)], NOW);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const listed = await store.reminders.list({ agentId: agent });
    expect(listed.find((r) => r.id === done.id)).toEqual(done);
    expect(listed.find((r) => r.id === old.id)).toEqual(old);
  });

  it('lists reminders soonest due first', async () => {
    const c = makeCase();
    await store.sync.applyChanges(agent, [putChange(c)], NOW);
    const late = makeReminder(c.id, { dueAt: '2026-03-05T01:00:00.000Z' });
    const soon = makeReminder(c.id, { dueAt: '2026-03-04T09:00:00.000+08:00' });
    await store.sync.applyChanges(agent, [reminderChange(late), reminderChange(soon)], NOW);
    expect((await store.reminders.list({ agentId: agent })).map((r) => r.id)).toEqual([soon.id, late.id]);
  });

  // On SQLite these pushes are applied as one batch by the group commit; on PostgreSQL each in
  // its own transaction. Either way the outcome is that of some order of single pushes.
  it('applies concurrent pushes as if one after the other: one owner per case, one result per change', async () => {
    const contested = makeCase();
    const shared = putChange(makeCase());
    const own = Array.from({ length: 6 }, () => putChange(makeCase()));
    const [mine, theirs, first, again, ...rest] = await Promise.all([
      store.sync.applyChanges(agent, [putChange(contested)], NOW),
      store.sync.applyChanges(other, [putChange({ ...contested, summary: 'theirs', updatedAt: later(contested.updatedAt, 1) })], NOW),
      store.sync.applyChanges(agent, [shared], NOW),
      store.sync.applyChanges(agent, [shared], NOW),
      ...own.map((change) => store.sync.applyChanges(agent, [change], NOW)),
    ]);
    const outcomes = [mine![0]!.status, theirs![0]!.status].sort();
    expect(outcomes).toEqual(['applied', 'rejected']);
    const owner = mine![0]!.status === 'applied' ? agent : other;
    expect((await store.cases.list({ agentId: owner })).cases.map((c) => c.id)).toContain(contested.id);
    expect(first).toEqual([{ changeId: shared.changeId, status: 'applied' }]);
    expect(again).toEqual(first);
    expect(rest.map((results) => results[0]!.status)).toEqual(own.map(() => 'applied'));
    expect((await store.cases.list({ limit: 200 })).cases).toHaveLength(2 + own.length);
  });

  it('fails only the push that hits an unexpected error, and applies the ones sent with it', async () => {
    const good = putChange(makeCase());
    const doomed = makeCase();
    // A due time that is no time would never pass the route's validation; given to the store
    // directly, it makes the push throw after its case was written.
    const broken = reminderChange(makeReminder(doomed.id, { dueAt: 'not a time' }));
    const [applied, failed] = await Promise.allSettled([
      store.sync.applyChanges(agent, [good], NOW),
      store.sync.applyChanges(agent, [putChange(doomed), broken], NOW),
    ]);
    expect(applied).toEqual({ status: 'fulfilled', value: [{ changeId: good.changeId, status: 'applied' }] });
    expect(failed.status).toBe('rejected');
    expect((await store.cases.list()).cases.map((c) => c.id)).toEqual([good.case.id]);
  });
});

describe('PostgreSQL: several server instances on one database', () => {
  let stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });

  it('migrate once when they start together, and apply concurrent pushes of the same change or case once', async () => {
    const url = await createTestDatabase();
    // Two instances start at the same moment on an empty database: Migrator's lock serialises them.
    stores = await Promise.all([0, 1, 2].map(() => createPostgresStore({ connectionString: url, maxConnections: 4 })));
    const [a, b, c] = stores as [Store, Store, Store];
    const agent = await addUser(a);

    for (let round = 0; round < 10; round++) {
      const base = makeCase();
      const change = putChange(base);
      const newer = putChange({ ...base, summary: 'newer', updatedAt: later(base.updatedAt, 1) });
      // The same change on all three instances at once, and a newer version racing it.
      const results = await Promise.all([
        a.sync.applyChanges(agent, [change], NOW),
        b.sync.applyChanges(agent, [change], NOW),
        c.sync.applyChanges(agent, [newer], NOW),
      ]);
      // One change, one result, whichever instance answered; stale only if the newer one won the race.
      expect(results[0]).toEqual(results[1]);
      expect(['applied', 'stale']).toContain(results[0]![0]!.status);
      expect(results[2]![0]!.status).toBe('applied');
      const stored = await a.cases.get(base.id);
      // Whatever order they ran in, the newest version is what remains.
      expect(stored?.summary).toBe('newer');
    }
    expect((await a.cases.list({ limit: 200 })).cases).toHaveLength(10);
  });
});
