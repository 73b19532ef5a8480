import { describe, expect, it } from 'vitest';
import { newRecordId } from './ids';
import { Id } from './primitives';

describe('newRecordId', () => {
  it('makes UUIDv7 ids the schemas accept', () => {
    const id = newRecordId();
    expect(Id.parse(id)).toBe(id);
    expect(id[14]).toBe('7');
  });

  it('makes ids that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, newRecordId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
