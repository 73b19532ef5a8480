import type { Kysely } from 'kysely';

/**
 * A case's life gained its hotline states (shared/case-life.ts): `following_up` became
 * `awaiting_revisit`, beside the new `in_handling`. The UI never set `following_up`, but an API
 * client could have: those rows are rewritten, in their query column and in the stored case
 * itself, so every stored case still parses. Done row by row in JSON, which is portable.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  const rows: { id: string; data: string }[] = await db.selectFrom('cases').select(['id', 'data']).where('status', '=', 'following_up').execute();
  for (const row of rows) {
    const data = { ...JSON.parse(row.data), status: 'awaiting_revisit' };
    await db.updateTable('cases').set({ status: 'awaiting_revisit', data: JSON.stringify(data) }).where('id', '=', row.id).execute();
  }
}
