import { z } from 'zod';
import { CaseStatus, Severity, StoredCase } from './case';
import { CategoryId } from './category';
import { Id, Instant, plainText } from './primitives';
import { Reminder } from './reminder';

/**
 * GET /api/cases: filters, full-text search and a cursor. Every filter narrows; agents only
 * ever see their own cases, whatever `agentId` says.
 */
export const CaseListQuery = z.object({
  /** Substring of the customer's name or phone, the summary or the notes; any length, Chinese included. */
  q: plainText(100).trim().optional(),
  /** Only cases logged by this agent; absent means every agent's. */
  agentId: Id.optional(),
  /** Filed under this category id (exactly; a parent does not include its children). */
  categoryId: CategoryId.optional(),
  /** The customer's project (楼盘) exactly as captured. */
  project: plainText(100).trim().min(1).optional(),
  status: CaseStatus.optional(),
  severity: Severity.optional(),
  /** receivedAt at or after this instant (any ISO offset). */
  receivedFrom: Instant.optional(),
  /** receivedAt strictly before this instant (any ISO offset). */
  receivedBefore: Instant.optional(),
  /**
   * `true`: only overdue cases: a follow-up reminder due and still pending, or, for a case not
   * closed, its own next deadline (a pending promise, an unanswered dispatch, a time limit) passed.
   */
  overdue: z.enum(['true', 'false']).optional(),
  /** Page size; 50 when absent. */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/**
 * One page, newest received first. `nextCursor` is null on the last page only: a page may hold
 * fewer than `limit` cases, even none, and still go on, because an agent's page examines a
 * bounded number of their cases (see plugin-server/src/store/kysely/cases.ts).
 */
export const CaseListResponse = z.object({ cases: z.array(StoredCase), nextCursor: z.string().nullable() });
export type CaseListResponse = z.infer<typeof CaseListResponse>;

/** GET /api/cases/:id. */
export const CaseResponse = z.object({ case: StoredCase });

export const ReminderList = z.object({ reminders: z.array(Reminder) });
