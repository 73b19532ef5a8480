import { z } from 'zod';
import { Id, Instant, plainText } from './primitives';

/** What a trainer scores, after the guide: listening, apology, solution, follow-through, attitude. */
export const RubricItem = z.enum(['listening', 'apology', 'solution', 'follow_through', 'attitude']);
export type RubricItem = z.infer<typeof RubricItem>;

/** A trainer's review of one handled case: a 1–5 score per rubric item and comments. */
export const Review = z.object({
  id: Id,
  caseId: Id,
  reviewerId: Id,
  scores: z.record(RubricItem, z.int().min(1).max(5)),
  comment: plainText(4000),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Review = z.infer<typeof Review>;
