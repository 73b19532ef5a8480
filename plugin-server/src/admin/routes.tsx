/** @jsxImportSource hono/jsx */
// The runtime too, not left to a tsconfig: the pages compile alike wherever the server is started or mounted.
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Id, Locale, type Review, TemplateStatus } from '../../../shared';
import type { RouteDeps } from '../routes/deps';
import { caseScope, canSee, presentCase } from '../policy/cases';
import { CaseListPage, CasePage } from './cases-pages';
import { messagePage, renderPage } from './layout';
import { type PageEnv, pageContext, pageUser, requirePageRole } from './page-auth';
import { readPageScript } from './page-script';
import { homeOf, returnPath } from './paths';
import { SignInPage } from './sign-in-page';
import { blankTemplate, TemplateEditPage, TemplateListPage, type TemplateListQuery } from './templates-pages';

// Read once at boot, like the demo page: a missing file stops the server rather than a user.
const ADMIN_CSS = readFileSync(new URL('./assets/admin.css', import.meta.url), 'utf8');

// The filter form sends empty strings for "any"; anything unknown is dropped rather than refused.
const ListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: TemplateStatus.optional().catch(undefined),
  language: Locale.optional().catch(undefined),
});

/**
 * The supervisors' and trainers' pages, server-rendered with hono/jsx under /admin. They read the
 * store directly with the same role rules and masking as the API; every write goes through the
 * JSON API from /admin/assets/admin.js (built from browser/), with the session's CSRF token.
 */
export const adminRoutes = (deps: RouteDeps) => {
  const pageScript = readPageScript();
  const supervisor = requirePageRole(deps, 'supervisor');
  const caseReaders = requirePageRole(deps, 'supervisor', 'trainer');
  const signedInUser = pageUser(deps);

  async function userNames() {
    return new Map((await deps.store.accounts.list()).map((account) => [account.id, account]));
  }

  return new Hono<PageEnv>()
    .use(pageContext())
    .get('/assets/admin.js', (c) => c.body(pageScript, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/assets/admin.css', (c) => c.body(ADMIN_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/', async (c) => {
      // Already signed in (cookie still valid): straight to the role's own pages.
      const user = await signedInUser(c);
      const next = returnPath(c.var.paths, c.req.query('next'));
      const home = user && homeOf(c.var.paths, user.role);
      if (home) return c.redirect(next ?? home, 303);
      return renderPage(c, <SignInPage {...c.var} user={undefined} next={next} />);
    })
    .get('/templates', supervisor, async (c) => {
      const parsed = ListQuery.parse(c.req.query());
      const query: TemplateListQuery = { q: parsed.q || undefined, status: parsed.status, language: parsed.language };
      const templates = await deps.store.templates.list({ status: query.status, language: query.language, text: query.q });
      return renderPage(c, <TemplateListPage {...c.var} query={query} templates={templates} />);
    })
    .get('/templates/new', supervisor, async (c) => {
      const categories = await deps.store.categories.list();
      return renderPage(c, <TemplateEditPage {...c.var} template={blankTemplate(c.var.locale)} categories={categories} versions={[]} />);
    })
    .get('/templates/:id', supervisor, async (c) => {
      const id = Id.safeParse(c.req.param('id'));
      const template = id.success ? await deps.store.templates.get(id.data) : undefined;
      if (!template) return renderPage(c, messagePage(c.var, c.var.w.admin.notFoundTitle, c.var.w.admin.notFoundBody), 404);
      const [categories, versions] = await Promise.all([deps.store.categories.list(), deps.store.templateVersions.list(template.id)]);
      return renderPage(c, <TemplateEditPage {...c.var} template={template} categories={categories} versions={versions} />);
    })
    .get('/cases', caseReaders, async (c) => {
      const user = c.var.user;
      const [{ cases }, categories, users] = await Promise.all([
        deps.store.cases.list({ ...caseScope(user), limit: 200 }),
        deps.store.categories.list(),
        userNames(),
      ]);
      const reviewCounts = new Map<string, number>();
      // One query per case: fine for a team's list; a count query belongs in the store if it grows.
      await Promise.all(cases.map(async (stored) => reviewCounts.set(stored.id, (await deps.store.reviews.listForCase(stored.id)).length)));
      const names = { categories: new Map(categories.map((category) => [category.id, category])), templates: new Map<string, string>(), users };
      const shown = cases.map((stored) => presentCase(user, stored));
      return renderPage(c, <CaseListPage {...c.var} cases={shown} names={names} reviewCounts={reviewCounts} />);
    })
    .get('/cases/:id', caseReaders, async (c) => {
      const user = c.var.user;
      const id = Id.safeParse(c.req.param('id'));
      const stored = id.success ? await deps.store.cases.get(id.data) : undefined;
      if (!stored || !canSee(user, stored)) return renderPage(c, messagePage(c.var, c.var.w.admin.notFoundTitle, c.var.w.admin.notFoundBody), 404);
      const [categories, templates, users, reviews, escalations] = await Promise.all([
        deps.store.categories.list(),
        deps.store.templates.list(),
        userNames(),
        deps.store.reviews.listForCase(stored.id),
        deps.store.escalations.ofCase(stored.id),
      ]);
      const names = {
        categories: new Map(categories.map((category) => [category.id, category])),
        templates: new Map(templates.map((template) => [template.id, template.title])),
        users,
      };
      const newestFirst: Review[] = [...reviews].reverse();
      return renderPage(c, <CasePage {...c.var} stored={presentCase(user, stored)} names={names} reviews={newestFirst} escalations={escalations} />);
    });
};
