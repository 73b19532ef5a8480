import { Hono } from 'hono';
import { z } from 'zod';
import { SyncPullQuery, type SyncPullResponse, SyncPushRequest, type SyncPushResponse } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import type { PullPosition, Pulled } from '../store';
import type { RouteDeps } from './deps';

const DEFAULT_PULL_LIMIT = 100;

/**
 * A pull cursor never moves past changes accepted in the last few seconds: on PostgreSQL a
 * transaction can commit after another that took a later timestamp, and would otherwise be
 * skipped. Such recent changes are sent again on the next pull instead; the client keeps the
 * newest version, so a repeat is harmless.
 */
const SETTLE_MS = 5_000;

const Position = z.tuple([z.string(), z.string()]).nullable();
const PullCursor = z.object({ c: Position, r: Position });
type Positions = { cases: PullPosition | null; reminders: PullPosition | null };

function decodeCursor(cursor: string | undefined): Positions {
  if (cursor === undefined) return { cases: null, reminders: null };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = PullCursor.safeParse(raw);
  if (!parsed.success) throw new ApiProblem(400, 'bad_request', 'the cursor is not one this server gave out');
  const position = (p: [string, string] | null) => (p ? { at: p[0], id: p[1] } : null);
  return { cases: position(parsed.data.c), reminders: position(parsed.data.r) };
}

function encodeCursor({ cases, reminders }: Positions): string {
  const tuple = (p: PullPosition | null) => (p ? [p.at, p.id] : null);
  return Buffer.from(JSON.stringify({ c: tuple(cases), r: tuple(reminders) })).toString('base64url');
}

/** The position to resume from: the last pulled record accepted before the settle window. */
function resumeAfter(pulled: Pulled<unknown>[], previous: PullPosition | null, settledBefore: string): PullPosition | null {
  const settled = pulled.filter((p) => p.at < settledBefore).at(-1);
  return settled ? { at: settled.at, id: settled.id } : previous;
}

/** The extension's sync: push its outbox of changes (idempotent), pull what the server accepted. */
export const syncRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent', 'supervisor'))
    .post('/push', validate('json', SyncPushRequest), async (c) => {
      const { changes } = c.req.valid('json');
      const results = await deps.store.sync.applyChanges(c.var.user.id, changes, deps.now());
      const body: SyncPushResponse = { results };
      return c.json(body, 200);
    })
    .get('/pull', validate('query', SyncPullQuery), async (c) => {
      const { cursor, limit = DEFAULT_PULL_LIMIT, scope = 'all' } = c.req.valid('query');
      const after = decodeCursor(cursor);
      const agentId = c.var.user.id;
      // One row beyond the page tells whether more is ready.
      const [cases, reminders] = await Promise.all([
        deps.store.pull.cases({ agentId, after: after.cases, limit: limit + 1 }),
        deps.store.pull.reminders({ agentId, after: after.reminders, limit: limit + 1 }),
      ]);
      const shownCases = cases.slice(0, limit);
      const shownReminders = reminders.slice(0, limit);
      const settledBefore = new Date(deps.now().getTime() - SETTLE_MS).toISOString();
      const next = {
        cases: resumeAfter(shownCases, after.cases, settledBefore),
        reminders: resumeAfter(shownReminders, after.reminders, settledBefore),
      };
      const nextCursor = encodeCursor(next);
      // The scope filters what is sent, not the cursor: a page of closed history moves it on too.
      const open = scope === 'open';
      const body: SyncPullResponse = {
        cases: shownCases.map((p) => p.record).filter((record) => !open || record.status !== 'closed'),
        reminders: shownReminders.map((p) => p.record).filter((record) => !open || record.status === 'pending' || record.status === 'fired'),
        cursor: nextCursor,
        // Only when the cursor moved: otherwise the client would ask again for the same page.
        more: (cases.length > limit || reminders.length > limit) && nextCursor !== (cursor ?? encodeCursor(after)),
      };
      return c.json(body, 200);
    });
