// The sign-in attempt log's contract, on SQLite and PostgreSQL: reservations are counted in one
// step with the check, and the log is pruned by age whatever the key.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { PRUNE_BATCH } from '../../../plugin-server/src/store/kysely/sign-in-failures';
import { migrationProvider } from '../../../plugin-server/src/store/migrations';
import { makeTempDir } from '../helpers';
import { createTestDatabase } from '../postgres';

/** A fresh store, and a way to count its log's rows behind its back. */
interface Opened {
  store: Store;
  rows(): Promise<number>;
  close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database at an old schema has no current type
type OldDb = Kysely<any>;

/** `before` runs on the fresh database, migrated only up to `from`, before the store opens it. */
type Before = { from: string; run: (db: OldDb) => Promise<unknown> };

const KINDS: { name: string; open(before?: Before): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    async open(before) {
      const temp = makeTempDir();
      const file = join(temp.dir, 'lingting.db');
      if (before) await upgradeFrom(new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) }), before);
      const store = await createSqliteStore({ file });
      const raw = new BetterSqlite3(file, { readonly: true });
      return {
        store,
        rows: async () => raw.prepare<[], number>('select count(*) from sign_in_failures').pluck().get()!,
        close: async () => {
          raw.close();
          await store.close();
          temp.remove();
        },
      };
    },
  },
  {
    name: 'postgres',
    async open(before) {
      const connectionString = await createTestDatabase();
      if (before) await upgradeFrom(new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) }), before);
      const store = await createPostgresStore({ connectionString });
      const raw = new pg.Client({ connectionString });
      await raw.connect();
      return {
        store,
        rows: async () => Number((await raw.query<{ n: string }>('select count(*) as n from sign_in_failures')).rows[0]!.n),
        close: async () => {
          await raw.end();
          await store.close();
        },
      };
    },
  },
];

async function upgradeFrom(db: OldDb, { from, run }: Before) {
  try {
    const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo(from);
    if (migrated.error) throw migrated.error;
    await run(db);
  } finally {
    await db.destroy();
  }
}

const WINDOW_MS = 15 * 60 * 1000;
const t0 = new Date('2026-03-02T09:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const windowBefore = (at: Date) => new Date(at.getTime() - WINDOW_MS);
const limits = (account: string, address = '203.0.113.7') => [
  { key: `account:${account}`, limit: 5 },
  { key: `address:${address}`, limit: 20 },
];

const opened: Opened[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

describe.each(KINDS)('the sign-in attempt log on $name', (kind) => {
  async function open(before?: Before) {
    const o = await kind.open(before);
    opened.push(o);
    return o;
  }

  it('grants exactly as many attempts reserved in parallel as the tightest limit allows', async () => {
    const { store } = await open();
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => store.signInFailures.reserve(randomUUID(), limits('agent'), t0, windowBefore(t0))));
    expect(outcomes.filter((o) => o.granted)).toHaveLength(5);

    const spread = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.signInFailures.reserve(randomUUID(), limits(`user${i}`, '198.51.100.1'), t0, windowBefore(t0))),
    );
    expect(spread.filter((o) => o.granted)).toHaveLength(20);
  });

  it('refuses with the earliest failure in the window of each key at its limit', async () => {
    const { store } = await open();
    for (let i = 0; i < 5; i += 1) await store.signInFailures.reserve(randomUUID(), limits('agent'), later(i * 60_000), windowBefore(later(i * 60_000)));
    const at = later(10 * 60_000);
    expect(await store.signInFailures.reserve(randomUUID(), limits('agent'), at, windowBefore(at))).toEqual({
      granted: false,
      blocked: [{ key: 'account:agent', earliest: t0 }],
    });
    // The oldest failure leaves the window: one more attempt fits.
    const next = later(WINDOW_MS + 1);
    expect(await store.signInFailures.reserve(randomUUID(), limits('agent'), next, windowBefore(next))).toEqual({ granted: true });
  });

  it('takes back only the attempt released, and forgets a key when cleared', async () => {
    const { store, rows } = await open();
    const since = windowBefore(t0);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const id of ids) expect((await store.signInFailures.reserve(id, limits('agent'), t0, since)).granted).toBe(true);
    expect((await store.signInFailures.reserve(randomUUID(), limits('agent'), t0, since)).granted).toBe(false);

    await store.signInFailures.release(ids[0]!, limits('agent').map((l) => l.key));
    expect(await rows()).toBe(8);
    expect((await store.signInFailures.reserve(randomUUID(), limits('agent'), t0, since)).granted).toBe(true);

    await store.signInFailures.clear('account:agent', since);
    expect(await rows()).toBe(5); // the address's failures stay
    expect((await store.signInFailures.reserve(randomUUID(), limits('agent'), t0, since)).granted).toBe(true);
  });

  it('forgets expired attempts of any key, oldest first, at most a batch of rows per attempt logged', async () => {
    const { store, rows } = await open();
    // Two rows each (account and address): more than one batch, less than two.
    const expiring = PRUNE_BATCH * 0.8;
    for (let i = 0; i < expiring; i += 1) {
      const at = later(i);
      await store.signInFailures.reserve(randomUUID(), limits(`gone${i}`, `198.51.100.${i % 250}`), at, windowBefore(at));
    }
    expect(await rows()).toBe(2 * expiring);

    const afterWindow = later(WINDOW_MS + expiring);
    await store.signInFailures.reserve(randomUUID(), limits('someone'), afterWindow, windowBefore(afterWindow));
    expect(await rows()).toBe(2 * expiring - PRUNE_BATCH + 2);
    // A refused attempt logs nothing, so it prunes nothing either.
    await store.signInFailures.reserve(randomUUID(), [{ key: 'account:someone', limit: 1 }], afterWindow, windowBefore(afterWindow));
    expect(await rows()).toBe(2 * expiring - PRUNE_BATCH + 2);
    await store.signInFailures.reserve(randomUUID(), limits('another'), afterWindow, windowBefore(afterWindow));
    expect(await rows()).toBe(4);
  });

  it('counts a failure logged before the upgrade to attempts, and prunes it once expired', async () => {
    const { store, rows } = await open({
      from: '004_sync_pull',
      run: (db) => db.insertInto('sign_in_failures').values({ throttle_key: 'account:agent', failed_at: t0.toISOString() }).execute(),
    });
    const tight = [{ key: 'account:agent', limit: 1 }];
    expect((await store.signInFailures.reserve(randomUUID(), tight, later(60_000), windowBefore(later(60_000)))).granted).toBe(false);
    const afterWindow = later(WINDOW_MS + 1);
    expect((await store.signInFailures.reserve(randomUUID(), limits('someone'), afterWindow, windowBefore(afterWindow))).granted).toBe(true);
    expect(await rows()).toBe(2);
  });
});
