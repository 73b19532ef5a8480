import type { Case, CustomerSnapshot } from '../../shared';
import type { LingtingDb } from '../db/schema';
import { createInFlight, enqueueCoalesced, type InFlight } from './outbox';

/** Writes cases locally first: the case and its outbox entry commit together or not at all. */
export function createCaseService(deps: {
  db: LingtingDb;
  now: () => Date;
  newId: () => string;
  /** Shared with the sync service so coalescing spares what is on the wire. */
  inFlight?: InFlight;
}) {
  const { db } = deps;
  const inFlight = deps.inFlight ?? createInFlight();
  return {
    async save(record: Case): Promise<void> {
      await db.transaction('rw', db.cases, db.outbox, async () => {
        const stored = await db.cases.get(record.id);
        // An older autosave arriving late must not overwrite a newer draft.
        if (stored && stored.updatedAt > record.updatedAt) return;
        await db.cases.put(record);
        await enqueueCoalesced(db, inFlight, { changeId: deps.newId(), kind: 'case.put', case: record }, deps.now().toISOString());
      });
    },
    get: (id: string) => db.cases.get(id),
    /**
     * The case still open for this customer, newest first: matched by the CRM record when the
     * page gave one, by phone otherwise. This is how a draft survives reloads and restarts.
     */
    async openFor(customer: CustomerSnapshot): Promise<Case | null> {
      const candidates = customer.crmRecordId
        ? await db.cases.where('customer.crmRecordId').equals(customer.crmRecordId).toArray()
        : await db.cases.where('customer.phone').equals(customer.phone).toArray();
      const open = candidates
        .filter((c) => c.status !== 'closed' && c.customer.phone === customer.phone)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
      return open[0] ?? null;
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
