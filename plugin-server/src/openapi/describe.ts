import type { MiddlewareHandler } from 'hono';
import {
  type DescribeRouteOptions,
  describeRoute,
  type HandlerUniqueProperty,
  resolver,
  type ResponsesWithResolver,
  uniqueSymbol,
} from 'hono-openapi';
import type { z } from 'zod';
import { ApiError, type Role } from '../../../shared';

/** What each documented client error means; the body is always the shared ApiError. */
const ERROR_MEANINGS = {
  400: 'bad_request or validation_failed',
  401: 'unauthenticated or invalid_credentials',
  403: 'forbidden: the role may not, or a failed CSRF check; invalid_credentials: a wrong current password',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests (see Retry-After)',
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANINGS;

/** A response body as sent: what the server writes is the schema's output. */
const sent = (schema: z.ZodType) => ({ 'application/json': { schema: resolver(schema, { options: { io: 'output' } }) } });

/** The document's `components.responses`: one entry per client error, which operations refer to. */
export const errorComponents = (): ResponsesWithResolver =>
  Object.fromEntries(
    Object.entries(ERROR_MEANINGS).map(([status, description]) => [`Error${status}`, { description, content: sent(ApiError) }]),
  );

/** A reference to the documented response for a client error. */
export const errorResponse = (status: ErrorStatus) => ({ $ref: `#/components/responses/Error${status}` });

/** A success body: a shared schema, `null` for none (204), `'html'` for a page. */
export type Body = z.ZodType | null | 'html';

function response(status: number, body: Body) {
  if (body === null) return { description: 'no body' };
  if (body === 'html') return { description: 'an HTML page', content: { 'text/html': { schema: { type: 'string' as const } } } };
  return { description: status < 300 ? 'success' : (ERROR_MEANINGS[status as ErrorStatus] ?? 'client error'), content: sent(body) };
}

/**
 * Describes the operation it is put on, beside its handler: what it does, what it answers, and
 * the client errors that have a meaning of their own there (404, 409, 429…). The rest of the
 * operation is described by its other middleware: parameters and bodies by its validators
 * (http/validate.ts), who may call it by its auth middleware (auth/middleware.ts).
 */
export function describe(summary: string, bodies: Partial<Record<number, Body>>, errors: readonly ErrorStatus[] = []): MiddlewareHandler {
  const responses: ResponsesWithResolver = {};
  for (const [status, body] of Object.entries(bodies)) if (body !== undefined) responses[status] = response(Number(status), body);
  for (const status of errors) responses[status] ??= errorResponse(status);
  return describeRoute({ summary, responses });
}

/** The OpenAPI extension naming the roles an operation admits; absent on public operations. */
export const ROLES_KEY = 'x-roles';

/** What a guard adds to every operation behind it: the roles it admits, its security, its errors. */
export type GuardDescription = DescribeRouteOptions & { [ROLES_KEY]?: readonly Role[] };

/**
 * Marks a middleware with its part of the operation's description, where hono-openapi looks for
 * it. The type stays the middleware's own: the mark is for the document, not for the client.
 */
export function marked<M extends MiddlewareHandler>(middleware: M, mark: HandlerUniqueProperty): M {
  Object.assign(middleware, { [uniqueSymbol]: mark });
  return middleware;
}

/**
 * Marks a middleware with what it adds to the description of every operation it guards.
 * hono-openapi merges the marks of all middleware on a route, those of `.use()` included, so a
 * role check that is enforced by a middleware is documented by that same middleware.
 */
export const documenting = <M extends MiddlewareHandler>(middleware: M, spec: GuardDescription): M => marked(middleware, { spec });
