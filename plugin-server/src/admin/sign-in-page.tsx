/** @jsxImportSource hono/jsx */
import { Layout, type PageProps } from './layout';

/** GET /admin: username and password, posted by admin.js to POST /api/auth/session. */
export function SignInPage(props: PageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('signInTitle')}>
      <form id="sign-in-form" class="editor narrow" data-action="sign-in">
        <h1>{t('signInTitle')}</h1>
        <label>
          {t('username')}
          <input name="username" autocomplete="username" required autofocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('signIn')}
          </button>
          <span class="form-status" role="status" />
        </div>
      </form>
    </Layout>
  );
}
