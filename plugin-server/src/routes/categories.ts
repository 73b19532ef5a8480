import { Hono } from 'hono';
import { type AuthEnv, authenticate } from '../auth/middleware';
import type { RouteDeps } from './deps';

/** GET /api/categories: the complaint-category tree, for every signed-in role. */
export const categoryRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', async (c) => c.json({ categories: await deps.store.categories.list() }, 200));
