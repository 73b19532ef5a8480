import { Hono, type TypedResponse } from 'hono';
import {
  IdParam,
  type Template,
  TemplateConflict,
  TemplateCreateRequest,
  type TemplateFields,
  TemplateList,
  TemplateQuery,
  TemplateResponse,
  TemplateStatusRequest,
  TemplateUpdateRequest,
  TemplateVersionList,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem, errorBody } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { TemplateFilter, TemplateWrite } from '../store';
import type { RouteDeps } from './deps';

/** Unknown category ids are a client mistake (400), caught before anything is written. */
async function checkCategories(deps: RouteDeps, fields: TemplateFields) {
  if (fields.categoryIds.length === 0) return;
  const known = new Set((await deps.store.categories.list()).map((c) => c.id));
  const issues = fields.categoryIds
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !known.has(id))
    .map(({ id, index }) => ({ path: `categoryIds.${index}`, message: `no category ${id}` }));
  if (issues.length) throw new ApiProblem(400, 'validation_failed', 'invalid json', issues);
}

const CONFLICT_MESSAGES = {
  stale: 'the template was changed since you opened it; merge with the current version and retry',
  not_editable: 'only drafts are edited; move the template back to draft first',
  bad_transition: 'that status change is not allowed from the current status',
} as const;

/** The result of a write as a response: 200/201 with the template, or a precise 404/409. */
function answer(result: TemplateWrite): { body: { template: Template } | TemplateConflict; status: 200 | 409 } {
  if (result.ok) return { body: { template: result.template }, status: 200 };
  switch (result.reason) {
    case 'not_found':
      throw new ApiProblem(404, 'not_found', 'no such template');
    case 'id_taken':
      throw new ApiProblem(409, 'conflict', 'a template with this id exists');
    case 'shortcut_taken':
      throw new ApiProblem(409, 'conflict', 'another template in this language has this shortcut');
    default:
      // The current template travels with the 409 so the editor can merge: no update is lost silently.
      return { body: { ...errorBody('conflict', CONFLICT_MESSAGES[result.reason]), current: result.current }, status: 409 };
  }
}

/**
 * Reply templates. Everyone signed in reads (agents only published ones); supervisors create
 * drafts, edit them and move them draft → published → archived. Every write names the `version`
 * the editor saw; a stale one is 409 with the current template.
 */
export const templateRoutes = (deps: RouteDeps) => {
  // Every agent's sidebar refreshes the same few lists; they are kept serialised and reused while
  // the store's fingerprint says nothing changed (checked on every request, so never stale).
  // Kept as UTF-8 bytes, so a cache hit is not even re-encoded.
  const lists = new Map<string, { fingerprint: string; json: Uint8Array<ArrayBuffer> }>();
  const encoder = new TextEncoder();
  const serialise = async (filter: TemplateFilter) =>
    encoder.encode(JSON.stringify({ templates: await deps.store.templates.list(filter) }));

  async function listJson(filter: TemplateFilter): Promise<Uint8Array<ArrayBuffer>> {
    if (filter.text !== undefined) return serialise(filter);
    const key = `${filter.status ?? ''}|${filter.language ?? ''}`;
    const fingerprint = await deps.store.templates.fingerprint();
    const cached = lists.get(key);
    if (cached?.fingerprint === fingerprint) return cached.json;
    const json = await serialise(filter);
    lists.set(key, { fingerprint, json });
    return json;
  }

  return new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get(
      '/',
      describe('Templates by status, language, text; agents get published only', { 200: TemplateList }),
      validate('query', TemplateQuery),
      async (c) => {
        const query = c.req.valid('query');
        // Drafts are the supervisors' work in progress: an agent must not insert unapproved wording.
        if (c.var.user.role === 'agent' && query.status !== undefined && query.status !== 'published') {
          throw new ApiProblem(403, 'forbidden', 'agents see published templates only');
        }
        const status = c.var.user.role === 'agent' ? 'published' : query.status;
        const json = await listJson({ status, language: query.language, text: query.q });
        // Typed as the list it is, for the client; the body is the cached serialisation.
        return c.body(json, 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<{ templates: Template[] }, 200, 'json'>;
      },
    )
    .get('/:id', describe('One template (agents: published only)', { 200: TemplateResponse }, [404]), validate('param', IdParam), async (c) => {
      const template = await deps.store.templates.get(c.req.valid('param').id);
      // An agent asking for a draft is told nothing about it, as if it did not exist.
      if (!template || (c.var.user.role === 'agent' && template.status !== 'published')) {
        throw new ApiProblem(404, 'not_found', 'no such template');
      }
      return c.json({ template }, 200);
    })
    .get(
      '/:id/versions',
      describe('Immutable published versions', { 200: TemplateVersionList }, [404]),
      requireRole('supervisor', 'trainer'),
      validate('param', IdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await deps.store.templates.get(id))) throw new ApiProblem(404, 'not_found', 'no such template');
        return c.json({ versions: await deps.store.templateVersions.list(id) }, 200);
      },
    )
    .post(
      '/',
      describe('Create a draft', { 201: TemplateResponse }, [409]),
      requireRole('supervisor'),
      validate('json', TemplateCreateRequest),
      async (c) => {
        const { id, ...fields } = c.req.valid('json');
        await checkCategories(deps, fields);
        const { body, status } = answer(await deps.store.templates.create(id, fields, deps.now()));
        return status === 200 ? c.json(body, 201) : c.json(body, status);
      },
    )
    .put(
      '/:id',
      describe('Edit a draft at the version you read (409 with the current one)', { 200: TemplateResponse, 409: TemplateConflict }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      validate('json', TemplateUpdateRequest),
      async (c) => {
        const { version, ...fields } = c.req.valid('json');
        await checkCategories(deps, fields);
        const { body, status } = answer(await deps.store.templates.update(c.req.valid('param').id, version, fields, deps.now()));
        return c.json(body, status);
      },
    )
    .post(
      '/:id/status',
      describe('Publish, archive or return to draft, at the version you read', { 200: TemplateResponse, 409: TemplateConflict }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      validate('json', TemplateStatusRequest),
      async (c) => {
        const { status: next, version } = c.req.valid('json');
        const result = await deps.store.templates.changeStatus(c.req.valid('param').id, version, next, c.var.user.id, deps.now());
        const { body, status } = answer(result);
        return c.json(body, status);
      },
    );
};
