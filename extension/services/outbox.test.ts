// Measuring and packing push bodies: the sizes must be the bytes the typed client really sends,
// or a batch the client thinks fits is refused (413) by the server.
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../shared';
import { leadingBatch, pushBodyBytes } from './outbox';

const at = '2026-03-02T08:30:00.000Z';

/** A reminder change whose note is `note`: the smallest change that carries free text. */
function change(note: string, n = 0): SyncChange {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { changeId: id, kind: 'reminder.put', reminder: { id, caseId: id, dueAt: at, note, status: 'pending', createdAt: at, updatedAt: at } };
}

/** What the typed client sends for `changes`, in bytes. */
const sentBytes = (changes: SyncChange[]) => new TextEncoder().encode(JSON.stringify({ changes })).length;

describe('pushBodyBytes', () => {
  it('counts the UTF-8 bytes of the JSON body, escapes and characters outside the BMP included', () => {
    const changes = [change('回电：客户说“漏水”\n第二行', 1), change('emoji 🏠 and a tab\t', 2), change('', 3)];
    expect(pushBodyBytes(changes)).toBe(sentBytes(changes));
    expect(pushBodyBytes(changes.slice(0, 1))).toBe(sentBytes(changes.slice(0, 1)));
    expect(pushBodyBytes([])).toBe(sentBytes([]));
  });
});

describe('leadingBatch', () => {
  const entries = [change('一'.repeat(100), 1), change('二'.repeat(100), 2), change('三'.repeat(100), 3)].map((c) => ({ change: c }));
  const bytesOf = (n: number) => pushBodyBytes(entries.slice(0, n).map((e) => e.change));

  it('takes the longest run from the first whose body fits, a body of exactly the limit included', () => {
    expect(leadingBatch(entries, bytesOf(2))).toEqual(entries.slice(0, 2));
    expect(leadingBatch(entries, bytesOf(2) - 1)).toEqual(entries.slice(0, 1));
    expect(leadingBatch(entries, bytesOf(3))).toEqual(entries);
  });

  it('takes the first entry alone when even it is over the limit, and nothing from nothing', () => {
    expect(leadingBatch(entries, 10)).toEqual(entries.slice(0, 1));
    expect(leadingBatch([], 10)).toEqual([]);
  });
});
