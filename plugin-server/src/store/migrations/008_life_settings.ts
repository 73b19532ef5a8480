import type { Kysely } from 'kysely';

/**
 * What a complaint's life runs on, kept by the server: the settings documents (working calendar,
 * time limits, group window), departments and emergency plans; each case's next deadline
 * (`cases.due_at`, null when closed) and its promises, one row each, so that overdue cases and
 * broken or overdue promises are found without reading every case's JSON. Cases stored before
 * this migration get both when they are next pushed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    /** JSON: the document named by `key` (WorkCalendar, TimeLimits or GroupWindow). */
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  for (const table of ['departments', 'emergency_plans']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (col) => col.primaryKey())
      /** JSON: the Department or EmergencyPlan. */
      .addColumn('data', 'text', (col) => col.notNull())
      .addColumn('sort', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  }
  await db.schema.alterTable('cases').addColumn('due_at', 'text').execute();
  await db.schema.createIndex('cases_due_at').on('cases').columns(['due_at']).execute();
  await db.schema
    .createTable('case_commitments')
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('commitment_id', 'text', (col) => col.notNull())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('customer_name', 'text', (col) => col.notNull())
    /** The case's status, so that overdue promises of closed cases drop out without a join. */
    .addColumn('case_status', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('due_at', 'text', (col) => col.notNull())
    /** JSON: the Commitment. */
    .addColumn('data', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_commitments_pk', ['case_id', 'commitment_id'])
    .execute();
  await db.schema.createIndex('case_commitments_outcome_due').on('case_commitments').columns(['outcome', 'due_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_commitments').execute();
  await db.schema.dropIndex('cases_due_at').execute();
  await db.schema.alterTable('cases').dropColumn('due_at').execute();
  for (const table of ['emergency_plans', 'departments', 'settings']) await db.schema.dropTable(table).execute();
}
