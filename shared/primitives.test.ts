import { describe, expect, test } from 'vitest';
import { Instant, plainText } from './primitives';

describe('Instant', () => {
  test('accepts the first and the last millisecond of the range, in any offset', () => {
    for (const at of [
      '2000-01-01T00:00:00.000Z',
      '2000-01-01T08:00:00.000+08:00',
      '2199-12-31T23:59:59.999Z',
      '2199-12-31T15:59:59.999-08:00',
      '2026-03-02T09:00:00Z',
    ]) {
      expect(Instant.safeParse(at).success, at).toBe(true);
    }
  });

  test('refuses an instant one millisecond outside the range, judged in UTC, with a message saying the range', () => {
    for (const at of [
      '1999-12-31T23:59:59.999Z',
      // Written in 2000, but 1999 in UTC.
      '2000-01-01T00:00:00.000+00:01',
      '2200-01-01T00:00:00.000Z',
      // Written in 2199, but 2200 in UTC.
      '2199-12-31T23:59:59.999-00:01',
      // The probe's instant: the year 10000 in UTC, which toISOString spells +010000-….
      '9999-12-31T23:59:59.999-23:59',
      '0000-01-01T00:00:00.000Z',
    ]) {
      const result = Instant.safeParse(at);
      expect(result.success, at).toBe(false);
      expect(result.error?.issues[0]?.message, at).toMatch(/2000-01-01.*2200-01-01/);
    }
  });

  test('still refuses what is not an ISO instant with an offset', () => {
    for (const at of ['2026-03-02', '2026-03-02T09:00:00', 'yesterday', '2026-02-30T00:00:00Z']) {
      expect(Instant.safeParse(at).success, at).toBe(false);
    }
  });
});

describe('plainText', () => {
  test('refuses C0 control characters and DEL but keeps tabs and line breaks', () => {
    expect(plainText(20).safeParse('第一行\n第二行\r\n\t缩进').success).toBe(true);
    for (const bad of ['\u0000', '\u0007', '\u001b[31m', '\u007f']) {
      expect(plainText(20).safeParse(`前${bad}后`).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
