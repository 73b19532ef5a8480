// Case search over 200,000 generated Chinese cases on SQLite (the embedded default), through
// store.cases.search as the API calls it: first page of 50, newest first, half of the runs
// narrowed to one agent as an agent's own search is. Building the data set is not timed.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../plugin-server/src/store';
import { searchColumns } from '../plugin-server/src/store/kysely/case-index';
import { generateCases } from '../test/fixtures/chinese-cases';
import { ms, percentile } from './stats';

const CASES = 200_000;
const AGENTS = Array.from({ length: 4 }, () => crypto.randomUUID());
const RUNS_PER_QUERY = 20;

/** Rows written straight into a migrated database, as the sync repository would write them. */
async function build(file: string) {
  await (await createSqliteStore({ file })).close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const user = db.prepare(
    "insert into users (id, username, display_name, role, password_hash, created_at) values (?, ?, ?, 'agent', 'x', '2026-01-01T00:00:00.000Z')",
  );
  const insertCase = db.prepare(
    `insert into cases (id, agent_id, customer_name, customer_phone, data, status, received_at, updated_at,
       server_updated_at, change_seq, project, severity, search_text, masked_search_text, customer_phone_digits)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCategory = db.prepare('insert or ignore into case_categories (category_id, case_id) values (?, ?)');
  db.transaction(() => {
    for (const id of AGENTS) user.run(id, id, id);
    generateCases(CASES, 2026).forEach((c, i) => {
      const utc = (instant: string) => new Date(instant).toISOString();
      const columns = searchColumns(c);
      insertCase.run(
        c.id, AGENTS[i % AGENTS.length], c.customer.name, c.customer.phone, JSON.stringify(c), c.status,
        utc(c.receivedAt), utc(c.updatedAt), '2026-03-02T09:00:00.000Z', i + 1, c.customer.project, c.severity,
        columns.search_text, columns.masked_search_text, columns.customer_phone_digits,
      );
      for (const category of c.categoryIds) insertCategory.run(category, c.id);
    });
  })();
  db.pragma('optimize');
  db.close();
}

export default async function searchBench() {
  const dir = mkdtempSync(join(tmpdir(), 'lingting-bench-'));
  try {
    const file = join(dir, 'search.db');
    const buildStart = performance.now();
    await build(file);
    console.log(`built ${CASES} cases in ${ms(performance.now() - buildStart)} (not part of the figures)`);

    const store = await createSqliteStore({ file });
    const sample = generateCases(50, 2026);
    const groups: Record<string, string[]> = {
      '3+ characters': ['卫生间', '墙面开裂', '要求尽快上门维修', '已联系工程部', '物业费争议', sample[3]!.customer.name, sample[7]!.customer.phone.slice(2, 9), 'follow-up', '不存在的词语'],
      '1-2 characters': ['王', '渗', '漏水', '主管', '秀英', '13', sample[9]!.customer.name.slice(0, 2), '龚', '鑫鑫'],
    };
    // Unmeasured warm-up: the first query pays for opening pages from disk.
    await store.cases.search('卫生间');
    for (const [group, queries] of Object.entries(groups)) {
      const samples: number[] = [];
      let found = 0;
      for (const query of queries) {
        for (let run = 0; run < RUNS_PER_QUERY; run++) {
          const filter = run % 2 === 0 ? {} : { agentId: AGENTS[run % AGENTS.length]! };
          const start = performance.now();
          const page = await store.cases.search(query, filter);
          samples.push(performance.now() - start);
          found += page.cases.length;
        }
      }
      console.log(
        `search, ${group} (${queries.length} queries x ${RUNS_PER_QUERY}): p50 ${ms(percentile(samples, 50))}, ` +
          `p95 ${ms(percentile(samples, 95))}, max ${ms(Math.max(...samples))}; ${found} cases returned; ` +
          `goal p95 <= ${group === '3+ characters' ? '30' : '150'} ms`,
      );
    }
    // The baseline in the same run: a page of the plain list, no search.
    const listSamples: number[] = [];
    for (let run = 0; run < 40; run++) {
      const start = performance.now();
      await store.cases.list(run % 2 === 0 ? {} : { agentId: AGENTS[run % AGENTS.length]! });
      listSamples.push(performance.now() - start);
    }
    console.log(`baseline: list first page without search, p95 ${ms(percentile(listSamples, 95))}`);
    await store.close();
  } finally {
    if (process.env.KEEP_BENCH_DB) console.log('kept', dir); else rmSync(dir, { recursive: true, force: true });
  }
}
