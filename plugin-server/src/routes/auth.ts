import { Hono } from 'hono';
import { SignInRequest, SignInResponse } from '../../../shared';
import { checkCredentials } from '../auth/credentials';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { generateToken, hashToken, TOKEN_LIFETIME_MS } from '../auth/tokens';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** POST /api/auth/sign-in and /api/auth/sign-out: bearer tokens for the extension. */
export const authRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .post('/sign-in', describe('Bearer token for the extension (throttled)', { 200: SignInResponse }, [401, 429]), validate('json', SignInRequest), async (c) => {
      const user = await checkCredentials(c, deps, c.req.valid('json'));
      const token = generateToken();
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS);
      await deps.store.tokens.create({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
      const body: SignInResponse = { token, user, expiresAt: expiresAt.toISOString() };
      return c.json(body, 200);
    })
    .post('/sign-out', describe('Revoke this bearer token', { 204: null }), authenticate(deps), async (c) => {
      const { tokenHash } = c.var;
      if (!tokenHash) throw new ApiProblem(400, 'bad_request', 'sign out of a cookie session with DELETE /api/auth/session');
      await deps.store.tokens.revoke(tokenHash, deps.now());
      return c.body(null, 204);
    });
