import { z } from 'zod';
import { Id, label } from './primitives';

/**
 * agent: own cases, published templates. supervisor: templates, rules, categories, site
 * configurations, the team's cases. trainer: reads cases (phones masked), writes reviews.
 * admin: users and roles.
 */
export const Role = z.enum(['agent', 'supervisor', 'trainer', 'admin']);
export type Role = z.infer<typeof Role>;

export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'lower-case letters, digits, . _ -');

export const User = z.object({
  id: Id,
  username: Username,
  displayName: label(80),
  role: Role,
});
export type User = z.infer<typeof User>;
