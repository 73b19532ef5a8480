import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiProblem } from './problem';

type Target = 'json' | 'query' | 'param';

// What the typed client may send for each target: JSON as the schema's input; query and path
// parameters as the schema's input when that is made of strings (enums stay enums), else as
// plain strings under the schema's keys. Mirrors @hono/zod-validator's typing.
type ClientInput<T extends Target, In> = T extends 'json'
  ? In
  : In extends ValidationTargets[T]
    ? In
    : { [K in keyof In]: ValidationTargets[T][K & string] };

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** `path.to.0.field` for an issue, the form shared ApiError documents. */
const issuePath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Validates one part of the request with a zod schema; the handler reads the parsed value with
 * `c.req.valid(target)`. Failures become 400 validation_failed with every failing path; a JSON
 * body sent with another content type is 415, and malformed JSON 400 bad_request (raised by Hono).
 */
export function validate<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hono's own validators leave the Env open the same way
): MiddlewareHandler<any, string, { in: { [K in T]: ClientInput<K, z.input<S>> }; out: { [K in T]: z.output<S> } }> {
  const middleware = validator(target, async (value, c) => {
    if (target === 'json') {
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
      if (!JSON_MEDIA_TYPE.test(mediaType)) {
        throw new ApiProblem(415, 'unsupported_media_type', 'send the body as application/json');
      }
    }
    const parsed = await schema.safeParseAsync(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
      throw new ApiProblem(400, 'validation_failed', `invalid ${target}`, issues);
    }
    return parsed.data;
  });
  // Only the static type changes: Hono infers `in` from the returned value, but the typed client
  // must see the schema's input type (for example, fields with defaults are optional to send).
  return middleware as MiddlewareHandler;
}
