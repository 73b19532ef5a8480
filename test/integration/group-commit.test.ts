// Group commit on the real push path: concurrent pushes to a migrated SQLite database are
// applied as one batch in one transaction, yet each is answered for, and fails, on its own.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Reminder, SyncChange } from '../../shared';
import { migrateToLatest } from '../../plugin-server/src/store/migrate';
import { createCaseRepository } from '../../plugin-server/src/store/kysely/cases';
import { createSyncRepository } from '../../plugin-server/src/store/kysely/sync';
import type { Database } from '../../plugin-server/src/store/schema';
import type { CaseRepository, SyncRepository } from '../../plugin-server/src/store';
import { makeCase, putChange } from './helpers';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const later = (minutes: number) => new Date(Date.parse('2026-03-02T08:30:00.000Z') + minutes * 60_000).toISOString();

let db: Kysely<Database>;
let sync: SyncRepository;
let cases: CaseRepository;
let agent: string;
/** Transactions ended, and the rows each batch recorded (one insert into sync_changes per batch). */
let commits = 0;
let rollbacks = 0;
let recordedPerBatch: number[] = [];

beforeEach(async () => {
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    log: (event) => {
      if (event.level !== 'query') return;
      const text = event.query.sql;
      if (/^commit/i.test(text)) commits++;
      if (/^rollback/i.test(text)) rollbacks++;
      // Five columns per recorded result.
      if (/^insert into "sync_changes"/i.test(text)) recordedPerBatch.push(event.query.parameters.length / 5);
    },
  });
  await migrateToLatest(db);
  agent = randomUUID();
  await db.insertInto('users').values({ id: agent, username: 'agent', display_name: 'agent', role: 'agent', password_hash: 'h', created_at: NOW.toISOString() }).execute();
  sync = createSyncRepository(db, {}, { groupCommit: true });
  cases = createCaseRepository(db, 'like');
  [commits, rollbacks, recordedPerBatch] = [0, 0, []];
});
afterEach(() => db.destroy());

const push = (changes: SyncChange[]) => sync.applyChanges(agent, changes, NOW);

test('pushes queued together are applied as one batch, with one commit, each answered for itself', async () => {
  const changes = [1, 2, 3, 4].map(() => putChange(makeCase()));
  const results = await Promise.all(changes.map((change) => push([change])));
  expect(results).toEqual(changes.map((change) => [{ changeId: change.changeId, status: 'applied' }]));
  expect(recordedPerBatch).toEqual([4]);
  expect(commits).toBe(1);
  expect((await cases.list()).cases.map((c) => c.id).sort()).toEqual(changes.map((c) => c.case.id).sort());
});

test('a push that throws fails alone: the others are committed, its writes are not', async () => {
  const good = [putChange(makeCase()), putChange(makeCase())];
  const doomed = makeCase();
  // A due time that is no time never passes the route's validation; given to the store directly,
  // it throws after the push's case was written.
  const reminder: Reminder = {
    id: randomUUID(), caseId: doomed.id, dueAt: 'not a time', note: '', status: 'pending', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
  };
  const outcomes = await Promise.allSettled([push([good[0]!]), push([putChange(doomed), { changeId: randomUUID(), kind: 'reminder.put', reminder }]), push([good[1]!])]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((await cases.list()).cases.map((c) => c.id).sort()).toEqual(good.map((c) => c.case.id).sort());
  // The batch rolled back, then each push ran alone: two commits, and the doomed one rolled back again.
  expect([commits, rollbacks]).toEqual([2, 2]);
  expect(recordedPerBatch).toEqual([1, 1]);
});

test('pushes arriving while a batch commits go into the next batch', async () => {
  await push([putChange(makeCase())]);
  const [a, b] = [putChange(makeCase()), putChange(makeCase())];
  expect(await Promise.all([push([a]), push([b])])).toEqual([[{ changeId: a.changeId, status: 'applied' }], [{ changeId: b.changeId, status: 'applied' }]]);
  expect(commits).toBe(2);
  expect(recordedPerBatch).toEqual([1, 2]);
});

test('a large queue is applied in bounded batches, in the order the pushes arrived', async () => {
  // 150 edits of one case, each newer than the one before: all applied only if applied in order.
  const c = makeCase();
  const edits = Array.from({ length: 150 }, (_, n) => putChange({ ...c, summary: `edit ${n}`, updatedAt: later(n) }));
  const results = await Promise.all(edits.map((edit) => push([edit])));
  expect(results.map(([r]) => r!.status)).toEqual(edits.map(() => 'applied'));
  expect(recordedPerBatch).toEqual([64, 64, 22]);
  expect((await cases.get(c.id))?.summary).toBe('edit 149');
});
