import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SignInFailureRepository } from '../types';
import type { KeyLocker } from './sync';

/**
 * How many expired rows each logged attempt forgets at most (with the other rows of the attempts
 * they belong to): far more than the two it adds, so the log shrinks back to the window's
 * attempts however many piled up, at a bounded cost per attempt.
 */
export const PRUNE_BATCH = 100;

const PRUNE_LOCK = 'sign-in prune';
const keyLock = (key: string) => `sign-in ${key}`;

/** The sign-in attempt log over Kysely: shared by every instance on the same database. */
export function createSignInFailureRepository(db: Kysely<Database>, lockKeys: KeyLocker): SignInFailureRepository {
  /**
   * Forgets the oldest attempts at or before `cutoff`, under any key: those of keys that never
   * fail again too. One prune at a time, so that two never lock the same rows in another order;
   * it touches only expired rows, which nothing else deletes (see `clear`).
   */
  async function prune(cutoff: string) {
    await db.transaction().execute(async (trx) => {
      await lockKeys(trx, [PRUNE_LOCK]);
      await trx
        .deleteFrom('sign_in_failures')
        .where('attempt_id', 'in', (eb) =>
          eb.selectFrom('sign_in_failures').select('attempt_id').where('failed_at', '<=', cutoff).orderBy('failed_at').limit(PRUNE_BATCH),
        )
        .execute();
    });
  }

  return {
    async reserve(attemptId, limits, at, since) {
      const keys = limits.map(({ key }) => key);
      const cutoff = since.toISOString();
      const outcome = await db.transaction().execute(async (trx) => {
        // Count and log as one step per key: another attempt on the same key, from this instance
        // or another, is counted only after this one is logged or refused.
        await lockKeys(trx, keys.map(keyLock));
        const counts = await trx
          .selectFrom('sign_in_failures')
          .select((eb) => ['throttle_key', eb.fn.countAll().as('n'), eb.fn.min('failed_at').as('earliest')])
          .where('throttle_key', 'in', keys)
          .where('failed_at', '>', cutoff)
          .groupBy('throttle_key')
          .execute();
        const blocked = limits.flatMap(({ key, limit }) => {
          const row = counts.find((c) => c.throttle_key === key);
          // SQLite answers a number, PostgreSQL a bigint as a string.
          return row && Number(row.n) >= limit ? [{ key, earliest: new Date(row.earliest) }] : [];
        });
        if (blocked.length > 0) return { granted: false as const, blocked };
        await trx
          .insertInto('sign_in_failures')
          .values(keys.map((key) => ({ throttle_key: key, failed_at: at.toISOString(), attempt_id: attemptId })))
          .execute();
        return { granted: true as const };
      });
      // Only a logged attempt grows the log, so only it needs to make room.
      if (outcome.granted) await prune(cutoff);
      return outcome;
    },
    async release(attemptId, keys) {
      if (keys.length === 0) return;
      await db.deleteFrom('sign_in_failures').where('throttle_key', 'in', keys).where('attempt_id', '=', attemptId).execute();
    },
    async clear(key, since) {
      // Only the window's rows: older ones belong to `prune`, the one writer that locks them.
      await db.deleteFrom('sign_in_failures').where('throttle_key', '=', key).where('failed_at', '>', since.toISOString()).execute();
    },
  };
}
