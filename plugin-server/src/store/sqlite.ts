import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { startCheckpointer } from './checkpointer';
import { createKyselyStore } from './kysely';
import { migrateOrClose } from './migrate';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { withCachedTokenLookups } from './token-cache';
import type { Store } from './types';

/** How often a write by another process is looked for, for the cached template lists. */
const DATA_VERSION_INTERVAL_MS = 250;

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
  await migrateOrClose(db);
  const checkpointer = startCheckpointer(sqlite, file);
  const store = createKyselyStore(db, { substringSearch: 'sqlite-fts5', groupCommit: true });
  // The cached template lists are current while this pair stands still. Every template write of
  // this process goes through the repository below and is counted once it has committed (a failed
  // one too: a needless refresh is harmless); other writes, such as sync pushes, leave the lists
  // alone. A write by another process (the sqlite3 shell, a restore) moves `data_version`, which
  // costs more to read, so it is read at most every quarter second: such a change reaches the
  // cached lists within that time. (Far cheaper than aggregating the templates table per read.)
  let templateWrites = 0;
  const counted =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        templateWrites++;
      }
    };
  const dataVersion = sqlite.prepare<[], number>('pragma data_version').pluck();
  let version = dataVersion.get()!;
  let versionReadAt = performance.now();
  const fingerprint = async () => {
    if (performance.now() - versionReadAt >= DATA_VERSION_INTERVAL_MS) {
      version = dataVersion.get()!;
      versionReadAt = performance.now();
    }
    return `${version}:${templateWrites}`;
  };
  const { templates } = store;
  const countedTemplates = {
    ...templates,
    create: counted(templates.create),
    update: counted(templates.update),
    changeStatus: counted(templates.changeStatus),
    seed: counted(templates.seed),
    fingerprint,
  };
  const close = async () => {
    await checkpointer.stop();
    await store.close();
  };
  // Every credential change goes through this process (SQLite serves one instance), so token
  // lookups may be cached here: the cache sees each change as it is made (store/token-cache.ts).
  return withCachedTokenLookups({ ...store, templates: countedTemplates, close });
}
