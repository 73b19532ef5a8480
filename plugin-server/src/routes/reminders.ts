import { Hono } from 'hono';
import { ReminderList } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** GET /api/reminders: the agent's own follow-up reminders, soonest due first (written through sync). */
export const reminderRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent'))
    .get('/', describe("The agent's own follow-up reminders, soonest due first", { 200: ReminderList }), async (c) =>
      c.json({ reminders: await deps.store.reminders.list({ agentId: c.var.user.id }) }, 200),
    );
