import type { Case } from './case';
import { STEP_ORDER } from './steps';
import { nextDeadline, type TimeLimitKind, type TimeLimits } from './time-limits';
import type { WorkCalendar } from './working-days';

/** The parts of a case its deadline is decided on. */
export type DeadlineCase = Pick<Case, 'status' | 'channel' | 'steps' | 'categoryIds' | 'severity' | 'groupId' | 'receivedAt' | 'commitments' | 'dispatches'>;

/** What falls due next on a case: a time limit, a promise made to the customer, or a department's report. */
export type DueKind = TimeLimitKind | 'promise' | 'department';
export interface NextDue {
  kind: DueKind;
  dueAt: Date;
}

/**
 * The time limits a case has already met, read from what it records. A call or a visit is the
 * first contact itself; a relayed or written complaint has made it once the agent worked through
 * a step with the customer. A dispatch meets the dispatch limit, and so does a call that ended
 * (all five steps closed) with nothing handed over, or a case awaiting its revisit: it was
 * settled without a department. A department's answer meets the site survey, as does a case
 * settled without one. Closing is never met before the case closes.
 */
export function metTimeLimits(c: DeadlineCase): TimeLimitKind[] {
  const met: TimeLimitKind[] = [];
  const settledWithoutDepartment = c.dispatches.length === 0 && (new Set(c.steps.map((s) => s.step)).size >= STEP_ORDER.length || c.status === 'awaiting_revisit');
  if (c.channel === 'hotline' || c.channel === 'walk_in' || c.steps.length > 0) met.push('first_contact');
  if (c.dispatches.length > 0 || settledWithoutDepartment) met.push('dispatch');
  if (c.dispatches.some((d) => d.result) || settledWithoutDepartment) met.push('site_survey');
  return met;
}

/**
 * The earliest thing due on a case that is not closed: its next time limit (halved for major and
 * group complaints), a pending promise, or a dispatch not answered yet. A time already past
 * stays: that is what makes the case overdue. The sidebar's timer and the server's `due_at`
 * both read it here.
 */
export function nextDue(c: DeadlineCase, calendar: WorkCalendar, limits: TimeLimits): NextDue | undefined {
  if (c.status === 'closed') return undefined;
  const limit = nextDeadline(
    calendar,
    limits,
    { categoryIds: c.categoryIds, severity: c.severity, grouped: c.groupId !== undefined, receivedAt: new Date(c.receivedAt) },
    metTimeLimits(c),
  );
  const candidates: NextDue[] = limit ? [limit] : [];
  for (const commitment of c.commitments) if (commitment.outcome === 'pending') candidates.push({ kind: 'promise', dueAt: new Date(commitment.dueAt) });
  for (const dispatch of c.dispatches) if (!dispatch.result) candidates.push({ kind: 'department', dueAt: new Date(dispatch.dueAt) });
  return candidates.reduce<NextDue | undefined>((soonest, x) => (!soonest || x.dueAt < soonest.dueAt ? x : soonest), undefined);
}

/** When the case is next due, as the server keeps it in `cases.due_at`; undefined once closed. */
export const caseDueAt = (c: DeadlineCase, calendar: WorkCalendar, limits: TimeLimits): Date | undefined => nextDue(c, calendar, limits)?.dueAt;
