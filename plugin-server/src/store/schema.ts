import type { ColumnType } from 'kysely';

/**
 * Table types for Kysely. Instants are ISO-8601 UTC strings written by the server
 * (`Date.prototype.toISOString`), so they sort and compare correctly as text in SQLite and
 * PostgreSQL alike. JSON columns are text holding JSON, parsed with the shared zod schemas on
 * the way out, which keeps one Kysely implementation valid for both databases.
 */
export interface Database {
  users: UsersTable;
  tokens: TokensTable;
  categories: CategoriesTable;
  templates: TemplatesTable;
  cases: CasesTable;
  sync_changes: SyncChangesTable;
  template_versions: TemplateVersionsTable;
  wording_rules: WordingRulesTable;
  crm_sites: CrmSitesTable;
  reviews: ReviewsTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  case_categories: CaseCategoriesTable;
  reminders: RemindersTable;
  change_sequence: ChangeSequenceTable;
  settings: SettingsTable;
  departments: SortedDocumentsTable;
  emergency_plans: SortedDocumentsTable;
  case_commitments: CaseCommitmentsTable;
  case_groups: CaseGroupsTable;
  case_group_members: CaseGroupMembersTable;
  escalations: EscalationsTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  /** Set when an admin disables the account: it can no longer sign in or use old credentials. */
  disabled_at?: string | null;
}

export interface TokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface CategoriesTable {
  id: string;
  parent_id: string | null;
  /** JSON: LocalizedText */
  names: string;
  sort: number;
}

export interface TemplatesTable {
  id: string;
  step: string;
  tone: string;
  /** JSON: string[] */
  category_ids: string;
  /** JSON: Mood[] */
  moods: string;
  language: string;
  title: string;
  body: string;
  shortcut: string | null;
  status: string;
  version: number;
  updated_at: string;
}

export interface CasesTable {
  id: string;
  agent_id: string;
  customer_name: string;
  customer_phone: string;
  /** JSON: the full Case exactly as the client sent it; the other columns are for querying. */
  data: string;
  status: string;
  received_at: string;
  updated_at: string;
  server_updated_at: string;
  /** The number of the transaction that last wrote the row: the order pull follows (migration 006). */
  change_seq: ChangeSeq;
  project: string;
  severity: string;
  /** Name, phone, summary and notes, normalised for search, one per line (migration 002). */
  search_text: string;
  /** search_text as trainers see the case, phone numbers masked: what their search reads (migration 005). */
  masked_search_text: string;
  /** The customer phone's digits only, for history lookups by equality (migration 005). */
  customer_phone_digits: string;
  /** When the case is next due (shared caseDueAt); null when closed or not pushed since migration 008. */
  due_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The customer's building, given or read from the unit (shared buildingOf); '' when unknown (migration 011). */
  building: string;
  /** The group complaint the agent linked the case to; '' for none (migration 011). */
  group_id: string;
}

/** Which categories a case is filed under (a case may have several). */
export interface CaseCategoriesTable {
  category_id: string;
  case_id: string;
}

export interface RemindersTable {
  id: string;
  case_id: string;
  /** The agent who pushed it, always the owner of its case. */
  agent_id: string;
  status: string;
  due_at: string;
  /** JSON: the Reminder exactly as the client sent it. */
  data: string;
  updated_at: string;
  server_updated_at: string;
  /** As in cases. */
  change_seq: ChangeSeq;
}

/**
 * A transaction's number in commit order (kysely/commit-order.ts): read back as a string on
 * PostgreSQL (bigint), a number on SQLite; always written as a number.
 */
type ChangeSeq = ColumnType<number | string, number, number>;

/** SQLite only: one row, the number of the last write transaction of the sync. */
export interface ChangeSequenceTable {
  id: number;
  last_value: number;
}

/** One recorded result per (change id, user): a user's idempotency keys are that user's own. */
export interface SyncChangesTable {
  change_id: string;
  user_id: string;
  /** The change's fingerprint (kysely/change-fingerprint.ts); null for results recorded before migration 006. */
  fingerprint: string | null;
  /** JSON: the SyncResult answered the first time, replayed verbatim. */
  result: string;
  created_at: string;
}

export interface TemplateVersionsTable {
  template_id: string;
  version: number;
  /** JSON: the Template as published. */
  data: string;
  published_by: string;
  published_at: string;
}

export interface WordingRulesTable {
  id: string;
  kind: string;
  phrase: string;
  alternative: string;
  language: string;
  updated_at: string;
}

export interface CrmSitesTable {
  id: string;
  /** JSON: CrmSite */
  data: string;
  updated_at: string;
}

export interface ReviewsTable {
  id: string;
  case_id: string;
  reviewer_id: string;
  /** JSON: Review['scores'] */
  scores: string;
  comment: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  session_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SignInFailuresTable {
  throttle_key: string;
  failed_at: string;
  /** The attempt the row was reserved for (one row per key); set on every row since migration 007. */
  attempt_id: string;
}

/** One settings document per key (shared SettingKey), migration 008. */
export interface SettingsTable {
  key: string;
  /** JSON: the document. */
  data: string;
  updated_at: string;
}

/** Departments and emergency plans: documents kept whole, listed by `sort`. */
export interface SortedDocumentsTable {
  id: string;
  /** JSON: the Department or EmergencyPlan. */
  data: string;
  sort: number;
  updated_at: string;
}

/** Each promise of a case, rewritten whenever the case is accepted (migration 008). */
export interface CaseCommitmentsTable {
  case_id: string;
  commitment_id: string;
  agent_id: string;
  customer_name: string;
  /** The case's status when last accepted. */
  case_status: string;
  outcome: string;
  due_at: string;
  /** JSON: the Commitment. */
  data: string;
}

/** A confirmed group complaint (shared CaseGroup); the columns are for the sidebar's lookup. */
export interface CaseGroupsTable {
  id: string;
  project: string;
  building: string;
  category_id: string;
  /** JSON: the CaseGroup as confirmed, with its current plan. */
  data: string;
  confirmed_at: string;
}

/** The cases a supervisor confirmed in a group: proposals leave them out. */
export interface CaseGroupMembersTable {
  group_id: string;
  case_id: string;
}

/** An escalation to the supervisors (shared Escalation), one per case and kind (migration 012). */
export interface EscalationsTable {
  id: string;
  case_id: string;
  kind: string;
  agent_id: string;
  /** JSON: the Escalation, with who acknowledged it. */
  data: string;
  raised_at: string;
  /** Commit order (kysely/commit-order.ts), renewed when acknowledged so the feed hands it out again. */
  change_seq: ChangeSeq;
}
