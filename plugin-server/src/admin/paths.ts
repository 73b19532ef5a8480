/** Where things are, relative to the mount point the request came in under. */
export interface AdminPaths {
  /** `/admin` or `/prefix/admin`: the sign-in page. */
  signIn: string;
  admin: string;
  api: string;
  assets: string;
}

// The admin routes are /admin, /admin/<section>[/<id or "new">] and /admin/assets/<file>; ids are
// UUIDs, so the last "/admin" that ends the path or starts one of these is the mount's.
const ADMIN_PATH = /^(.*)\/admin(?:\/(?:templates|cases|assets)(?:\/[^/]*)?)?\/?$/;

/**
 * The admin pages' and the API's paths for a request path, so that links keep working when the
 * app is mounted under a prefix (`createApp` never assumes it owns `/`).
 */
export function adminPaths(requestPath: string): AdminPaths {
  const root = ADMIN_PATH.exec(requestPath)?.[1] ?? '';
  const admin = `${root}/admin`;
  return { signIn: admin, admin, api: `${root}/api`, assets: `${admin}/assets` };
}
