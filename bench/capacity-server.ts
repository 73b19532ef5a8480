// One server instance for capacity.bench.ts, in its own process as in production: SQLite in a
// temp dir, or the PostgreSQL of DATABASE_URL (then several instances may share it). With
// LINGTING_BENCH_AGENTS=n it seeds the store and signs in n agent accounts; it prints one JSON
// line { port, tokens } once listening (tokens empty when it did not seed).
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newRecordId } from '../shared';
import { createApp } from '../plugin-server/src/app';
import { hashPassword } from '../plugin-server/src/auth/passwords';
import { seed } from '../plugin-server/src/seed';
import { createPostgresStore, createSqliteStore } from '../plugin-server/src/store';

const databaseUrl = process.env.DATABASE_URL;
const dir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'lingting-capacity-'));
const store = databaseUrl ? await createPostgresStore({ connectionString: databaseUrl }) : await createSqliteStore({ file: join(dir!, 'lingting.db') });
const app = createApp({ store, reportError: (error) => console.error(error) });

const accounts = Number(process.env.LINGTING_BENCH_AGENTS ?? 0);
const tokens: string[] = [];
if (accounts > 0) {
  await seed(store);
  const password = 'bench-password-1';
  // One hash for every account: argon2 is what a sign-in costs, not what the bench measures.
  const passwordHash = await hashPassword(password);
  for (let i = 0; i < accounts; i++) {
    const username = `bench-agent-${i}`;
    await store.users.create({ user: { id: newRecordId(), username, displayName: `坐席${i}`, role: 'agent' }, passwordHash, createdAt: new Date() });
    const reply = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ username, password }),
    });
    tokens.push(((await reply.json()) as { token: string }).token);
  }
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port, tokens }));
});
process.once('SIGTERM', () => {
  server.close(() => {
    void store.close().then(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
});
