import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, SessionResponse } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
afterEach(() => server?.close());

const ORIGIN = 'http://localhost';

/** POST /api/auth/session as the admin page would, from the server's own origin. */
async function signInWithCookie(username: string, init: { url?: string; headers?: Record<string, string>; password?: string } = {}) {
  const password = init.password ?? server.credentials.find((c) => c.username === username)!.password;
  return server.app.request(init.url ?? '/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...init.headers },
    body: JSON.stringify({ username, password }),
  });
}

async function session(username: string) {
  const res = await signInWithCookie(username);
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = SessionResponse.parse(await res.json());
  return { cookie, csrfToken };
}

describe('cookie sessions for the admin pages', () => {
  it('set an HttpOnly, SameSite=Strict cookie scoped to the mount root (API and admin pages), Secure only over HTTPS', async () => {
    server = await startServer();
    const plain = (await signInWithCookie('supervisor')).headers.get('set-cookie')!;
    expect(plain).toMatch(/^lingting_session=[A-Za-z0-9_-]{43};/);
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Strict/);
    expect(plain).toMatch(/; Path=\/(;|$)/);
    expect(plain).toMatch(/; Expires=/);
    expect(plain).not.toMatch(/Secure/);

    const https = await signInWithCookie('supervisor', { url: 'https://localhost/api/auth/session', headers: { origin: 'https://localhost' } });
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
    // X-Forwarded-Proto counts only when the operator trusts the proxy.
    const forwarded = await signInWithCookie('supervisor', { headers: { 'x-forwarded-proto': 'https' } });
    expect(forwarded.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('honour X-Forwarded-Proto behind a trusted proxy', async () => {
    server = await startServer({ trustProxy: true });
    const forwarded = await signInWithCookie('supervisor', { headers: { 'x-forwarded-proto': 'https' } });
    expect(forwarded.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('authenticate reads with the cookie, store only a hash of the session id, and end on sign-out', async () => {
    server = await startServer();
    const { cookie, csrfToken } = await session('supervisor');
    const me = await server.app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const again = SessionResponse.parse(await (await server.app.request('/api/auth/session', { headers: { cookie } })).json());
    expect(again.csrfToken).toBe(csrfToken);

    const raw = new BetterSqlite3(join(server.dir, 'lingting.db'), { readonly: true });
    const stored = raw.prepare('select session_hash from sessions').pluck().all();
    raw.close();
    const sessionId = cookie.split('=')[1]!;
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(sessionId);

    const out = await server.app.request('/api/auth/session', { method: 'DELETE', headers: { cookie, origin: ORIGIN, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/lingting_session=;.*Max-Age=0/);
    expect((await server.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('expire after their lifetime', async () => {
    server = await startServer();
    const { cookie } = await session('agent');
    server.clock.advance(12 * 60 * 60 * 1000 + 1);
    expect((await server.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('CSRF protection of cookie-authenticated writes (Origin check + synchronizer token)', () => {
  const rule = { id: '0b8f4f8e-5a43-4f0e-9d59-3c1d2e6b7a11', kind: 'forbidden', phrase: 'calm down', alternative: 'I understand', language: 'en' };
  const post = (headers: Record<string, string>, body = JSON.stringify(rule), contentType = 'application/json') =>
    server.app.request('/api/wording-rules', { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  it('rejects a cross-origin cookie POST even with the right token, and a same-origin one without it', async () => {
    server = await startServer();
    const { cookie, csrfToken } = await session('supervisor');

    const crossSite = await post({ cookie, origin: 'https://evil.example', 'x-csrf-token': csrfToken });
    expect(crossSite.status).toBe(403);
    expect(ApiError.parse(await crossSite.json()).error.code).toBe('forbidden');
    const crossSiteForm = await post({ cookie, origin: 'https://evil.example' }, 'phrase=x', 'application/x-www-form-urlencoded');
    expect(crossSiteForm.status).toBe(403);
    const fetchMetadataOnly = await post({ cookie, 'sec-fetch-site': 'cross-site', 'x-csrf-token': csrfToken });
    expect(fetchMetadataOnly.status).toBe(403);

    expect((await post({ cookie, origin: ORIGIN })).status).toBe(403);
    expect((await post({ cookie, origin: ORIGIN, 'x-csrf-token': 'guessed' })).status).toBe(403);
    const other = await session('supervisor');
    expect((await post({ cookie, origin: ORIGIN, 'x-csrf-token': other.csrfToken })).status).toBe(403);

    expect((await post({ cookie, origin: ORIGIN, 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it("does not take the Host header's word for the server's origin (DNS rebinding)", async () => {
    server = await startServer();
    const { cookie, csrfToken } = await session('supervisor');
    // A page on the attacker's name, re-pointed at this server: the browser's Host and Origin agree.
    const rebound = (headers: Record<string, string>, body = JSON.stringify(rule), contentType = 'application/json') =>
      server.app.request('http://attacker.example:8787/api/wording-rules', {
        method: 'POST',
        headers: { 'content-type': contentType, host: 'attacker.example:8787', origin: 'http://attacker.example:8787', ...headers },
        body,
      });
    const json = await rebound({ cookie, 'x-csrf-token': csrfToken });
    expect(json.status).toBe(403);
    expect(ApiError.parse(await json.json()).error.code).toBe('forbidden');
    expect((await rebound({ cookie }, 'phrase=x', 'application/x-www-form-urlencoded')).status).toBe(403);
    expect((await server.store.wordingRules.list()).some((r) => r.id === rule.id)).toBe(false);
  });

  it('accepts the configured admin origin', async () => {
    server = await startServer({ adminOrigin: 'https://crm.example.com' });
    const { cookie, csrfToken } = await session('supervisor');
    expect((await post({ cookie, origin: 'https://crm.example.com', 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('does not apply to bearer requests, which a page cannot forge', async () => {
    server = await startServer();
    const token = await server.signIn('supervisor');
    expect((await post({ authorization: `Bearer ${token}`, origin: 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp' })).status).toBe(201);
  });
});

describe('sign-in throttling', () => {
  const attempt = (username: string, password: string, path = '/api/auth/sign-in', address = '203.0.113.7') =>
    server.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
  const passwordOf = (username: string) => server.credentials.find((c) => c.username === username)!.password;

  it('answers 429 with Retry-After after 5 failures for an account, even with the right password, until the window passes', async () => {
    server = await startServer({ trustProxy: true });
    for (let i = 0; i < 5; i += 1) expect((await attempt('agent', 'wrong')).status).toBe(401);
    // The cookie sign-in shares the same counter.
    const blocked = await attempt('agent', passwordOf('agent'), '/api/auth/session');
    expect(blocked.status).toBe(429);
    expect(ApiError.parse(await blocked.json()).error.code).toBe('too_many_requests');
    expect(blocked.headers.get('retry-after')).toBe('900');

    server.clock.advance(10 * 60 * 1000);
    expect((await attempt('agent', passwordOf('agent'))).headers.get('retry-after')).toBe('300');
    // Another account from another address is not affected.
    expect((await attempt('supervisor', passwordOf('supervisor'), '/api/auth/sign-in', '198.51.100.1')).status).toBe(200);

    server.clock.advance(5 * 60 * 1000);
    expect((await attempt('agent', passwordOf('agent'))).status).toBe(200);
  });

  it('resets the account count on success', async () => {
    server = await startServer({ trustProxy: true });
    for (let i = 0; i < 4; i += 1) await attempt('agent', 'wrong');
    expect((await attempt('agent', passwordOf('agent'))).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await attempt('agent', 'wrong')).status).toBe(401);
    expect((await attempt('agent', passwordOf('agent'))).status).toBe(200);
  });

  it('limits an address to 20 failures across accounts, unknown usernames included', async () => {
    server = await startServer({ trustProxy: true });
    for (let i = 0; i < 20; i += 1) expect((await attempt(`nobody${i}`, 'wrong')).status).toBe(401);
    expect((await attempt('trainer', passwordOf('trainer'))).status).toBe(429);
    expect((await attempt('trainer', passwordOf('trainer'), '/api/auth/sign-in', '198.51.100.2')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    server = await startServer();
    for (let i = 0; i < 20; i += 1) await attempt(`nobody${i}`, 'wrong', '/api/auth/sign-in', `198.51.100.${i}`);
    // All counted against the one real (here: unknown) address despite the forged header.
    expect((await attempt('trainer', passwordOf('trainer'), '/api/auth/sign-in', '192.0.2.99')).status).toBe(429);
  });
});
