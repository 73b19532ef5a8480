import { z } from 'zod';
import { ERROR_SCHEMA, type Operation, OPERATIONS } from './operations';

type JsonSchema = Record<string, unknown>;

// Input shapes for requests (what a client may send: defaults optional), output for responses.
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
};

function parameters(op: Operation) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

const ERROR_MEANINGS: Record<number, string> = {
  400: 'bad_request or validation_failed',
  401: 'unauthenticated or invalid_credentials',
  403: 'forbidden: the role may not, or a failed CSRF check',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests (see Retry-After)',
};

function responses(op: Operation) {
  const out: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(op.responses)) {
    if (schema === null) out[status] = { description: 'no body' };
    else if (schema.description === 'text/html') out[status] = { description: 'an HTML page', content: { 'text/html': { schema: { type: 'string' } } } };
    else out[status] = { description: 'success', content: { 'application/json': { schema: toSchema(schema, 'output') } } };
  }
  const errorStatuses = new Set<number>([...(op.errors ?? []), ...(op.body || op.query || op.params ? [400] : [])]);
  if (op.access !== 'public') {
    errorStatuses.add(401);
    errorStatuses.add(403);
  }
  if (op.body) errorStatuses.add(415);
  const errorContent = { 'application/json': { schema: toSchema(ERROR_SCHEMA, 'output') } };
  for (const status of [...errorStatuses].sort()) {
    out[String(status)] ??= { description: ERROR_MEANINGS[status] ?? 'client error', content: errorContent };
  }
  return out;
}

/** The OpenAPI 3.1 document of the API, generated from the shared zod schemas. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      'x-roles': op.access,
      ...(op.access === 'public' ? { security: [] } : {}),
      parameters: parameters(op),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } }
        : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: '3.1.0',
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
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
