import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Store } from '../types';
import { createCaseRepository } from './cases';
import { createCategoryRepository } from './categories';
import { createSyncRepository } from './sync';
import { createTemplateRepository } from './templates';
import { createTokenRepository } from './tokens';
import { createUserRepository } from './users';

/**
 * The Store over any migrated Kysely database. Only portable SQL is used, so the SQLite store
 * and a PostgreSQL store differ only in how they open the connection.
 */
export function createKyselyStore(db: Kysely<Database>): Store {
  return {
    users: createUserRepository(db),
    tokens: createTokenRepository(db),
    categories: createCategoryRepository(db),
    templates: createTemplateRepository(db),
    cases: createCaseRepository(db),
    sync: createSyncRepository(db),
    close: () => db.destroy(),
  };
}
