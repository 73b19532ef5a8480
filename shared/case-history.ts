import { z } from 'zod';
import { CaseStatus, Severity } from './case';
import { CategoryId } from './category';
import { Id, Instant, plainText } from './primitives';

/**
 * One earlier complaint of the customer on the line, as the sidebar lists it: what it was about
 * and how it stands, not who handled it or the customer's details.
 */
export const CaseHistoryItem = z.object({
  id: Id,
  receivedAt: Instant,
  categoryIds: z.array(CategoryId),
  status: CaseStatus,
  severity: Severity,
  summary: plainText(2000),
});
export type CaseHistoryItem = z.infer<typeof CaseHistoryItem>;

/**
 * The digits of a phone number however it was spelled (`138 0013 8000`, `(138) 0013-8000`,
 * full-width `１３８…`): what history matches on and what masking counts.
 */
export const phoneDigits = (phone: string): string => phone.normalize('NFKC').replace(/\D/g, '');

/** GET /api/case-history?phone=: any spelling of the number; only its digits count. */
export const CaseHistoryQuery = z.object({
  phone: plainText(40).refine((phone) => phoneDigits(phone).length >= 5, { message: 'at least 5 digits' }),
});
export const CaseHistoryResponse = z.object({ cases: z.array(CaseHistoryItem) });
