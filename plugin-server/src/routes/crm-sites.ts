import { Hono } from 'hono';
import { CrmSite, CrmSiteList, CrmSiteResponse, IdParam } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** CRM site configurations: every signed-in role reads them (the extension needs them); supervisors edit. */
export const crmSiteRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('CRM site configurations', { 200: CrmSiteList }), async (c) => c.json({ sites: await deps.store.crmSites.list() }, 200))
    .post(
      '/',
      describe('Add a CRM site (client-generated id)', { 201: CrmSiteResponse }, [409]),
      requireRole('supervisor'),
      validate('json', CrmSite),
      async (c) => {
        const site = c.req.valid('json');
        if (!(await deps.store.crmSites.create(site, deps.now()))) throw new ApiProblem(409, 'conflict', 'a site with this id exists');
        return c.json({ site }, 201);
      },
    )
    .put(
      '/:id',
      describe('Replace a CRM site', { 200: CrmSiteResponse }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      validate('json', CrmSite),
      async (c) => {
        const site = c.req.valid('json');
        if (site.id !== c.req.valid('param').id) {
          throw new ApiProblem(400, 'validation_failed', 'invalid json', [{ path: 'id', message: 'differs from the path' }]);
        }
        if (!(await deps.store.crmSites.update(site, deps.now()))) throw new ApiProblem(404, 'not_found', 'no such site');
        return c.json({ site }, 200);
      },
    )
    .delete('/:id', describe('Delete a CRM site', { 204: null }, [404]), requireRole('supervisor'), validate('param', IdParam), async (c) => {
      if (!(await deps.store.crmSites.remove(c.req.valid('param').id))) throw new ApiProblem(404, 'not_found', 'no such site');
      return c.body(null, 204);
    });
