import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS, dueFor, halved, nextDeadline } from './time-limits';
import { WorkCalendar } from './working-days';

const calendar = WorkCalendar.parse({ holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'] });
const receivedAt = new Date('2026-12-31T02:00:00Z'); // Thu 10:00 Shanghai
const normal = { categoryIds: ['sales'], severity: 'normal' as const, grouped: false, receivedAt };

describe('time limits', () => {
  it('halves: same_day stays, whole days stay days, half days become hours', () => {
    expect(halved({ amount: 0, unit: 'same_day' })).toEqual({ amount: 0, unit: 'same_day' });
    expect(halved({ amount: 4, unit: 'working_days' })).toEqual({ amount: 2, unit: 'working_days' });
    expect(halved({ amount: 7, unit: 'working_days' })).toEqual({ amount: 31.5, unit: 'working_hours' });
    expect(halved({ amount: 4.5, unit: 'working_hours' })).toEqual({ amount: 2.25, unit: 'working_hours' });
  });
  it('gives the defaults for a normal case', () => {
    const due = (kind: Parameters<typeof dueFor>[3]) => dueFor(calendar, DEFAULT_TIME_LIMITS, normal, kind)?.toISOString();
    expect(due('first_contact')).toBe('2026-12-31T10:00:00.000Z');
    expect(due('dispatch')).toBe('2026-12-31T06:30:00.000Z');
    expect(due('site_survey')).toBeUndefined();
    // Sat 01-02, Mon 01-04 … Fri 01-08, Mon 01-11: the 7th working day.
    expect(due('close')).toBe('2027-01-11T10:00:00.000Z');
  });
  it('takes the strictest over categories and halves major and group complaints', () => {
    const both = { ...normal, categoryIds: ['sales', 'engineering_repair'] };
    expect(dueFor(calendar, DEFAULT_TIME_LIMITS, both, 'site_survey')?.toISOString()).toBe('2026-12-31T10:00:00.000Z');
    // 31.5 working hours from Thu 10:00: 8 h Thu, 9 h Sat, 9 h Mon, 5.5 h Tue → 14:30.
    expect(dueFor(calendar, DEFAULT_TIME_LIMITS, { ...normal, severity: 'major' }, 'close')?.toISOString()).toBe('2027-01-05T06:30:00.000Z');
    expect(dueFor(calendar, DEFAULT_TIME_LIMITS, { ...normal, grouped: true }, 'dispatch')?.toISOString()).toBe('2026-12-31T04:15:00.000Z');
    const strictSales = { ...DEFAULT_TIME_LIMITS, sales: { close: { amount: 2, unit: 'working_days' as const } } };
    expect(dueFor(calendar, strictSales, { ...normal, categoryIds: ['sales', 'payment'] }, 'close')?.toISOString()).toBe('2027-01-04T10:00:00.000Z');
  });
  it('names the earliest deadline not yet met', () => {
    expect(nextDeadline(calendar, DEFAULT_TIME_LIMITS, normal, [])).toEqual({ kind: 'dispatch', dueAt: new Date('2026-12-31T06:30:00Z') });
    expect(nextDeadline(calendar, DEFAULT_TIME_LIMITS, normal, ['dispatch'])?.kind).toBe('first_contact');
    expect(nextDeadline(calendar, DEFAULT_TIME_LIMITS, normal, ['dispatch', 'first_contact'])?.kind).toBe('close');
    expect(nextDeadline(calendar, DEFAULT_TIME_LIMITS, normal, ['dispatch', 'first_contact', 'close'])).toBeUndefined();
  });
});
