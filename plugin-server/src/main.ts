// The one Node entry: read the environment, open the store, seed, serve, shut down cleanly.
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServerApp } from './app';
import { type BannerDatabase, startupBanner } from './banner';
import { readConfig } from './config';
import { listenOrigins } from './origins';
import { seed } from './seed';
import { createPostgresStore, createSqliteStore } from './store';

const config = readConfig(process.env);
// PostgreSQL when several instances share the load (DATABASE_URL set); embedded SQLite otherwise.
const databaseUrl = process.env.DATABASE_URL?.trim();
const database: BannerDatabase = databaseUrl ? { kind: 'postgres' } : { kind: 'sqlite', file: config.databaseFile, dataDir: config.dataDir };
if (database.kind === 'sqlite') mkdirSync(config.dataDir, { recursive: true });
const store = databaseUrl ? await createPostgresStore({ connectionString: databaseUrl }) : await createSqliteStore({ file: config.databaseFile });
const { credentials } = await seed(store);
// Known once listening (PORT=0 lets the OS pick); no request is answered before.
let ownOrigins: readonly string[] = [];
const { app, attachLive, closeLive } = createServerApp({
  store,
  ownOrigins: () => ownOrigins,
  extensionOrigins: config.extensionOrigins,
  adminOrigin: config.adminOrigin,
  trustProxy: config.trustProxy,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  ownOrigins = listenOrigins(config.host, info.port);
  console.log(startupBanner({ host: config.host, port: info.port, database, credentials }).join('\n'));
});

// Supervisors' escalation feed: WebSocket upgrades on the same port (docs/decisions/010-escalation-delivery.md).
attachLive(server as Server);

server.on('error', (error) => {
  console.error(`Lingting plugin server could not listen on ${config.host}:${config.port}:`, error.message);
  void store.close().finally(() => process.exit(1));
});

let shuttingDown = false;
function shutDown(signal: NodeJS.Signals) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal} received: finishing open requests, then closing the database.`);
  // A client holding a connection open must not keep the process alive forever.
  setTimeout(() => process.exit(1), 10_000).unref();
  closeLive();
  server.close(() => {
    void store.close().then(() => process.exit(0));
  });
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
