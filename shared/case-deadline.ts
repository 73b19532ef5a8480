import type { Case } from './case';
import { nextDeadline, type TimeLimitKind, type TimeLimits } from './time-limits';
import type { WorkCalendar } from './working-days';

/** The parts of a case its deadline is decided on. */
export type DeadlineCase = Pick<Case, 'status' | 'channel' | 'steps' | 'categoryIds' | 'severity' | 'groupId' | 'receivedAt' | 'commitments' | 'dispatches'>;

/**
 * The time limits a case has already met, read from what it records. A call or a visit is the
 * first contact itself; a relayed or written complaint has made it once the agent worked through
 * a step with the customer. A dispatch, or a case handled without one (awaiting its revisit),
 * meets the dispatch limit; a department's answer meets the site survey. Closing is never met
 * before the case closes.
 */
export function metTimeLimits(c: DeadlineCase): TimeLimitKind[] {
  const met: TimeLimitKind[] = [];
  if (c.channel === 'hotline' || c.channel === 'walk_in' || c.steps.length > 0) met.push('first_contact');
  if (c.dispatches.length > 0 || c.status === 'awaiting_revisit') met.push('dispatch');
  if (c.dispatches.some((d) => d.result) || c.status === 'awaiting_revisit') met.push('site_survey');
  return met;
}

/**
 * When the case is next due, as the server keeps it in `cases.due_at`: the earliest of its
 * pending promises, its dispatches not answered yet and its next time limit (halved for major
 * and group complaints). Undefined once the case is closed. A date already past stays: that is
 * what makes the case overdue.
 */
export function caseDueAt(c: DeadlineCase, calendar: WorkCalendar, limits: TimeLimits): Date | undefined {
  if (c.status === 'closed') return undefined;
  let earliest = nextDeadline(
    calendar,
    limits,
    { categoryIds: c.categoryIds, severity: c.severity, grouped: c.groupId !== undefined, receivedAt: new Date(c.receivedAt) },
    metTimeLimits(c),
  )?.dueAt;
  const consider = (instant: string) => {
    const at = new Date(instant);
    if (!earliest || at < earliest) earliest = at;
  };
  for (const commitment of c.commitments) if (commitment.outcome === 'pending') consider(commitment.dueAt);
  for (const dispatch of c.dispatches) if (!dispatch.result) consider(dispatch.dueAt);
  return earliest;
}
