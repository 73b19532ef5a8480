import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * A fresh, empty database on the run's PostgreSQL cluster (test/global-setup/postgres.ts),
 * so test files never see each other's rows. Returns its connection string.
 */
export async function createTestDatabase(): Promise<string> {
  const admin = new URL(inject('postgresUrl'));
  const name = `lingting_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.toString();
}
