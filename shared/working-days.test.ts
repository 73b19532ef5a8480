import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  calendarIsWeekendsOnly,
  DEFAULT_WORK_CALENDAR,
  endOfWorkingDay,
  isWorkingDay,
  parseDuePhrase,
  WorkCalendar,
} from './working-days';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
// New Year 2027 in Shanghai (UTC+8): Fri 2027-01-01 off, Sat 2027-01-02 worked in exchange.
const newYear = WorkCalendar.parse({ holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'] });

beforeEach(() => {
  vi.useFakeTimers();
  // A clock far from every case below: nothing may read it.
  vi.setSystemTime(new Date('2030-06-15T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the calendar schema', () => {
  it('defaults to weekends only, 09:00–18:00 in Asia/Shanghai', () => {
    expect(DEFAULT_WORK_CALENDAR).toEqual({ timeZone: 'Asia/Shanghai', holidays: [], makeUpWorkdays: [], workdayStart: '09:00', workdayEnd: '18:00' });
    expect(calendarIsWeekendsOnly(DEFAULT_WORK_CALENDAR)).toBe(true);
    expect(calendarIsWeekendsOnly(newYear)).toBe(false);
  });
  it('sorts and deduplicates dates, refuses a date that is both, bad dates, zones and hours', () => {
    expect(WorkCalendar.parse({ holidays: ['2027-02-11', '2027-01-01', '2027-02-11'] }).holidays).toEqual(['2027-01-01', '2027-02-11']);
    const both = WorkCalendar.safeParse({ holidays: ['2027-01-02'], makeUpWorkdays: ['2027-01-02'] });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['makeUpWorkdays', 0]);
    expect(WorkCalendar.safeParse({ holidays: ['2027-02-30'] }).success).toBe(false);
    expect(WorkCalendar.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(WorkCalendar.safeParse({ workdayStart: '18:00', workdayEnd: '09:00' }).success).toBe(false);
    expect(WorkCalendar.safeParse({ holidays: Array.from({ length: 401 }, () => '2027-01-01') }).success).toBe(false);
  });
});

describe('working days', () => {
  it('are Mon–Fri, minus holidays, plus make-up days', () => {
    expect(isWorkingDay(newYear, '2026-12-31')).toBe(true); // Thursday
    expect(isWorkingDay(newYear, '2027-01-01')).toBe(false); // holiday Friday
    expect(isWorkingDay(newYear, '2027-01-02')).toBe(true); // make-up Saturday
    expect(isWorkingDay(newYear, '2027-01-03')).toBe(false); // Sunday
    expect(isWorkingDay(DEFAULT_WORK_CALENDAR, '2027-01-02')).toBe(false);
  });

  it('the issue case: "site visit within 3 working days" promised Thu 2026-12-31 before the New Year holiday', () => {
    // Counted: Sat 01-02 (make-up), Mon 01-04, Tue 01-05; skipped: the holiday Friday and Sunday.
    const promisedAt = at('2026-12-31T03:00:00Z'); // 11:00 in Shanghai
    expect(iso(addWorkingDays(newYear, promisedAt, 3))).toBe('2027-01-05T10:00:00.000Z');
    // Without the make-up day, Saturday is a weekend day too: Mon, Tue, Wed.
    const noMakeUp = WorkCalendar.parse({ holidays: ['2027-01-01'] });
    expect(iso(addWorkingDays(noMakeUp, promisedAt, 3))).toBe('2027-01-06T10:00:00.000Z');
  });

  it('skip weekends and cross the end of the year', () => {
    // Friday 2026-12-25 16:00 Shanghai + 1 → Monday 12-28; + 5 → Friday 2027-01-01 (no holidays set).
    expect(iso(addWorkingDays(DEFAULT_WORK_CALENDAR, at('2026-12-25T08:00:00Z'), 1))).toBe('2026-12-28T10:00:00.000Z');
    expect(iso(addWorkingDays(DEFAULT_WORK_CALENDAR, at('2026-12-25T08:00:00Z'), 5))).toBe('2027-01-01T10:00:00.000Z');
    // From a Saturday, the first working day is Monday.
    expect(iso(addWorkingDays(DEFAULT_WORK_CALENDAR, at('2026-12-26T02:00:00Z'), 1))).toBe('2026-12-28T10:00:00.000Z');
  });

  it('count the day in the calendar time zone, not in UTC', () => {
    // 2026-12-31T20:00Z is already Friday 2027-01-01 04:00 in Shanghai, but still Thursday in New York.
    const instant = at('2026-12-31T20:00:00Z');
    expect(iso(addWorkingDays(DEFAULT_WORK_CALENDAR, instant, 1))).toBe('2027-01-04T10:00:00.000Z');
    const newYork = WorkCalendar.parse({ timeZone: 'America/New_York' });
    // Friday 2027-01-01 18:00 EST = 23:00Z.
    expect(iso(addWorkingDays(newYork, instant, 1))).toBe('2027-01-01T23:00:00.000Z');
    // Across a DST change: Fri 2027-03-12 + 1 → Mon 03-15 18:00 EDT = 22:00Z.
    expect(iso(addWorkingDays(newYork, at('2027-03-12T15:00:00Z'), 1))).toBe('2027-03-15T22:00:00.000Z');
  });

  it('refuse a fractional or negative count', () => {
    expect(() => addWorkingDays(DEFAULT_WORK_CALENDAR, at('2026-12-25T08:00:00Z'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(DEFAULT_WORK_CALENDAR, at('2026-12-25T08:00:00Z'), -1)).toThrow(RangeError);
  });
});

describe('working hours', () => {
  it('half a working day fits the day or carries over to the next working day', () => {
    // Thu 10:00 Shanghai + 4.5 h → 14:30.
    expect(iso(addWorkingHours(newYear, at('2026-12-31T02:00:00Z'), 4.5))).toBe('2026-12-31T06:30:00.000Z');
    // Thu 16:00 + 4.5 h: 2 h today, 2.5 h on the make-up Saturday from 09:00 → 11:30.
    expect(iso(addWorkingHours(newYear, at('2026-12-31T08:00:00Z'), 4.5))).toBe('2027-01-02T03:30:00.000Z');
    // Before opening: counted from 09:00. After closing: from the next working day's 09:00.
    expect(iso(addWorkingHours(DEFAULT_WORK_CALENDAR, at('2026-12-28T23:00:00Z'), 1))).toBe('2026-12-29T02:00:00.000Z');
    expect(iso(addWorkingHours(DEFAULT_WORK_CALENDAR, at('2026-12-25T11:00:00Z'), 1))).toBe('2026-12-28T02:00:00.000Z');
    // Exactly a day's hours ends at the day's end, not the next morning.
    expect(iso(addWorkingHours(DEFAULT_WORK_CALENDAR, at('2026-12-28T01:00:00Z'), 9))).toBe('2026-12-28T10:00:00.000Z');
  });
});

describe('the same-day limit', () => {
  it('is today’s end, or the next working day’s when late or on a day off', () => {
    expect(iso(endOfWorkingDay(newYear, at('2026-12-31T02:00:00Z')))).toBe('2026-12-31T10:00:00.000Z');
    expect(iso(endOfWorkingDay(newYear, at('2026-12-31T11:00:00Z')))).toBe('2027-01-02T10:00:00.000Z');
    expect(iso(endOfWorkingDay(newYear, at('2027-01-01T03:00:00Z')))).toBe('2027-01-02T10:00:00.000Z');
  });
});

describe('due phrases', () => {
  const thursday = at('2026-12-31T03:00:00Z'); // Thu 11:00 Shanghai
  const parse = (text: string, now = thursday) => parseDuePhrase(newYear, now, text);
  it('reads working days in three languages', () => {
    for (const text of ['within 3 working days', '3 working days', '3个工作日内', '3個工作天內', '三个工作日内', '３個工作日內']) {
      expect(parse(text)).toEqual({ ok: true, dueAt: at('2027-01-05T10:00:00Z'), kind: 'working_days' });
    }
  });
  it('reads a weekday and time: the soonest one still ahead', () => {
    for (const text of ['by Friday 12:00', '周五12:00前', '週五12:00前', '星期五 12:00 之前']) {
      expect(parse(text)).toEqual({ ok: true, dueAt: at('2027-01-01T04:00:00Z'), kind: 'weekday' });
    }
    // On a Thursday at 11:00, "Thursday 10:00" is next week's; "Thursday 15:00" is today's.
    expect(parse('by Thursday 10:00')).toEqual({ ok: true, dueAt: at('2027-01-07T02:00:00Z'), kind: 'weekday' });
    expect(parse('周四15:00前')).toEqual({ ok: true, dueAt: at('2026-12-31T07:00:00Z'), kind: 'weekday' });
    expect(parse('by Monday')).toEqual({ ok: true, dueAt: at('2027-01-04T10:00:00Z'), kind: 'weekday' });
  });
  it('reads clock hours and explicit dates', () => {
    for (const text of ['within 2 hours', '2小时内', '2小時內', '两个小时内']) {
      expect(parse(text)).toEqual({ ok: true, dueAt: at('2026-12-31T05:00:00Z'), kind: 'hours' });
    }
    expect(parse('2027-01-08')).toEqual({ ok: true, dueAt: at('2027-01-08T10:00:00Z'), kind: 'date' });
    expect(parse('2027-01-08 15:00')).toEqual({ ok: true, dueAt: at('2027-01-08T07:00:00Z'), kind: 'date' });
  });
  it('refuses what it cannot read, impossible times and times already past', () => {
    for (const text of ['soon', '', 'by Friday 25:00', '2027-02-30', '2026-12-30', '0 working days', 'within 3 days']) {
      expect(parse(text)).toEqual({ ok: false });
    }
  });
});
