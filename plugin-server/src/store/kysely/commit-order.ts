import { type Expression, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

/**
 * How sync writes are numbered so that a pull, paging by (number, id), never skips a committed
 * change (docs/decisions/003-sync.md). Each write transaction stamps the rows it writes with one
 * number; a pull hands out only rows below the horizon, where no transaction still running can
 * ever add a row. Invariant: a row that appears later always has a number above every row a pull
 * has already handed out.
 */
export interface CommitOrder {
  /** The number of the write transaction `trx`, the same for every call in it. */
  stamp(trx: Transaction<Database>): Promise<number>;
  /** The rows of `column` a pull may hand out now; none when every committed row qualifies. */
  settled(column: 'change_seq'): Expression<SqlBool> | undefined;
}

/**
 * For a database with one writer at a time (SQLite): a counter incremented by each write
 * transaction while it holds the write lock, so numbers follow commits and every committed row
 * is settled.
 */
export const writeCounter: CommitOrder = {
  async stamp(trx) {
    const { last_value } = await trx
      .updateTable('change_sequence')
      .set((eb) => ({ last_value: eb('last_value', '+', 1) }))
      .where('id', '=', 1)
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return last_value;
  },
  settled: () => undefined,
};

/**
 * For PostgreSQL, with concurrent writers on several instances: the writer's 64-bit transaction
 * id. Ids are handed out in start order, not commit order, so a pull reads only below the
 * oldest transaction id still running in its own snapshot: below it every transaction has
 * finished, and every later one gets a larger id. No lock is shared between writers; a
 * transaction that stays open holds back delivery of later changes (never loses them) until it
 * ends. The horizon is the whole cluster's, so a long writing transaction in another database
 * of the same cluster delays pulls too.
 */
export const transactionIds: CommitOrder = {
  async stamp(trx) {
    const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(trx);
    return Number(rows[0]!.xid);
  },
  settled: (column) => sql<SqlBool>`${sql.ref(column)} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
};

/** The rows of a commit-ordered table after `after` in (change_seq, id) order: how pulls and the escalations' feed resume. */
export const afterPosition = (after: { seq: number; id: string }): Expression<SqlBool> =>
  sql<SqlBool>`(change_seq > ${after.seq} or (change_seq = ${after.seq} and id > ${after.id}))`;
