import type { Context } from 'hono';
import type { SignInRequest, User } from '../../../shared';
import { ApiProblem } from '../http/problem';
import type { RouteDeps } from '../routes/deps';
import { clientAddress } from './client-address';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import { signInThrottle } from './throttle';

/**
 * The one password check behind both sign-ins (bearer and cookie): throttled per account and per
 * address, the same answer for a wrong password, an unknown user and a disabled account.
 */
export async function checkCredentials(c: Context, deps: RouteDeps, { username, password }: SignInRequest): Promise<User> {
  const throttle = signInThrottle(deps);
  const address = clientAddress(c, deps.trustProxy);
  await throttle.check(username, address);

  const record = await deps.store.users.findByUsername(username);
  const matches = record ? await verifyPassword(record.passwordHash, password) : await verifyAgainstNothing(password);
  // One message for every failure: which usernames exist (or are disabled) is not the caller's business.
  if (!record || !matches || record.disabled) {
    await throttle.failed(username, address);
    throw new ApiProblem(401, 'invalid_credentials', 'wrong username or password');
  }
  await throttle.succeeded(username);
  return record.user;
}
