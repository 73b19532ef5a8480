import type { Kysely } from 'kysely';

// Escalations (issue 9): raised by sync when a case first turns major or declares an emergency,
// numbered in commit order like cases (migration 006) so the supervisors' live feed, polling the
// table from every instance, never skips one. One per case and kind.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .addColumn('change_seq', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('escalations_case_kind').on('escalations').columns(['case_id', 'kind']).unique().execute();
  await db.schema.createIndex('escalations_change_seq').on('escalations').columns(['change_seq', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('escalations').execute();
}
