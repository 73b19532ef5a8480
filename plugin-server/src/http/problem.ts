import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ErrorCode } from '../../../shared';

type Issue = NonNullable<ApiError['error']['issues']>[number];

/** The one error body shape every failure uses (shared `ApiError`). */
export function errorBody(code: ErrorCode, message: string, issues?: Issue[]): ApiError {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/**
 * A failure meant for the client: thrown anywhere in a request and rendered by the app's
 * error handler as `{ error: { code, message, issues? } }` with `status`.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  toBody(): ApiError {
    return errorBody(this.code, this.message, this.issues);
  }
}

/** The error code for a status Hono itself raises (malformed JSON, a thrown HTTPException). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 415: return 'unsupported_media_type';
    case 422: return 'validation_failed';
    case 429: return 'too_many_requests';
    default: return status < 500 ? 'bad_request' : 'internal';
  }
}
