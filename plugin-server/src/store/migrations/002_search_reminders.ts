import type { Kysely } from 'kysely';
import { type IndexedCase, searchText, writeCaseIndex } from '../kysely/case-index';

// Portable DDL only (see 001). Adds the columns and side tables that case queries and search
// need, and reminders synced from the extension. Existing cases are backfilled from their JSON
// in the same migration, so an upgraded database answers queries exactly like a fresh one.

/** Case query columns, category and search-gram side tables, reminders. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('project', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('severity', 'text', (col) => col.notNull().defaultTo('normal')).execute();
  // The searchable fields, lower-cased, one per line: substring checks never match across fields.
  await db.schema.alterTable('cases').addColumn('search_text', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.createIndex('cases_status_received').on('cases').columns(['status', 'received_at']).execute();

  await db.schema
    .createTable('case_categories')
    .addColumn('category_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('case_categories_pk', ['category_id', 'case_id'])
    .execute();

  // Every distinct unigram and bigram of each searchable field (see docs/decisions/004-search.md).
  await db.schema
    .createTable('case_grams')
    .addColumn('gram', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('case_grams_pk', ['gram', 'case_id'])
    .execute();
  await db.schema.createIndex('case_grams_case').on('case_grams').column('case_id').execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('due_at', 'text', (col) => col.notNull())
    /** JSON: the Reminder exactly as the client sent it. */
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('server_updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('reminders_agent_due').on('reminders').columns(['agent_id', 'due_at']).execute();
  await db.schema.createIndex('reminders_case').on('reminders').columns(['case_id', 'status', 'due_at']).execute();

  const rows: Array<{ id: string; data: string }> = await db.selectFrom('cases').select(['id', 'data']).execute();
  for (const row of rows) {
    const stored = JSON.parse(row.data) as IndexedCase;
    await db
      .updateTable('cases')
      .set({ project: stored.customer.project ?? '', severity: stored.severity, search_text: searchText(stored) })
      .where('id', '=', row.id)
      .execute();
    await writeCaseIndex(db, row.id, stored);
  }
}

/** Drops what `up` added. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reminders', 'case_grams', 'case_categories']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('cases_status_received').execute();
  for (const column of ['search_text', 'severity', 'project']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
