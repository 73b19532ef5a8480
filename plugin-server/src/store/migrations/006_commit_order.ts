import { type Kysely, SqliteAdapter } from 'kysely';

// Portable DDL (see 001), except SQLite's counter, which PostgreSQL does not need.

/**
 * Pull pages by commit order instead of acceptance time (docs/decisions/003-sync.md): every case
 * and reminder row carries the number of the transaction that last wrote it. Rows written before
 * this migration get 0; a cursor of the old format starts again from the beginning.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['cases', 'reminders']) {
    await db.schema.alterTable(table).addColumn('change_seq', 'bigint', (col) => col.notNull().defaultTo(0)).execute();
    await db.schema.dropIndex(`${table}_agent_server_updated`).execute();
    await db.schema.createIndex(`${table}_agent_change_seq`).on(table).columns(['agent_id', 'change_seq', 'id']).execute();
  }
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // One row: the number of the last write transaction (see kysely/commit-order.ts).
    await db.schema
      .createTable('change_sequence')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('last_value', 'integer', (col) => col.notNull())
      .execute();
    await db.insertInto('change_sequence').values({ id: 1, last_value: 0 }).execute();
  }
}

/** Back to ordering by acceptance time (004's indexes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_sequence').ifExists().execute();
  for (const table of ['reminders', 'cases']) {
    await db.schema.dropIndex(`${table}_agent_change_seq`).execute();
    await db.schema.createIndex(`${table}_agent_server_updated`).on(table).columns(['agent_id', 'server_updated_at', 'id']).execute();
    await db.schema.alterTable(table).dropColumn('change_seq').execute();
  }
}
