import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { migrationProvider } from '../../../plugin-server/src/store/migrations';
import { makeCase, makeTempDir, putChange } from '../helpers';
import { createTestDatabase } from '../postgres';
import { pullCases } from './pulling';

// Upgrading a database that synced under migration 004 (pull by acceptance time, change ids
// shared by all users) to commit order and per-user change ids (migration 006).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database at an old schema has no current type
type OldDb = Kysely<any>;

const KINDS = [
  {
    name: 'sqlite',
    async create() {
      const temp = makeTempDir();
      const file = join(temp.dir, 'lingting.db');
      const db: OldDb = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
      return { db, openCurrent: () => createSqliteStore({ file }), cleanUp: temp.remove };
    },
  },
  {
    name: 'postgres',
    async create() {
      const connectionString = await createTestDatabase();
      const db: OldDb = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
      return { db, openCurrent: () => createPostgresStore({ connectionString }), cleanUp: () => {} };
    },
  },
];

const cleanUps: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

describe.each(KINDS)('upgrading a $name database from migration 004', (kind) => {
  it('pulls the old rows first, replays the old results, and keys new change ids per user', async () => {
    const { db, openCurrent, cleanUp } = await kind.create();
    cleanUps.push(cleanUp);
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('004_sync_pull')).error).toBeUndefined();

    // A case and its recorded result as the 004-era code wrote them.
    const [agent, other] = [randomUUID(), randomUUID()];
    for (const [id, username] of [[agent, 'old-agent'], [other, 'other-agent']] as const) {
      await db.insertInto('users').values({ id, username, display_name: username, role: 'agent', password_hash: 'h', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    }
    const old = makeCase({ summary: 'synced before the upgrade' });
    const oldChange = putChange(old);
    const at = '2026-03-02T09:00:00.000Z';
    await db
      .insertInto('cases')
      .values({
        id: old.id, agent_id: agent, customer_name: old.customer.name, customer_phone: old.customer.phone, data: JSON.stringify(old),
        status: old.status, received_at: old.receivedAt, updated_at: old.updatedAt, server_updated_at: at,
        project: old.customer.project, severity: old.severity, search_text: '',
      })
      .execute();
    const oldResult = { changeId: oldChange.changeId, status: 'applied' };
    await db.insertInto('sync_changes').values({ change_id: oldChange.changeId, user_id: agent, result: JSON.stringify(oldResult), created_at: at }).execute();
    await db.destroy();

    const store: Store = await openCurrent();
    cleanUps.push(() => store.close());
    // Recorded before fingerprints: a replay is answered as before, whatever it carries.
    const replay = { ...oldChange, case: { ...old, summary: 'replayed' } };
    expect(await store.sync.applyChanges(agent, [replay], new Date(at))).toEqual([oldResult]);
    // The id is the first user's key only now.
    const theirs = putChange(makeCase({ summary: 'same id, other user' }), oldChange.changeId);
    expect(await store.sync.applyChanges(other, [theirs], new Date(at))).toEqual([{ changeId: oldChange.changeId, status: 'applied' }]);
    expect(await store.cases.get(theirs.case.id)).toMatchObject({ agentId: other });

    // Pull: the old row comes first, a row written after the upgrade after it.
    const fresh = makeCase({ summary: 'synced after the upgrade' });
    await store.sync.applyChanges(agent, [putChange(fresh)], new Date(at));
    const pulled = await pullCases(store, { agentId: agent, after: null, limit: 10 }, 2);
    expect(pulled.map((p) => p.record.summary)).toEqual(['synced before the upgrade', 'synced after the upgrade']);
    expect(await store.pull.cases({ agentId: agent, after: pulled[0]!, limit: 10 })).toMatchObject([{ id: fresh.id }]);
  });
});
