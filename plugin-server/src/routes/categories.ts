import { Hono } from 'hono';
import { CategoryCreateRequest, CategoryIdParam, CategoryList, CategoryResponse, CategoryUpdateRequest } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { CategoryWrite } from '../store';
import type { RouteDeps } from './deps';

function categoryOrThrow(result: CategoryWrite) {
  if (result.ok) return result.category;
  switch (result.reason) {
    case 'not_found':
      throw new ApiProblem(404, 'not_found', 'no such category');
    case 'id_taken':
      throw new ApiProblem(409, 'conflict', 'a category with this id exists');
    case 'parent_missing':
      throw new ApiProblem(400, 'validation_failed', 'invalid json', [{ path: 'parentId', message: 'no such category' }]);
    case 'cycle':
      throw new ApiProblem(409, 'conflict', 'a category cannot move under itself or one of its descendants');
  }
}

/**
 * The complaint-category tree: every signed-in role reads it; supervisors add, rename, move
 * (never into a cycle) and delete (only what nothing uses).
 */
export const categoryRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('The category tree, parents first', { 200: CategoryList }), async (c) =>
      c.json({ categories: await deps.store.categories.list() }, 200),
    )
    .post(
      '/',
      describe('Add a category', { 201: CategoryResponse }, [409]),
      requireRole('supervisor'),
      validate('json', CategoryCreateRequest),
      async (c) => {
        const category = categoryOrThrow(await deps.store.categories.create(c.req.valid('json')));
        return c.json({ category }, 201);
      },
    )
    .patch(
      '/:id',
      describe('Rename, move (no cycles) or reorder', { 200: CategoryResponse }, [404, 409]),
      requireRole('supervisor'),
      validate('param', CategoryIdParam),
      validate('json', CategoryUpdateRequest),
      async (c) => {
        const category = categoryOrThrow(await deps.store.categories.update(c.req.valid('param').id, c.req.valid('json')));
        return c.json({ category }, 200);
      },
    )
    .delete(
      '/:id',
      describe('Delete an unused category (409 says what uses it)', { 204: null }, [404, 409]),
      requireRole('supervisor'),
      validate('param', CategoryIdParam),
      async (c) => {
        const result = await deps.store.categories.remove(c.req.valid('param').id);
        if (result.ok) return c.body(null, 204);
        if (result.reason === 'not_found') throw new ApiProblem(404, 'not_found', 'no such category');
        const { children, templates, cases } = result.usedBy;
        throw new ApiProblem(
          409,
          'conflict',
          `the category is still used by ${children} subcategories, ${templates} templates and ${cases} cases`,
        );
      },
    );
