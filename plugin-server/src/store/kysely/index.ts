import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Store } from '../types';
import { createCaseRepository } from './cases';
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
export function createKyselyStore(db: Kysely<Database>, lockKeys: KeyLocker = noKeyLocks): Store {
  return {
    users: createUserRepository(db),
    tokens: createTokenRepository(db),
    categories: createCategoryRepository(db),
    templates: createTemplateRepository(db),
    cases: createCaseRepository(db),
    reminders: createReminderRepository(db),
    sync: createSyncRepository(db, lockKeys),
    close: () => db.destroy(),
  };
}
