/** @jsxImportSource hono/jsx */
// The runtime too, not left to a tsconfig: the pages compile alike wherever the server is started or mounted.
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Catalogue, Locale, User } from '../../../shared';
import type { AdminPaths } from './paths';

/** What every page component is rendered with. */
export interface PageProps {
  /** The page language's words (`w.admin.*`, `w.domain.*`). */
  w: Catalogue;
  locale: Locale;
  paths: AdminPaths;
  /** Absent on the sign-in page. */
  user?: User;
}

/**
 * The admin pages' Content-Security-Policy: our own script and stylesheet files only, so a
 * template or case text that somehow became markup still could not run or restyle anything.
 */
export const ADMIN_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A whole page: header with navigation and sign-out, then `children`. Text props are escaped by JSX. */
export function Layout({ w, locale, paths, user, title, children }: PageProps & { title: string; children: Child }) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${w.admin.appName}`}</title>
        <link rel="stylesheet" href={`${paths.assets}/admin.css`} />
        <script type="module" src={`${paths.assets}/admin.js`} />
      </head>
      {/* The page script reads its language from <html lang> and where the API is from data-root. */}
      <body data-root={paths.root} data-admin={paths.admin}>
        <header class="top">
          <span class="brand">{w.admin.appName}</span>
          {user && (
            <nav>
              {user.role === 'supervisor' && <a href={`${paths.admin}/templates`}>{w.admin.navTemplates}</a>}
              {(user.role === 'supervisor' || user.role === 'trainer') && <a href={`${paths.admin}/cases`}>{w.admin.navCases}</a>}
            </nav>
          )}
          {user && (
            <span class="who">
              {w.admin.signedInAs} <strong data-testid="user-name">{user.displayName}</strong>
              <button type="button" class="link" data-action="sign-out">
                {w.admin.signOut}
              </button>
            </span>
          )}
        </header>
        <main>
          <div class="flash" role="alert" hidden />
          {children}
        </main>
      </body>
    </html>
  );
}

/** A page that only says something: 403, 404. */
export function messagePage(props: PageProps, title: string, body: string) {
  return (
    <Layout {...props} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href={props.paths.admin}>{props.w.admin.back}</a>
      </p>
    </Layout>
  );
}

/** Sends a page as HTML with the admin CSP; pages are per user, so nothing caches them. */
export function renderPage(c: Context, page: Child, status: ContentfulStatusCode = 200) {
  c.header('Content-Security-Policy', ADMIN_CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${String(page)}`, status);
}

/** A timestamp as the reader's locale writes it, in UTC+8, where the hotlines (mainland, Hong Kong, Taiwan) work. */
export function formatInstant(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
}
