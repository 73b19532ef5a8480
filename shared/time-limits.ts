import { z } from 'zod';
import { CategoryId } from './category';
import { addWorkingDays, addWorkingHours, endOfWorkingDay, type WorkCalendar, workdayHours } from './working-days';

/** The deadlines a complaint runs against. */
export const TimeLimitKind = z.enum(['first_contact', 'dispatch', 'site_survey', 'close']);
export type TimeLimitKind = z.infer<typeof TimeLimitKind>;
export const TimeLimitUnit = z.enum(['working_days', 'working_hours', 'same_day']);
export type TimeLimitUnit = z.infer<typeof TimeLimitUnit>;

/** How long one deadline allows; `amount` is ignored for `same_day`. Halves keep it exact. */
export const TimeLimitSpec = z.object({ amount: z.number().min(0).max(365).multipleOf(0.5), unit: TimeLimitUnit });
export type TimeLimitSpec = z.infer<typeof TimeLimitSpec>;
export type TimeLimit = TimeLimitSpec & { kind: TimeLimitKind };

/** Per category id (or `*`, every category without its own) → per kind. */
export const TimeLimits = z.record(z.union([z.literal('*'), CategoryId]), z.partialRecord(TimeLimitKind, TimeLimitSpec));
export type TimeLimits = z.infer<typeof TimeLimits>;

/**
 * Defaults from the hotline figures in DOMAIN.md: contact the customer the same day; dispatch
 * within half a working day, 4.5 working hours being half of the 09:00–18:00 (9-hour) day;
 * engineering-quality complaints surveyed on site the same day; closed within 7 working days.
 */
export const DEFAULT_TIME_LIMITS: TimeLimits = {
  '*': {
    first_contact: { amount: 0, unit: 'same_day' },
    dispatch: { amount: 4.5, unit: 'working_hours' },
    close: { amount: 7, unit: 'working_days' },
  },
  housing_quality: { site_survey: { amount: 0, unit: 'same_day' } },
  engineering_repair: { site_survey: { amount: 0, unit: 'same_day' } },
};

/**
 * The green channel's limit for major and group complaints. `same_day` stays `same_day`: it is
 * already the tightest limit counted in days, and halving it to hours could end it later than
 * today's close. Working days halve to working days when whole, else to working hours of a
 * `dayHours`-long day (7 → 3.5 days → 31.5 h of a 9-hour day).
 */
export function halved(limit: TimeLimitSpec, dayHours = 9): TimeLimitSpec {
  if (limit.unit === 'same_day') return limit;
  const half = limit.amount / 2;
  if (limit.unit === 'working_days') return Number.isInteger(half) ? { amount: half, unit: 'working_days' } : { amount: half * dayHours, unit: 'working_hours' };
  return { amount: half, unit: 'working_hours' };
}

/** What the deadlines of a case depend on. */
export interface TimedCase {
  categoryIds: readonly string[];
  severity: 'normal' | 'major';
  grouped: boolean;
  receivedAt: Date;
}

function apply(calendar: WorkCalendar, limit: TimeLimitSpec, from: Date): Date {
  if (limit.unit === 'same_day') return endOfWorkingDay(calendar, from);
  if (limit.unit === 'working_hours') return addWorkingHours(calendar, from, limit.amount);
  return Number.isInteger(limit.amount) ? addWorkingDays(calendar, from, limit.amount) : addWorkingHours(calendar, from, limit.amount * workdayHours(calendar));
}

/** The case's deadline of `kind`, the strictest over its categories (each falling back to `*`); undefined when none applies. */
export function dueFor(calendar: WorkCalendar, limits: TimeLimits, c: TimedCase, kind: TimeLimitKind): Date | undefined {
  const keys = c.categoryIds.length > 0 ? c.categoryIds : ['*'];
  let earliest: Date | undefined;
  for (const key of keys) {
    const spec = limits[key]?.[kind] ?? limits['*']?.[kind];
    if (!spec) continue;
    const limit = c.severity === 'major' || c.grouped ? halved(spec, workdayHours(calendar)) : spec;
    const due = apply(calendar, limit, c.receivedAt);
    if (!earliest || due < earliest) earliest = due;
  }
  return earliest;
}

/** The earliest deadline among the kinds not yet met, or undefined when none is left. */
export function nextDeadline(
  calendar: WorkCalendar,
  limits: TimeLimits,
  c: TimedCase,
  met: readonly TimeLimitKind[],
): { kind: TimeLimitKind; dueAt: Date } | undefined {
  let next: { kind: TimeLimitKind; dueAt: Date } | undefined;
  for (const kind of TimeLimitKind.options) {
    if (met.includes(kind)) continue;
    const dueAt = dueFor(calendar, limits, c, kind);
    if (dueAt && (!next || dueAt < next.dueAt)) next = { kind, dueAt };
  }
  return next;
}
