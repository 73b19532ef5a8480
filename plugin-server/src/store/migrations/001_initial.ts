import { type Kysely, sql } from 'kysely';

// Only portable DDL (SQLite and PostgreSQL): text for instants and JSON, see ../schema.ts.
// Migrations take Kysely<any> on purpose: they describe the schema as it was then, not as it is now.

/** Users, bearer tokens, the category tree, templates, cases and the sync idempotency log. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the note above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('tokens_user_id').on('tokens').column('user_id').execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('parent_id', 'text', (col) => col.references('categories.id'))
    .addColumn('names', 'text', (col) => col.notNull())
    .addColumn('sort', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('tone', 'text', (col) => col.notNull())
    .addColumn('category_ids', 'text', (col) => col.notNull())
    .addColumn('moods', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('shortcut', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // A shortcut expands to exactly one template per language; templates without one are many.
  await db.schema
    .createIndex('templates_language_shortcut')
    .on('templates')
    .columns(['language', 'shortcut'])
    .unique()
    .where(sql.ref('shortcut'), 'is not', null)
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('agent_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('customer_name', 'text', (col) => col.notNull())
    .addColumn('customer_phone', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('server_updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('cases_agent_received').on('cases').columns(['agent_id', 'received_at']).execute();
  await db.schema.createIndex('cases_received').on('cases').column('received_at').execute();

  await db.schema
    .createTable('sync_changes')
    .addColumn('change_id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

/** Drops everything `up` created, children before parents. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the note above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_changes', 'cases', 'templates', 'categories', 'tokens', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
