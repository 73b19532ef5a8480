import { Hono } from 'hono';
import type { z } from 'zod';
import { Department, DepartmentList, DepartmentResponse, EmergencyPlan, EmergencyPlanList, EmergencyPlanResponse, SlugParam } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { SortedDocumentRepository } from '../store';
import type { RouteDeps } from './deps';

interface SortedDocumentApi<T extends { id: string }> {
  /** "department", "emergency plan": in summaries and errors. */
  noun: string;
  schema: z.ZodType<T>;
  repository: (deps: RouteDeps) => SortedDocumentRepository<T>;
  listSchema: z.ZodType;
  itemSchema: z.ZodType;
  wrap: (items: T[]) => object;
  wrapOne: (item: T) => object;
}

/** Every signed-in role reads the list (the sidebar dispatches and opens plans); supervisors edit it. */
function sortedDocumentRoutes<T extends { id: string }>(deps: RouteDeps, api: SortedDocumentApi<T>) {
  const repository = api.repository(deps);
  return new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe(`Every ${api.noun}`, { 200: api.listSchema }), async (c) => c.json(api.wrap(await repository.list()), 200))
    .post('/', describe(`Add a ${api.noun}`, { 201: api.itemSchema }, [409]), requireRole('supervisor'), validate('json', api.schema), async (c) => {
      const item = c.req.valid('json') as T;
      if (!(await repository.create(item, deps.now()))) throw new ApiProblem(409, 'conflict', `a ${api.noun} with this id exists`);
      return c.json(api.wrapOne(item), 201);
    })
    .put(
      '/:id',
      describe(`Replace a ${api.noun}`, { 200: api.itemSchema }, [404]),
      requireRole('supervisor'),
      validate('param', SlugParam),
      validate('json', api.schema),
      async (c) => {
        const item = c.req.valid('json') as T;
        if (item.id !== c.req.valid('param').id) throw new ApiProblem(400, 'validation_failed', 'invalid json', [{ path: 'id', message: 'differs from the path' }]);
        if (!(await repository.update(item, deps.now()))) throw new ApiProblem(404, 'not_found', `no such ${api.noun}`);
        return c.json(api.wrapOne(item), 200);
      },
    )
    .delete('/:id', describe(`Delete a ${api.noun}`, { 204: null }, [404]), requireRole('supervisor'), validate('param', SlugParam), async (c) => {
      if (!(await repository.remove(c.req.valid('param').id))) throw new ApiProblem(404, 'not_found', `no such ${api.noun}`);
      return c.body(null, 204);
    });
}

/** /api/departments: who cases are dispatched to, and the categories routed to each. */
export const departmentRoutes = (deps: RouteDeps) =>
  sortedDocumentRoutes(deps, {
    noun: 'department',
    schema: Department,
    repository: (d) => d.store.departments,
    listSchema: DepartmentList,
    itemSchema: DepartmentResponse,
    wrap: (departments) => ({ departments }),
    wrapOne: (department) => ({ department }),
  });

/** /api/emergency-plans: emergency types, their checklists, whom to notify and the one spokesperson. */
export const emergencyPlanRoutes = (deps: RouteDeps) =>
  sortedDocumentRoutes(deps, {
    noun: 'emergency plan',
    schema: EmergencyPlan,
    repository: (d) => d.store.emergencyPlans,
    listSchema: EmergencyPlanList,
    itemSchema: EmergencyPlanResponse,
    wrap: (emergencyPlans) => ({ emergencyPlans }),
    wrapOne: (emergencyPlan) => ({ emergencyPlan }),
  });
