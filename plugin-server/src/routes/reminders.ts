import { Hono } from 'hono';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import type { RouteDeps } from './deps';

/** GET /api/reminders: the agent's own follow-up reminders, soonest due first (written through sync). */
export const reminderRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent'))
    .get('/', async (c) => c.json({ reminders: await deps.store.reminders.list({ agentId: c.var.user.id }) }, 200));
