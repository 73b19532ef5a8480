import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { LanguageVariables } from 'hono/language';
import { type Catalogue, Locale, type Role, type User, wordsFor } from '../../../shared';
import { type AuthDeps, type AuthEnv, authenticate } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { messagePage, renderPage } from './layout';
import { type AdminPaths, adminPaths, signInReturningTo } from './paths';
import { pageLanguage } from './page-language';

/** What every admin page handler finds on the context. */
export interface PageEnv {
  Variables: AuthEnv['Variables'] & LanguageVariables & { paths: AdminPaths; w: Catalogue; locale: Locale };
}

/** Sets the page language (from `Accept-Language`), its words and the mount-relative paths, for every admin route. */
export const pageContext = () => {
  const detectLanguage = pageLanguage();
  return createMiddleware<PageEnv>((c, next) =>
    detectLanguage(c, async () => {
      // The detector answers with one of LOCALES; parsed all the same, so its string type is not taken on trust.
      const locale = Locale.parse(c.var.language);
      c.set('locale', locale);
      c.set('w', wordsFor(locale));
      c.set('paths', adminPaths(c.req.path));
      await next();
    }),
  );
};

/**
 * The signed-in user per the API's own `authenticate` (bearer or session cookie, same checks),
 * or undefined when there is no valid credential. Sets `c.var.user` like the API does.
 */
export function pageUser(deps: AuthDeps) {
  const auth = authenticate(deps);
  return async (c: Context<PageEnv>): Promise<User | undefined> => {
    let user: User | undefined;
    try {
      // Only the lookup runs inside: errors from the page itself must not turn into redirects.
      await auth(c as unknown as Context<AuthEnv>, async () => {
        user = c.var.user;
      });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) return undefined;
      throw error;
    }
    return user;
  };
}

/** Lets a page through for the given roles: no session → the sign-in page (which comes back here), another role → a 403 page. */
export function requirePageRole(deps: AuthDeps, ...roles: Role[]) {
  const currentUser = pageUser(deps);
  return createMiddleware<PageEnv>(async (c, next) => {
    const user = await currentUser(c);
    if (!user) return c.redirect(signInReturningTo(c.var.paths, c.req.path), 303);
    if (!roles.includes(user.role)) return renderPage(c, messagePage(c.var, c.var.w.admin.forbiddenTitle, c.var.w.admin.forbiddenBody), 403);
    await next();
  });
}
