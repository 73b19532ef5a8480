import type { Case } from './case';
import { nextDeadline, type TimeLimitKind, type TimeLimits } from './time-limits';
import type { WorkCalendar } from './working-days';

/** What falls due next on a case: a time limit, a promise made to the customer, or a department's report. */
export type DueKind = TimeLimitKind | 'promise' | 'department';
export interface NextDue {
  kind: DueKind;
  dueAt: Date;
}

type DueCase = Pick<Case, 'categoryIds' | 'severity' | 'groupId' | 'receivedAt' | 'steps' | 'status' | 'commitments' | 'dispatches'>;

/**
 * The time limits a case has already met. First contact: the agent has worked a step with the
 * customer. Dispatch: it was handed over, or the call ended with every step closed and nothing to
 * hand over. Site survey: a department reported back. Close: closed.
 */
export function limitsMet(record: DueCase): TimeLimitKind[] {
  const met: TimeLimitKind[] = [];
  if (record.steps.length > 0) met.push('first_contact');
  const callEnded = new Set(record.steps.map((s) => s.step)).size >= 5;
  if (record.dispatches.length > 0 || callEnded) met.push('dispatch');
  if (record.dispatches.some((d) => d.result) || (callEnded && record.dispatches.length === 0)) met.push('site_survey');
  if (record.status === 'closed') met.push('close');
  return met;
}

/**
 * The earliest thing due on a case that is not closed: its next time limit (halved for major and
 * group complaints), a pending promise, or a dispatch not yet answered. The same answer drives the
 * sidebar's timer and the server's overdue mark.
 */
export function nextDue(record: DueCase, calendar: WorkCalendar, limits: TimeLimits): NextDue | undefined {
  if (record.status === 'closed') return undefined;
  const candidates: NextDue[] = [];
  const limit = nextDeadline(
    calendar,
    limits,
    { categoryIds: record.categoryIds, severity: record.severity, grouped: Boolean(record.groupId), receivedAt: new Date(record.receivedAt) },
    limitsMet(record),
  );
  if (limit) candidates.push(limit);
  for (const c of record.commitments) if (c.outcome === 'pending') candidates.push({ kind: 'promise', dueAt: new Date(c.dueAt) });
  for (const d of record.dispatches) if (!d.result) candidates.push({ kind: 'department', dueAt: new Date(d.dueAt) });
  return candidates.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
}
