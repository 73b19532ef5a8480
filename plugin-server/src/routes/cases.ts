import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../../shared';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { canSee, caseScope, presentCase } from '../policy/cases';
import type { RouteDeps } from './deps';

/** GET /api/cases and /api/cases/:id, filtered and masked per role (see policy/cases.ts). */
export const caseRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', async (c) => {
      const user = c.var.user;
      // The largest page until the API takes filters and a cursor (GET /api/cases?q=…).
      const { cases } = await deps.store.cases.list({ ...caseScope(user), limit: 200 });
      return c.json({ cases: cases.map((stored) => presentCase(user, stored)) }, 200);
    })
    .get('/:id', validate('param', z.object({ id: Id })), async (c) => {
      const user = c.var.user;
      const stored = await deps.store.cases.get(c.req.valid('param').id);
      // Someone else's case answers exactly like a missing one: its existence is not disclosed.
      if (!stored || !canSee(user, stored)) throw new ApiProblem(404, 'not_found', 'no such case');
      return c.json({ case: presentCase(user, stored) }, 200);
    });
