import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Store } from '../types';
import { createCaseRepository, type SubstringSearch } from './cases';
import { createCategoryRepository } from './categories';
import { createReminderRepository } from './reminders';
import { createSyncRepository, type KeyLocker, noKeyLocks } from './sync';
import { createTemplateRepository } from './templates';
import { createTokenRepository } from './tokens';
import { createUserRepository } from './users';

/**
 * The Store over any migrated Kysely database. Only portable SQL is used, so the SQLite store
 * and a PostgreSQL store differ only in how they open the connection and lock keys for sync.
 */
export interface KyselyStoreOptions {
  /** How concurrent sync writers are kept apart; none needed on SQLite. */
  lockKeys?: KeyLocker;
  /** Which substring index the database has (see migration 002). */
  substringSearch?: SubstringSearch;
}

export function createKyselyStore(db: Kysely<Database>, { lockKeys = noKeyLocks, substringSearch = 'like' }: KyselyStoreOptions = {}): Store {
  return {
    users: createUserRepository(db),
    tokens: createTokenRepository(db),
    categories: createCategoryRepository(db),
    templates: createTemplateRepository(db),
    cases: createCaseRepository(db, substringSearch),
    reminders: createReminderRepository(db),
    sync: createSyncRepository(db, lockKeys),
    close: () => db.destroy(),
  };
}
