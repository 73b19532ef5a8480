import BetterSqlite3 from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SyncPushResponse } from '../../shared';
import { makeCase, makeTempDir, putChange } from './helpers';

// kill -9 of the real server process in the middle of a write load: every push the server
// acknowledged must survive, nothing may be duplicated, and the database must stay intact.

const ROUNDS = 3;
/** Acknowledged pushes per round before the kill; the load keeps pushing while it happens. */
const ACKS_BEFORE_KILL = 12;
const WRITERS = 3;
const CASES_PER_PUSH = 5;

const temp = makeTempDir();
afterAll(() => temp.remove());

interface Running {
  child: ChildProcess;
  url: string;
  output: string;
}

/** Starts `node --import tsx plugin-server/src/main.ts` on a free loopback port and waits for its banner. */
async function startServerProcess(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'plugin-server/src/main.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LINGTING_DATA_DIR: temp.dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: Running = { child, url: '', output: '' };
  child.stdout!.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (running.output += chunk.toString()));
  for (;;) {
    const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(running.output);
    if (listening) {
      running.url = listening[1]!;
      return running;
    }
    if (child.exitCode !== null) throw new Error(`server exited early:\n${running.output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function kill9(running: Running) {
  const exited = once(running.child, 'exit');
  running.child.kill('SIGKILL');
  await exited;
}

describe('the server killed with SIGKILL during sync pushes', () => {
  it(`keeps every acknowledged case, duplicates none, and stays intact (${ROUNDS} rounds)`, { timeout: 120_000 }, async () => {
    let server = await startServerProcess();
    const password = /agent\s+username: agent\s+password: (\S+)/.exec(server.output)?.[1];
    expect(password).toBeDefined();
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password }),
    });
    const { token } = (await signIn.json()) as { token: string };

    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      let acksThisRound = 0;
      let killed = false;
      const url = server.url;
      const writer = async () => {
        // Bounded: each writer stops at the kill (its next push fails) or after 200 pushes.
        for (let i = 0; i < 200 && !killed; i++) {
          const cases = Array.from({ length: CASES_PER_PUSH }, () => makeCase());
          for (const c of cases) attempted.add(c.id);
          try {
            const res = await fetch(`${url}/api/sync/push`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ changes: cases.map((c) => putChange(c)) }),
            });
            if (res.status !== 200) throw new Error(`push answered ${res.status}`);
            const { results } = SyncPushResponse.parse(await res.json());
            results.forEach((r, k) => r.status === 'applied' && acknowledged.add(cases[k]!.id));
            acksThisRound++;
          } catch (error) {
            if (killed) return; // a push cut off by the kill: not acknowledged, may or may not be stored
            throw error;
          }
        }
      };
      let failure: unknown;
      const writers = Array.from({ length: WRITERS }, () => writer().catch((error: unknown) => (failure = error)));
      // Wait for the load to be under way (a count of acknowledgements, not a time).
      while (acksThisRound < ACKS_BEFORE_KILL && failure === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      if (failure !== undefined) throw failure;
      killed = true;
      await kill9(server);
      await Promise.all(writers);

      server = await startServerProcess();
      const db = new BetterSqlite3(join(temp.dir, 'lingting.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = (db.prepare('select id from cases').pluck().all() as string[]);
        const stored = new Set(ids);
        expect(stored.size).toBe(ids.length);
        for (const id of acknowledged) expect(stored.has(id), `acknowledged case ${id} lost`).toBe(true);
        for (const id of stored) expect(attempted.has(id)).toBe(true);
        // Each stored case has exactly its one recorded change: nothing written twice or half.
        const changes = db.prepare('select count(*) from sync_changes').pluck().get() as number;
        expect(changes).toBe(ids.length);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL * CASES_PER_PUSH);
    await kill9(server);
  });
});
