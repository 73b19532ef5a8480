import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { migrationProvider } from '../../../plugin-server/src/store/migrations';
import { makeCase, makeTempDir } from '../helpers';
import { createTestDatabase } from '../postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database at an old schema has no current type
type OldDb = Kysely<any>;

interface Upgradable {
  name: string;
  /** A raw connection to a fresh database, and how to open it later with today's store. */
  create(): Promise<{ db: OldDb; openCurrent: () => Promise<Store>; cleanUp: () => void }>;
}

const KINDS: Upgradable[] = [
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

describe.each(KINDS)('upgrading a $name database from migration 001', (kind) => {
  it('keeps the data, backfills the search index and adds the new tables', async () => {
    const { db, openCurrent, cleanUp } = await kind.create();
    cleanUps.push(cleanUp);
    const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo('001_initial');
    expect(migrated.error).toBeUndefined();

    // Rows as the 001-era code wrote them.
    const agentId = crypto.randomUUID();
    const c = makeCase({ summary: '地下车库渗水', notes: '客户要求主管回电', severity: 'major', categoryIds: ['waterproofing'] });
    await db
      .insertInto('users')
      .values({ id: agentId, username: 'old-agent', display_name: '老坐席', role: 'agent', password_hash: 'h', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
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
        server_updated_at: '2026-03-02T09:00:00.000Z',
      })
      .execute();
    await db.destroy();

    const store = await openCurrent();
    cleanUps.push(() => store.close());
    expect(await store.users.findByUsername('old-agent')).toMatchObject({ user: { id: agentId } });
    expect(await store.cases.get(c.id)).toMatchObject({ id: c.id, summary: c.summary, agentId });
    // The upgrade indexed the old case exactly like a freshly synced one.
    for (const query of ['渗', '渗水', '车库渗水', '主管', c.customer.name]) {
      expect((await store.cases.search(query)).cases.map((x) => x.id), query).toEqual([c.id]);
    }
    expect((await store.cases.list({ categoryId: 'waterproofing', severity: 'major', project: c.customer.project })).cases).toHaveLength(1);
    // Migration 005: the history digits and the trainers' masked text, for the old case too.
    expect((await store.caseHistory.byPhoneDigits('13800138000', 50)).map((x) => x.id)).toEqual([c.id]);
    expect((await store.cases.search('138****8000', { searchMasked: true })).cases.map((x) => x.id)).toEqual([c.id]);
    expect((await store.cases.search('0013', { searchMasked: true })).cases).toEqual([]);
    expect((await store.cases.search('0013')).cases.map((x) => x.id)).toEqual([c.id]);
    expect(await store.reminders.list()).toEqual([]);
    // And the new tables take writes.
    const [result] = await store.sync.applyChanges(
      agentId,
      [
        {
          changeId: crypto.randomUUID(),
          kind: 'reminder.put',
          reminder: { id: crypto.randomUUID(), caseId: c.id, dueAt: '2026-03-03T00:00:00.000Z', note: '', status: 'pending', createdAt: c.createdAt, updatedAt: c.updatedAt },
        },
      ],
      new Date('2026-03-02T09:00:00.000Z'),
    );
    expect(result!.status).toBe('applied');
  });

  it('moves cases in the retired `following_up` state to `awaiting_revisit`, and old cases gain an empty life', async () => {
    const { db, openCurrent, cleanUp } = await kind.create();
    cleanUps.push(cleanUp);
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('001_initial')).error).toBeUndefined();
    const agentId = crypto.randomUUID();
    // As an API client could have pushed it before the case had a life: no lifecycle fields at all.
    const { lifecycle: _l, commitments: _c, dispatches: _d, revisits: _r, ...old } = makeCase();
    const following = { ...old, id: crypto.randomUUID(), status: 'following_up' };
    await db
      .insertInto('users')
      .values({ id: agentId, username: 'old-agent', display_name: '老坐席', role: 'agent', password_hash: 'h', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    for (const c of [following, { ...old, id: crypto.randomUUID() }]) {
      await db
        .insertInto('cases')
        .values({
          id: c.id, agent_id: agentId, customer_name: c.customer.name, customer_phone: c.customer.phone, data: JSON.stringify(c),
          status: c.status, received_at: c.receivedAt, updated_at: c.updatedAt, server_updated_at: '2026-03-02T09:00:00.000Z',
        })
        .execute();
    }
    await db.destroy();

    const store = await openCurrent();
    cleanUps.push(() => store.close());
    expect(await store.cases.get(following.id)).toMatchObject({ status: 'awaiting_revisit', lifecycle: [], commitments: [], dispatches: [], revisits: [] });
    expect((await store.cases.list({ status: 'awaiting_revisit' })).cases.map((c) => c.id)).toEqual([following.id]);
    expect((await store.cases.list({ status: 'open' })).cases).toHaveLength(1);
  });

  it('brings instants accepted before they were bounded into the range, so the cases and reminders still read', async () => {
    const { db, openCurrent, cleanUp } = await kind.create();
    cleanUps.push(cleanUp);
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('004_sync_pull')).error).toBeUndefined();

    // As the 004-era sync stored them: a device's clock far off, and the probe's year 10000.
    const agentId = crypto.randomUUID();
    const far = '9999-12-31T23:59:59.999-23:59';
    const c = makeCase({
      receivedAt: '1970-01-01T00:00:00.000Z',
      updatedAt: far,
      steps: [{ kind: 'done', step: 'vent', at: far }],
    });
    const reminder = { id: crypto.randomUUID(), caseId: c.id, dueAt: far, note: '', status: 'pending', createdAt: c.createdAt, updatedAt: c.createdAt };
    await db
      .insertInto('users')
      .values({ id: agentId, username: 'clockless', display_name: '坐席', role: 'agent', password_hash: 'h', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const at = '2026-03-02T09:00:00.000Z';
    await db
      .insertInto('cases')
      .values({
        id: c.id, agent_id: agentId, customer_name: c.customer.name, customer_phone: c.customer.phone, data: JSON.stringify(c),
        status: c.status, received_at: new Date(c.receivedAt).toISOString(), updated_at: new Date(far).toISOString(), server_updated_at: at,
        project: c.customer.project, severity: c.severity, search_text: '',
      })
      .execute();
    await db
      .insertInto('reminders')
      .values({ id: reminder.id, case_id: c.id, agent_id: agentId, status: 'pending', due_at: new Date(far).toISOString(), data: JSON.stringify(reminder), updated_at: c.createdAt, server_updated_at: at })
      .execute();
    await db.destroy();

    const store = await openCurrent();
    cleanUps.push(() => store.close());
    const [stored] = (await store.cases.list()).cases;
    expect(stored).toMatchObject({ id: c.id, receivedAt: '2000-01-01T00:00:00.000Z', updatedAt: '2199-12-31T23:59:59.999Z', createdAt: c.createdAt });
    expect(stored!.steps[0]!.at).toBe('2199-12-31T23:59:59.999Z');
    expect((await store.reminders.list()).map((r) => r.dueAt)).toEqual(['2199-12-31T23:59:59.999Z']);
    expect((await store.pull.cases({ agentId, after: null, limit: 10 })).map((p) => p.record.id)).toEqual([c.id]);
    // The columns follow: the case sorts and filters as its data says.
    expect((await store.cases.list({ receivedBefore: '2000-01-01T00:00:00.001Z' })).cases).toHaveLength(1);
  });
});
