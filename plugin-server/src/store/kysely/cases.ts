import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { StoredCase } from '../../../../shared';
import type { CasesTable, Database } from '../schema';
import type { CaseFilter, CasePage, CaseRepository } from '../types';
import { normaliseForSearch, utc } from './case-index';
import { cursorCodec, Position } from '../cursor';
import { containsPattern } from './errors';

/** The stored JSON is the case as the client sent it; ownership and server time come from columns. */
export function toStoredCase(row: Pick<Selectable<CasesTable>, 'data' | 'agent_id' | 'server_updated_at'>): StoredCase {
  return StoredCase.parse({ ...JSON.parse(row.data), agentId: row.agent_id, serverUpdatedAt: row.server_updated_at });
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

// A page's cursor is the sort key of its last case, (received_at desc, id asc).
const pageCursor = cursorCodec(Position);
type PagePosition = ReturnType<typeof pageCursor.decode>;

type CaseQuery = SelectQueryBuilder<Database, 'cases', object>;

/**
 * Cases after `position` in the page order (received_at desc, id). The plain bound on
 * received_at repeats the first branch so that an index range, not a filter, applies it.
 */
function after<Q extends CaseQuery>(query: Q, position: PagePosition): Q {
  return query
    .where('cases.received_at', '<=', position.at)
    .where((eb) =>
      eb.or([
        eb('cases.received_at', '<', position.at),
        eb.and([eb('cases.received_at', '=', position.at), eb('cases.id', '>', position.id)]),
      ]),
    ) as Q;
}

/** Cases at or before `position` in the page order: the other end of a bounded walk. */
function upTo(query: CaseQuery, position: PagePosition): CaseQuery {
  return query
    .where('cases.received_at', '>=', position.at)
    .where((eb) =>
      eb.or([
        eb('cases.received_at', '>', position.at),
        eb.and([eb('cases.received_at', '=', position.at), eb('cases.id', '<=', position.id)]),
      ]),
    );
}

function applyFilter(query: CaseQuery, filter: CaseFilter, db: Kysely<Database>): CaseQuery {
  let q = query;
  if (filter.agentId !== undefined) q = q.where('cases.agent_id', '=', filter.agentId);
  if (filter.status !== undefined) q = q.where('cases.status', '=', filter.status);
  if (filter.severity !== undefined) q = q.where('cases.severity', '=', filter.severity);
  if (filter.project !== undefined) q = q.where('cases.project', '=', filter.project);
  // Columns hold UTC 'Z' instants, so the bounds are normalised the same way before comparing text.
  if (filter.receivedFrom !== undefined) q = q.where('cases.received_at', '>=', utc(filter.receivedFrom));
  if (filter.receivedBefore !== undefined) q = q.where('cases.received_at', '<', utc(filter.receivedBefore));
  if (filter.categoryId !== undefined) {
    const categoryId = filter.categoryId;
    q = q.where('cases.id', 'in', db.selectFrom('case_categories').select('case_id').where('category_id', '=', categoryId));
  }
  if (filter.overdueAt !== undefined) {
    const now = filter.overdueAt.toISOString();
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('reminders')
            .select('reminders.id')
            .whereRef('reminders.case_id', '=', 'cases.id')
            .where('reminders.status', '=', 'pending')
            .where('reminders.due_at', '<', now),
        ),
        // The case's own deadline (promises, dispatches, time limits); null once closed.
        eb.and([eb('cases.due_at', '<', now), eb('cases.status', '<>', 'closed')]),
      ]),
    );
  }
  if (filter.cursor !== undefined) q = after(q, pageCursor.decode(filter.cursor));
  return q;
}

/**
 * How a database finds substrings: `sqlite-fts5` has FTS5 tables, of trigrams (migrations 002,
 * 005) and of character pairs (migration 013); `like` is PostgreSQL's: LIKE, which it serves
 * from pg_trgm GIN indexes for 3+ characters, and GIN indexes of character pairs (migration
 * 013) for 1–2. Every path confirms with LIKE on the searched column, so the answer is exact
 * whichever index found it.
 */
export type SubstringSearch = 'sqlite-fts5' | 'like';

/** An FTS5 phrase matching `text` literally (double quotes doubled). */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Which copy of the searchable text a search reads, and its FTS5 tables on SQLite: the full
 * text (migrations 002, 013), or the text as trainers see it, phone numbers masked (005, 013).
 */
const SEARCHED = {
  full: { column: 'search_text', fts: 'cases_fts', pairs: 'cases_pairs' },
  masked: { column: 'masked_search_text', fts: 'cases_masked_fts', pairs: 'cases_masked_pairs' },
} as const;
type Searched = (typeof SEARCHED)[keyof typeof SEARCHED];

/**
 * Above this many matches a needle is common: walking cases newest first and testing each
 * finds a page within a few thousand rows, faster than collecting every match first.
 */
const COMMON_MATCHES = 5000;

/**
 * The most of one agent's cases, newest first, that one page of theirs examines: at most about
 * 4 ms on SQLite (2,000 rows read and tested), however many cases the agent has. A page that
 * runs out of budget before it is full comes back short, even empty, with a cursor to go on.
 * Everything an agent lists or searches is scoped to their own cases, so this bounds all of
 * it; team-wide scans are for supervisors and trainers.
 */
export const AGENT_SCAN_BUDGET = 2000;

/**
 * The condition narrowing a page to the cases whose searched text an index says contains
 * `needle`, and on SQLite those cases' rows, which a probe counts first; undefined where LIKE
 * alone is the plan (PostgreSQL's 3+ characters: its planner uses pg_trgm by itself).
 */
function indexedMatches(needle: string, { column, fts, pairs }: Searched, how: SubstringSearch) {
  const short = [...needle].length < 3;
  if (how === 'sqlite-fts5') {
    // Every character starts a pair token (migration 013): a 2-character needle is a token, a 1-character one a prefix.
    const rows = short
      ? sql`select rowid from ${sql.raw(pairs)} where ${sql.raw(pairs)} match ${ftsPhrase(needle) + ([...needle].length === 1 ? '*' : '')}`
      : sql`select rowid from ${sql.raw(fts)} where ${sql.raw(fts)} match ${ftsPhrase(needle)}`;
    return { rows, narrow: sql<boolean>`cases.rowid in (${rows})` };
  }
  if (!short) return undefined;
  // The expression of migration 013's GIN index, so that PostgreSQL reads it from there. No
  // probe: its planner, from the index's statistics, reads a rare pair's cases from the index
  // and walks newest first for a common one (counting 5,000 matches would cost 20 ms).
  return { rows: undefined, narrow: sql<boolean>`case_search_pairs(${sql.ref(`cases.${column}`)}) @> array[${needle}]::text[]` };
}

/** Narrows `query` to cases whose searched text contains `needle` (already normalised). */
async function applySearch(
  query: CaseQuery,
  needle: string,
  searched: Searched,
  how: SubstringSearch,
  db: Kysely<Database>,
  { agentScoped }: { agentScoped: boolean },
): Promise<CaseQuery> {
  const contains = sql<boolean>`${sql.ref(`cases.${searched.column}`)} like ${containsPattern(needle)} escape '\\'`;
  // An agent's short needle is tested along their bounded walk alone, as before: the walk costs
  // at most the budget, and a short needle is often common enough to cost more to collect.
  const index = agentScoped && [...needle].length < 3 ? undefined : indexedMatches(needle, searched, how);
  if (!index) return query.where(contains);
  if (index.rows !== undefined) {
    const probe = await sql<{ n: number }>`select count(*) as n from (${index.rows} limit ${COMMON_MATCHES}) as probe`.execute(db);
    // A common needle is tested along a walk newest first instead.
    if (Number(probe.rows[0]?.n ?? 0) >= COMMON_MATCHES) return query.where(contains);
  }
  return query.where(index.narrow).where(contains);
}

/** Cases over Kysely (writes go through the sync repository). */
export function createCaseRepository(db: Kysely<Database>, substringSearch: SubstringSearch = 'like'): CaseRepository {
  /** The last case an agent's walk may examine from `cursor` on: undefined when fewer than the budget remain. */
  async function walkEnd(agentId: string, cursor: string | undefined): Promise<PagePosition | undefined> {
    let query = db.selectFrom('cases').select(['cases.received_at', 'cases.id']).where('cases.agent_id', '=', agentId);
    if (cursor !== undefined) query = after(query, pageCursor.decode(cursor));
    // Read from the cases_agent_received_id index alone, in its order.
    const row = await query.orderBy('cases.received_at', 'desc').orderBy('cases.id').limit(1).offset(AGENT_SCAN_BUDGET - 1).executeTakeFirst();
    return row && { at: row.received_at, id: row.id };
  }

  async function page(filter: CaseFilter, needle: string | undefined): Promise<CasePage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    let query: CaseQuery = db.selectFrom('cases');
    query = applyFilter(query, filter, db);
    const { agentId } = filter;
    if (needle !== undefined) {
      const searched = filter.searchMasked ? SEARCHED.masked : SEARCHED.full;
      query = await applySearch(query, needle, searched, substringSearch, db, { agentScoped: agentId !== undefined });
    }
    // An agent's page walks their index in page order (on SQLite even through a trigram match
    // set, checked against each entry): cutting the walk at the budget bounds the page.
    // PostgreSQL's planner may combine it with, or prefer, a trigram index it estimates cheaper.
    const end = agentId !== undefined ? await walkEnd(agentId, filter.cursor) : undefined;
    if (end) query = upTo(query, end);
    const rows = await query
      .select(['cases.data', 'cases.agent_id', 'cases.server_updated_at', 'cases.received_at', 'cases.id'])
      .orderBy('cases.received_at', 'desc')
      .orderBy('cases.id')
      // One extra row tells whether another page follows.
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    // A full page goes on after its last case; a walk that ran out of budget, after its end.
    const next = more && last ? { at: last.received_at, id: last.id } : end;
    return { cases: shown.map(toStoredCase), nextCursor: next ? pageCursor.encode(next) : null };
  }

  return {
    async get(id) {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toStoredCase(row);
    },

    list: (filter = {}) => page(filter, undefined),

    search(query, filter = {}) {
      // Line breaks separate fields in search_text; a query never spans fields.
      const needle = normaliseForSearch(query).replace(/[\r\n]+/g, ' ').trim();
      return page(filter, needle === '' ? undefined : needle);
    },
  };
}
