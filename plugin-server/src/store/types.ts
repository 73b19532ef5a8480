import type {
  CaseGroup,
  Escalation,
  CaseListQuery,
  CommitmentEntry,
  CommitmentQuery,
  Department,
  EmergencyPlan,
  GroupWindow,
  TimeLimits,
  WorkCalendar,
  Category,
  CategoryUpdateRequest,
  CrmSite,
  GroupMember,
  GroupProposal,
  Locale,
  Reminder,
  Review,
  Role,
  StoredCase,
  SyncChange,
  SyncResult,
  Template,
  TemplateFields,
  TemplateStatus,
  TemplateVersion,
  User,
  UserAccount,
  WordingRule,
} from '../../../shared';

/** A user as the store keeps it: the public profile plus the password hash, never sent out. */
export interface UserRecord {
  user: User;
  passwordHash: string;
  /** A disabled account cannot sign in. */
  disabled: boolean;
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
  /** Case-insensitive text found in the title, body or shortcut. */
  text?: string;
}

/**
 * Which cases to list or search: the filters of GET /api/cases (shared CaseListQuery, where each
 * is explained), with the search text passed apart and `overdue` resolved to a time. Every field
 * narrows, absent fields don't.
 */
export type CaseFilter = Omit<CaseListQuery, 'q' | 'overdue'> & {
  /**
   * Only overdue cases at this time: a pending reminder due before it, or (not closed) the case's
   * own deadline (`due_at`: promises, dispatches, time limits) before it.
   */
  overdueAt?: Date;
  /** Search the text as trainers see it, phone numbers masked (policy/cases.ts): set by the reader's scope. */
  searchMasked?: boolean;
};

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
  /** Adds one category; fails softly when the id is taken or the parent is missing. */
  create(category: Category): Promise<CategoryWrite>;
  /** Renames, moves or reorders, checking in the same transaction that no cycle appears. */
  update(id: string, patch: CategoryUpdateRequest): Promise<CategoryWrite>;
  /** Deletes a category nothing refers to; otherwise says what still uses it. */
  remove(id: string): Promise<CategoryRemoval>;
}

export type CategoryWrite =
  | { ok: true; category: Category }
  | { ok: false; reason: 'not_found' | 'id_taken' | 'parent_missing' | 'cycle' };

export type CategoryRemoval =
  | { ok: true }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'in_use'; usedBy: { children: number; templates: number; cases: number } };

export interface TemplateRepository extends TemplateEditing {
  list(filter?: TemplateFilter): Promise<Template[]>;
  /**
   * Changes whenever any template is added or changed (templates are never deleted and every
   * write bumps a version): a cheap check that a cached list is still current, on every instance.
   */
  fingerprint(): Promise<string>;
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

/** A position in one table's accepted changes, in commit order: (change_seq, id). */
export interface PullPosition {
  seq: number;
  id: string;
}

/** One pulled record with its position. */
export interface Pulled<T> extends PullPosition {
  record: T;
}

export interface PullRepository {
  /**
   * The agent's cases written after `after` (all when null), in commit order, up to the point
   * where no write still in progress can add one: every committed change is handed out once
   * it is settled, and never placed before a position already handed out.
   */
  cases(query: { agentId: string; after: PullPosition | null; limit: number }): Promise<Pulled<StoredCase>[]>;
  /** The agent's reminders written after `after`, likewise. */
  reminders(query: { agentId: string; after: PullPosition | null; limit: number }): Promise<Pulled<Reminder>[]>;
}

export interface ReminderRepository {
  /** Reminders, soonest due first (writes go through the sync repository). */
  list(filter?: ReminderFilter): Promise<Reminder[]>;
}

export interface SyncRepository {
  /**
   * Applies a client's outbox in one transaction, results in the order given. Change ids are
   * keys per user: the same change under an id the user has sent before is answered with its
   * recorded result and changes nothing (a replay); different content under it is rejected
   * (`change_id_reused`). A case logged by another agent is rejected; an incoming version not
   * newer than the stored one is stale; anything else is stored. Every result is recorded with
   * its change id in the same transaction as the write, so a crash never leaves a case written
   * without its result; an unexpected error rolls the whole push back (the client retries it;
   * replays are harmless). A reminder is stored only for a case that exists and belongs to the
   * pushing agent. Safe when several server instances apply pushes of the same change or case at once.
   */
  applyChanges(userId: string, changes: readonly SyncChange[], now: Date): Promise<SyncResult[]>;
}

export interface EscalationRepository {
  /**
   * Escalations raised or acknowledged after `after` (from the start when null), in commit
   * order up to the point no write in progress can fill in below, like a sync pull.
   */
  feed(query: { after: PullPosition | null; limit: number }): Promise<Pulled<Escalation>[]>;
  /** The last position the feed has handed out or could hand out now: where a new listener starts. */
  head(): Promise<PullPosition | null>;
  /** A case's escalations, oldest first. */
  ofCase(caseId: string): Promise<Escalation[]>;
  /** Takes the escalation for a supervisor; the first to take it keeps it. Null when there is no such escalation. */
  acknowledge(id: string, by: { userId: string; displayName: string }, now: Date): Promise<Escalation | null>;
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
  pull: PullRepository;
  templateVersions: TemplateVersionRepository;
  wordingRules: WordingRuleRepository;
  crmSites: CrmSiteRepository;
  reviews: ReviewRepository;
  accounts: AccountRepository;
  sessions: SessionRepository;
  signInFailures: SignInFailureRepository;
  caseHistory: CaseHistoryRepository;
  settings: SettingsRepository;
  departments: SortedDocumentRepository<Department>;
  emergencyPlans: SortedDocumentRepository<EmergencyPlan>;
  commitments: CommitmentRepository;
  caseGroups: CaseGroupRepository;
  escalations: EscalationRepository;
  /** Closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** What came of a template write; a refusal carries the template as it is now. */
export type TemplateWrite =
  | { ok: true; template: Template }
  | { ok: false; reason: 'not_found' | 'id_taken' | 'shortcut_taken' }
  | { ok: false; reason: 'stale' | 'not_editable' | 'bad_transition'; current: Template };

/** Supervisors' edits, each checked against the version the editor saw in one atomic write. */
export interface TemplateEditing {
  get(id: string): Promise<Template | undefined>;
  /** A new draft at version 1. */
  create(id: string, fields: TemplateFields, now: Date): Promise<TemplateWrite>;
  /** Replaces a draft's fields if its version is still `expectedVersion`; bumps the version. */
  update(id: string, expectedVersion: number, fields: TemplateFields, now: Date): Promise<TemplateWrite>;
  /**
   * Moves the template to `status` if its version is still `expectedVersion` and the transition
   * is allowed; publishing also records the immutable version row in the same transaction.
   */
  changeStatus(id: string, expectedVersion: number, status: TemplateStatus, by: string, now: Date): Promise<TemplateWrite>;
}

export interface TemplateVersionRepository {
  /** Every published version of a template, oldest first. */
  list(templateId: string): Promise<TemplateVersion[]>;
}

export interface WordingRuleRepository {
  list(): Promise<WordingRule[]>;
  /** False when the id is taken. */
  create(rule: WordingRule): Promise<boolean>;
  /** False when there is no such rule. */
  update(rule: WordingRule): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export interface CrmSiteRepository {
  list(): Promise<CrmSite[]>;
  create(site: CrmSite, now: Date): Promise<boolean>;
  update(site: CrmSite, now: Date): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  /** Inserts the sites not present yet; never overwrites an edited one. */
  seed(sites: readonly CrmSite[], now: Date): Promise<void>;
}

export interface ReviewRepository {
  /** Oldest first. */
  listForCase(caseId: string): Promise<Review[]>;
  get(id: string): Promise<Review | undefined>;
  create(review: Review): Promise<boolean>;
  update(review: Review): Promise<boolean>;
}

/** One sign-in, by the hash of its bearer token or of its session cookie's id. */
export type KeptSignIn = { tokenHash: string } | { sessionHash: string };

/** Admins' view of users. */
export interface AccountRepository {
  list(): Promise<UserAccount[]>;
  get(id: string): Promise<UserAccount | undefined>;
  setRole(id: string, role: Role): Promise<void>;
  /** Disabling also revokes every token and session of the user, in the same transaction. */
  setDisabled(id: string, disabled: boolean, now: Date): Promise<void>;
  /**
   * Replaces the password and revokes every token and session of the user, but `keep`: the
   * sign-in a user changed their own password with stays.
   */
  setPasswordHash(id: string, passwordHash: string, now: Date, keep?: KeptSignIn): Promise<void>;
}

export interface NewSession {
  /** sha256 of the cookie's session id; the id itself is never stored. */
  sessionHash: string;
  /**
   * The session's synchronizer CSRF token, stored as issued: it is worthless without the session
   * cookie, and the page fetches it again after a reload (GET /api/auth/session).
   */
  csrfToken: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionRepository {
  create(session: NewSession): Promise<void>;
  /** The user and CSRF token of a session that exists, is not revoked nor expired, of an enabled user. */
  findValid(sessionHash: string, now: Date): Promise<{ user: User; csrfToken: string } | undefined>;
  revoke(sessionHash: string, now: Date): Promise<void>;
}

/** One key of a sign-in attempt (`account:…`, `address:…`) and the failures it tolerates per window. */
export interface ThrottleLimit {
  key: string;
  limit: number;
}

/** A reservation refused: the keys at their limit, each with its earliest failure in the window. */
export interface AttemptRefused {
  granted: false;
  blocked: { key: string; earliest: Date }[];
}

/**
 * Sign-in attempts, counted per key in a sliding window. An attempt is logged before its password
 * is checked and counts as a failure unless it is released, so attempts checked in parallel
 * cannot overrun a limit.
 */
export interface SignInFailureRepository {
  /**
   * As one step for every instance on the database: when each key has fewer failures after
   * `since` than its limit, logs the attempt under every key at `at` and grants it; otherwise
   * logs nothing. Also forgets a bounded number of the oldest attempts at or before `since`,
   * whatever their keys.
   */
  reserve(attemptId: string, limits: readonly ThrottleLimit[], at: Date, since: Date): Promise<{ granted: true } | AttemptRefused>;
  /** Takes back what the attempt logged under `keys`. */
  release(attemptId: string, keys: readonly string[]): Promise<void>;
  /** Forgets every failure of `key` after `since` (older ones are pruned by `reserve`). */
  clear(key: string, since: Date): Promise<void>;
}

export interface CaseHistoryRepository {
  /** Cases whose customer phone has exactly these digits, newest first, at most `limit`. */
  byPhoneDigits(digits: string, limit: number): Promise<StoredCase[]>;
}

/** The settings documents by key, as the store hands them out. */
export interface SettingDocuments {
  work_calendar: WorkCalendar;
  time_limits: TimeLimits;
  group_window: GroupWindow;
}

/** Server-wide settings documents, each read whole and replaced whole. */
export interface SettingsRepository {
  /** The stored document, or the default when none was ever stored. */
  get<K extends keyof SettingDocuments>(key: K): Promise<SettingDocuments[K]>;
  put<K extends keyof SettingDocuments>(key: K, document: SettingDocuments[K], now: Date): Promise<void>;
}

/** Documents named by a slug and listed in the order they were added (departments, emergency plans). */
export interface SortedDocumentRepository<T extends { id: string }> {
  list(): Promise<T[]>;
  /** False when the id is taken. */
  create(item: T, now: Date): Promise<boolean>;
  /** False when there is no such id. */
  update(item: T, now: Date): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  /** Inserts `items` only while the table is empty: a supervisor's deletions are never undone. */
  seedIfEmpty(items: readonly T[], now: Date): Promise<void>;
}

/** Promises across cases, for supervisors (written by sync with their case). */
export interface CommitmentRepository {
  /** Overdue (pending, due before `now`, case not closed) or broken promises, soonest due first, at most `limit`. */
  list(query: Required<CommitmentQuery>, now: Date): Promise<CommitmentEntry[]>;
}

/** What came of confirming a group: stored, the same confirmation seen again, or another group under its id. */
export type CaseGroupConfirmation = { ok: true; group: CaseGroup; created: boolean } | { ok: false; current: CaseGroup };

/** Group complaints (群體利益): the server's proposals and the groups supervisors confirmed. */
export interface CaseGroupRepository {
  /**
   * Clusters of at least `window.minCases` cases received within `window.windowHours` of each
   * other, of one leaf category, project and building (cases without a building by project alone),
   * not closed, linked to no group and in no confirmed group; looking back a bounded time from `now`.
   */
  proposals(window: GroupWindow, now: Date): Promise<GroupProposal[]>;
  /**
   * Stores a confirmed group and its cases in one write. The same id with the same content
   * (project, building, category, plan, cases) is a replay; with other content it is refused.
   */
  confirm(group: CaseGroup): Promise<CaseGroupConfirmation>;
  /** The group with its plan replaced; undefined when there is no such group. */
  setPlan(id: string, plan: string): Promise<CaseGroup | undefined>;
  get(id: string): Promise<CaseGroup | undefined>;
  /** The project's groups, newest first; with a building, that building's and the project-wide ones. */
  find(query: { project: string; building?: string }): Promise<CaseGroup[]>;
  /** The confirmed cases and those linked by `groupId`, oldest received first, with status and revisit. */
  members(group: CaseGroup): Promise<GroupMember[]>;
}
