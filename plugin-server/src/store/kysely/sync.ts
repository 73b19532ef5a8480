import type { Insertable, Kysely, Transaction } from 'kysely';
import { type Case, isLaterInstant, type Reminder, type SyncChange, SyncResult } from '../../../../shared';
import type { Database, SyncChangesTable } from '../schema';
import type { SyncRepository } from '../types';
import { createGroupCommit } from '../group-commit';
import { caseGroupColumns } from './case-groups';
import { searchColumns, utc } from './case-index';
import { indexCaseLife } from './case-life-index';
import { raiseEscalation } from './escalations';
import { changeFingerprint } from './change-fingerprint';
import { type CommitOrder, writeCounter } from './commit-order';


/**
 * Serialises transactions that touch the same keys until they commit. SQLite needs nothing
 * (one writer at a time); PostgreSQL takes transaction-scoped advisory locks, see postgres.ts.
 */
export type KeyLocker = (trx: Transaction<Database>, keys: readonly string[]) => Promise<void>;

export const noKeyLocks: KeyLocker = async () => {};

type CaseChange = Extract<SyncChange, { kind: 'case.put' }>;
type ReminderChange = Extract<SyncChange, { kind: 'reminder.put' }>;

/** Owner and version of the cases a push touches, read once and kept current as it applies. */
type KnownCases = Map<string, { agent_id: string; updated_at: string }>;

/** Category ids per case written in this push, inserted together at its end. */
type PendingCategories = Map<string, readonly string[]>;

/** The number of the transaction writing, for the rows it writes (see commit-order.ts). */
type ChangeSeq = () => Promise<number>;

async function putCase(
  trx: Transaction<Database>,
  userId: string,
  change: CaseChange,
  now: Date,
  changeSeq: ChangeSeq,
  known: KnownCases,
  pendingCategories: PendingCategories,
): Promise<SyncResult> {
  const incoming: Case = change.case;
  const stored = known.get(incoming.id);

  if (stored && stored.agent_id !== userId) {
    return { changeId: change.changeId, status: 'rejected', reason: 'case_of_other_agent' };
  }
  if (stored && !isLaterInstant(incoming.updatedAt, stored.updated_at)) {
    // Last writer by the client's clock wins; an equal time is the same version seen again.
    return { changeId: change.changeId, status: 'stale' };
  }
  const columns = {
    customer_name: incoming.customer.name,
    customer_phone: incoming.customer.phone,
    data: JSON.stringify(incoming),
    status: incoming.status,
    project: incoming.customer.project,
    severity: incoming.severity,
    ...searchColumns(incoming),
    ...caseGroupColumns(incoming),
    received_at: utc(incoming.receivedAt),
    updated_at: utc(incoming.updatedAt),
    server_updated_at: now.toISOString(),
    change_seq: await changeSeq(),
  };
  await trx
    .insertInto('cases')
    .values({ id: incoming.id, agent_id: userId, ...columns })
    // agent_id is deliberately not updated: ownership is fixed by the first accepted push.
    .onConflict((oc) => oc.column('id').doUpdateSet(columns))
    .execute();
  await indexCaseLife(trx, incoming, userId, stored !== undefined);
  await raiseEscalation(trx, incoming, userId, now, changeSeq);
  // A case stored before this push has category rows to replace; one written earlier in this
  // push has only its pending entry, which is simply overwritten.
  if (stored && !pendingCategories.has(incoming.id)) {
    await trx.deleteFrom('case_categories').where('case_id', '=', incoming.id).execute();
  }
  pendingCategories.set(incoming.id, [...new Set(incoming.categoryIds)]);
  known.set(incoming.id, { agent_id: stored?.agent_id ?? userId, updated_at: columns.updated_at });
  return { changeId: change.changeId, status: 'applied' };
}

/** Owner, case and version of the reminders a push touches, read once and kept current as it applies. */
type KnownReminders = Map<string, { agent_id: string; case_id: string; updated_at: string }>;

async function putReminder(
  trx: Transaction<Database>,
  userId: string,
  change: ReminderChange,
  now: Date,
  changeSeq: ChangeSeq,
  known: { cases: KnownCases; reminders: KnownReminders },
): Promise<SyncResult> {
  const incoming: Reminder = change.reminder;
  // Read with the push's cases (a case written earlier in this push is there too).
  const owner = known.cases.get(incoming.caseId);
  // The same answer for a missing case and someone else's: a reminder discloses nothing.
  if (!owner || owner.agent_id !== userId) {
    return { changeId: change.changeId, status: 'rejected', reason: 'reminder_case_unknown' };
  }
  const stored = known.reminders.get(incoming.id);
  if (stored && (stored.agent_id !== userId || stored.case_id !== incoming.caseId)) {
    return { changeId: change.changeId, status: 'rejected', reason: 'reminder_id_taken' };
  }
  if (stored && !isLaterInstant(incoming.updatedAt, stored.updated_at)) {
    return { changeId: change.changeId, status: 'stale' };
  }
  const columns = {
    status: incoming.status,
    due_at: utc(incoming.dueAt),
    data: JSON.stringify(incoming),
    updated_at: utc(incoming.updatedAt),
    server_updated_at: now.toISOString(),
    change_seq: await changeSeq(),
  };
  await trx
    .insertInto('reminders')
    .values({ id: incoming.id, case_id: incoming.caseId, agent_id: userId, ...columns })
    .onConflict((oc) => oc.column('id').doUpdateSet(columns))
    .execute();
  known.reminders.set(incoming.id, { agent_id: stored?.agent_id ?? userId, case_id: incoming.caseId, updated_at: columns.updated_at });
  return { changeId: change.changeId, status: 'applied' };
}

/** The keys whose writers must not interleave with this change's: the user's change id and its records. */
function lockKeysOf(userId: string, change: SyncChange): string[] {
  const keys = [`change:${userId}:${change.changeId}`];
  if (change.kind === 'case.put') keys.push(`case:${change.case.id}`);
  else keys.push(`case:${change.reminder.caseId}`, `reminder:${change.reminder.id}`);
  return keys;
}

/** The result first answered for a user's change id, and what that change said. */
type RecordedChanges = Map<string, { fingerprint: string | null; result: SyncResult }>;

const recordKey = (userId: string, changeId: string) => `${userId} ${changeId}`;

/** One push: a client's batch of changes, made by one user and received at one time. */
interface Push {
  userId: string;
  changes: readonly SyncChange[];
  now: Date;
}

/** Rows per statement for the batch's reads and inserts: far below either database's parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Applies pushes in order, in the caller's transaction, with the batch's reads and inserts made
 * once for all of them rather than once per change. A rejection is a result, not an error; an
 * unexpected error rolls the whole transaction back and the client, getting no answer, pushes
 * again (replays are harmless).
 */
async function applyPushes(
  trx: Transaction<Database>,
  { lockKeys, commitOrder }: WriteOrdering,
  pushes: readonly Push[],
): Promise<SyncResult[][]> {
  const changes = pushes.flatMap((push) => push.changes);
  // Every key of the batch, locked up front in one sorted order: a concurrent push on another
  // instance waits here, then sees this one's committed results, and two pushes can never hold
  // locks the other needs in a cycle.
  await lockKeys(trx, pushes.flatMap(({ userId, changes: pushed }) => pushed.flatMap((change) => lockKeysOf(userId, change))));
  // What the batch needs to know, read in two queries rather than two per change. A change id
  // is a key per user: another user's use of the same id is read here but never matches.
  const recorded: RecordedChanges = new Map();
  for (const ids of chunks([...new Set(changes.map((c) => c.changeId))])) {
    const rows = await trx.selectFrom('sync_changes').select(['change_id', 'user_id', 'fingerprint', 'result']).where('change_id', 'in', ids).execute();
    for (const row of rows) {
      recorded.set(recordKey(row.user_id, row.change_id), { fingerprint: row.fingerprint, result: SyncResult.parse(JSON.parse(row.result)) });
    }
  }
  // The cases put and those the reminders belong to, and the reminders put: one read each.
  const known: KnownCases = new Map();
  for (const ids of chunks([...new Set(changes.map((c) => (c.kind === 'case.put' ? c.case.id : c.reminder.caseId)))])) {
    const rows = await trx.selectFrom('cases').select(['id', 'agent_id', 'updated_at']).where('id', 'in', ids).execute();
    for (const row of rows) known.set(row.id, row);
  }
  const knownReminders: KnownReminders = new Map();
  for (const ids of chunks([...new Set(changes.flatMap((c) => (c.kind === 'reminder.put' ? [c.reminder.id] : [])))])) {
    const rows = await trx.selectFrom('reminders').select(['id', 'agent_id', 'case_id', 'updated_at']).where('id', 'in', ids).execute();
    for (const row of rows) knownReminders.set(row.id, row);
  }

  // Stamped at the first write, after the locks: a batch of replays and stale versions needs none.
  let stamped: Promise<number> | undefined;
  const changeSeq = () => (stamped ??= commitOrder.stamp(trx));
  const pendingCategories: PendingCategories = new Map();
  const newRecords: Insertable<SyncChangesTable>[] = [];
  // In order: a later change sees the earlier ones (through `known` and the transaction), and a
  // user's change id seen again, within a push or across pushes, is a replay of its first use if
  // it says the same, and refused if it says something else.
  const results = [];
  for (const { userId, changes: pushed, now } of pushes) {
    const pushResults: SyncResult[] = [];
    for (const change of pushed) {
      const fingerprint = changeFingerprint(change);
      const first = recorded.get(recordKey(userId, change.changeId));
      if (first) {
        // A result recorded before fingerprints (migration 006) answers any replay, as it did then.
        const replay = first.fingerprint === null || first.fingerprint === fingerprint;
        pushResults.push(replay ? first.result : { changeId: change.changeId, status: 'rejected', reason: 'change_id_reused' });
        continue;
      }
      const result =
        change.kind === 'case.put'
          ? await putCase(trx, userId, change, now, changeSeq, known, pendingCategories)
          : await putReminder(trx, userId, change, now, changeSeq, { cases: known, reminders: knownReminders });
      recorded.set(recordKey(userId, change.changeId), { fingerprint, result });
      newRecords.push({ change_id: change.changeId, user_id: userId, fingerprint, result: JSON.stringify(result), created_at: now.toISOString() });
      pushResults.push(result);
    }
    results.push(pushResults);
  }
  // Recorded in the transaction that made the writes: never a write without its result.
  for (const rows of chunks(newRecords)) await trx.insertInto('sync_changes').values(rows).execute();
  const categoryRows = [...pendingCategories].flatMap(([caseId, ids]) => ids.map((category_id) => ({ category_id, case_id: caseId })));
  for (const rows of chunks(categoryRows)) await trx.insertInto('case_categories').values(rows).execute();
  return results;
}

/** How concurrent pushes are kept apart and their writes numbered for pull. */
export interface WriteOrdering {
  lockKeys: KeyLocker;
  commitOrder: CommitOrder;
}

/**
 * Idempotent case and reminder sync over Kysely. Each push runs in its own transaction, or, on a
 * single-writer database, through a group commit that applies concurrent pushes as one batch.
 */
export function createSyncRepository(
  db: Kysely<Database>,
  { lockKeys = noKeyLocks, commitOrder = writeCounter }: Partial<WriteOrdering> = {},
  { groupCommit = false } = {},
): SyncRepository {
  const apply = (trx: Transaction<Database>, pushes: readonly Push[]) => applyPushes(trx, { lockKeys, commitOrder }, pushes);
  const group = groupCommit ? createGroupCommit(db, apply) : undefined;
  return {
    async applyChanges(userId, changes, now) {
      const push = { userId, changes, now };
      if (group) return group.run(push);
      const [results] = await db.transaction().execute((trx) => apply(trx, [push]));
      return results!;
    },
  };
}
