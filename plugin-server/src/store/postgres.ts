import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createKyselyStore } from './kysely';
import { transactionIds } from './kysely/commit-order';
import type { KeyLocker } from './kysely/sync';
import { migrateOrClose } from './migrate';
import type { Database } from './schema';
import type { Store } from './types';

export interface PostgresStoreOptions {
  /** e.g. `postgres://user:password@host:5432/lingting` */
  connectionString: string;
  /** Connections in this instance's pool; default 10. */
  maxConnections?: number;
}

/**
 * Transaction-scoped advisory locks, taken in sorted order so two transactions never wait for
 * each other in a cycle. They cover rows that may not exist yet (a first push of a case), which
 * `SELECT … FOR UPDATE` cannot, and are released at commit or rollback.
 */
const advisoryLocks: KeyLocker = async (trx, keys) => {
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
};

/**
 * Connects to PostgreSQL, migrates it to the latest schema (Kysely's Migrator holds an advisory
 * lock, so instances starting together migrate once), and wraps it as a Store.
 */
export async function createPostgresStore({ connectionString, maxConnections = 10 }: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection dropped by the server (restart, failover) is an 'error' event on the
  // pool; unhandled, it would crash the process. The pool replaces the connection by itself.
  pool.on('error', (error) => console.error('PostgreSQL connection lost (the pool will reconnect):', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateOrClose(db);
  return createKyselyStore(db, { lockKeys: advisoryLocks, commitOrder: transactionIds, substringSearch: 'like' });
}
