import type { SyncChange } from '../../shared';
import type { LingtingDb } from '../db/schema';

/**
 * Which outbox entries are on the wire right now. Only this service worker's own requests can
 * be in flight, so the set lives in memory: after a restart nothing is in flight.
 */
export function createInFlight() {
  const seqs = new Set<number>();
  return {
    mark: (batch: readonly number[]) => batch.forEach((seq) => seqs.add(seq)),
    release: (batch: readonly number[]) => batch.forEach((seq) => seqs.delete(seq)),
    has: (seq: number) => seqs.has(seq),
  };
}
export type InFlight = ReturnType<typeof createInFlight>;

/**
 * Queues `change`, replacing queued-but-unsent changes of the same record: typing makes one
 * change, not hundreds. An entry already sent stays, so its answer still finds it. Call inside a
 * transaction that includes `db.outbox`.
 */
export async function enqueueCoalesced(
  db: LingtingDb,
  inFlight: InFlight,
  change: SyncChange,
  queuedAt: string,
  ownerId: string | undefined,
): Promise<void> {
  const superseded =
    change.kind === 'case.put'
      ? await db.outbox.where('change.case.id').equals(change.case.id).primaryKeys()
      : await db.outbox.where('change.reminder.id').equals(change.reminder.id).primaryKeys();
  await db.outbox.bulkDelete(superseded.filter((seq): seq is number => seq !== undefined && !inFlight.has(seq)));
  await db.outbox.add({ change, queuedAt, attempts: 0, lastError: null, ...(ownerId ? { ownerId } : {}) });
}
