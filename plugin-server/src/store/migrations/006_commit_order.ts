import { type Kysely, SqliteAdapter } from 'kysely';

// Portable DDL (see 001), except SQLite's counter, which PostgreSQL does not need.

/**
 * Sync in commit order and with idempotency keys per user (docs/decisions/003-sync.md):
 * - every case and reminder row carries the number of the transaction that last wrote it, the
 *   order pull follows. Rows written before get 0; a cursor of the old format starts again from
 *   the beginning.
 * - a recorded result belongs to (change id, user), with the fingerprint of the change, so another
 *   change under a used id is told apart from a replay. Results recorded before have none and are
 *   replayed as before.
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

  // A primary key cannot change in place on SQLite: the table is copied into its new shape.
  await db.schema
    .createTable('sync_changes_per_user')
    .addColumn('change_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('fingerprint', 'text')
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    // Change id first: a push looks its ids up for all of a batch's users at once.
    .addPrimaryKeyConstraint('sync_changes_change_user_pk', ['change_id', 'user_id'])
    .execute();
  await db
    .insertInto('sync_changes_per_user')
    .columns(['change_id', 'user_id', 'result', 'created_at'])
    .expression(db.selectFrom('sync_changes').select(['change_id', 'user_id', 'result', 'created_at']))
    .execute();
  await db.schema.dropTable('sync_changes').execute();
  await db.schema.alterTable('sync_changes_per_user').renameTo('sync_changes').execute();
}

/** Back to ordering by acceptance time (004's indexes) and change ids shared by all users. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_changes_by_id')
    .addColumn('change_id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // Of one id used by several users, the first recorded is kept.
  await db
    .insertInto('sync_changes_by_id')
    .columns(['change_id', 'user_id', 'result', 'created_at'])
    .expression(db.selectFrom('sync_changes').select(['change_id', 'user_id', 'result', 'created_at']).orderBy('created_at'))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db.schema.dropTable('sync_changes').execute();
  await db.schema.alterTable('sync_changes_by_id').renameTo('sync_changes').execute();
  await db.schema.dropTable('change_sequence').ifExists().execute();
  for (const table of ['reminders', 'cases']) {
    await db.schema.dropIndex(`${table}_agent_change_seq`).execute();
    await db.schema.createIndex(`${table}_agent_server_updated`).on(table).columns(['agent_id', 'server_updated_at', 'id']).execute();
    await db.schema.alterTable(table).dropColumn('change_seq').execute();
  }
}
