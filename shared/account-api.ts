import { z } from 'zod';
import { label } from './primitives';
import { Role, User, Username } from './user';

/** A user as an admin manages it: the profile plus whether the account is disabled. */
export const UserAccount = User.extend({ disabled: z.boolean() });
export type UserAccount = z.infer<typeof UserAccount>;
export const UserAccountList = z.object({ users: z.array(UserAccount) });

/** POST /api/users: the server generates the password and shows it once. */
export const UserCreateRequest = z.object({ username: Username, displayName: label(80), role: Role });
export type UserCreateRequest = z.infer<typeof UserCreateRequest>;

/** PATCH /api/users/:id: change the role, or disable / re-enable the account. */
export const UserUpdateRequest = z
  .object({ role: Role, disabled: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change role or disabled' });
export type UserUpdateRequest = z.infer<typeof UserUpdateRequest>;

export const UserAccountResponse = z.object({ user: UserAccount });

/** A generated password, in clear this once; the server keeps only its hash. */
export const GeneratedPasswordResponse = z.object({ user: UserAccount, password: z.string() });

/**
 * A cookie session for the admin pages. `csrfToken` is the synchronizer token the page must
 * send back as `X-CSRF-Token` on every unsafe request made with the cookie.
 */
export const SessionResponse = z.object({ user: User, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** GET /api/me: who the credential belongs to. */
export const MeResponse = z.object({ user: User });
