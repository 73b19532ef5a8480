// CRM sites on Dexie (fake-indexeddb): they come down with the sync's catalogue, as in the
// background, and the registered content scripts follow every change of the cached list.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DEMO_CRM_SITE, patternCovers, type CrmSite } from '../../shared';
import { openDb } from '../db/schema';
import { createCrmSitesService, type ScriptRegistry } from './crm-sites';
import type { ServerApi } from './server-api';
import { createSettingsService } from './settings';
import { memoryStorageArea } from './storage-area';
import { createSyncService } from './sync';

const site = (n: number, urlPattern: string): CrmSite => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `CRM ${n}`,
  urlPattern,
  fields: { customerName: { path: ['#name'], read: 'text' } },
  replyBox: null,
});

/** An in-memory scripting API that behaves like Chromium's: duplicate ids are refused. */
function fakeRegistry(): ScriptRegistry & { scripts: Map<string, string[]>; calls: string[] } {
  const scripts = new Map<string, string[]>();
  const calls: string[] = [];
  return {
    scripts,
    calls,
    async registeredIds() {
      return [...scripts.keys()];
    },
    async register(list) {
      calls.push('register');
      for (const { id } of list) if (scripts.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      for (const { id, matches } of list) scripts.set(id, matches);
    },
    async unregister(ids) {
      calls.push('unregister');
      for (const id of ids) scripts.delete(id);
    },
  };
}

/** A plugin server with an empty catalogue but for its CRM sites (or a failing sites route). */
function fakeServer(sites: () => CrmSite[]): ServerApi {
  return {
    push: async () => ({ results: [] }),
    pull: async () => ({ cases: [], reminders: [], cursor: 'c', more: false }),
    templates: async () => [],
    categories: async () => [],
    wordingRules: async () => [],
    crmSites: async () => sites(),
    caseHistory: async () => [],
    caseGroups: async () => [],
    caseEscalations: async () => [],
    acknowledgeEscalation: async () => {
      throw new Error('no escalations on this fake');
    },
    lifeSettings: async () => {
      throw new Error('no case-life settings on this fake');
    },
  };
}

async function setup(grantedOrigins: string[]) {
  const db = openDb({ name: `crm-sites-${randomUUID()}` });
  const registry = fakeRegistry();
  const granted = async (patterns: string[]) => patterns.every((p) => grantedOrigins.some((o) => patternCovers(o, p)));
  const sites = createCrmSitesService({ db, scripts: registry, granted, now: () => new Date() });
  const settings = createSettingsService(memoryStorageArea());
  await settings.signedIn({
    serverUrl: 'https://lingting.example',
    token: 't',
    user: { id: '00000000-0000-4000-8000-0000000000aa', username: 'agent', displayName: '林晓', role: 'agent' },
  });
  let served: () => CrmSite[] = () => [];
  // Wired as the background wires them: the catalogue refresh tells the sites service.
  const sync = createSyncService({ db, settings, now: () => new Date(), api: () => fakeServer(() => served()), sitesChanged: sites.registerOrWarn });
  /** The server now lists `list`; the agent presses "sync now". */
  const serverLists = async (list: CrmSite[] | Error) => {
    served = () => {
      if (list instanceof Error) throw list;
      return list;
    };
    await sync.sync({ refreshCatalogue: true });
  };
  return { db, registry, grantedOrigins, sites, serverLists };
}

describe('CRM sites service', () => {
  test('registers the content script for granted sites only, and again when grants change', async () => {
    const { registry, grantedOrigins, sites, serverLists } = await setup(['https://crm.a.example/*']);
    const a = site(1, 'https://crm.a.example/app/*');
    const b = site(2, 'https://crm.b.example/*');
    await serverLists([a, b]);
    expect([...registry.scripts]).toEqual([[`crm-site-${a.id}`, [a.urlPattern]]]);

    grantedOrigins.push('https://crm.b.example/*');
    const rows = await sites.register();
    expect([...registry.scripts.keys()].sort()).toEqual([`crm-site-${a.id}`, `crm-site-${b.id}`]);
    expect(rows.find((row) => row.id === b.id)).toMatchObject({ granted: true, origins: ['https://crm.b.example/*'] });
  });

  test('a site removed on the server loses its script; the demo CRM is never registered twice', async () => {
    const { registry, serverLists } = await setup(['*://*/*']);
    const a = site(1, 'https://crm.a.example/*');
    const onDemo = site(3, '*://127.0.0.1/demo/other/*');
    await serverLists([a, onDemo]);
    expect([...registry.scripts.keys()]).toEqual([`crm-site-${a.id}`]);
    await serverLists([]);
    expect(registry.scripts.size).toBe(0);
  });

  test('finds the site for a URL, configured sites before the built-in demo', async () => {
    const { sites, serverLists } = await setup([]);
    const demoOverride = site(4, '*://127.0.0.1/demo/crm*');
    await serverLists([demoOverride]);
    expect(await sites.forUrl('http://127.0.0.1:8787/demo/crm')).toEqual({ fields: demoOverride.fields, replyBox: null });
    expect(await sites.forUrl('http://127.0.0.1:8787/demo/other')).toEqual({ fields: DEMO_CRM_SITE.fields, replyBox: DEMO_CRM_SITE.replyBox });
    expect(await sites.forUrl('https://unknown.example/')).toBeNull();
  });

  test('the most specific pattern wins when several sites match a URL', async () => {
    const { sites, serverLists } = await setup([]);
    const whole = site(5, 'https://crm.a.example/*');
    const subApp = { ...site(6, 'https://crm.a.example/service/tickets*'), fields: { phone: { path: ['#tel'], read: 'text' as const } } };
    await serverLists([whole, subApp]);
    expect(await sites.forUrl('https://crm.a.example/service/tickets/42')).toEqual({ fields: subApp.fields, replyBox: null });
    expect(await sites.forUrl('https://crm.a.example/customers/7')).toEqual({ fields: whole.fields, replyBox: null });
  });

  test('an unchanged site list is not re-registered; a changed one is', async () => {
    const { registry, serverLists } = await setup(['https://crm.a.example/*', 'https://crm.b.example/*']);
    const a = site(1, 'https://crm.a.example/*');
    await serverLists([a]);
    expect([...registry.scripts.keys()]).toEqual([`crm-site-${a.id}`]);
    registry.calls.length = 0;
    await serverLists([{ ...a }]);
    expect(registry.calls).toEqual([]);
    const b = site(2, 'https://crm.b.example/*');
    await serverLists([a, b]);
    expect(registry.calls).toEqual(['unregister', 'register']);
    expect(registry.scripts.size).toBe(2);
  });

  test('a server without the routes keeps the cached copy, and its scripts', async () => {
    const { registry, sites, serverLists } = await setup(['https://crm.a.example/*']);
    const a = site(1, 'https://crm.a.example/*');
    await serverLists([a]);
    await serverLists(new Error('HTTP 404'));
    expect((await sites.access()).map((row) => row.id)).toEqual([a.id, DEMO_CRM_SITE.id]);
    expect([...registry.scripts.keys()]).toEqual([`crm-site-${a.id}`]);
  });

  test('the demo is listed once: the server’s copy stands for the built-in one, as edited there', async () => {
    const { sites, serverLists } = await setup([]);
    const a = site(1, 'https://crm.a.example/*');
    const edited = { ...DEMO_CRM_SITE, name: '演示 CRM', fields: { customerName: DEMO_CRM_SITE.fields.customerName } };
    await serverLists([edited, a]);
    const rows = await sites.access();
    expect(rows.map((row) => [row.id, row.name, row.builtIn])).toEqual([
      [a.id, a.name, false],
      [DEMO_CRM_SITE.id, '演示 CRM', true],
    ]);
    expect(rows[1]).toMatchObject({ urlPattern: DEMO_CRM_SITE.urlPattern, origins: [], granted: true });
    expect(await sites.forUrl('http://127.0.0.1:8787/demo/crm')).toEqual({ fields: edited.fields, replyBox: DEMO_CRM_SITE.replyBox });
  });

  test('before any sync, only the built-in demo', async () => {
    const { sites } = await setup([]);
    expect(await sites.access()).toEqual([
      { id: DEMO_CRM_SITE.id, name: DEMO_CRM_SITE.name, urlPattern: DEMO_CRM_SITE.urlPattern, origins: [], granted: true, builtIn: true },
    ]);
  });
});

describe('saving a picked rule', () => {
  const picked = { path: ['crm-app', 'customer-card[data-id="c1"]', 'span[data-field="phone"]'], read: 'text' as const };

  test('creates a site for an unconfigured origin, then updates that site', async () => {
    const { sites } = await setup([]);
    const saved: { site: CrmSite; isNew: boolean }[] = [];
    const source = { saveSite: async (site: CrmSite, isNew: boolean) => (saved.push({ site, isNew }), site) };
    const first = await sites.saveRule('https://crm.c.example/customers/7', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c');
    expect(first).toMatchObject({ name: 'crm.c.example', urlPattern: 'https://crm.c.example/*', fields: { phone: picked }, replyBox: null });
    await sites.saveRule('https://crm.c.example/customers/8', 'replyBox', { path: ['#reply'], read: 'value' }, source, () => 'unused');
    expect(saved.map((s) => s.isNew)).toEqual([true, false]);
    expect(saved[1]!.site).toMatchObject({ id: first.id, fields: { phone: picked }, replyBox: { path: ['#reply'] } });
    expect(await sites.forUrl('https://crm.c.example/x')).toEqual({ fields: { phone: picked }, replyBox: { path: ['#reply'], read: 'value' } });
  });

  test('updates the most specific configured site, as forUrl reads it', async () => {
    const { sites, serverLists } = await setup([]);
    const whole = site(5, 'https://crm.a.example/*');
    const subApp = site(6, 'https://crm.a.example/service/tickets*');
    await serverLists([whole, subApp]);
    const saved: { site: CrmSite; isNew: boolean }[] = [];
    const source = { saveSite: async (site: CrmSite, isNew: boolean) => (saved.push({ site, isNew }), site) };
    await sites.saveRule('https://crm.a.example/service/tickets/42', 'phone', picked, source, () => 'unused');
    expect(saved).toEqual([{ site: { ...subApp, fields: { ...subApp.fields, phone: picked } }, isNew: false }]);
    expect(await sites.forUrl('https://crm.a.example/service/tickets/42')).toEqual({ fields: { ...subApp.fields, phone: picked }, replyBox: null });
    expect(await sites.forUrl('https://crm.a.example/customers/7')).toEqual({ fields: whole.fields, replyBox: null });
  });

  test('a picked rule for a new site registers its script once', async () => {
    const { registry, sites } = await setup(['https://crm.c.example/*']);
    const source = { saveSite: async (site: CrmSite) => site };
    const saved = await sites.saveRule('https://crm.c.example/customers/7', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c');
    expect(registry.calls.filter((call) => call === 'register')).toHaveLength(1);
    expect([...registry.scripts]).toEqual([[`crm-site-${saved.id}`, ['https://crm.c.example/*']]]);
  });

  test('a sync after the save keeps the saved rule, as the server now lists it', async () => {
    const { db, sites, serverLists } = await setup([]);
    let onServer: CrmSite[] = [];
    const source = { saveSite: async (site: CrmSite) => ((onServer = [site]), site) };
    const saved = await sites.saveRule('https://crm.c.example/', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c');
    await serverLists(onServer);
    expect((await db.cache.get('crmSites'))?.value).toEqual([saved]);
  });

  test('nothing is cached when the server refuses', async () => {
    const { sites } = await setup([]);
    const source = { saveSite: async () => Promise.reject(new Error('forbidden')) };
    await expect(sites.saveRule('https://crm.c.example/', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c')).rejects.toThrow('forbidden');
    expect(await sites.forUrl('https://crm.c.example/')).toBeNull();
  });
});
