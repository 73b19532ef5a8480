import { z } from 'zod';
import { Case, StoredCase } from './case';
import { Category } from './category';
import { Id, Instant } from './primitives';
import { Reminder } from './reminder';
import { Template } from './template';
import { User, Username } from './user';
import { MAX_PUSH_CHANGES } from './sync-limits';

/** Stable error codes: clients branch on these, never on the message. */
export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** For validation errors: the failing paths, e.g. `changes.0.case.phone`. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const SignInRequest = z.object({
  username: Username,
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** A bearer token for the extension: shown once, stored hashed on the server. */
export const SignInResponse = z.object({
  token: z.string(),
  user: User,
  expiresAt: Instant,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/**
 * One change from a client's outbox. `changeId` names the change itself, per user, so a replay
 * of the same change (a lost response, a restarted service worker) is recognised and answered
 * with the result recorded the first time; another change under an id already used is rejected.
 */
export const SyncChange = z.discriminatedUnion('kind', [
  z.object({ changeId: Id, kind: z.literal('case.put'), case: Case }),
  /** A reminder of one of the pushing agent's own cases; the newest `updatedAt` wins. */
  z.object({ changeId: Id, kind: z.literal('reminder.put'), reminder: Reminder }),
]);
export type SyncChange = z.infer<typeof SyncChange>;

export const SyncPushRequest = z.object({
  changes: z.array(SyncChange).min(1).max(MAX_PUSH_CHANGES),
});
export type SyncPushRequest = z.infer<typeof SyncPushRequest>;

/**
 * Why the server refused a change, as a code: the extension shows it in the agent's words
 * (`rejections`). `change_id_reused`: the pushing user already sent another change under this
 * change id (a replay must be the same change).
 */
export const RejectionReason = z.enum(['case_of_other_agent', 'reminder_case_unknown', 'reminder_id_taken', 'change_id_reused']);
export type RejectionReason = z.infer<typeof RejectionReason>;

/**
 * applied: stored now. stale: a newer version of the case was already stored (harmless).
 * rejected: not allowed, with the reason; the client keeps it for the agent.
 */
export const SyncResult = z.object({
  changeId: Id,
  status: z.enum(['applied', 'stale', 'rejected']),
  reason: RejectionReason.optional(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const SyncPushResponse = z.object({ results: z.array(SyncResult) });
export type SyncPushResponse = z.infer<typeof SyncPushResponse>;

export const TemplateList = z.object({ templates: z.array(Template) });
export const CategoryList = z.object({ categories: z.array(Category) });

/** GET /api/sync/pull: the caller's own accepted changes after `cursor` (from the start without one). */
export const SyncPullQuery = z.object({
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /**
   * `open` leaves out closed cases and done or cancelled reminders, while the cursor still moves
   * past them: what a device catching up for the first time needs, without the agent's history.
   */
  scope: z.enum(['all', 'open']).optional(),
});
export type SyncPullQuery = z.infer<typeof SyncPullQuery>;

/**
 * A page of accepted changes, in the order they were committed. Pass `cursor` back to continue
 * (it is opaque); `more` says another page is ready now. Each change is sent once; a change still
 * being committed comes in a later pull, never skipped.
 */
export const SyncPullResponse = z.object({
  cases: z.array(StoredCase),
  reminders: z.array(Reminder),
  cursor: z.string(),
  more: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof SyncPullResponse>;
