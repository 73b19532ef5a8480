import type { Kysely, Transaction } from 'kysely';
import { type Case, type Reminder, type SyncChange, SyncResult } from '../../../../shared';
import type { Database } from '../schema';
import type { SyncRepository } from '../types';
import { searchText, writeCaseIndex } from './case-index';

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

async function putCase(trx: Transaction<Database>, userId: string, change: CaseChange, now: Date): Promise<SyncResult> {
  const incoming: Case = change.case;
  const stored = await trx
    .selectFrom('cases')
    .select(['agent_id', 'updated_at'])
    .where('id', '=', incoming.id)
    .executeTakeFirst();

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
  await writeCaseIndex(trx, incoming.id, incoming);
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

async function applyOne(trx: Transaction<Database>, userId: string, change: SyncChange, now: Date): Promise<SyncResult> {
  const recorded = await trx
    .selectFrom('sync_changes')
    .select('result')
    .where('change_id', '=', change.changeId)
    .executeTakeFirst();
  if (recorded) return SyncResult.parse(JSON.parse(recorded.result));

  const result =
    change.kind === 'case.put' ? await putCase(trx, userId, change, now) : await putReminder(trx, userId, change, now);

  await trx
    .insertInto('sync_changes')
    .values({ change_id: change.changeId, user_id: userId, result: JSON.stringify(result), created_at: now.toISOString() })
    .execute();
  return result;
}

/** Idempotent case and reminder sync over Kysely. */
export function createSyncRepository(db: Kysely<Database>, lockKeys: KeyLocker = noKeyLocks): SyncRepository {
  return {
    async applyChanges(userId, changes, now) {
      // One transaction for the push: a commit per change would cost more than the change itself.
      // A rejection is a result, not an error; an unexpected error rolls the whole push back
      // and the client, getting no answer, pushes it again (replays are harmless).
      return db.transaction().execute(async (trx) => {
        // Every key of the batch, locked up front in one sorted order: a concurrent push on
        // another instance waits here, then sees this one's committed results, and two pushes
        // can never hold locks the other needs in a cycle.
        await lockKeys(trx, changes.flatMap(lockKeysOf));
        const results: SyncResult[] = [];
        // In order: a later change in the batch must see the earlier ones.
        for (const change of changes) results.push(await applyOne(trx, userId, change, now));
        return results;
      });
    },
  };
}
