// Case search over 200,000 generated Chinese cases, on SQLite (the embedded default) and on
// PostgreSQL, through store.cases.search as the API calls it: first page of 50, newest first,
// half of the runs narrowed to one agent as an agent's own search is. Building the data set is
// not timed. Every query's page is also checked against the plain LIKE scan of the same
// database (what search answered before any index), for the full text and the trainers' copy.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, type CaseFilter, type Store } from '../plugin-server/src/store';
import { caseGroupColumns } from '../plugin-server/src/store/kysely/case-groups';
import { normaliseForSearch, searchColumns } from '../plugin-server/src/store/kysely/case-index';
import { AGENT_SCAN_BUDGET } from '../plugin-server/src/store/kysely/cases';
import { containsPattern } from '../plugin-server/src/store/kysely/errors';
import type { Database } from '../plugin-server/src/store/schema';
import { generateCases } from '../test/fixtures/chinese-cases';
import { startPostgresCluster } from '../test/global-setup/postgres';
import { ms, percentile } from './stats';

const CASES = 200_000;
const AGENTS = Array.from({ length: 4 }, () => crypto.randomUUID());
const RUNS_PER_QUERY = 20;
const PAGE = 50;
const GOALS = { '3+ characters': 30, '1-2 characters': 50 } as const;

/** The rows of the data set, as the sync repository writes them (the search indexes follow by themselves). */
function rows() {
  const utc = (instant: string) => new Date(instant).toISOString();
  return generateCases(CASES, 2026).map((c, i) => ({
    row: {
      id: c.id, agent_id: AGENTS[i % AGENTS.length]!, customer_name: c.customer.name, customer_phone: c.customer.phone,
      data: JSON.stringify(c), status: c.status, received_at: utc(c.receivedAt), updated_at: utc(c.updatedAt),
      server_updated_at: '2026-03-02T09:00:00.000Z', change_seq: i + 1, project: c.customer.project, severity: c.severity,
      ...searchColumns(c), ...caseGroupColumns(c),
    },
    categories: [...new Set(c.categoryIds)],
  }));
}

const agentRow = (id: string) => ({ id, username: id, display_name: id, role: 'agent', password_hash: 'x', created_at: '2026-01-01T00:00:00.000Z' });

/** Rows written straight into a migrated SQLite database, in one transaction. */
async function buildSqlite(file: string) {
  await (await createSqliteStore({ file })).close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const user = db.prepare('insert into users (id, username, display_name, role, password_hash, created_at) values (@id, @username, @display_name, @role, @password_hash, @created_at)');
  const insertCase = db.prepare(
    `insert into cases (id, agent_id, customer_name, customer_phone, data, status, received_at, updated_at,
       server_updated_at, change_seq, project, severity, search_text, masked_search_text, customer_phone_digits, building, group_id)
       values (@id, @agent_id, @customer_name, @customer_phone, @data, @status, @received_at, @updated_at, @server_updated_at,
       @change_seq, @project, @severity, @search_text, @masked_search_text, @customer_phone_digits, @building, @group_id)`,
  );
  const insertCategory = db.prepare('insert or ignore into case_categories (category_id, case_id) values (?, ?)');
  db.transaction(() => {
    for (const id of AGENTS) user.run(agentRow(id));
    for (const { row, categories } of rows()) {
      insertCase.run(row);
      for (const category of categories) insertCategory.run(category, row.id);
    }
  })();
  db.pragma('optimize');
  db.close();
}

/** The same rows into a migrated PostgreSQL database, many to a statement, then analysed (as autovacuum would). */
async function buildPostgres(connectionString: string) {
  await (await createPostgresStore({ connectionString })).close();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
  try {
    await db.insertInto('users').values(AGENTS.map(agentRow)).execute();
    const all = rows();
    for (let at = 0; at < all.length; at += 1000) {
      const batch = all.slice(at, at + 1000);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('cases').values(batch.map((b) => b.row)).execute();
        await trx
          .insertInto('case_categories')
          .values(batch.flatMap((b) => b.categories.map((category_id) => ({ category_id, case_id: b.row.id }))))
          .execute();
      });
    }
    await sql`vacuum analyze`.execute(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The first page as a plain LIKE scan of the searched column finds it: what search answered
 * before any index narrowed it. An agent's page looks at their newest AGENT_SCAN_BUDGET cases.
 */
async function likePage(db: Kysely<Database>, query: string, filter: CaseFilter): Promise<string[]> {
  const needle = normaliseForSearch(query).replace(/[\r\n]+/g, ' ').trim();
  const column = filter.searchMasked ? 'masked_search_text' : 'search_text';
  let scanned = db.selectFrom('cases').select(['id', 'received_at', 'search_text', 'masked_search_text']);
  if (filter.agentId !== undefined) {
    scanned = scanned.where('agent_id', '=', filter.agentId).orderBy('received_at', 'desc').orderBy('id').limit(AGENT_SCAN_BUDGET);
  }
  const found = await db
    .selectFrom(scanned.as('scanned'))
    .select('scanned.id')
    .where(sql<boolean>`${sql.ref(`scanned.${column}`)} like ${containsPattern(needle)} escape '\\'`)
    .orderBy('scanned.received_at', 'desc')
    .orderBy('scanned.id')
    .limit(PAGE)
    .execute();
  return found.map((row) => row.id);
}

/** Times every query on `store` and checks each page against the LIKE scan on `db`. */
async function measure(label: string, store: Store, db: Kysely<Database>) {
  const sample = generateCases(50, 2026);
  const groups: Record<keyof typeof GOALS, string[]> = {
    '3+ characters': ['卫生间', '墙面开裂', '要求尽快上门维修', '已联系工程部', '物业费争议', sample[3]!.customer.name, sample[7]!.customer.phone.slice(2, 9), 'follow-up', '不存在的词语'],
    '1-2 characters': ['王', '渗', '漏水', '主管', '秀英', '13', sample[9]!.customer.name.slice(0, 2), '龚', '鑫鑫'],
  };
  // Unmeasured warm-up: the first query pays for opening pages from disk.
  await store.cases.search('卫生间');
  let checked = 0;
  for (const [group, queries] of Object.entries(groups) as Array<[keyof typeof GOALS, string[]]>) {
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
      // Not timed: each scope's page equals the LIKE scan's, trainers' masked copy included.
      const scopes: CaseFilter[] = [{}, ...AGENTS.map((agentId) => ({ agentId })), { searchMasked: true }];
      for (const filter of scopes) {
        const got = (await store.cases.search(query, { ...filter, limit: PAGE })).cases.map((c) => c.id);
        const want = await likePage(db, query, filter);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          throw new Error(`${label}: search ${JSON.stringify(query)} ${JSON.stringify(filter)} differs from the LIKE scan:\n got ${got}\nwant ${want}`);
        }
        checked++;
      }
    }
    console.log(
      `${label} search, ${group} (${queries.length} queries x ${RUNS_PER_QUERY}): p50 ${ms(percentile(samples, 50))}, ` +
        `p95 ${ms(percentile(samples, 95))}, max ${ms(Math.max(...samples))}; ${found} cases returned; goal p95 <= ${GOALS[group]} ms`,
    );
  }
  console.log(`${label}: pages identical to the LIKE scan for ${checked} queries`);
  // The baseline in the same run: a page of the plain list, no search.
  const listSamples: number[] = [];
  for (let run = 0; run < 40; run++) {
    const start = performance.now();
    await store.cases.list(run % 2 === 0 ? {} : { agentId: AGENTS[run % AGENTS.length]! });
    listSamples.push(performance.now() - start);
  }
  console.log(`${label} baseline: list first page without search, p95 ${ms(percentile(listSamples, 95))}`);
}

export default async function searchBench() {
  const dir = mkdtempSync(join(tmpdir(), 'lingting-bench-'));
  try {
    const file = join(dir, 'search.db');
    const buildStart = performance.now();
    await buildSqlite(file);
    console.log(`SQLite: built ${CASES} cases in ${ms(performance.now() - buildStart)} (not part of the figures)`);
    const store = await createSqliteStore({ file });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file, { readonly: true }) }) });
    try {
      await measure('SQLite', store, db);
    } finally {
      await db.destroy();
      await store.close();
    }
  } finally {
    if (process.env.KEEP_BENCH_DB) console.log('kept', dir); else rmSync(dir, { recursive: true, force: true });
  }

  const cluster = await startPostgresCluster({ durable: true });
  try {
    const buildStart = performance.now();
    await buildPostgres(cluster.url);
    console.log(`PostgreSQL: built ${CASES} cases in ${ms(performance.now() - buildStart)} (not part of the figures)`);
    const store = await createPostgresStore({ connectionString: cluster.url });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 1 }) }) });
    try {
      await measure('PostgreSQL', store, db);
    } finally {
      await db.destroy();
      await store.close();
    }
  } finally {
    await cluster.stop();
  }
}
