import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SessionRepository } from '../types';
import { toUser } from './users';

/** Cookie sessions over Kysely: the session id only as its hash, the CSRF token as issued (see NewSession). */
export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create({ sessionHash, csrfToken, userId, createdAt, expiresAt }) {
      await db
        .insertInto('sessions')
        .values({
          session_hash: sessionHash,
          csrf_token: csrfToken,
          user_id: userId,
          created_at: createdAt.toISOString(),
          expires_at: expiresAt.toISOString(),
          revoked_at: null,
        })
        .execute();
    },
    async findValid(sessionHash, now) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'sessions.csrf_token'])
        .where('sessions.session_hash', '=', sessionHash)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', now.toISOString())
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && { user: toUser(row), csrfToken: row.csrf_token };
    },
    async revoke(sessionHash, now) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: now.toISOString() })
        .where('session_hash', '=', sessionHash)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
