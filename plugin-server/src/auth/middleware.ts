import { createMiddleware } from 'hono/factory';
import type { Role, User } from '../../../shared';
import { ApiProblem } from '../http/problem';
import type { Store } from '../store';
import { hashToken } from './tokens';

/** What `authenticate` puts on the context for the handlers after it. */
export interface AuthEnv {
  Variables: {
    user: User;
    /** The hash of the token this request came with, so sign-out can revoke exactly it. */
    tokenHash: string;
  };
}

// RFC 6750 token68 characters; anything else is not a token we issued.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/** Resolves `Authorization: Bearer <token>` into `c.var.user`; 401 unauthenticated otherwise. */
export function authenticate(deps: { store: Store; now: () => Date }) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) throw new ApiProblem(401, 'unauthenticated', 'sign in first');
    const tokenHash = hashToken(match[1]);
    const user = await deps.store.tokens.findUserByValidToken(tokenHash, deps.now());
    if (!user) throw new ApiProblem(401, 'unauthenticated', 'the sign-in has expired or was revoked; sign in again');
    c.set('user', user);
    c.set('tokenHash', tokenHash);
    await next();
  });
}

/** Lets the request through only for the given roles; 403 forbidden otherwise. Use after `authenticate`. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw new ApiProblem(403, 'forbidden', 'your role may not do this');
    await next();
  });
}
