import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, SessionResponse } from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { createClient } from '../../plugin-server/src/client';
import { createServerApi, serverBaseUrl, signIn } from '../../extension/services/server-api';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const passwordOf = (username: string) => server.credentials.find((c) => c.username === username)!.password;

/** The CRM's own Hono app, with Lingting mounted as a plugin under /lingting. */
function hostApp() {
  return new Hono()
    .get('/', (c) => c.text('the CRM home page'))
    .route('/lingting', createApp({ store: server.store, clock: server.clock.now }));
}

describe('mounted under a path prefix in an existing Hono app', () => {
  let host: ReturnType<typeof hostApp>;
  beforeAll(() => {
    host = hostApp();
  });

  it('serves the API, the demo page and the docs under the prefix, leaving the host its own routes', async () => {
    expect(await (await host.request('/')).text()).toBe('the CRM home page');
    expect(await (await host.request('/lingting/api/health')).json()).toEqual({ ok: true });
    const demo = await host.request('/lingting/demo/crm');
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain('crm-record');
    // The docs page links the document relatively, so the link resolves under the prefix.
    expect(await (await host.request('/lingting/api/docs')).text()).toContain('href="openapi.json"');
    expect((await host.request('/lingting/api/openapi.json')).status).toBe(200);
    expect((await host.request('/api/health')).status).toBe(404);
  });

  it('keeps JSON errors and roles under the prefix', async () => {
    const res = await host.request('/lingting/api/users');
    expect(res.status).toBe(401);
    expect(ApiError.parse(await res.json()).error.code).toBe('unauthenticated');
  });

  it('works with the typed client at a base URL with the prefix', async () => {
    const client = (token?: string) =>
      createClient('http://crm.example/lingting', {
        fetch: (input: RequestInfo | URL, init?: RequestInit) => host.request(input, init),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const signedIn = await client().api.auth['sign-in'].$post({ json: { username: 'agent', password: passwordOf('agent') } });
    expect(signedIn.status).toBe(200);
    if (signedIn.status !== 200) return;
    const { token } = await signedIn.json();
    const templates = await (await client(token).api.templates.$get({ query: {} })).json();
    expect(templates.templates.length).toBeGreaterThan(0);
  });

  it('scopes the session cookie to the prefix (its API and admin pages)', async () => {
    const res = await host.request('http://localhost/lingting/api/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ username: 'supervisor', password: passwordOf('supervisor') }),
    });
    expect(res.status).toBe(200);
    SessionResponse.parse(await res.json());
    expect(res.headers.get('set-cookie')).toMatch(/; Path=\/lingting(;|$)/);
  });
});

describe('mounted in a plain node:http server that delegates a prefix to it', () => {
  let http: Server;
  let base: string;
  beforeAll(async () => {
    const lingting = getRequestListener(hostApp().fetch);
    http = createServer((req, res) => {
      if (req.url?.startsWith('/lingting/')) return void lingting(req, res);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('the CRM');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it("serves the demo page and the extension's server API over a real socket", async () => {
    expect(await (await fetch(`${base}/`)).text()).toBe('the CRM');
    expect((await fetch(`${base}/lingting/demo/crm`)).status).toBe(200);

    // What a user types in the options page, trailing slash and all.
    const serverUrl = serverBaseUrl(`${base}/lingting/`);
    expect(serverUrl).toBe(`${base}/lingting`);
    const { token } = await signIn(serverUrl, { username: 'agent', password: passwordOf('agent') });
    const api = createServerApi(serverUrl, token);
    expect((await api.templates()).length).toBeGreaterThan(0);
    expect((await api.categories()).length).toBeGreaterThan(0);
    const change = putChange(makeCase());
    expect(await api.push({ changes: [change] })).toEqual({ results: [{ changeId: change.changeId, status: 'applied' }] });
  });
});
