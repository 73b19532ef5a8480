import type { Locale } from '../../../shared';

/**
 * A due time as the agent reads it: weekday, date and time on the company's calendar (its time
 * zone, not the browser's), so "due Tue 18:00" means the same on every desk.
 */
export const formatWhen = (at: Date | string, locale: Locale, timeZone: string): string =>
  new Date(at).toLocaleString(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
