import { type Kysely, Migrator } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

/** Migrates a freshly opened database, or closes it and rethrows: a store never starts half-migrated. */
export async function migrateOrClose(db: Kysely<Database>): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Brings the schema up to date; a no-op when it already is. Throws if a migration fails. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time, not today's
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
