// The server under test for http.bench.ts, in its own process so the load generator does not
// share its event loop: a seeded SQLite store in a temp dir, served on 127.0.0.1 at a free port.
// Prints one JSON line { port, token } (an agent's bearer token) once listening.
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../plugin-server/src/app';
import { seed } from '../plugin-server/src/seed';
import { createSqliteStore } from '../plugin-server/src/store';

const dir = mkdtempSync(join(tmpdir(), 'lingting-bench-'));
const store = await createSqliteStore({ file: join(dir, 'lingting.db') });
const { credentials } = await seed(store);
const app = createApp({ store, reportError: (error) => console.error(error) });

const agent = credentials.find((c) => c.role === 'agent')!;
const signIn = await app.request('/api/auth/sign-in', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: agent.username, password: agent.password }),
});
const { token } = (await signIn.json()) as { token: string };

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port, token }));
});

process.once('SIGTERM', () => {
  server.close(() => {
    void store.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
});
