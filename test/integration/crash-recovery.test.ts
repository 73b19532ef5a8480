import BetterSqlite3 from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncPushResponse } from '../../shared';
import { makeCase, makeTempDir, putChange, type CaseChange } from './helpers';

// kill -9 of the real server process in the middle of a write load: every push the server
// acknowledged must survive, nothing may be duplicated, and the database must stay intact. After
// each restart the pushes the kill cut off, and each writer's last answered one, are sent again as
// a client does: each is answered as the first time and stored once.

const ROUNDS = 3;
/** Acknowledged pushes per round before the kill; the load keeps pushing while it happens. */
const ACKS_BEFORE_KILL = 12;
const WRITERS = 3;
const CASES_PER_PUSH = 5;

/** Every server process this file started: each test kills those still running, however it ended. */
const started = new Set<ChildProcess>();
/** A fresh data directory per test, so a run never meets what another left behind. */
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await Promise.all([...started].map(kill9));
  started.clear();
  temp.remove();
});

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
  started.add(child);
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

/** Kills `child` with SIGKILL and waits for it to be gone; one already gone is left as it is. */
async function kill9(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

const push = (url: string, token: string, changes: CaseChange[]) =>
  fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ changes }),
  });

describe('the server killed with SIGKILL during sync pushes', () => {
  it(`keeps every acknowledged case, stores each replayed push once, and stays intact (${ROUNDS} rounds)`, { timeout: 120_000 }, async () => {
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
      /** Pushes cut off by the kill: stored or not, their answer never came, so the client sends them again. */
      const unanswered: CaseChange[][] = [];
      /** Each writer's last answered push: sent again too, as by a client that died before it stored the answer. */
      const lastAnswered: CaseChange[][] = [];
      const url = server.url;
      const writer = async (w: number) => {
        // Bounded: each writer stops at the kill (its next push fails) or after 200 pushes.
        for (let i = 0; i < 200 && !killed; i++) {
          const changes = Array.from({ length: CASES_PER_PUSH }, () => putChange(makeCase()));
          for (const change of changes) attempted.add(change.case.id);
          try {
            const res = await push(url, token, changes);
            if (res.status !== 200) throw new Error(`push answered ${res.status}`);
            const { results } = SyncPushResponse.parse(await res.json());
            results.forEach((r, k) => r.status === 'applied' && acknowledged.add(changes[k]!.case.id));
            acksThisRound++;
            lastAnswered[w] = changes;
          } catch (error) {
            if (!killed) throw error;
            unanswered.push(changes);
            return;
          }
        }
      };
      let failure: unknown;
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w).catch((error: unknown) => (failure = error)));
      // Wait for the load to be under way (a count of acknowledgements, not a time).
      while (acksThisRound < ACKS_BEFORE_KILL && failure === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      if (failure !== undefined) throw failure;
      killed = true;
      await kill9(server.child);
      await Promise.all(writers);

      server = await startServerProcess();
      // As the extension does after a restart: the same changes again, under the same change ids.
      // The answered ones were stored before the kill for certain: their recorded results survived it.
      for (const changes of [...unanswered, ...lastAnswered]) {
        const res = await push(server.url, token, changes);
        expect(res.status).toBe(200);
        const { results } = SyncPushResponse.parse(await res.json());
        expect(results.map((r) => [r.changeId, r.status])).toEqual(changes.map((c) => [c.changeId, 'applied']));
      }
      const db = new BetterSqlite3(join(temp.dir, 'lingting.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = db.prepare('select id from cases').pluck().all() as string[];
        const stored = new Set(ids);
        expect(stored.size).toBe(ids.length);
        for (const id of acknowledged) expect(stored.has(id), `acknowledged case ${id} lost`).toBe(true);
        // Every push was answered or replayed: each attempted case is stored, and nothing else.
        expect([...stored].sort()).toEqual([...attempted].sort());
        // Each stored case has exactly its one recorded change: nothing written twice or half, a replay included.
        const changes = db.prepare('select count(*) from sync_changes').pluck().get() as number;
        expect(changes).toBe(ids.length);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL * CASES_PER_PUSH);
  });
});
