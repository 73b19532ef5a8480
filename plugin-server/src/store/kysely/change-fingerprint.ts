import { createHash } from 'node:crypto';
import type { SyncChange } from '../../../../shared';

/** `value` with every object's keys in sorted order, so equal content serialises equally. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * What a change says, as a short hash: a replay carries the same fingerprint, another change
 * sent under the same change id does not. Taken from the validated change, so key order and
 * unknown fields (stripped by the schema) make no difference.
 */
export function changeFingerprint(change: SyncChange): string {
  return createHash('sha256').update(JSON.stringify(sortedKeys(change))).digest('base64url');
}
