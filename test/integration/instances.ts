// Apps served over real HTTP on loopback, and two of them sharing one PostgreSQL database: what
// the server looks like when several instances share the load behind a balancer.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, createServerApp } from '../../plugin-server/src/app';
import { seed } from '../../plugin-server/src/seed';
import { createPostgresStore, type Store } from '../../plugin-server/src/store';
import { createTestDatabase } from './postgres';

/** An HTTP server on a free loopback port; `close` also drops idle keep-alive connections. */
export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves `fetch` on 127.0.0.1 at a port the OS picks; `attach` hooks more onto the server (the escalations' WebSocket). */
export function listenOnLoopback(fetch: (request: Request) => Response | Promise<Response>, attach?: (server: Server) => void): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    attach?.(server as Server);
  });
}

/** One app instance of a pair: its own store (own connection pool) and its own HTTP server. */
export interface Instance {
  url: string;
  store: Store;
}

/**
 * Two app instances, each with its own PostgreSQL store, on one fresh database seeded as on
 * first run; requests go over real HTTP. `errors` collects what either app reported as a 500.
 */
export async function twoInstancesOnPostgres(options: Omit<Partial<AppDeps>, 'store'> = {}) {
  const connectionString = await createTestDatabase();
  const stores = [await createPostgresStore({ connectionString }), await createPostgresStore({ connectionString })];
  const { credentials } = await seed(stores[0]!);
  const errors: unknown[] = [];
  const apps = stores.map((store) => createServerApp({ store, reportError: (error) => errors.push(error), ...options }));
  const servers = await Promise.all(apps.map(({ app, attachLive }) => listenOnLoopback(app.fetch, attachLive)));
  const instances = stores.map((store, i): Instance => ({ url: servers[i]!.url, store })) as [Instance, Instance];
  const passwordOf = (username: string) => {
    const found = credentials.find((c) => c.username === username);
    if (!found) throw new Error(`no seeded user ${username}`);
    return found.password;
  };
  async function close() {
    for (const { closeLive } of apps) closeLive();
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(stores.map((store) => store.close()));
  }
  return { instances, passwordOf, errors, close };
}

/** POST a sign-in over HTTP, as the extension does. */
export function signInOver(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}
