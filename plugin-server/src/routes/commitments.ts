import { Hono } from 'hono';
import { CommitmentList, CommitmentQuery } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

const DEFAULT_LIMIT = 100;

/** GET /api/commitments: broken and overdue promises across agents (言出必行), for supervisors and trainers. */
export const commitmentRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get(
      '/',
      describe('Broken or overdue promises, soonest due first', { 200: CommitmentList }),
      requireRole('supervisor', 'trainer'),
      validate('query', CommitmentQuery),
      async (c) => {
        const { state, limit = DEFAULT_LIMIT } = c.req.valid('query');
        return c.json({ commitments: await deps.store.commitments.list({ state, limit }, deps.now()) }, 200);
      },
    );
