import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS, DEFAULT_EMERGENCY_PLANS, DEMO_CRM_SITE, defaultTemplates, newRecordId, type Role, Role as RoleSchema } from '../../shared';
import { generatePassword as randomPassword, hashPassword } from './auth/passwords';
import type { NewUser, Store } from './store';

/** A user created on first run, with the only copy of its password in clear. */
export interface InitialCredential {
  role: Role;
  username: string;
  password: string;
}

export interface SeedResult {
  /** True when this call created the users (the database had none). */
  firstRun: boolean;
  /** Empty unless `firstRun`: print them once, they cannot be recovered later. */
  credentials: InitialCredential[];
}

export interface SeedOptions {
  now?: Date;
  /** Defaults to 16 random base64url characters; never a fixed default password. */
  generatePassword?: () => string;
}

const DISPLAY_NAMES: Record<Role, string> = {
  // A person's name: templates say "我是客服{{agentName}}".
  agent: '林晓',
  supervisor: '客服主管',
  trainer: '培训专员',
  admin: '系统管理员',
};

/**
 * Prepares an empty database: the default categories, published templates and the demo CRM
 * site, then one user
 * per role (username = role) with a fresh random password. Does nothing more once users exist,
 * but departments and emergency plans are seeded first on every start (seedLifeCatalogues).
 * Catalogue inserts skip rows already present, so a run interrupted half-way is simply redone.
 */
export async function seed(store: Store, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  await seedLifeCatalogues(store, now);
  if ((await store.users.count()) > 0) return { firstRun: false, credentials: [] };

  const generatePassword = options.generatePassword ?? randomPassword;
  // Categories and templates first: users are the "already seeded" marker, so they come last.
  await store.categories.seed(DEFAULT_CATEGORIES);
  await store.templates.seed(defaultTemplates(now.toISOString()));
  await store.crmSites.seed([DEMO_CRM_SITE], now);

  const credentials = RoleSchema.options.map((role) => ({ role, username: role, password: generatePassword() }));
  const users: NewUser[] = await Promise.all(
    credentials.map(async ({ role, username, password }) => ({
      user: { id: newRecordId(), username, displayName: DISPLAY_NAMES[role], role },
      passwordHash: await hashPassword(password),
      createdAt: now,
    })),
  );
  // Another server starting on the same file may have won the race: then its passwords stand.
  const created = await store.users.createInitial(users);
  return created ? { firstRun: true, credentials } : { firstRun: false, credentials: [] };
}

/**
 * The default departments and emergency plans, each only while its table is empty: on every
 * start, so that a server seeded before they existed gets them too, and never over what
 * supervisors kept, edited or deleted (a table they emptied on purpose is seeded again: a hotline
 * cannot run without either).
 */
export async function seedLifeCatalogues(store: Store, now: Date): Promise<void> {
  await store.departments.seedIfEmpty(DEFAULT_DEPARTMENTS, now);
  await store.emergencyPlans.seedIfEmpty(DEFAULT_EMERGENCY_PLANS, now);
}
