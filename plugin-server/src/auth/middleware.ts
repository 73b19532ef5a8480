import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role, User } from '../../../shared';
import { ApiProblem } from '../http/problem';
import { documenting, errorResponse, type GuardDescription, ROLES_KEY } from '../openapi/describe';
import type { Store } from '../store';
import { CSRF_HEADER, SESSION_COOKIE, sameSecret } from './sessions';
import { hashToken } from './tokens';

/** What `authenticate` puts on the context for the handlers after it. */
export interface AuthEnv {
  Variables: {
    user: User;
    /** The hash of the bearer token this request came with, so sign-out can revoke exactly it. */
    tokenHash: string | undefined;
    /** The hash of the session cookie's id, when the request was authenticated by cookie. */
    sessionHash: string | undefined;
    /** That session's synchronizer token for `X-CSRF-Token`, when authenticated by cookie. */
    csrfToken: string | undefined;
  };
}

export interface AuthDeps {
  store: Store;
  now: () => Date;
  /** Whether an Origin is one our own pages are opened at (never judged by the Host header). */
  isPageOrigin: (origin: string) => boolean;
}

// RFC 6750 token68 characters; anything else is not a token we issued.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;
const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

/**
 * CSRF defence for cookie-authenticated writes (bearer requests cannot be forged by a page: the
 * browser never adds the header by itself). Two checks, both required:
 * the Origin (or Sec-Fetch-Site) says the request comes from our own pages, and the
 * `X-CSRF-Token` header carries the session's synchronizer token, which only our pages can read.
 */
function checkCsrf(c: Context, deps: AuthDeps, csrfToken: string) {
  const origin = c.req.header('origin');
  if (origin !== undefined ? !deps.isPageOrigin(origin) : (c.req.header('sec-fetch-site') ?? 'same-origin') !== 'same-origin') {
    throw new ApiProblem(403, 'forbidden', 'cross-origin request refused');
  }
  const sent = c.req.header(CSRF_HEADER);
  if (!sent || !sameSecret(sent, csrfToken)) throw new ApiProblem(403, 'forbidden', 'missing or wrong X-CSRF-Token');
}

/** In the API's description: an operation behind `authenticate` takes either credential. */
const SIGNED_IN: GuardDescription = {
  security: [{ bearer: [] }, { session: [] }],
  responses: { 401: errorResponse(401), 403: errorResponse(403) },
};

/**
 * Resolves `Authorization: Bearer <token>` (the extension) or the session cookie (the admin
 * pages) into `c.var.user`; 401 unauthenticated otherwise. A bearer header wins over a cookie.
 */
export function authenticate(deps: AuthDeps) {
  const middleware = createMiddleware<AuthEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = BEARER.exec(authorization);
      if (!match?.[1]) throw new ApiProblem(401, 'unauthenticated', 'sign in first');
      const tokenHash = hashToken(match[1]);
      const user = await deps.store.tokens.findUserByValidToken(tokenHash, deps.now());
      if (!user) throw new ApiProblem(401, 'unauthenticated', 'the sign-in has expired or was revoked; sign in again');
      c.set('user', user);
      c.set('tokenHash', tokenHash);
      c.set('sessionHash', undefined);
      c.set('csrfToken', undefined);
      return next();
    }

    const sessionId = getCookie(c, SESSION_COOKIE);
    if (!sessionId) throw new ApiProblem(401, 'unauthenticated', 'sign in first');
    const sessionHash = hashToken(sessionId);
    const session = await deps.store.sessions.findValid(sessionHash, deps.now());
    if (!session) throw new ApiProblem(401, 'unauthenticated', 'the session has expired or was ended; sign in again');
    if (!SAFE_METHOD.test(c.req.method)) checkCsrf(c, deps, session.csrfToken);
    c.set('user', session.user);
    c.set('tokenHash', undefined);
    c.set('sessionHash', sessionHash);
    c.set('csrfToken', session.csrfToken);
    return next();
  });
  return documenting(middleware, SIGNED_IN);
}

/**
 * Lets the request through only for the given roles; 403 forbidden otherwise. Use after
 * `authenticate`. The operations it guards are documented as admitting exactly these roles.
 */
export function requireRole(...roles: Role[]) {
  const middleware = createMiddleware<AuthEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw new ApiProblem(403, 'forbidden', 'your role may not do this');
    await next();
  });
  return documenting(middleware, { [ROLES_KEY]: roles });
}
