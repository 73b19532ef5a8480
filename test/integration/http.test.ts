import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
beforeEach(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
});
afterEach(() => server.close());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ApiError.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

const pushRaw = (body: BodyInit, contentType: string) =>
  server.app.request('/api/sync/push', {
    method: 'POST',
    headers: { authorization: `Bearer ${agent}`, 'content-type': contentType },
    body,
  });

describe('errors are JSON with a stable code', () => {
  it('malformed JSON → 400 bad_request', async () => {
    await expectError(await pushRaw('{"changes": [', 'application/json'), 400, 'bad_request');
  });

  it('a body that is not JSON → 415 unsupported_media_type', async () => {
    await expectError(await pushRaw('changes=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    await expectError(await pushRaw('{"changes":[]}', 'text/plain'), 415, 'unsupported_media_type');
  });

  it('a body over 1 MiB → 413 payload_too_large, with or without Content-Length', async () => {
    const huge = JSON.stringify({ changes: [], padding: 'x'.repeat(1024 * 1024) });
    await expectError(await pushRaw(huge, 'application/json'), 413, 'payload_too_large');
    const withLength = await server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json', 'content-length': String(huge.length) },
      body: huge,
    });
    await expectError(withLength, 413, 'payload_too_large');
  });

  it('an unknown route → 404 not_found', async () => {
    await expectError(await server.app.request('/api/nothing-here'), 404, 'not_found');
    await expectError(await server.app.request('/'), 404, 'not_found');
  });

  it('an unexpected failure → 500 internal, reported, without details leaking', async () => {
    await server.store.close(); // every query now fails inside the database driver
    const body = await expectError(await server.call('/api/me', agent), 500, 'internal');
    expect(JSON.stringify(body)).not.toMatch(/destroyed|at |\.ts/);
    expect(server.errors).toHaveLength(1);
  });
});

describe('GET /api/health', () => {
  it('answers ok without a token', async () => {
    const res = await server.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('browser-facing headers', () => {
  it('sends security headers', async () => {
    const res = await server.app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('allows CORS from the pinned Chrome extension only, with Authorization; not other extensions or web pages', async () => {
    const preflight = (origin: string) =>
      server.app.request('/api/templates', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const pinned = 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp';
    const fromExtension = await preflight(pinned);
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe(pinned);
    expect(fromExtension.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    for (const stranger of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b8f4f8e-5a43-4f0e-9d59-3c1d2e6b7a11', 'https://evil.example']) {
      expect((await preflight(stranger)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('lets the extension read errors too, and marks every answer as varying by Origin', async () => {
    const pinned = 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp';
    for (const res of [
      await server.app.request('/api/me', { headers: { origin: pinned } }),
      await server.app.request('/api/nothing-here', { headers: { origin: pinned } }),
      await server.app.request('/api/health', { headers: { origin: pinned } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBe(pinned);
      expect(res.headers.get('vary')).toBe('Origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const stranger = await server.app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('vary')).toBe('Origin');
  });

  it('allows exactly the configured extension origins plus the admin origin', async () => {
    const firefox = 'moz-extension://0b8f4f8e-5a43-4f0e-9d59-3c1d2e6b7a11';
    const app = createApp({ store: server.store, extensionOrigins: [firefox], adminOrigin: 'https://crm.example.com' });
    const preflight = (origin: string) =>
      app.request('/api/templates', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT' } });
    expect((await preflight(firefox)).headers.get('access-control-allow-origin')).toBe(firefox);
    const admin = await preflight('https://crm.example.com');
    expect(admin.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    expect(admin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(admin.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    expect((await preflight('chrome-extension://olajigdaoeoedjnogpakenpdpknookmp')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets only the admin origin send cookies: the extension signs its requests with a bearer token', async () => {
    const firefox = 'moz-extension://0b8f4f8e-5a43-4f0e-9d59-3c1d2e6b7a11';
    const app = createApp({ store: server.store, extensionOrigins: [firefox], adminOrigin: 'https://crm.example.com' });
    for (const method of ['OPTIONS', 'GET']) {
      const fromExtension = await app.request('/api/templates', { method, headers: { origin: firefox, 'access-control-request-method': 'GET' } });
      expect(fromExtension.headers.get('access-control-allow-origin')).toBe(firefox);
      expect(fromExtension.headers.get('access-control-allow-credentials'), method).toBeNull();
      const fromAdmin = await app.request('/api/templates', { method, headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'GET' } });
      expect(fromAdmin.headers.get('access-control-allow-credentials'), method).toBe('true');
    }
  });

  it('tells browsers and proxies not to store any API answer or admin page', async () => {
    const supervisor = await server.signIn('supervisor');
    const answers = [
      await server.call('/api/cases', supervisor),
      await server.call('/api/me', agent),
      await server.call('/api/templates', agent),
      await server.call('/api/nothing-here', agent),
      await server.call('/api/me', null),
      await server.app.request('/api/templates', { method: 'OPTIONS', headers: { origin: 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp' } }),
      await server.app.request('/api/health'),
      await server.app.request('/admin'),
      await server.app.request('/admin/cases', { headers: { authorization: `Bearer ${supervisor}` } }),
    ];
    for (const res of answers) expect(res.headers.get('cache-control'), res.url).toBe('no-store');
  });
});

describe('GET /demo/crm', () => {
  it('serves the demo CRM page as HTML', async () => {
    const res = await server.app.request('/demo/crm');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('data-field="customer-name"');
    expect(html).toContain('textarea id="reply"');
  });
});
