/** @jsxImportSource hono/jsx */
// The runtime too, not left to a tsconfig: the pages compile alike wherever the server is started or mounted.
/** @jsxRuntime automatic */
import { Layout, type PageProps } from './layout';
import { homes } from './paths';

/**
 * GET /admin: username and password, posted by the page script to POST /api/auth/session. The
 * form carries each role's landing page, so the script has no table of its own, and the page to
 * return to when the visitor was sent here from one (checked by `returnPath`).
 */
export function SignInPage(props: PageProps & { next?: string | undefined }) {
  const { w } = props;
  return (
    <Layout {...props} title={w.admin.signInTitle}>
      <form id="sign-in-form" class="editor narrow" data-action="sign-in" data-homes={JSON.stringify(homes(props.paths))} data-next={props.next ?? ''}>
        <h1>{w.admin.signInTitle}</h1>
        <label>
          {w.admin.username}
          <input name="username" autocomplete="username" required autofocus />
        </label>
        <label>
          {w.admin.password}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary">
            {w.admin.signIn}
          </button>
          <span class="form-status" role="status" />
        </div>
      </form>
    </Layout>
  );
}
