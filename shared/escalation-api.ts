import { z } from 'zod';
import { Escalation } from './case-escalation';

// Escalations over HTTP and over the supervisors' live feed (docs/decisions/010-escalation-delivery.md).

/** GET /api/escalations: the supervisors' feed after a cursor, over HTTP (the live feed's catch-up, for any client). */
export const EscalationQuery = z.object({
  /** An opaque position this server handed out; absent: from the start. */
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type EscalationQuery = z.infer<typeof EscalationQuery>;

export const EscalationList = z.object({
  escalations: z.array(Escalation),
  /** Where the next page (or the live feed) resumes; null when nothing was handed out after `after`. */
  cursor: z.string().nullable(),
});
export type EscalationList = z.infer<typeof EscalationList>;

/** GET /api/cases/:id/escalations: what the agent's sidebar shows ("taken by … at …"). */
export const CaseEscalations = z.object({ escalations: z.array(Escalation) });
export type CaseEscalations = z.infer<typeof CaseEscalations>;

/** POST /api/escalations/:id/ack: the escalation as it now stands; the first supervisor to take it keeps it. */
export const EscalationResponse = z.object({ escalation: Escalation });
export type EscalationResponse = z.infer<typeof EscalationResponse>;

/** The path of the live feed under the server's base URL. */
export const ESCALATION_FEED_PATH = '/api/escalations/live';

/** What a client sends first on the live feed: its bearer token (browsers cannot set headers on a WebSocket) and where it stopped. */
export const FeedHello = z.object({
  type: z.literal('hello'),
  token: z.string().min(1).max(500),
  after: z.string().min(1).max(200).nullable(),
});
export type FeedHello = z.infer<typeof FeedHello>;

/**
 * What the server sends: `ready` once the client is signed in and caught up; `escalation` for
 * each one raised or acknowledged, with the position to resume after; `ping` every
 * FEED_PING_MS, which keeps an extension's service worker alive and lets a dead link be noticed.
 */
export const FeedMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), cursor: z.string().nullable() }),
  z.object({ type: z.literal('escalation'), escalation: Escalation, cursor: z.string() }),
  z.object({ type: z.literal('ping') }),
]);
export type FeedMessage = z.infer<typeof FeedMessage>;

/** Under the 30 s after which Chrome stops an idle extension service worker. */
export const FEED_PING_MS = 20_000;

/** Close codes of the live feed, in the range RFC 6455 leaves to applications. */
export const FEED_CLOSE = {
  /** The token is unknown, expired or revoked: sign in again, do not retry. */
  unauthenticated: 4401,
  /** Signed in, but not a supervisor. */
  forbidden: 4403,
  /** The first message was not a hello, or came too late. */
  badHello: 4400,
} as const;
