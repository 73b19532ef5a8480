import { type Kysely, PostgresAdapter, SqliteAdapter, sql } from 'kysely';

// Issue 14: an index for 1–2 character searches (a surname, 漏水), which trigrams cannot
// answer, over both searched copies: the full text and the trainers' masked text. Both
// databases index the same thing, a line's characters and pairs of adjacent characters, so a
// short needle is one lookup; LIKE on the searched column still confirms every match
// (docs/decisions/011-short-search.md). Existing cases are indexed here, in the same transaction.

/** The searched copies: each column and its SQLite table of character pairs. */
const COPIES = [
  { column: 'search_text', table: 'cases_pairs' },
  { column: 'masked_search_text', table: 'cases_masked_pairs' },
] as const;

/** Cases indexed per statement of the SQLite backfill: a large database is never indexed in one step. */
const BACKFILL_PAGE = 2000;

/**
 * FTS5's `ascii` tokenizer with every ASCII character except letters, digits and the line
 * break declared a token character (non-ASCII ones are already): a token then ends only at a
 * line break, whatever punctuation, space or symbol it holds, and folds nothing but ASCII
 * case, which the searched text (lower-cased) and the query share.
 */
function pairTokenizer(): string {
  let chars = '';
  for (let code = 1; code < 128; code++) {
    const char = String.fromCharCode(code);
    if (char !== '\n' && !/[a-z0-9]/i.test(char)) chars += char;
  }
  return `ascii tokenchars '${chars.replace(/'/g, "''")}'`;
}

/** Characters per chunk of the pairs expression: substr() counts from the start of its text, so chunks keep the work linear. */
const CHUNK = 64;

/** `count` rows numbered by `key` from 0, from a JSON array of zeros (triggers may not use WITH RECURSIVE). */
const numbers = (count: string) => `json_each('[' || substr(replace(hex(zeroblob(${count})), '00', ',0'), 2) || ']')`;

/**
 * SQL for the tokens of `text`: at every character, it and the next one, line breaks
 * between tokens. A pair that would hold a line break falls apart into its single character,
 * so no token spans two fields, and every character starts a token: a 2-character needle is a
 * token, a 1-character needle a token's prefix. Plain SQL, so that any writer (the server,
 * the sqlite3 shell) keeps the index in step through the triggers.
 */
function pairsOf(text: string): string {
  const chunks = `(select substr(${text}, chunk.key * ${CHUNK} + 1, ${CHUNK + 1}) as part from ${numbers(`(length(${text}) + ${CHUNK - 1}) / ${CHUNK}`)} as chunk)`;
  return `(select group_concat(substr(part, at.key + 1, 2), char(10)) from ${chunks} join ${numbers(`min(${CHUNK}, length(part))`)} as at)`;
}

/**
 * One contentless FTS5 table per copy (nothing stored but the index: rowids per token,
 * `detail=none`), filled from the column by triggers on `cases`, in every write's transaction.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
async function createSqlitePairIndexes(db: Kysely<any>): Promise<void> {
  for (const { column, table } of COPIES) {
    await sql`create virtual table ${sql.raw(table)} using fts5(pairs, content='', contentless_delete=1, detail=none, tokenize=${sql.lit(pairTokenizer())})`.execute(db);
    await sql.raw(`create trigger ${table}_insert after insert on cases begin
      insert into ${table}(rowid, pairs) values (new.rowid, ${pairsOf(`new.${column}`)});
    end`).execute(db);
    await sql.raw(`create trigger ${table}_delete after delete on cases begin
      delete from ${table} where rowid = old.rowid;
    end`).execute(db);
    // Only a changed text is re-indexed: most pushes of a case change its state, not its words.
    await sql.raw(`create trigger ${table}_update after update of ${column} on cases when old.${column} is not new.${column} begin
      delete from ${table} where rowid = old.rowid;
      insert into ${table}(rowid, pairs) values (new.rowid, ${pairsOf(`new.${column}`)});
    end`).execute(db);
    for (let after = 0; ; ) {
      const page = await sql<{ last: number | null; n: number }>`select max(r) as last, count(*) as n from (
        select rowid as r from cases where rowid > ${after} order by rowid limit ${BACKFILL_PAGE})`.execute(db);
      const { last, n } = page.rows[0]!;
      if (last === null) break;
      await sql.raw(`insert into ${table}(rowid, pairs) select rowid, ${pairsOf(column)} from cases where rowid > ${after} and rowid <= ${last}`).execute(db);
      if (n < BACKFILL_PAGE) break;
      after = last;
    }
  }
}

/**
 * An immutable function giving a text's characters and adjacent pairs, line breaks left out,
 * and a GIN index over it per copy: PostgreSQL fills the index from the column on every write
 * (and here, for the rows already stored), and answers `@> array[needle]` from it. Its cost
 * is set low (10): at 100 or 1,000 the planner walked common pairs' cases in parallel workers,
 * 55–60 ms at 200,000 cases, where a plain walk takes 7 ms (it tests LIKE, cheaper, first).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function createPostgresPairIndexes(db: Kysely<any>): Promise<void> {
  await sql`create function case_search_pairs(text) returns text[] language sql immutable strict parallel safe cost 10 as $$
    select coalesce(array_agg(distinct token), '{}') from (
      select c, lead(c) over (order by i) as next from unnest(string_to_array($1, null)) with ordinality as chars(c, i)
    ) as at, lateral (values (c), (c || next)) as tokens(token)
    where token is not null and strpos(token, E'\\n') = 0
  $$`.execute(db);
  for (const { column } of COPIES) {
    await sql`create index ${sql.raw(`cases_${column}_pairs`)} on cases using gin (case_search_pairs(${sql.raw(column)}))`.execute(db);
  }
}

/** The 1–2 character index over both searched copies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) await createSqlitePairIndexes(db);
  if (adapter instanceof PostgresAdapter) await createPostgresPairIndexes(db);
}

/** Drops what `up` added. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) {
    for (const { table } of COPIES) {
      for (const trigger of ['insert', 'delete', 'update']) await sql`drop trigger ${sql.raw(`${table}_${trigger}`)}`.execute(db);
      await sql`drop table ${sql.raw(table)}`.execute(db);
    }
  }
  if (adapter instanceof PostgresAdapter) {
    for (const { column } of COPIES) await sql`drop index ${sql.raw(`cases_${column}_pairs`)}`.execute(db);
    await sql`drop function case_search_pairs(text)`.execute(db);
  }
}
