import type { User } from '../../../shared';
import type { Store } from './types';

/**
 * How long a bearer token's user is remembered. Every extension request carries a token, and
 * looking it up cost as much as serving a cached template list. A revocation, a disabled account,
 * a role or password change made through the store clears the cache at once, so the cache is for
 * a store whose every writer is this process (SQLite): only a change made behind the server's
 * back (the sqlite3 shell) is seen this late. A store shared by several instances (PostgreSQL)
 * has no such cache: every request's token is looked up, and no instance acts on a stale role.
 */
export const TOKEN_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/** The store with bearer-token lookups cached briefly; every other call passes straight through. */
export function withCachedTokenLookups(store: Store, ttlMs = TOKEN_CACHE_TTL_MS): Store {
  const cache = new Map<string, { user: User; until: number }>();
  const clearAll = <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        cache.clear();
      }
    };

  return {
    ...store,
    tokens: {
      ...store.tokens,
      async findUserByValidToken(tokenHash, now) {
        const hit = cache.get(tokenHash);
        if (hit && hit.until > now.getTime()) return hit.user;
        cache.delete(tokenHash);
        const until = now.getTime() + ttlMs;
        // Valid at the end of the window means valid throughout it (a token only ever expires
        // once): only such a token is cached, so none outlives its expiry here.
        const lastingUser = await store.tokens.findUserByValidToken(tokenHash, new Date(until));
        if (!lastingUser) return store.tokens.findUserByValidToken(tokenHash, now);
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(tokenHash, { user: lastingUser, until });
        return lastingUser;
      },
      revoke: clearAll(store.tokens.revoke),
    },
    accounts: {
      ...store.accounts,
      setRole: clearAll(store.accounts.setRole),
      setDisabled: clearAll(store.accounts.setDisabled),
      setPasswordHash: clearAll(store.accounts.setPasswordHash),
    },
  };
}
