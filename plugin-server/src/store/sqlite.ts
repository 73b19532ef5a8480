import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore } from './kysely';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import type { Store } from './types';

export interface SqliteStoreOptions {
  /** Path of the database file; created if missing. */
  file: string;
}

/** Opens (creating if needed) a SQLite database, migrates it to the latest schema, and wraps it as a Store. */
export async function createSqliteStore({ file }: SqliteStoreOptions): Promise<Store> {
  const sqlite = new BetterSqlite3(file);
  try {
    // WAL lets readers proceed while a write is in progress.
    sqlite.pragma('journal_mode = WAL');
    // With WAL, NORMAL skips the fsync on every commit: committed data survives a crash of the
    // process, but the last transactions before a power loss or OS crash may be lost (never
    // corrupted). A documented trade-off: a lost case sync is re-pushed from the extension's
    // outbox, and per-commit fsync would cost far more on every write.
    sqlite.pragma('synchronous = NORMAL');
    // SQLite leaves foreign keys off unless asked, per connection.
    sqlite.pragma('foreign_keys = ON');
    // Wait for another process's write lock (a backup, a second server) instead of failing at once.
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store = createKyselyStore(db, { substringSearch: 'sqlite-fts5', groupCommit: true });
  // Any write to the file changes this pair: `data_version` moves when another connection commits,
  // `total_changes()` when this one writes. Far cheaper than aggregating the templates table on
  // every read; a write elsewhere only costs one re-serialisation. (Kysely runs one query at a time
  // on this connection, so no read ever sees another transaction's uncommitted rows.)
  const changes = sqlite.prepare<[], { version: number; changes: number }>(
    'select (select data_version from pragma_data_version) as version, total_changes() as changes',
  );
  const fingerprint = async () => {
    const { version, changes: count } = changes.get()!;
    return `${version}:${count}`;
  };
  return { ...store, templates: { ...store.templates, fingerprint } };
}
