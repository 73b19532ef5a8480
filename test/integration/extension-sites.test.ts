// The extension's site source (CRM configurations, wording rules, pick-from-page saves) against
// the real app, also mounted under a prefix as inside a host server.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEMO_CRM_SITE, type CrmSite } from '../../shared';
import { createSiteSource, ServerError } from '../../extension/services/server-api';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const picked = (): CrmSite => ({
  id: randomUUID(),
  name: '明源 CRM',
  urlPattern: 'https://crm.example.com/*',
  fields: { customerName: { path: ['#owner-panel', '.name'], read: 'text' } },
  replyBox: { path: ['textarea[name="reply"]'], read: 'value' },
});

describe.each([
  ['at the root', ''],
  ['under a prefix', '/lingting'],
])('the site source %s', (_, prefix) => {
  const fetchVia = (): typeof fetch => {
    const host = new Hono().route(prefix || '/', server.app);
    return async (input, init) => host.request(input instanceof Request ? input : String(input), init);
  };

  test('lists the seeded demo site and saves a picked one as a supervisor', async () => {
    const base = `http://crm.test${prefix}`;
    const source = createSiteSource(base, await server.signIn('supervisor'), fetchVia());
    expect((await source.sites()).map((s) => s.id)).toContain(DEMO_CRM_SITE.id);
    const site = picked();
    expect(await source.saveSite(site, true)).toEqual(site);
    const renamed = { ...site, name: '明源 CRM（新）' };
    expect(await source.saveSite(renamed, false)).toEqual(renamed);
    expect((await source.sites()).find((s) => s.id === site.id)?.name).toBe('明源 CRM（新）');
  });

  test('an agent may read sites but not save one', async () => {
    const source = createSiteSource(`http://crm.test${prefix}`, await server.signIn('agent'), fetchVia());
    await expect(source.sites()).resolves.toBeInstanceOf(Array);
    const refused = await source.saveSite(picked(), true).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerError);
    expect((refused as ServerError).status).toBe(403);
  });
});
