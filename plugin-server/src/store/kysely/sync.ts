import type { Kysely, Transaction } from 'kysely';
import { type Case, type Reminder, type SyncChange, SyncResult } from '../../../../shared';
import type { Database } from '../schema';
import type { SyncRepository } from '../types';
import { searchText } from './case-index';

// Incoming instants may carry any offset; columns hold them normalised to UTC so that text order
// is time order. The `data` column keeps the client's own spelling.
const utc = (instant: string) => new Date(instant).toISOString();

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

async function putCase(
  trx: Transaction<Database>,
  userId: string,
  change: CaseChange,
  now: Date,
  known: KnownCases,
  pendingCategories: PendingCategories,
): Promise<SyncResult> {
  const incoming: Case = change.case;
  const stored = known.get(incoming.id);

  if (stored && stored.agent_id !== userId) {
    return { changeId: change.changeId, status: 'rejected', reason: 'case belongs to another agent' };
  }
  if (stored && Date.parse(stored.updated_at) >= Date.parse(incoming.updatedAt)) {
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
    search_text: searchText(incoming),
    received_at: utc(incoming.receivedAt),
    updated_at: utc(incoming.updatedAt),
    server_updated_at: now.toISOString(),
  };
  await trx
    .insertInto('cases')
    .values({ id: incoming.id, agent_id: userId, ...columns })
    // agent_id is deliberately not updated: ownership is fixed by the first accepted push.
    .onConflict((oc) => oc.column('id').doUpdateSet(columns))
    .execute();
  // A case stored before this push has category rows to replace; one written earlier in this
  // push has only its pending entry, which is simply overwritten.
  if (stored && !pendingCategories.has(incoming.id)) {
    await trx.deleteFrom('case_categories').where('case_id', '=', incoming.id).execute();
  }
  pendingCategories.set(incoming.id, [...new Set(incoming.categoryIds)]);
  known.set(incoming.id, { agent_id: stored?.agent_id ?? userId, updated_at: columns.updated_at });
  return { changeId: change.changeId, status: 'applied' };
}

async function putReminder(
  trx: Transaction<Database>,
  userId: string,
  change: ReminderChange,
  now: Date,
): Promise<SyncResult> {
  const incoming: Reminder = change.reminder;
  const owner = await trx.selectFrom('cases').select('agent_id').where('id', '=', incoming.caseId).executeTakeFirst();
  // The same answer for a missing case and someone else's: a reminder discloses nothing.
  if (!owner || owner.agent_id !== userId) {
    return { changeId: change.changeId, status: 'rejected', reason: 'reminder for a case that is not yours or not synced yet' };
  }
  const stored = await trx
    .selectFrom('reminders')
    .select(['agent_id', 'case_id', 'updated_at'])
    .where('id', '=', incoming.id)
    .executeTakeFirst();
  if (stored && (stored.agent_id !== userId || stored.case_id !== incoming.caseId)) {
    return { changeId: change.changeId, status: 'rejected', reason: 'reminder id already used for another case' };
  }
  if (stored && Date.parse(stored.updated_at) >= Date.parse(incoming.updatedAt)) {
    return { changeId: change.changeId, status: 'stale' };
  }
  const columns = {
    status: incoming.status,
    due_at: utc(incoming.dueAt),
    data: JSON.stringify(incoming),
    updated_at: utc(incoming.updatedAt),
    server_updated_at: now.toISOString(),
  };
  await trx
    .insertInto('reminders')
    .values({ id: incoming.id, case_id: incoming.caseId, agent_id: userId, ...columns })
    .onConflict((oc) => oc.column('id').doUpdateSet(columns))
    .execute();
  return { changeId: change.changeId, status: 'applied' };
}

/** The keys whose writers must not interleave with this change's: the change and its records. */
function lockKeysOf(change: SyncChange): string[] {
  const keys = [`change:${change.changeId}`];
  if (change.kind === 'case.put') keys.push(`case:${change.case.id}`);
  else keys.push(`case:${change.reminder.caseId}`, `reminder:${change.reminder.id}`);
  return keys;
}

/** Runs a unit of work in a transaction: its own, or one shared by a group commit. */
export type TransactionRunner = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

/** Idempotent case and reminder sync over Kysely. */
export function createSyncRepository(
  db: Kysely<Database>,
  lockKeys: KeyLocker = noKeyLocks,
  inTransaction: TransactionRunner = (work) => db.transaction().execute(work),
): SyncRepository {
  return {
    async applyChanges(userId, changes, now) {
      // One transaction for the push: a commit per change would cost more than the change itself.
      // A rejection is a result, not an error; an unexpected error rolls the whole push back
      // and the client, getting no answer, pushes it again (replays are harmless).
      return inTransaction(async (trx) => {
        // Every key of the batch, locked up front in one sorted order: a concurrent push on
        // another instance waits here, then sees this one's committed results, and two pushes
        // can never hold locks the other needs in a cycle.
        await lockKeys(trx, changes.flatMap(lockKeysOf));
        // What the batch needs to know, read in two queries rather than two per change.
        const changeIds = [...new Set(changes.map((c) => c.changeId))];
        const recorded = new Map<string, SyncResult>();
        for (const row of await trx.selectFrom('sync_changes').select(['change_id', 'result']).where('change_id', 'in', changeIds).execute()) {
          recorded.set(row.change_id, SyncResult.parse(JSON.parse(row.result)));
        }
        const caseIds = [...new Set(changes.flatMap((c) => (c.kind === 'case.put' ? [c.case.id] : [])))];
        const known: KnownCases = new Map();
        if (caseIds.length > 0) {
          const rows = await trx.selectFrom('cases').select(['id', 'agent_id', 'updated_at']).where('id', 'in', caseIds).execute();
          for (const row of rows) known.set(row.id, row);
        }

        const pendingCategories: PendingCategories = new Map();
        const results: SyncResult[] = [];
        const newRecords: Array<{ change_id: string; user_id: string; result: string; created_at: string }> = [];
        // In order: a later change in the batch sees the earlier ones (through `known` and the
        // transaction), and a change id repeated within the batch is a replay of its first use.
        for (const change of changes) {
          const replayed = recorded.get(change.changeId);
          if (replayed) {
            results.push(replayed);
            continue;
          }
          const result =
            change.kind === 'case.put'
              ? await putCase(trx, userId, change, now, known, pendingCategories)
              : await putReminder(trx, userId, change, now);
          recorded.set(change.changeId, result);
          newRecords.push({ change_id: change.changeId, user_id: userId, result: JSON.stringify(result), created_at: now.toISOString() });
          results.push(result);
        }
        // Recorded in the transaction that made the writes: never a write without its result.
        if (newRecords.length > 0) await trx.insertInto('sync_changes').values(newRecords).execute();
        const categoryRows = [...pendingCategories].flatMap(([caseId, ids]) => ids.map((category_id) => ({ category_id, case_id: caseId })));
        // At most 200 cases x 20 categories: chunks stay far below the databases' parameter limits.
        for (let i = 0; i < categoryRows.length; i += 1000) {
          await trx.insertInto('case_categories').values(categoryRows.slice(i, i + 1000)).execute();
        }
        return results;
      });
    },
  };
}
