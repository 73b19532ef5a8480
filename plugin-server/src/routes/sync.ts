import { Hono } from 'hono';
import { z } from 'zod';
import { SyncPullQuery, SyncPullResponse, SyncPushRequest, SyncPushResponse } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import { ChangePosition, cursorCodec, InvalidCursorError, Position, type PullPosition, type Pulled } from '../store';
import type { RouteDeps } from './deps';

const DEFAULT_PULL_LIMIT = 100;

/** Where a pull resumes: the last case (`c`) and reminder (`r`) position sent, null before the first. */
const pullCursor = cursorCodec(z.object({ c: ChangePosition.nullable(), r: ChangePosition.nullable() }));
const FROM_THE_START = { c: null, r: null };

/**
 * What servers before migration 006 handed out: positions by acceptance time, which no longer
 * exist. Such a cursor starts again from the beginning (docs/decisions/003-sync.md): the agent's
 * own records come once more, which the client applies harmlessly (the newest version wins), and
 * any change the time order had skipped comes with them.
 */
const timeOrderedCursor = cursorCodec(z.object({ c: Position.nullable(), r: Position.nullable() }));

/** The positions to pull after; a cursor no server handed out is an InvalidCursorError (400). */
function resumeFrom(cursor: string | undefined): { c: PullPosition | null; r: PullPosition | null } {
  if (cursor === undefined) return FROM_THE_START;
  try {
    return pullCursor.decode(cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    timeOrderedCursor.decode(cursor);
    return FROM_THE_START;
  }
}

/** The last position sent, or where the pull started when nothing was. */
const lastOf = (pulled: Pulled<unknown>[], previous: PullPosition | null): PullPosition | null => {
  const last = pulled.at(-1);
  return last ? { seq: last.seq, id: last.id } : previous;
};

/** The extension's sync: push its outbox of changes (idempotent), pull what the server accepted. */
export const syncRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent', 'supervisor'))
    .post(
      '/push',
      describe("The extension's outbox, applied idempotently", { 200: SyncPushResponse }),
      validate('json', SyncPushRequest),
      async (c) => {
        const { changes } = c.req.valid('json');
        const results = await deps.store.sync.applyChanges(c.var.user.id, changes, deps.now());
        const body: SyncPushResponse = { results };
        return c.json(body, 200);
      },
    )
    .get(
      '/pull',
      describe("The caller's own accepted cases and reminders since a cursor", { 200: SyncPullResponse }),
      validate('query', SyncPullQuery),
      async (c) => {
        const { cursor, limit = DEFAULT_PULL_LIMIT, scope = 'all' } = c.req.valid('query');
        const after = resumeFrom(cursor);
        const agentId = c.var.user.id;
        // One row beyond the page tells whether more is ready.
        const [cases, reminders] = await Promise.all([
          deps.store.pull.cases({ agentId, after: after.c, limit: limit + 1 }),
          deps.store.pull.reminders({ agentId, after: after.r, limit: limit + 1 }),
        ]);
        const shownCases = cases.slice(0, limit);
        const shownReminders = reminders.slice(0, limit);
        const nextCursor = pullCursor.encode({ c: lastOf(shownCases, after.c), r: lastOf(shownReminders, after.r) });
        // The scope filters what is sent, not the cursor: a page of closed history moves it on too.
        const open = scope === 'open';
        const body: SyncPullResponse = {
          cases: shownCases.map((p) => p.record).filter((record) => !open || record.status !== 'closed'),
          reminders: shownReminders.map((p) => p.record).filter((record) => !open || record.status === 'pending' || record.status === 'fired'),
          cursor: nextCursor,
          // A full page always moves its cursor, so asking again makes progress.
          more: cases.length > limit || reminders.length > limit,
        };
        return c.json(body, 200);
      },
    );
