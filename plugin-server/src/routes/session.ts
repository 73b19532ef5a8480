import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SessionResponse, SignInRequest } from '../../../shared';
import { isHttps } from '../auth/client-address';
import { checkCredentials } from '../auth/credentials';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { generateSecret, SESSION_COOKIE, SESSION_LIFETIME_MS } from '../auth/sessions';
import { hashToken } from '../auth/tokens';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

const ROUTE_SUFFIX = '/auth/session';

const API_SUFFIX = `/api${ROUTE_SUFFIX}`;

/**
 * The cookie is scoped to where the app is mounted (`/`, or `/prefix` under a prefix): the API
 * and the server-rendered admin pages (`/admin`) both need it, the host CRM's other pages never
 * receive it.
 */
function cookiePath(c: Context): string {
  const path = c.req.path;
  return path.endsWith(API_SUFFIX) ? path.slice(0, -API_SUFFIX.length) || '/' : '/';
}

/**
 * POST /api/auth/session (sign in, sets the cookie), GET (the current session and its CSRF
 * token, e.g. after a page reload), DELETE (sign out): cookie sessions for the admin pages.
 */
export const sessionRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .post(
      '/',
      describe('Cookie session for the admin pages (throttled); sets the HttpOnly cookie', { 200: SessionResponse }, [401, 429]),
      validate('json', SignInRequest),
      async (c) => {
        const user = await checkCredentials(c, deps, c.req.valid('json'));
        const sessionId = generateSecret();
        const csrfToken = generateSecret();
        const now = deps.now();
        const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
        // Only the hash of the id is stored: a database leak must not hand out live sessions.
        await deps.store.sessions.create({ sessionHash: hashToken(sessionId), csrfToken, userId: user.id, createdAt: now, expiresAt });
        setCookie(c, SESSION_COOKIE, sessionId, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: isHttps(c, deps.trustProxy),
          path: cookiePath(c),
          expires: expiresAt,
        });
        const body: SessionResponse = { user, csrfToken };
        return c.json(body, 200);
      },
    )
    .get('/', describe('The cookie session and its CSRF token', { 200: SessionResponse }), authenticate(deps), async (c) => {
      // authenticate has just found the session: its user and token are on the context.
      const { sessionHash, csrfToken } = c.var;
      if (!sessionHash || !csrfToken) throw new ApiProblem(401, 'unauthenticated', 'no cookie session');
      const body: SessionResponse = { user: c.var.user, csrfToken };
      return c.json(body, 200);
    })
    .delete('/', describe('End the cookie session (needs X-CSRF-Token)', { 204: null }), authenticate(deps), async (c) => {
      const { sessionHash } = c.var;
      if (!sessionHash) throw new ApiProblem(401, 'unauthenticated', 'no cookie session');
      await deps.store.sessions.revoke(sessionHash, deps.now());
      deleteCookie(c, SESSION_COOKIE, { path: cookiePath(c), httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204);
    });
