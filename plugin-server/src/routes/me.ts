import { Hono } from 'hono';
import { MeResponse } from '../../../shared';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** GET /api/me: who the token belongs to. */
export const meRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('Who is signed in', { 200: MeResponse }), (c) => c.json({ user: c.var.user }, 200));
