import type { Kysely } from 'kysely';

// Only portable DDL (SQLite and PostgreSQL), like 001: text for instants and JSON.

/**
 * Issue 3's API surface: published template versions, wording rules, CRM site configurations,
 * trainers' reviews, disabled users, cookie sessions and the failed sign-in log for throttling.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  // Every publish freezes the template as it was published: rows are only ever inserted.
  await db.schema
    .createTable('template_versions')
    .addColumn('template_id', 'text', (col) => col.notNull().references('templates.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    /** JSON: the Template as published. */
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('published_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('template_versions_pk', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('wording_rules')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('phrase', 'text', (col) => col.notNull())
    .addColumn('alternative', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('crm_sites')
    .addColumn('id', 'text', (col) => col.primaryKey())
    /** JSON: the CrmSite. */
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('reviewer_id', 'text', (col) => col.notNull().references('users.id'))
    /** JSON: scores per rubric item. */
    .addColumn('scores', 'text', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('reviews_case').on('reviews').column('case_id').execute();

  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('session_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    /** The synchronizer CSRF token of this session: useless without the session cookie, so kept in clear for the page to fetch again after a reload. */
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  // One row per failed sign-in per key (`account:<username>`, `address:<ip>`), so that every
  // instance sharing the database counts the same failures.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('throttle_key', 'text', (col) => col.notNull())
    .addColumn('failed_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_key_at').on('sign_in_failures').columns(['throttle_key', 'failed_at']).execute();
}

/** Drops everything `up` created. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sign_in_failures', 'sessions', 'reviews', 'crm_sites', 'wording_rules', 'template_versions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
