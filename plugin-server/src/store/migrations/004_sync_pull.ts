import type { Kysely } from 'kysely';

/** Pulling an agent's changes walks cases and reminders by the time the server accepted them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_agent_server_updated').on('cases').columns(['agent_id', 'server_updated_at', 'id']).execute();
  await db.schema
    .createIndex('reminders_agent_server_updated')
    .on('reminders')
    .columns(['agent_id', 'server_updated_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reminders_agent_server_updated').execute();
  await db.schema.dropIndex('cases_agent_server_updated').execute();
}
