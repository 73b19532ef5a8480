import { Hono } from 'hono';
import { z } from 'zod';
import { SyncPullQuery, SyncPullResponse, SyncPushRequest, SyncPushResponse } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import { cursorCodec, Position, type PullPosition, type Pulled } from '../store';
import type { RouteDeps } from './deps';

const DEFAULT_PULL_LIMIT = 100;

/**
 * A pull cursor never moves past changes accepted in the last few seconds: on PostgreSQL a
 * transaction can commit after another that took a later timestamp, and would otherwise be
 * skipped. Such recent changes are sent again on the next pull instead; the client keeps the
 * newest version, so a repeat is harmless.
 */
const SETTLE_MS = 5_000;

/** Where a pull resumes: the last case (`c`) and reminder (`r`) position sent, null before the first. */
const pullCursor = cursorCodec(z.object({ c: Position.nullable(), r: Position.nullable() }));
const FROM_THE_START = { c: null, r: null };

/** The position to resume from: the last pulled record accepted before the settle window. */
function resumeAfter(pulled: Pulled<unknown>[], previous: PullPosition | null, settledBefore: string): PullPosition | null {
  const settled = pulled.filter((p) => p.at < settledBefore).at(-1);
  return settled ? { at: settled.at, id: settled.id } : previous;
}

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
        const after = cursor === undefined ? FROM_THE_START : pullCursor.decode(cursor);
        const agentId = c.var.user.id;
        // One row beyond the page tells whether more is ready.
        const [cases, reminders] = await Promise.all([
          deps.store.pull.cases({ agentId, after: after.c, limit: limit + 1 }),
          deps.store.pull.reminders({ agentId, after: after.r, limit: limit + 1 }),
        ]);
        const shownCases = cases.slice(0, limit);
        const shownReminders = reminders.slice(0, limit);
        const settledBefore = new Date(deps.now().getTime() - SETTLE_MS).toISOString();
        const nextCursor = pullCursor.encode({
          c: resumeAfter(shownCases, after.c, settledBefore),
          r: resumeAfter(shownReminders, after.r, settledBefore),
        });
        // The scope filters what is sent, not the cursor: a page of closed history moves it on too.
        const open = scope === 'open';
        const body: SyncPullResponse = {
          cases: shownCases.map((p) => p.record).filter((record) => !open || record.status !== 'closed'),
          reminders: shownReminders.map((p) => p.record).filter((record) => !open || record.status === 'pending' || record.status === 'fired'),
          cursor: nextCursor,
          // Only when the cursor moved: otherwise the client would ask again for the same page.
          more: (cases.length > limit || reminders.length > limit) && nextCursor !== (cursor ?? pullCursor.encode(after)),
        };
        return c.json(body, 200);
      },
    );
