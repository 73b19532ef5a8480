// POST /api/me/password: every signed-in user changes their own password, proving the current one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type Role, SessionResponse } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ trustProxy: true });
});
afterEach(() => server.close());

const ROLES: readonly Role[] = ['agent', 'supervisor', 'trainer', 'admin'];
const NEW_PASSWORD = 'correct horse battery staple';
const passwordOf = (username: string) => server.credentials.find((c) => c.username === username)!.password;

const change = (token: string, body: unknown, address = '203.0.113.7') =>
  server.call('/api/me/password', token, { json: body, headers: { 'x-forwarded-for': address } });

async function cookieSession(username: string, password = passwordOf(username)) {
  const res = await server.app.request('/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: SessionResponse.parse(await res.json()).csrfToken };
}

const signInStatus = async (username: string, password: string) =>
  (await server.call('/api/auth/sign-in', null, { json: { username, password }, headers: { 'x-forwarded-for': '198.51.100.50' } })).status;

describe('changing your own password', () => {
  for (const role of ROLES) {
    it(`works for ${role}: the new password signs in, the old one no longer does`, async () => {
      const token = await server.signIn(role);
      expect((await change(token, { currentPassword: passwordOf(role), newPassword: NEW_PASSWORD })).status).toBe(204);
      expect(await signInStatus(role, NEW_PASSWORD)).toBe(200);
      expect(await signInStatus(role, passwordOf(role))).toBe(401);
    });
  }

  it('ends every other sign-in of the user, keeps the one it was made with, and leaves other users alone', async () => {
    const current = await server.signIn('agent');
    const otherToken = await server.signIn('agent');
    const otherSession = await cookieSession('agent');
    const someoneElse = await server.signIn('supervisor');
    expect((await change(current, { currentPassword: passwordOf('agent'), newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await server.call('/api/me', current)).status).toBe(200);
    expect((await server.call('/api/me', otherToken)).status).toBe(401);
    expect((await server.app.request('/api/me', { headers: { cookie: otherSession.cookie } })).status).toBe(401);
    expect((await server.call('/api/me', someoneElse)).status).toBe(200);
  });

  it('works from an admin page with the cookie session (CSRF-checked), which stays signed in', async () => {
    const { cookie, csrfToken } = await cookieSession('supervisor');
    const bearer = await server.signIn('supervisor');
    const post = (headers: Record<string, string>) =>
      server.app.request('/api/me/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost', ...headers },
        body: JSON.stringify({ currentPassword: passwordOf('supervisor'), newPassword: NEW_PASSWORD }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(204);
    expect((await server.app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    expect((await server.call('/api/me', bearer)).status).toBe(401);
  });

  it('refuses a wrong current password with 403 invalid_credentials (the sign-in stays), changing nothing', async () => {
    const token = await server.signIn('trainer');
    const res = await change(token, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).error.code).toBe('invalid_credentials');
    expect((await server.call('/api/me', token)).status).toBe(200);
    expect(await signInStatus('trainer', passwordOf('trainer'))).toBe(200);
  });

  it('throttles wrong current passwords together with failed sign-ins of the account', async () => {
    const token = await server.signIn('agent');
    for (let i = 0; i < 3; i += 1) expect(await signInStatus('agent', 'wrong')).toBe(401);
    for (let i = 0; i < 2; i += 1) expect((await change(token, { currentPassword: 'wrong', newPassword: NEW_PASSWORD })).status).toBe(403);
    const blocked = await change(token, { currentPassword: passwordOf('agent'), newPassword: NEW_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(await signInStatus('agent', passwordOf('agent'))).toBe(429);
  });

  it('throttles wrong current passwords per address too', async () => {
    const token = await server.signIn('agent');
    for (let i = 0; i < 20; i += 1) expect(await signInStatus(`nobody${i}`, 'wrong')).toBe(401);
    expect((await change(token, { currentPassword: passwordOf('agent'), newPassword: NEW_PASSWORD }, '198.51.100.50')).status).toBe(429);
    expect((await change(token, { currentPassword: passwordOf('agent'), newPassword: NEW_PASSWORD }, '198.51.100.51')).status).toBe(204);
  });

  it('holds the new password to the rules: 12 to 256 characters, not the current one', async () => {
    const token = await server.signIn('agent');
    const current = passwordOf('agent');
    for (const newPassword of ['short-11chr', 'x'.repeat(257), current]) {
      const res = await change(token, { currentPassword: current, newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(ApiError.parse(await res.json()).error.code).toBe('validation_failed');
    }
    expect((await change(token, { currentPassword: current })).status).toBe(400);
    expect((await change(token, { currentPassword: current, newPassword: 'x'.repeat(12) })).status).toBe(204);
  });
});
