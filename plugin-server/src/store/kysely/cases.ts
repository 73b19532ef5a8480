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

type CaseQuery = SelectQueryBuilder<Database, 'cases', object>;

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
      eb.exists(
        eb
          .selectFrom('reminders')
          .select('reminders.id')
          .whereRef('reminders.case_id', '=', 'cases.id')
          .where('reminders.status', '=', 'pending')
          .where('reminders.due_at', '<', now),
      ),
    );
  }
  if (filter.cursor !== undefined) {
    const { at: receivedAt, id } = pageCursor.decode(filter.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('cases.received_at', '<', receivedAt),
        eb.and([eb('cases.received_at', '=', receivedAt), eb('cases.id', '>', id)]),
      ]),
    );
  }
  return q;
}

/**
 * How a database finds substrings: `sqlite-fts5` has a trigram FTS5 table (migration 002);
 * `like` relies on LIKE alone, which PostgreSQL serves from its pg_trgm GIN index. Both
 * confirm with LIKE on cases.search_text, so the answer is exact whichever path found it.
 */
export type SubstringSearch = 'sqlite-fts5' | 'like';

/** An FTS5 phrase matching `text` literally (double quotes doubled). */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Above this many matches a needle is common: walking cases newest first and testing each
 * finds a page within a few thousand rows, faster than collecting every match first.
 */
const COMMON_MATCHES = 5000;

/** The FTS5 rows containing `needle`: the trigram index for 3+ characters, else a scan of the narrow copy. */
const ftsMatches = (needle: string) =>
  [...needle].length >= 3
    ? sql`select rowid from cases_fts where cases_fts match ${ftsPhrase(needle)}`
    : sql`select rowid from cases_fts where instr(search_text, ${needle}) > 0`;

/** Narrows `query` to cases whose search text contains `needle` (already normalised). */
async function applySearch(query: CaseQuery, needle: string, how: SubstringSearch, db: Kysely<Database>): Promise<CaseQuery> {
  const contains = sql<boolean>`${sql.ref('cases.search_text')} like ${containsPattern(needle)} escape '\\'`;
  if (how === 'sqlite-fts5') {
    const probe = await sql<{ n: number }>`select count(*) as n from (${ftsMatches(needle)} limit ${COMMON_MATCHES})`.execute(db);
    if (Number(probe.rows[0]?.n ?? 0) < COMMON_MATCHES) {
      return query.where(sql<boolean>`cases.rowid in (${ftsMatches(needle)})`).where(contains);
    }
  }
  return query.where(contains);
}

/** Cases over Kysely (writes go through the sync repository). */
export function createCaseRepository(db: Kysely<Database>, substringSearch: SubstringSearch = 'like'): CaseRepository {
  async function page(filter: CaseFilter, needle: string | undefined): Promise<CasePage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    let query: CaseQuery = db.selectFrom('cases');
    query = applyFilter(query, filter, db);
    if (needle !== undefined) query = await applySearch(query, needle, substringSearch, db);
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
    return {
      cases: shown.map(toStoredCase),
      nextCursor: more && last ? pageCursor.encode({ at: last.received_at, id: last.id }) : null,
    };
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
