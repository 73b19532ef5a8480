// Ingest through POST /api/sync/push (in process via Hono's app.request: routing, auth, zod
// validation, JSON and the store, without the network) in batches of 50 cases, against raw
// better-sqlite3 inserts of the same rows in one transaction. Both use the server's settings:
// WAL with synchronous=NORMAL, on the same migrated schema. "The same rows" is what the server
// keeps of a case: its row with the query and search columns (so the FTS5 triggers index it on
// both sides) and its category rows. The server additionally authenticates, validates, and
// records each change's result for idempotent replays.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../plugin-server/src/app';
import { seed } from '../plugin-server/src/seed';
import { createSqliteStore } from '../plugin-server/src/store';
import { searchText } from '../plugin-server/src/store/kysely/case-index';
import { generateCases } from '../test/fixtures/chinese-cases';

const CASES = 5_000;
const BATCH = 50;
/** Each side runs this many times on fresh databases; the best run counts (a shared machine is noisy). */
const REPEATS = 3;

export default async function ingestBench() {
  const cases = generateCases(CASES, 11);
  let rawBest = Infinity;
  let apiBest = Infinity;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const { rawMs, apiMs } = await ingestOnce(cases);
    rawBest = Math.min(rawBest, rawMs);
    apiBest = Math.min(apiBest, apiMs);
  }
  const rawRate = CASES / (rawBest / 1000);
  const apiRate = CASES / (apiBest / 1000);
  console.log(`ingest ${CASES} cases, WAL + synchronous=NORMAL, best of ${REPEATS}`);
  console.log(`  baseline raw better-sqlite3, one transaction: ${rawBest.toFixed(0)} ms (${rawRate.toFixed(0)} cases/s)`);
  console.log(`  sync push via app.request, batches of ${BATCH}:  ${apiBest.toFixed(0)} ms (${apiRate.toFixed(0)} cases/s)`);
  console.log(`  ratio (server / raw throughput): ${(apiRate / rawRate).toFixed(3)}  goal >= 0.5`);
}

async function ingestOnce(cases: ReturnType<typeof generateCases>) {
  const dir = mkdtempSync(join(tmpdir(), 'lingting-bench-'));
  try {

    // Baseline: the same rows straight into the cases table of a migrated database.
    const baseFile = join(dir, 'raw.db');
    await (await createSqliteStore({ file: baseFile })).close();
    const raw = new BetterSqlite3(baseFile);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw
      .prepare("insert into users (id, username, display_name, role, password_hash, created_at) values ('agent-1', 'agent', 'agent', 'agent', 'x', '2026-01-01T00:00:00.000Z')")
      .run();
    const insert = raw.prepare(
      `insert into cases (id, agent_id, customer_name, customer_phone, data, status, received_at, updated_at, server_updated_at,
                          project, severity, search_text)
       values (?, 'agent-1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCategory = raw.prepare('insert into case_categories (category_id, case_id) values (?, ?)');
    const rawStart = performance.now();
    raw.transaction(() => {
      for (const c of cases) {
        insert.run(
          c.id, c.customer.name, c.customer.phone, JSON.stringify(c), c.status, c.receivedAt, c.updatedAt,
          new Date().toISOString(), c.customer.project, c.severity, searchText(c),
        );
        for (const categoryId of new Set(c.categoryIds)) insertCategory.run(categoryId, c.id);
      }
    })();
    const rawMs = performance.now() - rawStart;
    raw.close();

    // The server: every push authenticated, validated, one transaction per change, indexed for search.
    const store = await createSqliteStore({ file: join(dir, 'server.db') });
    const { credentials } = await seed(store);
    const app = createApp({ store });
    const agent = credentials.find((c) => c.username === 'agent')!;
    const signIn = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: agent.username, password: agent.password }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const bodies = [];
    for (let i = 0; i < cases.length; i += BATCH) {
      bodies.push(JSON.stringify({ changes: cases.slice(i, i + BATCH).map((c) => ({ changeId: crypto.randomUUID(), kind: 'case.put', case: c })) }));
    }
    const apiStart = performance.now();
    for (const body of bodies) {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      if (res.status !== 200) throw new Error(`push failed: ${res.status}`);
      await res.arrayBuffer();
    }
    const apiMs = performance.now() - apiStart;
    await store.close();

    return { rawMs, apiMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
