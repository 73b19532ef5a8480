import type {
  CaseStatus,
  Category,
  Locale,
  Reminder,
  Severity,
  StoredCase,
  SyncChange,
  SyncResult,
  Template,
  TemplateStatus,
  User,
} from '../../../shared';

/** A user as the store keeps it: the public profile plus the password hash, never sent out. */
export interface UserRecord {
  user: User;
  passwordHash: string;
}

export interface NewUser {
  user: User;
  passwordHash: string;
  createdAt: Date;
}

export interface NewToken {
  /** sha256 hex of the bearer token: a database leak must not hand out working tokens. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface TemplateFilter {
  status?: TemplateStatus;
  language?: Locale;
}

/** Which cases to list or search; every field narrows, absent fields don't. */
export interface CaseFilter {
  /** Only cases logged by this agent; absent means every agent's. */
  agentId?: string;
  /** Filed under this category id (exactly; a parent does not include its children). */
  categoryId?: string;
  /** The customer's project (楼盘) exactly as captured. */
  project?: string;
  status?: CaseStatus;
  severity?: Severity;
  /** receivedAt at or after this instant (any ISO offset). */
  receivedFrom?: string;
  /** receivedAt strictly before this instant (any ISO offset). */
  receivedBefore?: string;
  /** Only cases with a pending reminder due before this time: overdue follow-ups. */
  overdueAt?: Date;
  /** Page size, 1–200; default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of cases, newest received first; `nextCursor` is null on the last page. */
export interface CasePage {
  cases: StoredCase[];
  nextCursor: string | null;
}

/** Reminders to list; absent fields don't narrow. */
export interface ReminderFilter {
  /** Only this agent's reminders. */
  agentId?: string;
}

export interface UserRepository {
  /** Adds one user; fails if the username is taken. */
  create(user: NewUser): Promise<void>;
  /**
   * Adds all `users` in one transaction, but only if there are no users yet: the first-run seed,
   * safe against a crash half-way and against two servers starting on the same database.
   * Resolves to whether they were added.
   */
  createInitial(users: readonly NewUser[]): Promise<boolean>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<User | undefined>;
  count(): Promise<number>;
}

export interface TokenRepository {
  create(token: NewToken): Promise<void>;
  /** The user of a token that exists, is not revoked and has not expired at `now`. */
  findUserByValidToken(tokenHash: string, now: Date): Promise<User | undefined>;
  /** Revokes the token; revoking twice keeps the first revocation time. */
  revoke(tokenHash: string, now: Date): Promise<void>;
}

export interface CategoryRepository {
  /** Every category, parents before their children, siblings by `sort`. */
  list(): Promise<Category[]>;
  /** Inserts the categories not present yet; existing ones (maybe edited) are left alone. */
  seed(categories: readonly Category[]): Promise<void>;
}

export interface TemplateRepository {
  list(filter?: TemplateFilter): Promise<Template[]>;
  /** Inserts the templates not present yet (by id or by language + shortcut); never overwrites. */
  seed(templates: readonly Template[]): Promise<void>;
}

export interface CaseRepository {
  get(id: string): Promise<StoredCase | undefined>;
  /** One page of the cases matching `filter`, newest received first. */
  list(filter?: CaseFilter): Promise<CasePage>;
  /**
   * Like `list`, narrowed to cases whose customer name, phone, summary or notes contain `query`
   * as a substring (NFKC, case-insensitive); works for Chinese queries of any length.
   * A blank query matches every case.
   */
  search(query: string, filter?: CaseFilter): Promise<CasePage>;
}

export interface ReminderRepository {
  /** Reminders, soonest due first (writes go through the sync repository). */
  list(filter?: ReminderFilter): Promise<Reminder[]>;
}

export interface SyncRepository {
  /**
   * Applies a client's outbox in one transaction, results in the order given. A change
   * id seen before is answered with its recorded result and changes nothing (a replay). A case
   * logged by another agent is rejected; an incoming version not newer than the stored one is
   * stale; anything else is stored. Every result is recorded with its change id in the same
   * transaction as the write, so a crash never leaves a case written without its result; an
   * unexpected error rolls the whole push back (the client retries it; replays are harmless).
   * A reminder is stored only for a case that exists and belongs to the pushing agent.
   * Safe when several server instances apply pushes of the same change or case at once.
   */
  applyChanges(userId: string, changes: readonly SyncChange[], now: Date): Promise<SyncResult[]>;
}

/** Everything the server persists, behind one interface that SQLite and PostgreSQL both implement. */
export interface Store {
  users: UserRepository;
  tokens: TokenRepository;
  categories: CategoryRepository;
  templates: TemplateRepository;
  cases: CaseRepository;
  reminders: ReminderRepository;
  sync: SyncRepository;
  /** Closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}
