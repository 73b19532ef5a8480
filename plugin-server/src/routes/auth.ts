import { Hono } from 'hono';
import { SignInRequest, type SignInResponse } from '../../../shared';
import { authenticate } from '../auth/middleware';
import { verifyAgainstNothing, verifyPassword } from '../auth/passwords';
import { generateToken, hashToken, TOKEN_LIFETIME_MS } from '../auth/tokens';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import type { RouteDeps } from './deps';

/** POST /api/auth/sign-in and /api/auth/sign-out: bearer tokens for the extension. */
export const authRoutes = (deps: RouteDeps) =>
  new Hono()
    .post('/sign-in', validate('json', SignInRequest), async (c) => {
      const { username, password } = c.req.valid('json');
      const record = await deps.store.users.findByUsername(username);
      const matches = record
        ? await verifyPassword(record.passwordHash, password)
        : await verifyAgainstNothing(password);
      // One message for both failures: which usernames exist is not the caller's business.
      if (!record || !matches) throw new ApiProblem(401, 'invalid_credentials', 'wrong username or password');

      const token = generateToken();
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS);
      await deps.store.tokens.create({ tokenHash: hashToken(token), userId: record.user.id, createdAt: now, expiresAt });
      const body: SignInResponse = { token, user: record.user, expiresAt: expiresAt.toISOString() };
      return c.json(body, 200);
    })
    .post('/sign-out', authenticate(deps), async (c) => {
      await deps.store.tokens.revoke(c.var.tokenHash, deps.now());
      return c.body(null, 204);
    });
