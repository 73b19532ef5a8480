import type { Kysely } from 'kysely';
import { Department, EmergencyPlan } from '../../../../shared';
import type { Database } from '../schema';
import type { Store } from '../types';
import { createAccountRepository } from './accounts';
import { createCaseGroupRepository } from './case-groups';
import { createCaseHistoryRepository } from './case-history';
import { createCaseRepository, type SubstringSearch } from './cases';
import { createCategoryEditing } from './category-editing';
import { createCategoryRepository } from './categories';
import { type CommitOrder, writeCounter } from './commit-order';
import { createCrmSiteRepository } from './crm-sites';
import { createEscalationRepository } from './escalations';
import { createCommitmentRepository, createSettingsRepository, createSortedDocumentRepository } from './life-settings';
import { createPullRepository } from './pull';
import { createReminderRepository } from './reminders';
import { createReviewRepository } from './reviews';
import { createSessionRepository } from './sessions';
import { createSignInFailureRepository } from './sign-in-failures';
import { createSyncRepository, type KeyLocker, noKeyLocks } from './sync';
import { createTemplateEditing, createTemplateVersionRepository } from './template-editing';
import { createTemplateRepository } from './templates';
import { createTokenRepository } from './tokens';
import { createUserRepository } from './users';
import { createWordingRuleRepository } from './wording-rules';

/**
 * The Store over any migrated Kysely database. Only portable SQL is used, so the SQLite store
 * and a PostgreSQL store differ only in how they open the connection and lock keys for sync.
 */
export interface KyselyStoreOptions {
  /** How concurrent sync writers are kept apart; none needed on SQLite. */
  lockKeys?: KeyLocker;
  /** How sync writes are numbered for pull; a write counter suits a single-writer database (SQLite). */
  commitOrder?: CommitOrder;
  /** Which substring index the database has (see migration 002). */
  substringSearch?: SubstringSearch;
  /** Let concurrent pushes share a commit: for a single-writer database (SQLite) only. */
  groupCommit?: boolean;
}

export function createKyselyStore(
  db: Kysely<Database>,
  { lockKeys = noKeyLocks, commitOrder = writeCounter, substringSearch = 'like', groupCommit = false }: KyselyStoreOptions = {},
): Store {
  return {
    users: createUserRepository(db),
    tokens: createTokenRepository(db),
    categories: { ...createCategoryRepository(db), ...createCategoryEditing(db) },
    templates: createTemplateRepository(db, createTemplateEditing(db)),
    cases: createCaseRepository(db, substringSearch),
    reminders: createReminderRepository(db),
    pull: createPullRepository(db, commitOrder),
    sync: createSyncRepository(db, { lockKeys, commitOrder }, { groupCommit }),
    templateVersions: createTemplateVersionRepository(db),
    wordingRules: createWordingRuleRepository(db),
    crmSites: createCrmSiteRepository(db),
    reviews: createReviewRepository(db),
    accounts: createAccountRepository(db),
    sessions: createSessionRepository(db),
    signInFailures: createSignInFailureRepository(db, lockKeys),
    caseHistory: createCaseHistoryRepository(db),
    settings: createSettingsRepository(db),
    departments: createSortedDocumentRepository(db, 'departments', Department),
    emergencyPlans: createSortedDocumentRepository(db, 'emergency_plans', EmergencyPlan),
    commitments: createCommitmentRepository(db),
    caseGroups: createCaseGroupRepository(db),
    escalations: createEscalationRepository(db, commitOrder),
    close: () => db.destroy(),
  };
}
