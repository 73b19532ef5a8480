import { type Kysely, sql } from 'kysely';

/**
 * Failed sign-ins become attempts reserved before the password is checked: each row names its
 * attempt, so that a successful one can take back its own reservation and nothing else, and the
 * log is pruned by age across every key (oldest first, a bounded number at a time).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sign_in_failures').addColumn('attempt_id', 'text').execute();
  // A row logged before this migration is an attempt of its own; its key and time name it.
  await sql`update sign_in_failures set attempt_id = throttle_key || ' ' || failed_at`.execute(db);
  await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').column('failed_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sign_in_failures_at').execute();
  await db.schema.alterTable('sign_in_failures').dropColumn('attempt_id').execute();
}
