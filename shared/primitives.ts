import { z } from 'zod';

/** Languages the product speaks. */
export const Locale = z.enum(['zh-Hans', 'zh-Hant', 'en']);
export type Locale = z.infer<typeof Locale>;
export const LOCALES = Locale.options;

/** Client-generated ids make every write idempotent: a replay names the same record. */
export const Id = z.uuid();

/**
 * The instants the product accepts, in UTC: from 2000 (before any case it could hold) up to, not
 * including, 2200 (far beyond any follow-up). Inside this range every instant normalises to a
 * `YYYY-MM-DDTHH:mm:ss.sssZ` string, whose text order is time order: the query columns rely on
 * it. Outside it `toISOString` writes six-digit years (`+010000-…`) that sort before 2026.
 */
export const INSTANT_RANGE = { from: '2000-01-01T00:00:00.000Z', before: '2200-01-01T00:00:00.000Z' } as const;
const [earliest, pastLatest] = [Date.parse(INSTANT_RANGE.from), Date.parse(INSTANT_RANGE.before)];

/** An ISO-8601 instant with an explicit offset, as `Date.prototype.toISOString` writes it, within INSTANT_RANGE. */
export const Instant = z.iso.datetime({ offset: true }).refine(
  (at) => {
    const time = Date.parse(at);
    return time >= earliest && time < pastLatest;
  },
  { message: `must be at or after ${INSTANT_RANGE.from} and before ${INSTANT_RANGE.before}` },
);

/** Whether instant `a` is later than `b`, compared as times: instants may carry any offset. */
export const isLaterInstant = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

// C0 control characters other than tab and newlines never belong in text we store or insert.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Plain text of bounded length. Text from a CRM page or a template is never HTML: it is
 * stored and shown as text, so angle brackets are harmless and kept as typed.
 */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'contains control characters' });

/** A one-line label: trimmed, non-empty. */
export const label = (max: number) => plainText(max).trim().min(1);

/** Text in each product language; English is the fallback. */
export const LocalizedText = z.object({
  'zh-Hans': label(200),
  'zh-Hant': label(200),
  en: label(200),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
