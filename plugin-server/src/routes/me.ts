import { Hono } from 'hono';
import { type AuthEnv, authenticate } from '../auth/middleware';
import type { RouteDeps } from './deps';

/** GET /api/me: who the token belongs to. */
export const meRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>().use(authenticate(deps)).get('/', (c) => c.json({ user: c.var.user }, 200));
