// Bearer-token lookups are cached for a moment; revocations in this process take effect at once.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { hashToken } from '../../plugin-server/src/auth/tokens';
import { TOKEN_CACHE_TTL_MS, withCachedTokenLookups } from '../../plugin-server/src/store/token-cache';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

test('a revoked token is refused at once, through the API', async () => {
  const token = await server.signIn('agent');
  expect((await server.call('/api/me', token)).status).toBe(200);
  expect((await server.call('/api/auth/sign-out', token, { method: 'POST' })).status).toBe(204);
  expect((await server.call('/api/me', token)).status).toBe(401);
});

test('a disabled account is refused at once, through the API', async () => {
  const token = await server.signIn('agent');
  expect((await server.call('/api/me', token)).status).toBe(200);
  const admin = await server.signIn('admin');
  const me = (await (await server.call('/api/me', token)).json()) as { user: { id: string } };
  const res = await server.call(`/api/users/${me.user.id}`, admin, { method: 'PATCH', json: { disabled: true } });
  expect(res.status).toBe(200);
  expect((await server.call('/api/me', token)).status).toBe(401);
});

test('a revocation made elsewhere (another instance) is seen within the TTL', async () => {
  const token = await server.signIn('agent');
  const cached = withCachedTokenLookups(server.store);
  const t0 = server.clock.now();
  expect(await cached.tokens.findUserByValidToken(hashToken(token), t0)).toBeDefined();
  await server.store.tokens.revoke(hashToken(token), t0); // behind the cache's back
  expect(await cached.tokens.findUserByValidToken(hashToken(token), t0)).toBeDefined();
  const later = new Date(t0.getTime() + TOKEN_CACHE_TTL_MS + 1);
  expect(await cached.tokens.findUserByValidToken(hashToken(token), later)).toBeUndefined();
});
