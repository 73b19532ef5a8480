// 1–2 character search (issue 14) on both databases: an index of each line's characters and
// pairs of adjacent characters (migration 013), for the full text and the trainers' masked copy.
// Search results must equal a brute-force substring search, and the index itself must hold
// exactly the cases containing a needle (a missing entry would lose a match silently: LIKE only
// ever removes), after edits and deletions by any writer, and for cases stored before 013.
import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, Kysely as KyselyDb, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared';
import { createPostgresStore, createSqliteStore, type CaseFilter, type Store } from '../../../plugin-server/src/store';
import { caseGroupColumns } from '../../../plugin-server/src/store/kysely/case-groups';
import { searchColumns } from '../../../plugin-server/src/store/kysely/case-index';
import { migrationProvider } from '../../../plugin-server/src/store/migrations';
import { maskSearchable } from '../../../plugin-server/src/policy/trainer-view';
import { generateCases } from '../../fixtures/chinese-cases';
import { makeCase, makeTempDir, putChange } from '../helpers';
import { createTestDatabase } from '../postgres';
import { addUser, allPages } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const norm = (text: string) => text.normalize('NFKC').toLowerCase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database at an old schema has no current type
type AnyDb = Kysely<any>;
type Copy = 'search_text' | 'masked_search_text';

interface Kind {
  name: 'sqlite' | 'postgres';
  /** A fresh database: a raw connection to it (another writer than the store), and the store once wanted. */
  create(): Promise<{ raw: AnyDb; openStore: () => Promise<Store>; cleanUp: () => void }>;
  /** The ids of the cases that the 1–2 character index of `copy` lists for `needle`, read from the index itself. */
  indexed(raw: AnyDb, copy: Copy, needle: string): Promise<string[]>;
}

const KINDS: Kind[] = [
  {
    name: 'sqlite',
    async create() {
      const temp = makeTempDir();
      const file = join(temp.dir, 'lingting.db');
      const raw: AnyDb = new KyselyDb({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
      return { raw, openStore: () => createSqliteStore({ file }), cleanUp: temp.remove };
    },
    async indexed(raw, copy, needle) {
      const table = copy === 'search_text' ? 'cases_pairs' : 'cases_masked_pairs';
      const query = `"${needle.replace(/"/g, '""')}"${[...needle].length === 1 ? '*' : ''}`;
      const { rows } = await sql<{ id: string }>`select id from cases where rowid in (select rowid from ${sql.raw(table)} where ${sql.raw(table)} match ${query})`.execute(raw);
      return rows.map((row) => row.id).sort();
    },
  },
  {
    name: 'postgres',
    async create() {
      const connectionString = await createTestDatabase();
      const raw: AnyDb = new KyselyDb({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
      return { raw, openStore: () => createPostgresStore({ connectionString }), cleanUp: () => {} };
    },
    async indexed(raw, copy, needle) {
      // Read through the GIN index, not by computing the expression row by row.
      return raw.connection().execute(async (db) => {
        await sql`set enable_seqscan = off`.execute(db);
        const { rows } = await sql<{ id: string }>`select id from cases where case_search_pairs(${sql.ref(copy)}) @> array[${needle}]::text[]`.execute(db);
        await sql`reset enable_seqscan`.execute(db);
        return rows.map((row) => row.id).sort();
      });
    },
  },
];

/** The searchable fields of `c` as `copy` holds them (trainers' copy: phone numbers masked). */
const fields = (c: Case, copy: Copy) => {
  const shown = copy === 'search_text' ? c : maskSearchable(c);
  return [shown.customer.name, shown.customer.phone, shown.summary, shown.notes].map(norm);
};

/** The brute-force answer: the cases of `all` whose fields in `copy` contain `query`, newest first. */
function expected(all: readonly Case[], query: string, copy: Copy = 'search_text'): string[] {
  const needle = norm(query).trim();
  return all
    .filter((c) => fields(c, copy).some((field) => field.includes(needle)))
    .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || (a.id < b.id ? -1 : 1))
    .map((c) => c.id);
}
const sorted = (ids: string[]) => [...ids].sort();

/** Hand-written cases for the edges of short needles: digits, Latin case, punctuation, line ends. */
function edgeCases(): Case[] {
  const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T08:00:00.000Z`;
  return [
    makeCase({ receivedAt: at(1), customer: { ...makeCase().customer, name: '龚', phone: '13912345678' }, summary: 'Follow-Up 已回访', notes: '末尾是王' }),
    makeCase({ receivedAt: at(2), customer: { ...makeCase().customer, name: '欧阳秀', phone: '+86 021-5555 0013' }, summary: '100%满意_测试 "引号" a*b', notes: '秀开头；（括号）' }),
    makeCase({ receivedAt: at(3), customer: { ...makeCase().customer, name: 'ＡＢＣ物业', phone: '' }, summary: '王', notes: 'x\ty 多行\n第二行' }),
    makeCase({ receivedAt: at(4), customer: { ...makeCase().customer, name: '李', phone: '010 8888 1234' }, summary: '', notes: '😀表情 é' }),
  ];
}

/** 1- and 2-character needles: Chinese, digits, Latin, punctuation and symbols, and ones only a field boundary would join. */
const SHORT = [
  '王', '秀', '龚', '李', '渗', '漏水', '主管', '秀英', '王秀', '末尾', '尾是', '是王',
  '1', '0', '13', '00', '56', '+8', '-5',
  'f', 'F', 'fo', '-u', 'up', 'ab', 'ａｂ', 'c物',
  '%', '_', '%满', '"', '"引', '*', 'a*', '（', '）', '；', ' ', 'x\t', '\ty', '😀', '😀表', 'é',
  '*', '**', '8*', '*5', '*1',
  // Spanning two fields (王 ends one, 秀 starts the next; 8 ends a phone, 卫 starts a summary): no match.
  '王秀', '78卫', '8卫', '龚1', '访末',
];

describe.each(KINDS)('store contract on $name: 1–2 character search', (kind) => {
  let store: Store;
  let raw: AnyDb;
  let cleanUp: () => void;
  let agent: string;
  const all: Case[] = [];

  beforeAll(async () => {
    const created = await kind.create();
    raw = created.raw;
    cleanUp = created.cleanUp;
    store = await created.openStore();
    agent = await addUser(store);
    all.push(...edgeCases(), ...generateCases(150, 31));
    await store.sync.applyChanges(agent, all.map((c) => putChange(c)), NOW);
  });
  afterAll(async () => {
    await store.close();
    await raw.destroy();
    cleanUp();
  });

  const search = (query: string, filter: CaseFilter = {}) => allPages((cursor) => store.cases.search(query, { ...filter, limit: 40, cursor }));

  it('finds exactly the cases a substring search finds, team-wide, for an agent and for trainers', async () => {
    let found = 0;
    for (const query of SHORT) {
      expect(await search(query), query).toEqual(expected(all, query));
      expect(await search(query, { agentId: agent }), `${query} (agent)`).toEqual(expected(all, query));
      expect(await search(query, { searchMasked: true }), `${query} (trainer)`).toEqual(expected(all, query, 'masked_search_text'));
      found += expected(all, query).length;
    }
    expect(found).toBeGreaterThan(500);
    expect(await search('王秀')).toEqual(expected(all, '王秀'));
    expect(await search('8卫')).toEqual([]);
  });

  it('holds in its index exactly the cases containing each needle, in both copies', async () => {
    // Search trims a needle (' ' searches nothing); the index is asked for what search would ask it.
    for (const needle of new Set(SHORT.map((query) => norm(query).trim()).filter((needle) => needle !== ''))) {
      const query = needle;
      for (const copy of ['search_text', 'masked_search_text'] as const) {
        expect(await kind.indexed(raw, copy, needle), `${query} in ${copy}`).toEqual(sorted(expected(all, needle, copy)));
      }
    }
  });

  it('does not let trainers find the digits that masking hides', async () => {
    const [hidden] = edgeCases();
    // 13912345678 is shown to trainers as 139****5678: its hidden digits find nothing for them.
    const c = all.find((x) => x.customer.phone === hidden!.customer.phone)!;
    for (const query of ['23', '34', '4']) {
      const masked = await search(query, { searchMasked: true });
      expect(masked, query).not.toContain(c.id);
      expect(masked, query).toEqual(expected(all, query, 'masked_search_text'));
      expect(await search(query), query).toContain(c.id);
    }
    expect(await search('**', { searchMasked: true })).toContain(c.id);
    expect(await search('**')).not.toContain(c.id);
  });

  it('follows a case edited through sync: the new text is found, the old no longer', async () => {
    const c = all.find((x) => x.customer.name === '龚')!;
    const edited: Case = { ...c, customer: { ...c.customer, name: '鲍', phone: '13700001111' }, summary: '霉斑', notes: '', updatedAt: '2026-03-02T08:59:00.000Z' };
    await store.sync.applyChanges(agent, [putChange(edited)], NOW);
    Object.assign(c, edited);
    for (const query of ['鲍', '霉', '霉斑', '龚', '回访', '11', 'fo']) {
      expect(await search(query), query).toEqual(expected(all, query));
      expect(await kind.indexed(raw, 'search_text', query), query).toEqual(sorted(expected(all, query)));
      expect(await kind.indexed(raw, 'masked_search_text', query), query).toEqual(sorted(expected(all, query, 'masked_search_text')));
    }
  });

  it('stays in step with writes made outside the server: an edited text and a deleted case', async () => {
    // The deleted case is the last one written: on SQLite the next case takes its rowid, so a
    // stale index entry would be read as the new case's.
    const [edited, deleted] = [all[6]!, all.at(-1)!];
    const text = { ...edited!, customer: { ...edited!.customer, name: '覃' }, summary: '蚁患', notes: '' };
    // What the sqlite3 shell or a psql session would write: the columns, not through the store.
    await raw.updateTable('cases').set(searchColumns(text)).where('id', '=', edited!.id).execute();
    Object.assign(edited!, text);
    await raw.deleteFrom('case_categories').where('case_id', '=', deleted!.id).execute();
    await raw.deleteFrom('cases').where('id', '=', deleted!.id).execute();
    all.splice(all.indexOf(deleted!), 1);
    const later = makeCase({ summary: '空白', notes: '', customer: { ...makeCase().customer, name: '甘', phone: '' } });
    await store.sync.applyChanges(agent, [putChange(later)], NOW);
    all.push(later);
    const words = [deleted!.customer.name.slice(0, 1), deleted!.customer.name.slice(0, 2), deleted!.summary.slice(0, 2), '覃', '蚁患', '甘', '空白'];
    for (const query of [...words, edited!.customer.phone.slice(0, 2)]) {
      expect(await search(query), query).toEqual(expected(all, query));
      for (const copy of ['search_text', 'masked_search_text'] as const) {
        expect(await kind.indexed(raw, copy, norm(query)), `${query} in ${copy}`).toEqual(sorted(expected(all, query, copy)));
      }
    }
  });
});

describe.each(KINDS)('migration 013 on $name', (kind) => {
  const cleanUps: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  });

  it('indexes the cases stored before it, however many pages of them', async () => {
    const { raw, openStore, cleanUp } = await kind.create();
    cleanUps.push(cleanUp, () => raw.destroy());
    expect((await new Migrator({ db: raw, provider: migrationProvider }).migrateTo('012_escalations')).error).toBeUndefined();
    const agentId = randomUUID();
    await raw
      .insertInto('users')
      .values({ id: agentId, username: 'old', display_name: 'old', role: 'agent', password_hash: 'h', created_at: NOW.toISOString() })
      .execute();
    // More than one page of the SQLite backfill (2,000 cases), as the 012-era sync wrote them.
    const old = [...edgeCases(), ...generateCases(2100, 41)];
    for (let at = 0; at < old.length; at += 300) {
      const rows = old.slice(at, at + 300).map((c, i) => ({
        id: c.id, agent_id: agentId, customer_name: c.customer.name, customer_phone: c.customer.phone, data: JSON.stringify(c),
        status: c.status, received_at: new Date(c.receivedAt).toISOString(), updated_at: new Date(c.updatedAt).toISOString(),
        server_updated_at: NOW.toISOString(), change_seq: at + i + 1, project: c.customer.project, severity: c.severity,
        ...searchColumns(c), ...caseGroupColumns(c),
      }));
      await raw.insertInto('cases').values(rows).execute();
    }

    const store = await openStore();
    cleanUps.push(() => store.close());
    const last = old.at(-1)!;
    for (const query of ['王', '渗', '漏水', '13', '秀英', '龚', 'fo', last.customer.name.slice(-2), last.customer.phone.slice(-1)]) {
      expect(await kind.indexed(raw, 'search_text', norm(query)), query).toEqual(sorted(expected(old, query)));
      expect(await kind.indexed(raw, 'masked_search_text', norm(query)), query).toEqual(sorted(expected(old, query, 'masked_search_text')));
    }
    expect((await store.cases.search('龚', { limit: 200 })).cases.map((c) => c.id)).toEqual(expected(old, '龚').slice(0, 200));
    expect((await store.cases.search('13', { searchMasked: true, limit: 200 })).cases.map((c) => c.id)).toEqual(expected(old, '13', 'masked_search_text').slice(0, 200));
  });
});
