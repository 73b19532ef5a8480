import type { Kysely, Transaction } from 'kysely';
import { type SyncChange, SyncResult } from '../../../../shared';
import type { Database } from '../schema';
import type { SyncRepository } from '../types';

// Incoming instants may carry any offset; columns hold them normalised to UTC so that text order
// is time order. The `data` column keeps the client's own spelling.
const utc = (instant: string) => new Date(instant).toISOString();

async function applyOne(trx: Transaction<Database>, userId: string, change: SyncChange, now: Date): Promise<SyncResult> {
  const recorded = await trx
    .selectFrom('sync_changes')
    .select('result')
    .where('change_id', '=', change.changeId)
    .executeTakeFirst();
  if (recorded) return SyncResult.parse(JSON.parse(recorded.result));

  // Reminders are stored by the reminders change (issue 4, server side); until then, refused.
  if (change.kind !== 'case.put') return { changeId: change.changeId, status: 'rejected', reason: 'reminders not supported by this server' };
  const incoming = change.case;
  const stored = await trx
    .selectFrom('cases')
    .select(['agent_id', 'updated_at'])
    .where('id', '=', incoming.id)
    .executeTakeFirst();

  let result: SyncResult;
  if (stored && stored.agent_id !== userId) {
    result = { changeId: change.changeId, status: 'rejected', reason: 'case belongs to another agent' };
  } else if (stored && Date.parse(stored.updated_at) >= Date.parse(incoming.updatedAt)) {
    // Last writer by the client's clock wins; an equal time is the same version seen again.
    result = { changeId: change.changeId, status: 'stale' };
  } else {
    const columns = {
      customer_name: incoming.customer.name,
      customer_phone: incoming.customer.phone,
      data: JSON.stringify(incoming),
      status: incoming.status,
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
    result = { changeId: change.changeId, status: 'applied' };
  }

  await trx
    .insertInto('sync_changes')
    .values({ change_id: change.changeId, user_id: userId, result: JSON.stringify(result), created_at: now.toISOString() })
    .execute();
  return result;
}

/** Idempotent case sync over Kysely. */
export function createSyncRepository(db: Kysely<Database>): SyncRepository {
  return {
    async applyChanges(userId, changes, now) {
      const results: SyncResult[] = [];
      // Sequential on purpose: a later change in the batch must see the earlier ones, and one
      // rejected or failing change must not undo the others. (A PostgreSQL implementation will
      // need row locks or serializable isolation here; SQLite serialises writers already.)
      for (const change of changes) {
        results.push(await db.transaction().execute((trx) => applyOne(trx, userId, change, now)));
      }
      return results;
    },
  };
}
