import { Role } from '../../../shared';

/** Where things are, relative to the mount point the request came in under. */
export interface AdminPaths {
  /** '' or `/prefix`: where the app (its API and these pages) is mounted. */
  root: string;
  /** `/admin` or `/prefix/admin`: the sign-in page. */
  signIn: string;
  admin: string;
  assets: string;
}

// The admin routes are /admin, /admin/<section>[/<id or "new">] and /admin/assets/<file>; ids are
// UUIDs, so the last "/admin" that ends the path or starts one of these is the mount's.
const ADMIN_PATH = /^(.*)\/admin(?:\/(?:templates|cases|assets)(?:\/[^/]*)?)?\/?$/;

/**
 * The admin pages' paths and the mount root for a request path, so that links keep working when the
 * app is mounted under a prefix (`createApp` never assumes it owns `/`).
 */
export function adminPaths(requestPath: string): AdminPaths {
  const root = ADMIN_PATH.exec(requestPath)?.[1] ?? '';
  const admin = `${root}/admin`;
  return { root, signIn: admin, admin, assets: `${admin}/assets` };
}

/** The section each role with admin pages lands on after signing in; the other roles have none. */
const HOME_BY_ROLE: Partial<Record<Role, 'templates' | 'cases'>> = { supervisor: 'templates', trainer: 'cases' };

/** The page `role` lands on, or undefined when the role has no admin pages. */
export function homeOf(paths: AdminPaths, role: Role): string | undefined {
  const section = HOME_BY_ROLE[role];
  return section && `${paths.admin}/${section}`;
}

/** Every role's landing page, for the sign-in form: the page script goes there after signing in. */
export function homes(paths: AdminPaths): Partial<Record<Role, string>> {
  return Object.fromEntries(Role.options.flatMap((role) => {
    const home = homeOf(paths, role);
    return home ? [[role, home]] : [];
  }));
}

/**
 * Where to return after signing in, from the `next` the sign-in page was sent with: only one of
 * these pages under this mount (a section, or one record of it), never another site or path.
 */
export function returnPath(paths: AdminPaths, next: string | undefined): string | undefined {
  if (!next?.startsWith(`${paths.admin}/`)) return undefined;
  const rest = next.slice(paths.admin.length);
  return /^\/(?:templates|cases)(?:\/(?:new|[0-9a-f-]{36}))?$/.test(rest) ? next : undefined;
}

/** The sign-in page, asked to return to `path` afterwards (a page someone was sent away from, or a notification's link). */
export const signInReturningTo = (paths: AdminPaths, path: string) => `${paths.signIn}?next=${encodeURIComponent(path)}`;
