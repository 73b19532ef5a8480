import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct SQL texts keep their prepared statement; queries are built from a few hundred shapes. */
const CAPACITY = 500;

/**
 * The database as Kysely's SqliteDialect sees it, with prepared statements reused by SQL text.
 * Kysely prepares every query anew; on a hot route preparing costs as much as running it.
 * Safe because Kysely runs one query at a time per connection, and SQLite re-prepares a cached
 * statement by itself after a schema change.
 */
export function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close: () => database.close(),
  };
}
