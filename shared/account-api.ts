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

/**
 * What a password must be, whoever picks it: at least 12 characters (the server's generated ones
 * have 16, 96 random bits), at most what a sign-in accepts. Length is what makes a password
 * strong; no rules about kinds of characters (NIST SP 800-63B).
 */
export const NewPassword = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

/** POST /api/me/password: the current password proves it is you; the new one replaces it. */
export const PasswordChangeRequest = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword })
  .refine(({ currentPassword, newPassword }) => currentPassword !== newPassword, {
    message: 'choose a password other than the current one',
    path: ['newPassword'],
  });
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

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
