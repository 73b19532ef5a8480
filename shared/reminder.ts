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
  /** What came of it, as the agent wrote when marking it done (absent on reminders from older builds). */
  outcome: plainText(500).optional(),
  /** The case commitment this reminder follows up, when a commitment made it. */
  commitmentId: Id.optional(),
});
export type Reminder = z.infer<typeof Reminder>;

/** The to-do snoozes a reminder offers: a few minutes, an hour, or tomorrow at 09:00 local time. */
export const SnoozePreset = z.enum(['10m', '1h', 'tomorrowMorning']);
export type SnoozePreset = z.infer<typeof SnoozePreset>;
