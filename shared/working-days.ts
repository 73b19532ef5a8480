import { z } from 'zod';

// The working-day calendar behind every time limit. Pure: instants come in as parameters, never
// from the clock. Local dates and times are those of the calendar's IANA time zone, computed
// with Intl.DateTimeFormat (no date library).

/** A calendar date, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such date');
export type IsoDate = z.infer<typeof IsoDate>;

/** A time of day, `HH:MM`, 00:00–23:59. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** At most this many special dates of each kind: about ten years of holidays. */
export const MAX_CALENDAR_DATES = 400;

const dateList = z
  .array(IsoDate)
  .max(MAX_CALENDAR_DATES)
  .overwrite((dates) => [...new Set(dates)].sort());

/**
 * Which days are worked and when. Mon–Fri are working days unless listed as holidays; a Saturday
 * or Sunday is one only when listed as a make-up working day (调休). Lists come out sorted, unique.
 */
export const WorkCalendar = z
  .object({
    timeZone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
    holidays: dateList.default([]),
    makeUpWorkdays: dateList.default([]),
    workdayStart: TimeOfDay.default('09:00'),
    workdayEnd: TimeOfDay.default('18:00'),
  })
  .superRefine((calendar, ctx) => {
    const holidays = new Set(calendar.holidays);
    for (const [i, date] of calendar.makeUpWorkdays.entries()) {
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', i], message: 'a date cannot be both a holiday and a make-up working day' });
    }
    if (calendar.workdayStart >= calendar.workdayEnd) {
      ctx.addIssue({ code: 'custom', path: ['workdayEnd'], message: 'the working day must end after it starts' });
    }
  });
export type WorkCalendar = z.infer<typeof WorkCalendar>;

/** The calendar of a server nobody configured: weekends only, 09:00–18:00 in Asia/Shanghai. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = WorkCalendar.parse({});

/** True when no holiday or make-up day is set: UIs say limits count only weekends as days off. */
export const calendarIsWeekendsOnly = (calendar: WorkCalendar): boolean =>
  calendar.holidays.length === 0 && calendar.makeUpWorkdays.length === 0;

// ---- time-zone arithmetic ------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  date: IsoDate;
  /** Minutes since local midnight. */
  minutes: number;
  /** The local wall time read as if it were UTC, in ms: for the zone's offset. */
  wallMs: number;
}

function localParts(timeZone: string, instant: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const [y, mo, d, h, mi, s] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number) as number[];
  return {
    date: `${String(y).padStart(4, '0')}-${parts.month}-${parts.day}`,
    minutes: h! * 60 + mi!,
    wallMs: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!),
  };
}

/** The local calendar date of `instant` in the time zone. */
export const localDate = (timeZone: string, instant: Date): IsoDate => localParts(timeZone, instant).date;

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The instant at local `date` + `minutes` in the time zone (on a DST gap, the later side). */
export function zonedInstant(timeZone: string, date: IsoDate, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // Two rounds settle the offset even when the first guess lands across a DST change.
  let guess = wall;
  for (let round = 0; round < 2; round++) {
    const offset = localParts(timeZone, new Date(guess)).wallMs - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

// ---- working days ----------------------------------------------------------------------------

/** A search for the next working day gives up after this many days (a calendar of all holidays). */
const MAX_DAYS_SEARCHED = 3700;

/** Mon–Fri unless a holiday; Sat/Sun only when a make-up working day. */
export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.makeUpWorkdays.includes(date)) return true;
  const day = weekday(date);
  return day >= 1 && day <= 5;
}

/** The first working day strictly after `date`. */
function nextWorkingDay(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let at = date;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    at = addDays(at, 1);
    if (isWorkingDay(calendar, at)) return at;
  }
  throw new RangeError('no working day in the calendar for ten years');
}

const endOf = (calendar: WorkCalendar, date: IsoDate) => zonedInstant(calendar.timeZone, date, toMinutes(calendar.workdayEnd));
const startOf = (calendar: WorkCalendar, date: IsoDate) => zonedInstant(calendar.timeZone, date, toMinutes(calendar.workdayStart));

/** Length of the working day in hours (9 for 09:00–18:00). */
export const workdayHours = (calendar: WorkCalendar): number => (toMinutes(calendar.workdayEnd) - toMinutes(calendar.workdayStart)) / 60;

/**
 * "Within `n` working days" of `from`: the end of the `n`th working day after the local day of
 * `from` (that day itself does not count, worked or not). `n` = 0 is the same-day limit.
 */
export function addWorkingDays(calendar: WorkCalendar, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  if (n === 0) return endOfWorkingDay(calendar, from);
  let day = localDate(calendar.timeZone, from);
  for (let i = 0; i < n; i++) day = nextWorkingDay(calendar, day);
  return endOf(calendar, day);
}

/**
 * `hours` of working time after `from`, counted only between workdayStart and workdayEnd of
 * working days; what does not fit today carries over to the next working day's start.
 */
export function addWorkingHours(calendar: WorkCalendar, from: Date, hours: number): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('hours must be ≥ 0');
  const tz = calendar.timeZone;
  const { date, minutes } = localParts(tz, from);
  let day = date;
  let cursor: Date;
  if (isWorkingDay(calendar, day) && minutes < toMinutes(calendar.workdayEnd)) {
    cursor = minutes < toMinutes(calendar.workdayStart) ? startOf(calendar, day) : from;
  } else {
    day = nextWorkingDay(calendar, day);
    cursor = startOf(calendar, day);
  }
  let remaining = hours * 3_600_000;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    const available = endOf(calendar, day).getTime() - cursor.getTime();
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    day = nextWorkingDay(calendar, day);
    cursor = startOf(calendar, day);
  }
  throw new RangeError('too many working hours');
}

/** The same-day limit: today's workdayEnd, or the next working day's when past it or not a working day. */
export function endOfWorkingDay(calendar: WorkCalendar, instant: Date): Date {
  const { date, minutes } = localParts(calendar.timeZone, instant);
  if (isWorkingDay(calendar, date) && minutes < toMinutes(calendar.workdayEnd)) return endOf(calendar, date);
  return endOf(calendar, nextWorkingDay(calendar, date));
}

// ---- due phrases ---------------------------------------------------------------------------

/** What a due phrase meant: a count of working days, a weekday and time, clock hours, a date. */
export type DuePhraseKind = 'working_days' | 'weekday' | 'hours' | 'date';
export type DuePhrase = { ok: true; dueAt: Date; kind: DuePhraseKind } | { ok: false };

const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const NUMBER = '(\\d{1,3}|[一二两兩三四五六七八九十])';
const toNumber = (s: string) => CHINESE_NUMBERS[s] ?? Number(s);

const ENGLISH_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CHINESE_DAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

const PATTERNS: { re: RegExp; kind: 'working_days' | 'hours' }[] = [
  { re: new RegExp(`^(?:within )?${NUMBER} working days?$`), kind: 'working_days' },
  { re: new RegExp(`^${NUMBER} ?(?:个|個)?工作(?:日|天)(?:内|內|之内|之內)?$`), kind: 'working_days' },
  { re: new RegExp(`^(?:within )?${NUMBER} ?(?:hours?|hrs?)$`), kind: 'hours' },
  { re: new RegExp(`^${NUMBER} ?(?:个|個)?(?:小时|小時|钟头|鐘頭)(?:内|內|之内|之內)?$`), kind: 'hours' },
];

/**
 * Reads a promise's due phrase in English, Simplified or Traditional Chinese: "within 3 working
 * days" / "3个工作日内" / "3個工作天內"; "by Friday 12:00" / "周五12:00前" / "週五12:00前" (the
 * soonest such weekday whose time is still ahead; no time means the working day's end); "within 2
 * hours" / "2小时内" (clock hours); "2026-12-08" (that day's working end) or "2026-12-08 15:00".
 * Anything else, or a time already past, is `{ ok: false }`.
 */
export function parseDuePhrase(calendar: WorkCalendar, now: Date, text: string): DuePhrase {
  const phrase = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const ahead = (dueAt: Date, kind: DuePhraseKind): DuePhrase => (dueAt.getTime() > now.getTime() ? { ok: true, dueAt, kind } : { ok: false });
  for (const { re, kind } of PATTERNS) {
    const match = re.exec(phrase);
    if (!match) continue;
    const n = toNumber(match[1]!);
    if (!(n >= 1 && n <= 365)) return { ok: false };
    return kind === 'hours' ? ahead(new Date(now.getTime() + n * 3_600_000), 'hours') : ahead(addWorkingDays(calendar, now, n), 'working_days');
  }

  const time = '(?: ?(\\d{1,2}):(\\d{2}))?';
  const english = new RegExp(`^(?:by |before )?(${ENGLISH_DAYS.join('|')})${time}$`).exec(phrase);
  const chinese = new RegExp(`^(?:在)?(?:周|週|星期|礼拜|禮拜)([日天一二三四五六])${time} ?(?:前|之前|以前)?$`).exec(phrase);
  const byDay = english ? { day: ENGLISH_DAYS.indexOf(english[1]!), h: english[2], m: english[3] } : chinese ? { day: CHINESE_DAYS[chinese[1]!]!, h: chinese[2], m: chinese[3] } : undefined;
  if (byDay) {
    const minutes = byDay.h === undefined ? toMinutes(calendar.workdayEnd) : clockMinutes(byDay.h, byDay.m!);
    if (minutes === undefined) return { ok: false };
    let date = localDate(calendar.timeZone, now);
    for (let i = 0; i < 8; i++, date = addDays(date, 1)) {
      if (weekday(date) !== byDay.day) continue;
      const dueAt = zonedInstant(calendar.timeZone, date, minutes);
      if (dueAt.getTime() > now.getTime()) return { ok: true, dueAt, kind: 'weekday' };
    }
    return { ok: false };
  }

  const explicit = /^(\d{4}-\d{2}-\d{2})(?:[ t](\d{1,2}):(\d{2}))?$/.exec(phrase);
  if (explicit && IsoDate.safeParse(explicit[1]).success) {
    const minutes = explicit[2] === undefined ? toMinutes(calendar.workdayEnd) : clockMinutes(explicit[2], explicit[3]!);
    if (minutes === undefined) return { ok: false };
    return ahead(zonedInstant(calendar.timeZone, explicit[1]!, minutes), 'date');
  }
  return { ok: false };
}

function clockMinutes(h: string, m: string): number | undefined {
  const hours = Number(h);
  const minutes = Number(m);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}
