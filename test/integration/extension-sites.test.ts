// The extension's CRM sites against the real app, also mounted under a prefix as inside a host
// server: listed with the catalogue, saved by pick-from-page, cached in Dexie (fake-indexeddb)
// by the sync and read back as the options page and content scripts read them.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEMO_CRM_SITE, type CrmSite } from '../../shared';
import { openDb } from '../../extension/db/schema';
import { createCrmSitesService, type ScriptRegistry } from '../../extension/services/crm-sites';
import { createServerApi, createSiteSource, ServerError, signIn } from '../../extension/services/server-api';
import { createSettingsService } from '../../extension/services/settings';
import { memoryStorageArea } from '../../extension/services/storage-area';
import { createSyncService } from '../../extension/services/sync';
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
])('the server’s CRM sites %s', (_, prefix) => {
  const fetchVia = (): typeof fetch => {
    const host = new Hono().route(prefix || '/', server.app);
    return async (input, init) => host.request(input instanceof Request ? input : String(input), init);
  };

  test('lists the seeded demo site and saves a picked one as a supervisor', async () => {
    const base = `http://crm.test${prefix}`;
    const token = await server.signIn('supervisor');
    const api = createServerApi(base, token, fetchVia());
    const source = createSiteSource(base, token, fetchVia());
    expect((await api.crmSites()).map((s) => s.id)).toContain(DEMO_CRM_SITE.id);
    const site = picked();
    expect(await source.saveSite(site, true)).toEqual(site);
    const renamed = { ...site, name: '明源 CRM（新）' };
    expect(await source.saveSite(renamed, false)).toEqual(renamed);
    expect((await api.crmSites()).find((s) => s.id === site.id)?.name).toBe('明源 CRM（新）');
  });

  test('an agent may read sites but not save one', async () => {
    const token = await server.signIn('agent');
    await expect(createServerApi(`http://crm.test${prefix}`, token, fetchVia()).crmSites()).resolves.toBeInstanceOf(Array);
    const refused = await createSiteSource(`http://crm.test${prefix}`, token, fetchVia()).saveSite(picked(), true).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerError);
    expect((refused as ServerError).status).toBe(403);
  });
});

describe('an agent’s browser', () => {
  const SERVER_URL = 'http://lingting.test';
  const appFetch: typeof fetch = async (input, init) => server.app.request(input instanceof Request ? input : String(input), init);
  /** A scripting API that records what was registered (and forgets it, as after a restart). */
  const registry = () => {
    const registrations: string[][] = [];
    const scripts: ScriptRegistry = {
      registeredIds: async () => [],
      register: async (list) => void registrations.push(list.map((s) => s.id)),
      unregister: async () => {},
    };
    return { scripts, registrations };
  };

  async function browserOf(role: 'agent' | 'supervisor') {
    const db = openDb({ name: `lingting-${randomUUID()}` });
    const settings = createSettingsService(memoryStorageArea());
    const password = server.credentials.find((c) => c.role === role)!.password;
    const reply = await signIn(SERVER_URL, { username: role, password }, appFetch);
    await settings.signedIn({ serverUrl: SERVER_URL, token: reply.token, user: reply.user });
    const { scripts, registrations } = registry();
    let sitesChanged = 0;
    const crmSites = createCrmSitesService({ db, scripts, granted: async () => true, now: () => new Date() });
    const sync = createSyncService({
      db,
      settings,
      now: () => new Date(),
      api: (session) => createServerApi(session.serverUrl, session.token, appFetch),
      sitesChanged: async () => (sitesChanged++, crmSites.registerOrWarn()),
    });
    return { db, crmSites, sync, token: reply.token, registrations, sitesChanged: () => sitesChanged };
  }

  test('the sites come with the catalogue; the options page lists the demo once', async () => {
    const agent = await browserOf('agent');
    try {
      await agent.sync.sync();
      const cached = await agent.db.cache.get('crmSites');
      expect(cached?.key === 'crmSites' && cached.value.map((s) => s.id)).toEqual([DEMO_CRM_SITE.id]);
      expect(agent.sitesChanged()).toBe(1);
      expect(await agent.crmSites.access()).toEqual([
        { id: DEMO_CRM_SITE.id, name: DEMO_CRM_SITE.name, urlPattern: DEMO_CRM_SITE.urlPattern, origins: [], granted: true, builtIn: true },
      ]);
      // "Sync now" with nothing changed on the server: the content scripts are left alone.
      await agent.sync.sync({ refreshCatalogue: true });
      expect(agent.sitesChanged()).toBe(1);
    } finally {
      agent.db.close();
    }
  });

  test('a rule picked by a supervisor reaches the server, then every agent’s next catalogue', async () => {
    const supervisor = await browserOf('supervisor');
    const agent = await browserOf('agent');
    try {
      await Promise.all([supervisor.sync.sync(), agent.sync.sync()]);
      const source = createSiteSource(SERVER_URL, supervisor.token, appFetch);
      const rule = { path: ['#phone'], read: 'text' as const };
      const saved = await supervisor.crmSites.saveRule('https://crm.example.com/customers/7', 'phone', rule, source, randomUUID);
      expect(await supervisor.crmSites.forUrl('https://crm.example.com/customers/8')).toEqual({ fields: { phone: rule }, replyBox: null });

      await agent.sync.sync({ refreshCatalogue: true });
      expect(agent.sitesChanged()).toBe(2);
      // Every origin is granted here: the new CRM gets its content script.
      expect(agent.registrations).toEqual([[`crm-site-${saved.id}`]]);
      expect(await agent.crmSites.forUrl('https://crm.example.com/customers/8')).toEqual({ fields: { phone: rule }, replyBox: null });
      expect((await agent.crmSites.access()).map((row) => [row.id, row.builtIn])).toEqual([
        [saved.id, false],
        [DEMO_CRM_SITE.id, true],
      ]);
    } finally {
      supervisor.db.close();
      agent.db.close();
    }
  });
});
