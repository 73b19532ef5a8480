import { Hono } from 'hono';
import { z } from 'zod';
import { Locale, TemplateStatus } from '../../../shared';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import type { RouteDeps } from './deps';

const TemplateQuery = z.object({
  status: TemplateStatus.optional(),
  language: Locale.optional(),
});

/** GET /api/templates?status=&language=: reply templates; agents only ever get published ones. */
export const templateRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>().use(authenticate(deps)).get('/', validate('query', TemplateQuery), async (c) => {
    const query = c.req.valid('query');
    // Drafts are the supervisors' work in progress: an agent must not insert unapproved wording.
    if (c.var.user.role === 'agent' && query.status !== undefined && query.status !== 'published') {
      throw new ApiProblem(403, 'forbidden', 'agents see published templates only');
    }
    const status = c.var.user.role === 'agent' ? 'published' : query.status;
    const templates = await deps.store.templates.list({ status, language: query.language });
    return c.json({ templates }, 200);
  });
