import { Hono } from 'hono';
import { IdParam, type WordingRule, WordingRuleInput, WordingRuleList, WordingRuleResponse } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** Wording rules: every signed-in role reads them (the sidebar flags drafts); supervisors edit. */
export const wordingRuleRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('Forbidden phrases and unapproved promises', { 200: WordingRuleList }), async (c) =>
      c.json({ rules: await deps.store.wordingRules.list() }, 200),
    )
    .post(
      '/',
      describe('Add a rule', { 201: WordingRuleResponse }, [409]),
      requireRole('supervisor'),
      validate('json', WordingRuleInput),
      async (c) => {
        const rule: WordingRule = { ...c.req.valid('json'), updatedAt: deps.now().toISOString() };
        if (!(await deps.store.wordingRules.create(rule))) throw new ApiProblem(409, 'conflict', 'a rule with this id exists');
        return c.json({ rule }, 201);
      },
    )
    .put(
      '/:id',
      describe('Replace a rule', { 200: WordingRuleResponse }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      validate('json', WordingRuleInput),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        if (body.id !== id) throw new ApiProblem(400, 'validation_failed', 'invalid json', [{ path: 'id', message: 'differs from the path' }]);
        const rule: WordingRule = { ...body, updatedAt: deps.now().toISOString() };
        if (!(await deps.store.wordingRules.update(rule))) throw new ApiProblem(404, 'not_found', 'no such rule');
        return c.json({ rule }, 200);
      },
    )
    .delete('/:id', describe('Delete a rule', { 204: null }, [404]), requireRole('supervisor'), validate('param', IdParam), async (c) => {
      if (!(await deps.store.wordingRules.remove(c.req.valid('param').id))) throw new ApiProblem(404, 'not_found', 'no such rule');
      return c.body(null, 204);
    });
