import { describe, expect, it } from 'vitest';
import type { Case } from './case';
import { limitsMet, nextDue } from './next-due';
import { DEFAULT_TIME_LIMITS } from './time-limits';
import { WorkCalendar } from './working-days';

const calendar = WorkCalendar.parse({ holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'] });
const base: Parameters<typeof nextDue>[0] = {
  categoryIds: ['engineering_repair'],
  severity: 'normal',
  receivedAt: '2026-12-31T02:00:00.000Z', // Thu 10:00 Shanghai
  steps: [],
  status: 'open',
  commitments: [],
  dispatches: [],
};
const done = (step: Case['steps'][number]['step']) => ({ kind: 'done' as const, step, at: '2026-12-31T02:10:00.000Z' });
const allSteps = (['vent', 'apologise', 'propose', 'agree', 'follow_up'] as const).map(done);

describe('what falls due next on a case', () => {
  it('runs the time limits until each is met', () => {
    expect(nextDue(base, calendar, DEFAULT_TIME_LIMITS)).toEqual({ kind: 'dispatch', dueAt: new Date('2026-12-31T06:30:00Z') });
    // Talking to the customer meets first contact; the site survey still falls due today.
    expect(limitsMet({ ...base, steps: [done('vent')] })).toEqual(['first_contact']);
    const dispatched = { ...base, steps: allSteps, dispatches: [{ id: crypto.randomUUID(), departmentId: 'engineering', at: base.receivedAt, dueAt: '2027-01-05T10:00:00.000Z', note: '' }] };
    expect(nextDue(dispatched, calendar, DEFAULT_TIME_LIMITS)).toEqual({ kind: 'site_survey', dueAt: new Date('2026-12-31T10:00:00Z') });
  });

  it('puts a promise or a department report before a later limit', () => {
    const promised = {
      ...base,
      steps: allSteps,
      commitments: [{ id: crypto.randomUUID(), what: '上门查看', dueText: '', dueAt: '2026-12-31T08:00:00.000Z', responsible: '', createdAt: base.receivedAt, outcome: 'pending' as const }],
    };
    expect(nextDue(promised, calendar, DEFAULT_TIME_LIMITS)).toEqual({ kind: 'promise', dueAt: new Date('2026-12-31T08:00:00Z') });
    const kept = { ...promised, commitments: promised.commitments.map((c) => ({ ...c, outcome: 'kept' as const })) };
    // Call over, nothing dispatched, promise kept: only the close remains (7 working days; the holiday skipped, the make-up Saturday counted).
    expect(nextDue(kept, calendar, DEFAULT_TIME_LIMITS)).toEqual({ kind: 'close', dueAt: new Date('2027-01-11T10:00:00Z') });
  });

  it('halves for a group complaint, and nothing is due once closed', () => {
    expect(nextDue({ ...base, groupId: crypto.randomUUID() }, calendar, DEFAULT_TIME_LIMITS)?.dueAt).toEqual(new Date('2026-12-31T04:15:00Z'));
    expect(nextDue({ ...base, status: 'closed' }, calendar, DEFAULT_TIME_LIMITS)).toBeUndefined();
  });
});
