import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TokenRepository } from '../types';
import { toUser } from './users';

/** Bearer tokens over Kysely, stored only as hashes. */
export function createTokenRepository(db: Kysely<Database>): TokenRepository {
  return {
    async create({ tokenHash, userId, createdAt, expiresAt }) {
      await db
        .insertInto('tokens')
        .values({
          token_hash: tokenHash,
          user_id: userId,
          created_at: createdAt.toISOString(),
          expires_at: expiresAt.toISOString(),
          revoked_at: null,
        })
        .execute();
    },

    async findUserByValidToken(tokenHash, now) {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.user_id')
        .select(['users.id', 'users.username', 'users.display_name', 'users.role'])
        .where('tokens.token_hash', '=', tokenHash)
        .where('tokens.revoked_at', 'is', null)
        .where('users.disabled_at', 'is', null)
        // Both sides are UTC ISO strings, so text order is time order.
        .where('tokens.expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row && toUser(row);
    },

    async revoke(tokenHash, now) {
      await db
        .updateTable('tokens')
        .set({ revoked_at: now.toISOString() })
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
