import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, SignInResponse, User } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const signInRequest = (body: unknown) => ({ json: body, method: 'POST' });

describe('sign-in', () => {
  it('answers a token, the user and the expiry for the right password', async () => {
    const password = server.credentials.find((c) => c.username === 'agent')!.password;
    const res = await server.call('/api/auth/sign-in', null, signInRequest({ username: 'agent', password }));
    expect(res.status).toBe(200);
    const body = SignInResponse.parse(await res.json());
    expect(body.user).toMatchObject({ username: 'agent', role: 'agent' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe('2026-04-01T09:00:00.000Z'); // 30 days after the test clock's now
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await server.call('/api/auth/sign-in', null, signInRequest({ username: 'agent', password: 'nope' }));
    const unknown = await server.call('/api/auth/sign-in', null, signInRequest({ username: 'nobody', password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = ApiError.parse(await wrong.json());
    expect(wrongBody.error.code).toBe('invalid_credentials');
    expect(ApiError.parse(await unknown.json())).toEqual(wrongBody);
  });

  it('stores tokens hashed, never as issued', async () => {
    const token = await server.signIn('agent');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(`${server.dir}/lingting.db`, { readonly: true });
    const hashes = db.prepare('select token_hash from tokens').pluck().all();
    db.close();
    expect(hashes).toHaveLength(1);
    expect(hashes).not.toContain(token);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('bearer tokens', () => {
  it('resolve to the signed-in user on /api/me', async () => {
    const token = await server.signIn('trainer');
    const res = await server.call('/api/me', token);
    expect(res.status).toBe(200);
    const { user } = z.object({ user: User }).parse(await res.json());
    expect(user).toMatchObject({ username: 'trainer', role: 'trainer' });
  });

  it('are required: none, a malformed one and an unknown one are 401 unauthenticated', async () => {
    const missing = await server.call('/api/me', null);
    const malformed = await server.app.request('/api/me', { headers: { authorization: 'Basic abc' } });
    const unknown = await server.call('/api/me', 'x'.repeat(43));
    for (const res of [missing, malformed, unknown]) {
      expect(res.status).toBe(401);
      expect(ApiError.parse(await res.json()).error.code).toBe('unauthenticated');
    }
  });

  it('stop working after sign-out, and only that token', async () => {
    const first = await server.signIn('agent');
    const second = await server.signIn('agent');
    const out = await server.call('/api/auth/sign-out', first, { method: 'POST' });
    expect(out.status).toBe(204);
    expect((await server.call('/api/me', first)).status).toBe(401);
    expect((await server.call('/api/me', second)).status).toBe(200);
  });

  it('expire after 30 days', async () => {
    const token = await server.signIn('agent');
    server.clock.advance(30 * 24 * 60 * 60 * 1000 - 1);
    expect((await server.call('/api/me', token)).status).toBe(200);
    server.clock.advance(1);
    expect((await server.call('/api/me', token)).status).toBe(401);
  });
});
