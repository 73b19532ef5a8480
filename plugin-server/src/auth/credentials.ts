import type { Context } from 'hono';
import type { SignInRequest, User } from '../../../shared';
import { ApiProblem } from '../http/problem';
import type { RouteDeps } from '../routes/deps';
import { clientAddress } from './client-address';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import { signInThrottle } from './throttle';

/**
 * The one password check behind both sign-ins and a password change: throttled per account and
 * per address (429 once either limit is reached), the same outcome for a wrong password, an
 * unknown user and a disabled account: undefined.
 */
export async function verifyCredentials(c: Context, deps: RouteDeps, { username, password }: SignInRequest): Promise<User | undefined> {
  const attempt = await signInThrottle(deps).reserve(username, clientAddress(c, deps.trustProxy));
  let user: User | undefined;
  try {
    const record = await deps.store.users.findByUsername(username);
    const matches = record ? await verifyPassword(record.passwordHash, password) : await verifyAgainstNothing(password);
    user = record && matches && !record.disabled ? record.user : undefined;
  } catch (error) {
    await attempt.abandoned();
    throw error;
  }
  // A failure needs nothing more: the reserved attempt already counts as one.
  if (user) await attempt.succeeded();
  return user;
}

/** `verifyCredentials` for a sign-in: 401 invalid_credentials, one message for every failure. */
export async function checkCredentials(c: Context, deps: RouteDeps, credentials: SignInRequest): Promise<User> {
  const user = await verifyCredentials(c, deps, credentials);
  // Which usernames exist (or are disabled) is not the caller's business.
  if (!user) throw new ApiProblem(401, 'invalid_credentials', 'wrong username or password');
  return user;
}
