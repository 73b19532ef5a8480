import { Hono } from 'hono';
import { MeResponse, PasswordChangeRequest } from '../../../shared';
import { verifyCredentials } from '../auth/credentials';
import { type AuthEnv, authenticate } from '../auth/middleware';
import { hashPassword } from '../auth/passwords';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { KeptSignIn } from '../store';
import type { RouteDeps } from './deps';

/** GET /api/me: who the credential belongs to. POST /api/me/password: change one's own password. */
export const meRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('Who is signed in', { 200: MeResponse }), (c) => c.json({ user: c.var.user }, 200))
    .post(
      '/password',
      describe('Change your own password (throttled like sign-in); your other sign-ins end', { 204: null }, [403, 429]),
      validate('json', PasswordChangeRequest),
      async (c) => {
        const { currentPassword, newPassword } = c.req.valid('json');
        const { user, tokenHash, sessionHash } = c.var;
        // The same throttled check as a sign-in, so that a stolen session cannot guess faster.
        const verified = await verifyCredentials(c, deps, { username: user.username, password: currentPassword });
        // 403, not 401: the caller is signed in, and stays so (clients take a 401 as signed out).
        if (!verified) throw new ApiProblem(403, 'invalid_credentials', 'the current password is wrong');
        const keep: KeptSignIn | undefined = tokenHash ? { tokenHash } : sessionHash ? { sessionHash } : undefined;
        await deps.store.accounts.setPasswordHash(user.id, await hashPassword(newPassword), deps.now(), keep);
        return c.body(null, 204);
      },
    );
