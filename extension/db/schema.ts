import { Dexie, type EntityTable } from 'dexie';
import type { Case, Category, Reminder, SyncChange, Template, WordingRule } from '../../shared';

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

/** A change the server refused: kept, with the reason, for the agent to see. Never dropped. */
export interface RejectedChange {
  changeId: string;
  change: SyncChange;
  reason: string;
  at: string;
}

/** Server data the sidebar needs offline: published templates and the category tree. */
export type CacheEntry =
  | { key: 'templates'; value: Template[]; fetchedAt: string }
  | { key: 'categories'; value: Category[]; fetchedAt: string }
  | { key: 'lastSync'; value: { at: string | null; error: string | null }; fetchedAt: string }
  | { key: 'wordingRules'; value: WordingRule[]; fetchedAt: string }
  /** Where each user's pull of cases and reminders from the server continues. */
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

/**
 * Opens the extension's database. It lives in the background service worker only: in a
 * content script it would land in the CRM's origin, readable by the CRM's own scripts.
 */
export function openDb(name = 'lingting', options?: ConstructorParameters<typeof Dexie>[1]): LingtingDb {
  const db = new Dexie(name, options) as LingtingDb;
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
  return db;
}
