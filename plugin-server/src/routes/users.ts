import { Hono } from 'hono';
import {
  GeneratedPasswordResponse,
  IdParam,
  newRecordId,
  UserAccountList,
  UserAccountResponse,
  UserCreateRequest,
  UserUpdateRequest,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { generatePassword, hashPassword } from '../auth/passwords';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/**
 * Users, for admins only: list, create (the generated password is shown once), change role,
 * disable or re-enable, reset the password. Disabling or resetting ends every sign-in of the user.
 */
export const userRoutes = (deps: RouteDeps) => {
  async function accountOrThrow(id: string) {
    const account = await deps.store.accounts.get(id);
    if (!account) throw new ApiProblem(404, 'not_found', 'no such user');
    return account;
  }

  return new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('admin'))
    .get('/', describe('Every user', { 200: UserAccountList }), async (c) => c.json({ users: await deps.store.accounts.list() }, 200))
    .post(
      '/',
      describe('Create a user; the generated password is shown once', { 201: GeneratedPasswordResponse }, [409]),
      validate('json', UserCreateRequest),
      async (c) => {
        const request = c.req.valid('json');
        if (await deps.store.users.findByUsername(request.username)) throw new ApiProblem(409, 'conflict', 'the username is taken');
        const password = generatePassword();
        const user = { id: newRecordId(), ...request };
        try {
          await deps.store.users.create({ user, passwordHash: await hashPassword(password), createdAt: deps.now() });
        } catch (error) {
          // Another admin took the name in the meantime: still a clash, not a server fault.
          if (await deps.store.users.findByUsername(request.username)) throw new ApiProblem(409, 'conflict', 'the username is taken');
          throw error;
        }
        return c.json({ user: { ...user, disabled: false }, password }, 201);
      },
    )
    .patch(
      '/:id',
      describe('Change role, disable or re-enable', { 200: UserAccountResponse }, [404, 409]),
      validate('param', IdParam),
      validate('json', UserUpdateRequest),
      async (c) => {
        const { id } = c.req.valid('param');
        const { role, disabled } = c.req.valid('json');
        await accountOrThrow(id);
        // An admin cannot lock themselves out; another admin can do it if it is really meant.
        if (id === c.var.user.id && ((role !== undefined && role !== 'admin') || disabled === true)) {
          throw new ApiProblem(409, 'conflict', 'you cannot demote or disable your own account');
        }
        if (role !== undefined) await deps.store.accounts.setRole(id, role);
        if (disabled !== undefined) await deps.store.accounts.setDisabled(id, disabled, deps.now());
        return c.json({ user: await accountOrThrow(id) }, 200);
      },
    )
    .post(
      '/:id/password',
      describe('Reset the password; shown once, every sign-in ended', { 200: GeneratedPasswordResponse }, [404]),
      validate('param', IdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        await accountOrThrow(id);
        const password = generatePassword();
        await deps.store.accounts.setPasswordHash(id, await hashPassword(password), deps.now());
        return c.json({ user: await accountOrThrow(id), password }, 200);
      },
    );
};
