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

const utf8 = new TextEncoder();
const jsonBytes = (value: unknown) => utf8.encode(JSON.stringify(value)).length;
/** `{"changes":[]}`: what a push body holds besides its changes and the commas between them. */
const PUSH_ENVELOPE_BYTES = jsonBytes({ changes: [] });

/** The size in bytes of the push body that carries `changes`, as the typed client sends it (UTF-8 JSON). */
export function pushBodyBytes(changes: readonly SyncChange[]): number {
  return changes.reduce((total, change, i) => total + jsonBytes(change) + (i > 0 ? 1 : 0), PUSH_ENVELOPE_BYTES);
}

/**
 * The longest run of `entries`, from the first, whose push body stays within `maxBytes`: at least
 * the first entry, even when alone it is larger (whether it can go at all is the caller's to decide).
 */
export function leadingBatch<T extends { change: SyncChange }>(entries: readonly T[], maxBytes: number): T[] {
  let bytes = PUSH_ENVELOPE_BYTES;
  let taken = 0;
  for (const entry of entries) {
    bytes += jsonBytes(entry.change) + (taken > 0 ? 1 : 0);
    if (bytes > maxBytes && taken > 0) break;
    taken++;
  }
  return entries.slice(0, taken);
}
