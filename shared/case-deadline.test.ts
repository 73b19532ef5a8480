import { describe, expect, it } from 'vitest';
import { caseDueAt, type DeadlineCase, metTimeLimits, nextDue } from './case-deadline';
import { DEFAULT_TIME_LIMITS } from './time-limits';
import { WorkCalendar } from './working-days';

// Thu 2026-12-31 10:00 Shanghai, before the New Year holiday; Sat 2027-01-02 is a make-up working day.
const calendar = WorkCalendar.parse({ holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'] });
const receivedAt = '2026-12-31T02:00:00.000Z';
const base: DeadlineCase = {
  status: 'open',
  channel: 'hotline',
  steps: [],
  categoryIds: ['sales'],
  severity: 'normal',
  groupId: undefined,
  receivedAt,
  commitments: [],
  dispatches: [],
};
const due = (c: Partial<DeadlineCase>) => caseDueAt({ ...base, ...c }, calendar, DEFAULT_TIME_LIMITS)?.toISOString();
const commitment = (dueAt: string, outcome: 'pending' | 'kept' | 'broken' = 'pending') => ({
  id: crypto.randomUUID(),
  what: '上门查看',
  dueText: '',
  dueAt,
  responsible: '',
  createdAt: receivedAt,
  outcome,
});
const dispatch = (dueAt: string, answered = false) => ({
  id: crypto.randomUUID(),
  departmentId: 'engineering',
  at: receivedAt,
  dueAt,
  note: '',
  ...(answered ? { result: { outcome: 'done' as const, at: receivedAt, note: '' } } : {}),
});

describe('the deadline the server keeps for a case', () => {
  it('is the dispatch limit of a new hotline case: half a working day', () => {
    expect(due({})).toBe('2026-12-31T06:30:00.000Z');
  });
  it('runs on halved limits for major and group complaints', () => {
    expect(due({ severity: 'major' })).toBe('2026-12-31T04:15:00.000Z');
    expect(due({ groupId: crypto.randomUUID() })).toBe('2026-12-31T04:15:00.000Z');
  });
  it('moves to the close limit once dispatched, counting the make-up Saturday and skipping the holiday', () => {
    expect(due({ dispatches: [dispatch('2027-01-20T10:00:00.000Z')] })).toBe('2027-01-11T10:00:00.000Z');
  });
  it('is an earlier pending promise or unanswered dispatch, never a kept or broken one', () => {
    const dispatched = { dispatches: [dispatch('2027-01-04T10:00:00.000Z')] };
    expect(due(dispatched)).toBe('2027-01-04T10:00:00.000Z');
    expect(due({ ...dispatched, commitments: [commitment('2027-01-02T10:00:00.000Z')] })).toBe('2027-01-02T10:00:00.000Z');
    expect(due({ ...dispatched, commitments: [commitment('2027-01-02T10:00:00.000Z', 'kept')] })).toBe('2027-01-04T10:00:00.000Z');
    expect(due({ dispatches: [dispatch('2027-01-04T10:00:00.000Z', true)] })).toBe('2027-01-11T10:00:00.000Z');
  });
  it('keeps a date already past: that is what makes the case overdue', () => {
    expect(due({ commitments: [commitment('2026-12-01T10:00:00.000Z')] })).toBe('2026-12-01T10:00:00.000Z');
  });
  it('is none once the case is closed', () => {
    expect(due({ status: 'closed', commitments: [commitment('2027-01-02T10:00:00.000Z')] })).toBeUndefined();
  });
  it('asks a relayed complaint for its first contact the same day until the agent has talked to the customer', () => {
    const relayed = { channel: 'property_relay' as const, dispatches: [dispatch('2027-01-20T10:00:00.000Z')] };
    expect(due(relayed)).toBe('2026-12-31T10:00:00.000Z');
    expect(metTimeLimits({ ...base, ...relayed })).not.toContain('first_contact');
    expect(due({ ...relayed, steps: [{ kind: 'done', step: 'vent', at: receivedAt }] })).toBe('2027-01-11T10:00:00.000Z');
  });
  it('gives engineering complaints their same-day site survey until the department answers', () => {
    const engineering = { categoryIds: ['engineering_repair'], dispatches: [dispatch('2027-01-20T10:00:00.000Z')] };
    expect(due(engineering)).toBe('2026-12-31T10:00:00.000Z');
    expect(due({ ...engineering, dispatches: [dispatch('2027-01-20T10:00:00.000Z', true)] })).toBe('2027-01-11T10:00:00.000Z');
  });
});

describe('what falls due next, as the sidebar shows it', () => {
  const allSteps = (['vent', 'apologise', 'propose', 'agree', 'follow_up'] as const).map((step) => ({ kind: 'done' as const, step, at: receivedAt }));
  const next = (c: Partial<DeadlineCase>) => nextDue({ ...base, ...c }, calendar, DEFAULT_TIME_LIMITS);

  it('names the kind: a time limit, a promise or a department report', () => {
    expect(next({})).toEqual({ kind: 'dispatch', dueAt: new Date('2026-12-31T06:30:00Z') });
    expect(next({ dispatches: [dispatch('2027-01-04T10:00:00.000Z')] })?.kind).toBe('department');
    expect(next({ steps: allSteps, commitments: [commitment('2026-12-31T08:00:00.000Z')] })).toEqual({ kind: 'promise', dueAt: new Date('2026-12-31T08:00:00Z') });
  });
  it('lets a call settled without a department skip dispatch and site survey: only the close remains', () => {
    expect(metTimeLimits({ ...base, categoryIds: ['engineering_repair'], steps: allSteps })).toEqual(['first_contact', 'dispatch', 'site_survey']);
    expect(next({ categoryIds: ['engineering_repair'], steps: allSteps })).toEqual({ kind: 'close', dueAt: new Date('2027-01-11T10:00:00Z') });
  });
});
