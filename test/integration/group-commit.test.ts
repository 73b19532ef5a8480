// Group commit: concurrent units share a transaction, yet each succeeds or fails on its own.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createGroupCommit } from '../../plugin-server/src/store/group-commit';
import type { Database } from '../../plugin-server/src/store/schema';

let db: Kysely<Database>;
let commits = 0;
beforeEach(async () => {
  const sqlite = new BetterSqlite3(':memory:');
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query' && /^commit/i.test(event.query.sql)) commits++;
    },
  });
  commits = 0;
  await sql`create table t (id integer primary key)`.execute(db);
});
afterEach(() => db.destroy());

const insert = (id: number) => async (trx: Kysely<Database>) => {
  await sql`insert into t (id) values (${id})`.execute(trx);
  return id;
};

test('units queued together share one commit', async () => {
  const group = createGroupCommit(db);
  expect(await Promise.all([1, 2, 3, 4].map((id) => group.run(insert(id))))).toEqual([1, 2, 3, 4]);
  const rows = await sql<{ id: number }>`select id from t order by id`.execute(db);
  expect(rows.rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  expect(commits).toBe(1);
});

test('a failing unit fails alone: the others are committed, its writes are not', async () => {
  const group = createGroupCommit(db);
  const failing = async (trx: Kysely<Database>) => {
    await insert(2)(trx);
    throw new Error('boom');
  };
  const outcomes = await Promise.allSettled([group.run(insert(1)), group.run(failing), group.run(insert(3))]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  const rows = await sql<{ id: number }>`select id from t order by id`.execute(db);
  expect(rows.rows.map((r) => r.id)).toEqual([1, 3]);
});

test('work arriving while a group commits goes into the next group', async () => {
  const group = createGroupCommit(db);
  const first = group.run(insert(1));
  await first;
  expect(await Promise.all([group.run(insert(2)), group.run(insert(3))])).toEqual([2, 3]);
  expect(commits).toBe(2);
});
