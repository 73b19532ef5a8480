// On SQLite, bearer-token lookups are cached for a moment; revocations through the store take
// effect at once. (PostgreSQL has no cache: see revocation-instances.test.ts.)
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { hashToken } from '../../plugin-server/src/auth/tokens';
import { TOKEN_CACHE_TTL_MS } from '../../plugin-server/src/store/token-cache';
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

test('a revocation made behind the server (the sqlite3 shell) is seen within the TTL', async () => {
  const token = await server.signIn('agent');
  expect((await server.call('/api/me', token)).status).toBe(200);
  const shell = new BetterSqlite3(join(server.dir, 'lingting.db'));
  shell.prepare('update tokens set revoked_at = ? where token_hash = ?').run(server.clock.now().toISOString(), hashToken(token));
  shell.close();
  expect((await server.call('/api/me', token)).status).toBe(200);
  server.clock.advance(TOKEN_CACHE_TTL_MS + 1);
  expect((await server.call('/api/me', token)).status).toBe(401);
});
