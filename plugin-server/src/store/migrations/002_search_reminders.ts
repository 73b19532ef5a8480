import { type Kysely, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import { type IndexedCase, searchText, writeCaseIndex } from '../kysely/case-index';

// Portable DDL (see 001) except the search index, which is per database. Adds the columns and side tables that case queries and search
// need, and reminders synced from the extension. Existing cases are backfilled from their JSON
// in the same migration, so an upgraded database answers queries exactly like a fresh one.

/** Case query columns, the category side table, a substring search index, reminders. */
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

  // Substring search needs an index of its own per database (docs/decisions/005-search.md).
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) await createSqliteTrigramIndex(db);
  if (adapter instanceof PostgresAdapter) await createPostgresTrigramIndex(db);
}

/**
 * An FTS5 trigram table holding a narrow copy of cases.search_text under the case's rowid,
 * kept in step by triggers, so every write path updates it in the same transaction. The copy
 * (rather than external content) also gives short queries a narrow table to scan.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function createSqliteTrigramIndex(db: Kysely<any>): Promise<void> {
  await sql`create virtual table cases_fts using fts5(search_text, tokenize='trigram')`.execute(db);
  await sql`insert into cases_fts(rowid, search_text) select rowid, search_text from cases`.execute(db);
  await sql`create trigger cases_fts_insert after insert on cases begin
    insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger cases_fts_delete after delete on cases begin
    delete from cases_fts where rowid = old.rowid;
  end`.execute(db);
  await sql`create trigger cases_fts_update after update of search_text on cases begin
    update cases_fts set search_text = new.search_text where rowid = new.rowid;
  end`.execute(db);
}

/**
 * A pg_trgm GIN index, which PostgreSQL uses for LIKE '%…%' by itself. pg_trgm is a trusted
 * extension (the database owner may create it); where it is not allowed, search still works,
 * by scanning, so a failure only rolls back to the savepoint.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function createPostgresTrigramIndex(db: Kysely<any>): Promise<void> {
  await sql`savepoint trigram_index`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index cases_search_trgm on cases using gin (search_text gin_trgm_ops)`.execute(db);
    await sql`release savepoint trigram_index`.execute(db);
  } catch {
    await sql`rollback to savepoint trigram_index`.execute(db);
  }
}

/** Drops what `up` added. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const trigger of ['cases_fts_insert', 'cases_fts_delete', 'cases_fts_update']) {
      await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table cases_fts`.execute(db);
  }
  await sql`drop index if exists cases_search_trgm`.execute(db);
  for (const table of ['reminders', 'case_categories']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('cases_status_received').execute();
  for (const column of ['search_text', 'severity', 'project']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
