import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChangePosition, cursorCodec, InvalidCursorError, Position } from './cursor';

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const at = '2026-03-02T08:30:00.000Z';
const id = '0195a1b2-0000-7000-8000-000000000001';

describe('cursorCodec', () => {
  it('writes a position as base64url JSON [at, id], the form clients already hold', () => {
    const page = cursorCodec(Position);
    expect(page.encode({ at, id })).toBe(base64url(JSON.stringify([at, id])));
    expect(page.decode(base64url(JSON.stringify([at, id])))).toEqual({ at, id });
  });

  it('round-trips nested and null positions', () => {
    const pull = cursorCodec(z.object({ c: Position.nullable(), r: Position.nullable() }));
    const value = { c: { at, id }, r: null };
    expect(pull.encode(value)).toBe(base64url(JSON.stringify({ c: [at, id], r: null })));
    expect(pull.decode(pull.encode(value))).toEqual(value);
  });

  it('refuses what it did not write: not base64 JSON, or JSON of another shape', () => {
    const page = cursorCodec(Position);
    for (const forged of ['bm90LWEtY3Vyc29y', '%%%', base64url('{"c":null}'), base64url('["only-one"]'), base64url('[1, 2]')]) {
      expect(() => page.decode(forged), forged).toThrow(InvalidCursorError);
    }
  });

  it('writes a commit-order position as [seq, id] and refuses one that is not a whole, non-negative number', () => {
    const pull = cursorCodec(ChangePosition);
    expect(pull.encode({ seq: 42, id })).toBe(base64url(JSON.stringify([42, id])));
    expect(pull.decode(pull.encode({ seq: 42, id }))).toEqual({ seq: 42, id });
    for (const forged of [[-1, id], [1.5, id], ['42', id], [at, id]]) {
      expect(() => pull.decode(base64url(JSON.stringify(forged))), JSON.stringify(forged)).toThrow(InvalidCursorError);
    }
  });
});
