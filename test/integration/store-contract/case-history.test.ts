// A caller's history by phone (issue 13, finding 5): looked up by equality on the phone's digits
// through an index, on both databases, never by scanning every case.
import BetterSqlite3 from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { historyQuery } from '../../../plugin-server/src/store/kysely/case-history';
import type { Database } from '../../../plugin-server/src/store/schema';
import { generateCases } from '../../fixtures/chinese-cases';
import { makeCase, makeTempDir, putChange } from '../helpers';
import { createTestDatabase } from '../postgres';
import { addUser } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');

interface Opened {
  store: Store;
  /** A second connection to the same database, for EXPLAIN. */
  db: Kysely<Database>;
  /** The plan of `query`, one line per node. */
  plan(query: CompiledQuery): Promise<string[]>;
  close(): Promise<void>;
}

const KINDS: Array<{ name: string; open(): Promise<Opened> }> = [
  {
    name: 'sqlite',
    async open() {
      const temp = makeTempDir();
      const file = join(temp.dir, 'lingting.db');
      const store = await createSqliteStore({ file });
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
      return {
        store,
        db,
        async plan(query) {
          const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
          return rows.map((row) => row.detail);
        },
        async close() {
          await db.destroy();
          await store.close();
          temp.remove();
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const connectionString = await createTestDatabase();
      const store = await createPostgresStore({ connectionString });
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
      return {
        store,
        db,
        async plan(query) {
          // A test table is small enough that a sequential scan is cheapest; with it priced out
          // the planner still falls back to one when no index can answer the query.
          return db.connection().execute(async (connection) => {
            await connection.executeQuery({ ...query, sql: 'set enable_seqscan = off', parameters: [] });
            const { rows } = await connection.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` });
            await connection.executeQuery({ ...query, sql: 'reset enable_seqscan', parameters: [] });
            return rows.map((row) => row['QUERY PLAN']);
          });
        },
        async close() {
          await db.destroy();
          await store.close();
        },
      };
    },
  },
];

const withPhone = (phone: string, receivedAt: string, overrides: Partial<Case> = {}) =>
  makeCase({ customer: { ...makeCase().customer, phone }, receivedAt, ...overrides });

describe.each(KINDS)('store contract on $name: case history by phone', (kind) => {
  let opened: Opened;
  let agents: string[];

  beforeAll(async () => {
    opened = await kind.open();
    agents = [await addUser(opened.store), await addUser(opened.store)];
    // Other customers, so that a scan and a lookup differ.
    const others = generateCases(300, 5);
    await opened.store.sync.applyChanges(agents[0]!, others.map((c) => putChange(c)), NOW);
    await sql`analyze`.execute(opened.db);
  });
  afterAll(() => opened.close());

  it('finds every spelling of the number across agents, newest first, and only that number', async () => {
    const spellings = [
      withPhone('138 0013 8000', '2026-03-01T08:00:00.000Z'),
      withPhone('(138) 0013-8000', '2026-03-02T08:00:00.000Z'),
      withPhone('138-0013-8000', '2026-02-01T08:00:00.000+08:00'),
      withPhone('13800138000', '2026-02-15T08:00:00.000Z'),
      // Full-width digits, as some CRMs show them.
      withPhone('１３８ ００１３ ８０００', '2026-01-15T08:00:00.000Z'),
    ];
    const others = [
      withPhone('138 0013 8001', '2026-03-01T09:00:00.000Z'),
      // Same digits in order but more of them: a different number.
      withPhone('1 138 0013 8000 9', '2026-03-01T10:00:00.000Z'),
      withPhone('+86 138 0013 8000', '2026-03-01T11:00:00.000Z'),
    ];
    await opened.store.sync.applyChanges(agents[0]!, [spellings[0]!, spellings[2]!, others[0]!, others[1]!].map((c) => putChange(c)), NOW);
    await opened.store.sync.applyChanges(agents[1]!, [spellings[1]!, spellings[3]!, spellings[4]!, others[2]!].map((c) => putChange(c)), NOW);

    const found = await opened.store.caseHistory.byPhoneDigits('13800138000', 50);
    const newestFirst = [...spellings].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
    expect(found.map((c) => c.id)).toEqual(newestFirst.map((c) => c.id));
    expect(found[0]).toMatchObject({ summary: spellings[1]!.summary, agentId: agents[1] });
    expect((await opened.store.caseHistory.byPhoneDigits('8613800138000', 50)).map((c) => c.id)).toEqual([others[2]!.id]);
    expect(await opened.store.caseHistory.byPhoneDigits('13800', 50)).toEqual([]);
  });

  it('gives at most `limit` cases, the newest, ties broken by id', async () => {
    const many = Array.from({ length: 12 }, (_, i) => withPhone('139 1111 2222', `2026-02-${String(1 + (i % 6)).padStart(2, '0')}T08:00:00.000Z`, { id: randomUUID() }));
    await opened.store.sync.applyChanges(agents[1]!, many.map((c) => putChange(c)), NOW);
    const ordered = [...many].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || (a.id < b.id ? -1 : 1));
    expect((await opened.store.caseHistory.byPhoneDigits('13911112222', 5)).map((c) => c.id)).toEqual(ordered.slice(0, 5).map((c) => c.id));
  });

  it('is answered from an index on the digits, not by scanning the cases', async () => {
    const plan = await opened.plan(historyQuery(opened.db, '13800138000', 50).compile());
    const text = plan.join('\n');
    if (kind.name === 'sqlite') {
      expect(text).toMatch(/SEARCH cases USING INDEX cases_phone_digits \(customer_phone_digits=\?\)/);
      expect(text).not.toMatch(/SCAN cases|TEMP B-TREE/);
    } else {
      expect(text).toMatch(/Index Scan using cases_phone_digits on cases/);
      expect(text).toMatch(/Index Cond: \(customer_phone_digits = /);
      expect(text).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
