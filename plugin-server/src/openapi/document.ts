import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { Role } from '../../../shared';
import { errorComponents, errorResponse, ROLES_KEY } from './describe';

/** Who may call an operation: anyone, or any of these roles. */
export type Access = 'public' | readonly Role[];

/** One operation of the document, as far as the docs page and the tests read it. */
export interface DocumentedOperation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  [ROLES_KEY]: Access;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** `getApiCasesById` for GET /api/cases/{id}: unique, since each method and path is one operation. */
const operationId = (method: string, path: string) =>
  method + path.split('/').map((segment) => (segment.startsWith('{') ? `By${pascal(segment.slice(1, -1))}` : pascal(segment))).join('');

/** Each distinct item once, in first-seen order. */
const distinct = <T>(items: readonly T[]) => [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];

export interface ApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocumentedOperation>>;
  [key: string]: unknown;
}

/**
 * The OpenAPI 3.1 document of `app`, read from the middleware of its routes (see describe.ts):
 * nothing about an operation is written here. What this adds follows from what the routes say:
 * the roles of an operation behind `authenticate` and no role check are all of them, and a
 * validated operation may answer 400, one with a JSON body 415.
 */
export async function openApiDocument(app: Hono): Promise<ApiDocument> {
  const document = await generateSpecs(app, {
    documentation: {
      info: {
        title: 'Lingting plugin server',
        version: '0.1.0',
        description:
          'Bearer tokens (extension) or the session cookie (admin pages; unsafe requests need X-CSRF-Token). Errors are { error: { code, message, issues? } }.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'lingting_session' },
        },
        responses: errorComponents(),
      },
    },
    // The admin pages are HTML for people, not API operations; /api/openapi.json is no static file.
    exclude: [/^\/admin(\/|$)/],
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  const paths: ApiDocument['paths'] = {};
  for (const [path, methods] of Object.entries(document.paths)) {
    paths[path] = {};
    for (const [method, operation] of Object.entries(methods ?? {})) {
      const op = operation as Omit<DocumentedOperation, typeof ROLES_KEY> & { [ROLES_KEY]?: readonly Role[] };
      const responses = { ...op.responses };
      if (op.parameters?.length || op.requestBody) responses['400'] ??= errorResponse(400);
      if (op.requestBody) responses['415'] ??= errorResponse(415);
      // hono-openapi merges the marks of `.use()` middleware into an operation once for every
      // marked handler of the route, so their lists repeat, and lends such operations the
      // middleware's own operationId: both are set right here.
      const roles = op[ROLES_KEY];
      const access: Access = op.security ? (roles ? distinct(roles) : Role.options) : 'public';
      const security = op.security && { security: distinct(op.security) };
      paths[path]![method] = { ...op, operationId: operationId(method, path), ...security, [ROLES_KEY]: access, responses };
    }
  }
  return { ...document, paths };
}
