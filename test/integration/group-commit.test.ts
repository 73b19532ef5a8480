// Group commit: concurrent items are applied as one batch in one transaction, yet each succeeds
// or fails on its own.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createGroupCommit } from '../../plugin-server/src/store/group-commit';
import type { Database } from '../../plugin-server/src/store/schema';

let db: Kysely<Database>;
let commits = 0;
let batches: number[][] = [];
beforeEach(async () => {
  const sqlite = new BetterSqlite3(':memory:');
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query' && /^commit/i.test(event.query.sql)) commits++;
    },
  });
  commits = 0;
  batches = [];
  await sql`create table t (id integer primary key)`.execute(db);
});
afterEach(() => db.destroy());

/** Inserts each id; a negative id is inserted (as its absolute value) and then fails. */
async function insertAll(trx: Transaction<Database>, ids: readonly number[]): Promise<number[]> {
  batches.push([...ids]);
  for (const id of ids) {
    await sql`insert into t (id) values (${Math.abs(id)})`.execute(trx);
    if (id < 0) throw new Error('boom');
  }
  return ids.map((id) => id * 10);
}

const stored = async () => (await sql<{ id: number }>`select id from t order by id`.execute(db)).rows.map((r) => r.id);

test('items queued together are applied as one batch, with one commit', async () => {
  const group = createGroupCommit(db, insertAll);
  expect(await Promise.all([1, 2, 3, 4].map((id) => group.run(id)))).toEqual([10, 20, 30, 40]);
  expect(await stored()).toEqual([1, 2, 3, 4]);
  expect(batches).toEqual([[1, 2, 3, 4]]);
  expect(commits).toBe(1);
});

test('a failing item fails alone: the others are committed, its writes are not', async () => {
  const group = createGroupCommit(db, insertAll);
  const outcomes = await Promise.allSettled([group.run(1), group.run(-2), group.run(3)]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(await stored()).toEqual([1, 3]);
  // The batch rolled back, then each item ran alone.
  expect(batches).toEqual([[1, -2, 3], [1], [-2], [3]]);
});

test('items arriving while a batch commits go into the next batch', async () => {
  const group = createGroupCommit(db, insertAll);
  await group.run(1);
  expect(await Promise.all([group.run(2), group.run(3)])).toEqual([20, 30]);
  expect(commits).toBe(2);
});

test('a large queue is applied in bounded batches, in order', async () => {
  const group = createGroupCommit(db, insertAll);
  const ids = Array.from({ length: 150 }, (_, i) => i + 1);
  expect(await Promise.all(ids.map((id) => group.run(id)))).toEqual(ids.map((id) => id * 10));
  expect(batches.map((b) => b.length)).toEqual([64, 64, 22]);
  expect(batches.flat()).toEqual(ids);
});
