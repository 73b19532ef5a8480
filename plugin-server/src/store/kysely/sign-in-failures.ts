import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SignInFailureRepository } from '../types';

/** The failed sign-in log over Kysely: shared by every instance on the same database. */
export function createSignInFailureRepository(db: Kysely<Database>): SignInFailureRepository {
  return {
    async record(keys, at, forgetBefore) {
      if (keys.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('sign_in_failures')
          .where('throttle_key', 'in', keys)
          .where('failed_at', '<', forgetBefore.toISOString())
          .execute();
        await trx
          .insertInto('sign_in_failures')
          .values(keys.map((key) => ({ throttle_key: key, failed_at: at.toISOString() })))
          .execute();
      });
    },
    async count(key, since) {
      const row = await db
        .selectFrom('sign_in_failures')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('failed_at').as('earliest')])
        .where('throttle_key', '=', key)
        .where('failed_at', '>', since.toISOString())
        .executeTakeFirstOrThrow();
      // SQLite answers a number, PostgreSQL a bigint as a string.
      return { failures: Number(row.n), earliest: row.earliest ? new Date(row.earliest) : undefined };
    },
    async clear(key) {
      await db.deleteFrom('sign_in_failures').where('throttle_key', '=', key).execute();
    },
  };
}
