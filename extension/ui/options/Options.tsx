import { useEffect, useState } from 'preact/hooks';
import { SHORTCUT_PREFIX_KEYS, wordsFor, type Locale, type MessageError, type Settings, type ShortcutPrefix } from '../../../shared';
import { background } from '../background-client';
import { CrmSites } from './CrmSites';

/** Where the agent connects the extension to the Lingting server and signs in. */
export function Options({ locale }: { locale: Locale }) {
  const words = wordsFor(locale);
  const t = words.options;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [serverUrl, setServerUrl] = useState('http://127.0.0.1:8787');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const next = await background.settings();
    setSettings(next);
    if (next.serverUrl) setServerUrl(next.serverUrl);
  };
  useEffect(() => void load(), []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const reply = await background.signIn({ serverUrl, username: username.trim(), password }).catch(() => ({
      ok: false as const,
      error: 'server_error' as const,
    }));
    setBusy(false);
    if (reply.ok) {
      setPassword('');
      await load();
    } else setError(reply.error);
  };

  return (
    <main class="options">
      <h1>{t.title}</h1>
      {settings?.user ? (
        <section class="card">
          <p data-testid="signed-in">{t.signedInAs(`${settings.user.displayName} (${settings.user.username})`)}</p>
          <p class="muted">{settings.serverUrl}</p>
          <button type="button" onClick={async () => (await background.signOut(), load())}>
            {t.signOut}
          </button>
        </section>
      ) : (
        <form class="card" onSubmit={onSubmit}>
          <label class="field">
            <span>{t.serverUrl}</span>
            <input name="serverUrl" type="url" required value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t.username}</span>
            <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t.password}</span>
            <input
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="notice error" role="alert">
              {words.errors[error]}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {t.signIn}
          </button>
        </form>
      )}
      {settings && (
        <section class="card">
          <label class="field">
            <span>{t.shortcutPrefix}</span>
            <select
              name="shortcutPrefix"
              aria-describedby="shortcut-prefix-hint"
              value={settings.shortcutPrefix}
              onChange={async (e) => {
                await background.setShortcutPrefix(e.currentTarget.value as ShortcutPrefix);
                await load();
              }}
            >
              {SHORTCUT_PREFIX_KEYS.map((prefix) => (
                <option key={prefix} value={prefix}>
                  {`${prefix}qian`}
                </option>
              ))}
            </select>
          </label>
          <p class="muted" id="shortcut-prefix-hint">
            {t.shortcutPrefixHint}
          </p>
        </section>
      )}
      {settings?.user && <CrmSites t={t.sites} />}
    </main>
  );
}
