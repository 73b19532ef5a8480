import { Dexie, type EntityTable } from 'dexie';
import { z } from 'zod';
import { CrmSite, type Case, type Category, type Reminder, type SidebarLife, type SyncChange, type Template, type WordingRule } from '../../shared';

/** A change waiting for the server. It keeps its own snapshot, so a replay sends the same bytes. */
export interface OutboxEntry {
  seq?: number;
  change: SyncChange;
  /**
   * The user signed in when the change was made: only their session pushes it (a desk shared by
   * several agents must not send one agent's work under another's token). Absent on entries
   * queued before owners were recorded; those go with whoever is signed in.
   */
  ownerId?: string;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}

/** A change the server refused, or no push can carry: kept, with the reason, for the agent to see. Never dropped. */
export interface RejectedChange {
  changeId: string;
  change: SyncChange;
  /**
   * The server's `RejectionReason`, `rejected` when it gave none, or `too_large` (`PUSH_TOO_LARGE`)
   * when the extension set it aside as larger than a push may be (older versions stored English text here).
   */
  reason: string;
  at: string;
}

/**
 * The `cache` table: the catalogue fetched from the server for offline use (published templates,
 * the category tree, wording rules, CRM sites), all refreshed together by the sync, and the
 * sync's own bookkeeping (the last outcome, where each user's pull continues).
 */
export type CacheEntry =
  | { key: 'templates'; value: Template[]; fetchedAt: string }
  | { key: 'categories'; value: Category[]; fetchedAt: string }
  | { key: 'wordingRules'; value: WordingRule[]; fetchedAt: string }
  | { key: 'crmSites'; value: CrmSite[]; fetchedAt: string }
  | { key: 'lifeSettings'; value: SidebarLife; fetchedAt: string }
  | { key: 'lastSync'; value: { at: string | null; error: string | null }; fetchedAt: string }
  | { key: 'pullCursors'; value: Record<string, PullProgress>; fetchedAt: string };

/**
 * How far a user's pull of their accepted changes from the server has got on this device: the
 * cursor the next page starts after, and whether the first pass reached the present (`caughtUp`).
 * Until then only open work is asked for: a new device needs the agent's open cases, not their
 * history.
 */
export interface PullProgress {
  cursor: string;
  caughtUp: boolean;
}

/** A case as kept locally: with the user who works on it, so drafts are found per user. */
export type LocalCase = Case & { ownerId?: string };

/** Whether an entry or draft with `ownerId` belongs to `userId` (unowned ones belong to anyone). */
export const ownedBy = (ownerId: string | undefined, userId: string) => ownerId === undefined || ownerId === userId;

export type LingtingDb = Dexie & {
  cases: EntityTable<LocalCase, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  rejected: EntityTable<RejectedChange, 'changeId'>;
  cache: EntityTable<CacheEntry, 'key'>;
  reminders: EntityTable<Reminder, 'id'>;
};

/** Where the CRM sites were cached before v3, in `storage.local`. */
const LEGACY_SITES_KEY = 'crmSites';

/** The part of `storage.local` that held the CRM sites before they moved into the cache table. */
export interface LegacySiteStorage {
  get(keys: string): Promise<Record<string, unknown>>;
  remove(keys: string): Promise<void>;
}

/**
 * Opens the extension's database. It lives in the background service worker only: in a
 * content script it would land in the CRM's origin, readable by the CRM's own scripts.
 * `legacy` is the `storage.local` whose CRM sites the v3 upgrade moves into the cache table.
 */
export function openDb({ name = 'lingting', legacy }: { name?: string; legacy?: LegacySiteStorage } = {}): LingtingDb {
  const db = new Dexie(name) as LingtingDb;
  db.version(1).stores({
    cases: 'id, updatedAt, customer.phone',
    outbox: '++seq, change.case.id',
    rejected: 'changeId',
    cache: 'key',
  });
  // v2: drafts are found again by the CRM record; reminders live beside the cases; outbox
  // entries are found by reminder so queued edits of one reminder coalesce.
  db.version(2).stores({
    cases: 'id, updatedAt, customer.phone, customer.crmRecordId',
    outbox: '++seq, change.case.id, change.reminder.id',
    reminders: 'id, caseId, status, dueAt',
  });
  // v3: the CRM sites join the rest of the catalogue in the cache table. Agents' browsers hold
  // them in storage.local: moved here, so a CRM keeps its sidebar before the first sync.
  let legacySitesRead = false;
  db.version(3)
    .stores({})
    .upgrade(async (tx) => {
      if (!legacy) return;
      // waitFor keeps the upgrade transaction open across a call that is not IndexedDB's.
      const stored = (await Dexie.waitFor(legacy.get(LEGACY_SITES_KEY)))[LEGACY_SITES_KEY];
      const sites = z.array(CrmSite).safeParse(stored);
      // When they were fetched was never recorded: the epoch says "long ago".
      if (sites.success) await tx.table('cache').put({ key: 'crmSites', value: sites.data, fetchedAt: new Date(0).toISOString() });
      legacySitesRead = true; // garbage is not moved, but goes too
    });
  // Removed only once the upgrade has committed: an aborted upgrade is tried again at the next
  // start, and must find them. A failed removal leaves an unread key; it must not fail the open.
  db.on('ready', async () => {
    if (legacySitesRead) await legacy?.remove(LEGACY_SITES_KEY).catch(() => undefined);
  });
  return db;
}
