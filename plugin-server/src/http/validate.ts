import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { marked } from '../openapi/describe';
import { ApiProblem } from './problem';

type Target = 'json' | 'query' | 'param';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** `path.to.0.field` for an issue, the form shared ApiError documents. */
const issuePath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** What @hono/zod-validator hands its hook, as far as the hook reads it. */
interface Outcome {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  target: string;
}

/**
 * What every validator does with its result. Hono reads a JSON body only when it is declared as
 * JSON and validates `{}` otherwise, so the media type is checked here, before the verdict.
 */
function answerProblems(result: Outcome, c: Context): void {
  if (result.target === 'json') {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ApiProblem(415, 'unsupported_media_type', 'send the body as application/json');
  }
  if (!result.success) {
    const issues = (result.error?.issues ?? []).map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
    throw new ApiProblem(400, 'validation_failed', `invalid ${result.target}`, issues);
  }
}

/**
 * Validates one part of the request with a zod schema (@hono/zod-validator, which reads the body
 * through Hono's body cache, where http/body.ts put it on Node); the handler reads the parsed value
 * with `c.req.valid(target)`. Failures are 400 validation_failed with every failing path; a JSON
 * body sent with another content type is 415, and malformed JSON 400 bad_request (raised by Hono).
 *
 * The same schema describes the operation's parameters or body in the OpenAPI document: the
 * middleware carries the mark hono-openapi's own validator carries (openapi/document.ts).
 */
export function validate<T extends Target, S extends z.ZodType>(target: T, schema: S) {
  return marked(zValidator(target, schema, answerProblems), { target, ...resolver(schema) });
}
