import { z } from 'zod';
import { Id, Instant, plainText } from './primitives';

export const ReminderStatus = z.enum(['pending', 'fired', 'done', 'cancelled']);

/** A follow-up the agent promised: it fires at `dueAt` even with the server unreachable. */
export const Reminder = z.object({
  id: Id,
  caseId: Id,
  dueAt: Instant,
  note: plainText(500),
  status: ReminderStatus,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Reminder = z.infer<typeof Reminder>;
