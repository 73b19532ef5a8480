import { Hono } from 'hono';
import { SyncPushRequest, type SyncPushResponse } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import type { RouteDeps } from './deps';

/** POST /api/sync/push: the extension's outbox of case changes, applied idempotently. */
export const syncRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent', 'supervisor'))
    .post('/push', validate('json', SyncPushRequest), async (c) => {
      const { changes } = c.req.valid('json');
      const results = await deps.store.sync.applyChanges(c.var.user.id, changes, deps.now());
      const body: SyncPushResponse = { results };
      return c.json(body, 200);
    });
