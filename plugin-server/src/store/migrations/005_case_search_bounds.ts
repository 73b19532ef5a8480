import { type Kysely, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import { type IndexedCase, searchColumns } from '../kysely/case-index';

// Issue 13: trainers' search reads a masked copy of the searchable text, history finds a phone
// by equality on its digits, and an agent's pages walk an index in their exact sort order (see
// docs/decisions/005-search.md). Existing cases are backfilled here, in the same transaction.
// Instants are bounded from now on (shared/primitives.ts): ones stored before, out of range,
// are brought to the nearest end of it, or the cases and reminders holding them would no longer
// read (the probe stored the year 10000; a device whose clock was reset, 1970).

/** Rows read per step of the backfill: a large database is never loaded whole. */
const BACKFILL_PAGE = 500;

// The range as it was when this migration was written (INSTANT_RANGE, its last millisecond).
const EARLIEST = '2000-01-01T00:00:00.000Z';
const LATEST = '2199-12-31T23:59:59.999Z';

/** `value` brought into the range if it is an instant outside it; anything else unchanged. */
function clamped(value: unknown): unknown {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (time < Date.parse(EARLIEST)) return EARLIEST;
  if (time > Date.parse(LATEST)) return LATEST;
  return value;
}

/** Copies of `record` and of the records in its `lists`, with the named instant fields clamped. */
function withClampedInstants(record: Record<string, unknown>, fields: readonly string[], lists: Record<string, readonly string[]> = {}) {
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) if (field in out) out[field] = clamped(out[field]);
  for (const [list, listFields] of Object.entries(lists)) {
    const items = out[list];
    if (Array.isArray(items)) out[list] = items.map((item: Record<string, unknown>) => withClampedInstants(item, listFields));
  }
  return out;
}

/** Calls `each` on every row of `table`, BACKFILL_PAGE rows at a time, in id order. */
async function forEachRow(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see below
  db: Kysely<any>,
  table: 'cases' | 'reminders',
  each: (row: { id: string; data: string }) => Promise<void>,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; data: string }> = await db
      .selectFrom(table)
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute();
    for (const row of rows) await each(row);
    if (rows.length < BACKFILL_PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** The masked search text and phone digits columns, their indexes, the agent walk's index; instants in range. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('masked_search_text', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('customer_phone_digits', 'text', (col) => col.notNull().defaultTo('')).execute();

  const utc = (instant: unknown) => new Date(instant as string).toISOString();
  await forEachRow(db, 'cases', async (row) => {
    const stored = JSON.parse(row.data) as Record<string, unknown>;
    const { masked_search_text, customer_phone_digits } = searchColumns(stored as unknown as IndexedCase);
    const inRange = withClampedInstants(stored, ['receivedAt', 'createdAt', 'updatedAt'], { steps: ['at'], templateUses: ['at'] });
    const data = JSON.stringify(inRange);
    const moved = data === row.data ? {} : { data, received_at: utc(inRange.receivedAt), updated_at: utc(inRange.updatedAt) };
    await db.updateTable('cases').set({ masked_search_text, customer_phone_digits, ...moved }).where('id', '=', row.id).execute();
  });
  await forEachRow(db, 'reminders', async (row) => {
    const inRange = withClampedInstants(JSON.parse(row.data) as Record<string, unknown>, ['dueAt', 'createdAt', 'updatedAt']);
    const data = JSON.stringify(inRange);
    if (data === row.data) return;
    await db.updateTable('reminders').set({ data, due_at: utc(inRange.dueAt), updated_at: utc(inRange.updatedAt) }).where('id', '=', row.id).execute();
  });

  // History: equality on the digits, newest first, read in index order and stopped at the limit.
  await db.schema.createIndex('cases_phone_digits').on('cases').columns(['customer_phone_digits', 'received_at desc', 'id']).execute();
  // An agent's pages in exactly their sort order (received_at desc, id), so a walk stops where
  // it should; replaces 001's (agent_id, received_at), of which it is an extension.
  await db.schema.dropIndex('cases_agent_received').execute();
  await db.schema.createIndex('cases_agent_received_id').on('cases').columns(['agent_id', 'received_at desc', 'id']).execute();

  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) await createSqliteMaskedIndex(db);
  if (adapter instanceof PostgresAdapter) await createPostgresMaskedIndex(db);
}

/** A trigram FTS5 table over masked_search_text, kept in step by triggers, like 002's cases_fts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function createSqliteMaskedIndex(db: Kysely<any>): Promise<void> {
  await sql`create virtual table cases_masked_fts using fts5(masked_search_text, tokenize='trigram')`.execute(db);
  await sql`insert into cases_masked_fts(rowid, masked_search_text) select rowid, masked_search_text from cases`.execute(db);
  await sql`create trigger cases_masked_fts_insert after insert on cases begin
    insert into cases_masked_fts(rowid, masked_search_text) values (new.rowid, new.masked_search_text);
  end`.execute(db);
  await sql`create trigger cases_masked_fts_delete after delete on cases begin
    delete from cases_masked_fts where rowid = old.rowid;
  end`.execute(db);
  await sql`create trigger cases_masked_fts_update after update of masked_search_text on cases begin
    update cases_masked_fts set masked_search_text = new.masked_search_text where rowid = new.rowid;
  end`.execute(db);
}

/** A pg_trgm GIN index over masked_search_text, skipped where pg_trgm is not allowed (as in 002). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function createPostgresMaskedIndex(db: Kysely<any>): Promise<void> {
  await sql`savepoint masked_trigram_index`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index cases_masked_search_trgm on cases using gin (masked_search_text gin_trgm_ops)`.execute(db);
    await sql`release savepoint masked_trigram_index`.execute(db);
  } catch {
    await sql`rollback to savepoint masked_trigram_index`.execute(db);
  }
}

/** Drops what `up` added and restores 001's agent index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const trigger of ['cases_masked_fts_insert', 'cases_masked_fts_delete', 'cases_masked_fts_update']) {
      await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table cases_masked_fts`.execute(db);
  }
  await sql`drop index if exists cases_masked_search_trgm`.execute(db);
  await db.schema.dropIndex('cases_agent_received_id').execute();
  await db.schema.createIndex('cases_agent_received').on('cases').columns(['agent_id', 'received_at']).execute();
  await db.schema.dropIndex('cases_phone_digits').execute();
  for (const column of ['customer_phone_digits', 'masked_search_text']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
