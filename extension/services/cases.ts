import { isLaterInstant, type Case, type CustomerSnapshot } from '../../shared';
import { ownedBy, type LingtingDb, type LocalCase } from '../db/schema';
import { createInFlight, enqueueCoalesced, type InFlight } from './outbox';

/** Writes cases locally first: the case and its outbox entry commit together or not at all. */
export function createCaseService(deps: {
  db: LingtingDb;
  now: () => Date;
  newId: () => string;
  /** Shared with the sync service so coalescing spares what is on the wire. */
  inFlight?: InFlight;
  /** The signed-in user's id: drafts and queued changes are theirs. */
  currentUserId: () => Promise<string | undefined>;
  /** Told of each case once it is stored (not of a late, older autosave): its commitments drive reminders. */
  saved?: (record: Case) => Promise<void>;
}) {
  const { db } = deps;
  const inFlight = deps.inFlight ?? createInFlight();
  return {
    async save(record: Case): Promise<void> {
      const ownerId = await deps.currentUserId();
      const stored = await db.transaction('rw', db.cases, db.outbox, async () => {
        const before = await db.cases.get(record.id);
        // An older autosave arriving late must not overwrite a newer draft.
        if (before && isLaterInstant(before.updatedAt, record.updatedAt)) return false;
        await db.cases.put(ownerId ? { ...record, ownerId } : record);
        await enqueueCoalesced(db, inFlight, { changeId: deps.newId(), kind: 'case.put', case: record }, deps.now().toISOString(), ownerId);
        return true;
      });
      if (stored) await deps.saved?.(record);
    },
    /** The user's cases not yet closed, most recently worked first (at most `limit`). */
    async listOpen(limit = 50): Promise<Case[]> {
      const userId = await deps.currentUserId();
      const open = await db.cases
        .orderBy('updatedAt')
        .reverse()
        .filter((c) => c.status !== 'closed' && (!userId || ownedBy(c.ownerId, userId)))
        .limit(limit)
        .toArray();
      return open.map(withoutOwner);
    },
    get: async (id: string) => {
      const stored = await db.cases.get(id);
      return stored && withoutOwner(stored);
    },
    /**
     * The case still open for this customer, newest first: matched by the CRM record when the
     * page gave one, by phone otherwise. This is how a draft survives reloads and restarts.
     */
    async openFor(customer: CustomerSnapshot): Promise<Case | null> {
      const userId = await deps.currentUserId();
      const candidates = customer.crmRecordId
        ? await db.cases.where('customer.crmRecordId').equals(customer.crmRecordId).toArray()
        : await db.cases.where('customer.phone').equals(customer.phone).toArray();
      const open = candidates
        // Another agent's draft on a shared desk stays theirs: this user starts their own case.
        .filter((c) => c.status !== 'closed' && c.customer.phone === customer.phone && (!userId || ownedBy(c.ownerId, userId)))
        .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
      return open[0] ? withoutOwner(open[0]) : null;
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;

function withoutOwner({ ownerId: _ownerId, ...record }: LocalCase): Case {
  return record;
}
