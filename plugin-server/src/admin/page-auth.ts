import { createMiddleware } from 'hono/factory';
import type { Role, User } from '../../../shared';
import { type AuthDeps, authenticate } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { messagePage, renderPage } from './layout';
import { type AdminPaths, adminPaths } from './paths';
import { pickLocale, stringsFor, type Translate } from './strings';

/** What every admin page handler finds on the context. */
export interface PageEnv {
  Variables: {
    user: User;
    tokenHash: string | undefined;
    sessionHash: string | undefined;
    paths: AdminPaths;
    t: Translate;
    locale: ReturnType<typeof pickLocale>;
  };
}

/** Sets the page language (from `Accept-Language`) and the mount-relative paths, for every admin route. */
export const pageContext = () =>
  createMiddleware<PageEnv>(async (c, next) => {
    const locale = pickLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', stringsFor(locale));
    c.set('paths', adminPaths(c.req.path));
    await next();
  });

/**
 * The API's own `authenticate` (bearer or session cookie), answered the way a page should be:
 * no session → redirect to the sign-in page, a role not listed → a 403 page.
 */
export function requirePageRole(deps: AuthDeps, ...roles: Role[]) {
  const auth = authenticate(deps);
  return createMiddleware<PageEnv>(async (c, next) => {
    let authenticated = false;
    try {
      // Only the lookup runs inside: errors from the page itself must not turn into redirects.
      await auth(c as never, async () => {
        authenticated = true;
      });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) return c.redirect(c.var.paths.signIn, 303);
      throw error;
    }
    if (!authenticated) return c.redirect(c.var.paths.signIn, 303);
    if (!roles.includes(c.var.user.role)) return renderPage(c, messagePage(c.var, 'forbiddenTitle', 'forbiddenBody'), 403);
    await next();
  });
}
