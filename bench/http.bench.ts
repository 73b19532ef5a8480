// HTTP throughput and p99 latency of the two hot routes, each as a ratio to a hello-world route
// (GET /api/health) of the same server: published-template read (the sidebar's catalogue
// refresh) and a single-case sync push. Loopback only, 50 connections. The three loads run in
// interleaved rounds and each round's ratios use that round's hello, so a shared machine's
// drifting speed affects both sides of a ratio alike; the median round is reported.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { newRecordId } from '../shared';
import { makeCase, putChange } from '../test/integration/helpers';

const CONNECTIONS = 50;
const DURATION_S = 3;
const ROUNDS = 3;
// The push's ratio to hello is printed for orientation only: how many agents a server carries is
// capacity.bench.ts's question, and the better one.
const GOALS = { templates: 0.6 } as const;

interface Figures {
  rps: number;
  p99: number;
  errors: number;
}

async function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./http-server.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return { url: `http://127.0.0.1:${port}`, token, stop: () => new Promise((r) => child.once('exit', r).kill('SIGTERM')) };
}

/** One new case as the extension pushes it: ids from its generator (UUIDv7), a fresh change. */
function caseBody() {
  const at = new Date().toISOString();
  return JSON.stringify({ changes: [putChange(makeCase({ id: newRecordId(), receivedAt: at, createdAt: at, updatedAt: at }), newRecordId())] });
}

async function measure(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the three loads against one server in rounds and prints each figure with its ratio to hello. */
export default async function httpBench(): Promise<void> {
  const server = await startServer();
  try {
    const auth = { authorization: `Bearer ${server.token}` };
    // Warm-up: JIT, SQLite page cache, argon2 not involved (the token is issued once).
    await autocannon({ url: `${server.url}/api/templates?status=published`, headers: auth, connections: 10, duration: 1 });

    const loads: Record<'hello' | 'templates' | 'push', autocannon.Options> = {
      hello: { url: `${server.url}/api/health` },
      templates: { url: `${server.url}/api/templates?status=published`, headers: auth },
      push: {
        url: `${server.url}/api/sync/push`,
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        // A new case and change id per request: every push is a real insert, never a replay.
        requests: [{ setupRequest: (request) => ({ ...request, body: caseBody() }) }],
      },
    };
    const rounds: Record<keyof typeof loads, Figures>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({ hello: await measure(loads.hello), templates: await measure(loads.templates), push: await measure(loads.push) });
    }

    const rows = [
      ['hello (GET /api/health)', 'hello', undefined],
      ['published templates (GET /api/templates)', 'templates', GOALS.templates],
      ['single-case push (POST /api/sync/push)', 'push', undefined],
    ] as const;
    console.log(`\nHTTP over 127.0.0.1, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s per load; medians`);
    for (const [name, load, goal] of rows) {
      const ratios = rounds.map((r) => r[load].rps / r.hello.rps);
      const ratio = median(ratios);
      const verdict =
        goal === undefined
          ? load === 'hello'
            ? 'baseline'
            : `${ratio.toFixed(2)} × hello`
          : `${ratio.toFixed(2)} × hello (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≥ ${goal}) ${ratio >= goal ? 'met' : 'MISSED'}`;
      const rps = median(rounds.map((r) => r[load].rps));
      const p99 = median(rounds.map((r) => r[load].p99));
      const errors = rounds.reduce((sum, r) => sum + r[load].errors, 0);
      console.log(`${name.padEnd(44)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${String(p99).padStart(4)} ms  errors ${errors}  ${verdict}`);
    }
  } finally {
    await server.stop();
  }
}
