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
  agentId: Id.optional(),
  categoryId: CategoryId.optional(),
  project: plainText(100).trim().min(1).optional(),
  status: CaseStatus.optional(),
  severity: Severity.optional(),
  receivedFrom: Instant.optional(),
  receivedBefore: Instant.optional(),
  /** `true`: only cases with a follow-up reminder that is due and still pending. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().min(1).max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListResponse = z.object({ cases: z.array(StoredCase), nextCursor: z.string().nullable() });
export type CaseListResponse = z.infer<typeof CaseListResponse>;

export const ReminderList = z.object({ reminders: z.array(Reminder) });
