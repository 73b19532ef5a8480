import { describe, expect, test } from 'vitest';
import { DEMO_CRM_SITE, patternCovers, type CrmSite } from '../../shared';
import { createCrmSitesService, type ScriptRegistry } from './crm-sites';
import { memoryStorageArea } from './storage-area';

const site = (n: number, urlPattern: string): CrmSite => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `CRM ${n}`,
  urlPattern,
  fields: { customerName: { path: ['#name'], read: 'text' } },
  replyBox: null,
});

/** An in-memory scripting API that behaves like Chromium's: duplicate ids are refused. */
function fakeRegistry(): ScriptRegistry & { scripts: Map<string, string[]> } {
  const scripts = new Map<string, string[]>();
  return {
    scripts,
    async registeredIds() {
      return [...scripts.keys()];
    },
    async register(list) {
      for (const { id } of list) if (scripts.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      for (const { id, matches } of list) scripts.set(id, matches);
    },
    async unregister(ids) {
      for (const id of ids) scripts.delete(id);
    },
  };
}

function setup(grantedOrigins: string[]) {
  const area = memoryStorageArea();
  const registry = fakeRegistry();
  const granted = async (patterns: string[]) => patterns.every((p) => grantedOrigins.some((o) => patternCovers(o, p)));
  return { area, registry, grantedOrigins, sites: createCrmSitesService({ area, scripts: registry, granted }) };
}

describe('CRM sites service', () => {
  test('registers the content script for granted sites only, and again when grants change', async () => {
    const { registry, grantedOrigins, sites } = setup(['https://crm.a.example/*']);
    const a = site(1, 'https://crm.a.example/app/*');
    const b = site(2, 'https://crm.b.example/*');
    await sites.refresh({ sites: async () => [a, b] });
    expect([...registry.scripts]).toEqual([[`crm-site-${a.id}`, [a.urlPattern]]]);

    grantedOrigins.push('https://crm.b.example/*');
    const rows = await sites.register();
    expect([...registry.scripts.keys()].sort()).toEqual([`crm-site-${a.id}`, `crm-site-${b.id}`]);
    expect(rows.find((row) => row.id === b.id)).toMatchObject({ granted: true, origins: ['https://crm.b.example/*'] });
  });

  test('a site removed on the server loses its script; the demo CRM is never registered twice', async () => {
    const { registry, sites } = setup(['*://*/*']);
    const a = site(1, 'https://crm.a.example/*');
    const onDemo = site(3, '*://127.0.0.1/demo/other/*');
    await sites.refresh({ sites: async () => [a, onDemo] });
    expect([...registry.scripts.keys()]).toEqual([`crm-site-${a.id}`]);
    await sites.refresh({ sites: async () => [] });
    expect(registry.scripts.size).toBe(0);
  });

  test('finds the site for a URL, configured sites before the built-in demo', async () => {
    const { sites } = setup([]);
    const demoOverride = site(4, '*://127.0.0.1/demo/crm*');
    await sites.refresh({ sites: async () => [demoOverride] });
    expect(await sites.forUrl('http://127.0.0.1:8787/demo/crm')).toEqual({ fields: demoOverride.fields, replyBox: null });
    expect(await sites.forUrl('http://127.0.0.1:8787/demo/other')).toEqual({ fields: DEMO_CRM_SITE.fields, replyBox: DEMO_CRM_SITE.replyBox });
    expect(await sites.forUrl('https://unknown.example/')).toBeNull();
  });

  test('the most specific pattern wins when several sites match a URL', async () => {
    const { sites } = setup([]);
    const whole = site(5, 'https://crm.a.example/*');
    const subApp = { ...site(6, 'https://crm.a.example/service/tickets*'), fields: { phone: { path: ['#tel'], read: 'text' as const } } };
    await sites.refresh({ sites: async () => [whole, subApp] });
    expect(await sites.forUrl('https://crm.a.example/service/tickets/42')).toEqual({ fields: subApp.fields, replyBox: null });
    expect(await sites.forUrl('https://crm.a.example/customers/7')).toEqual({ fields: whole.fields, replyBox: null });
  });

  test('an unchanged site list is neither stored again nor re-registered', async () => {
    const { area, registry, sites } = setup(['https://crm.a.example/*']);
    const a = site(1, 'https://crm.a.example/*');
    await sites.refresh({ sites: async () => [a] });
    expect([...registry.scripts.keys()]).toEqual([`crm-site-${a.id}`]);
    const calls: string[] = [];
    const { register, unregister } = registry;
    registry.register = async (list) => (calls.push('register'), register(list));
    registry.unregister = async (ids) => (calls.push('unregister'), unregister(ids));
    const { set } = area;
    area.set = async (items) => (calls.push('set'), set(items));
    await sites.refresh({ sites: async () => [{ ...a }] });
    expect(calls).toEqual([]);
    const b = site(2, 'https://crm.b.example/*');
    await sites.refresh({ sites: async () => [a, b] });
    expect(calls).toEqual(['set', 'unregister', 'register']);
  });

  test('a server without the routes keeps the cached copy and reports the failure', async () => {
    const { sites } = setup([]);
    const a = site(1, 'https://crm.a.example/*');
    await sites.refresh({ sites: async () => [a] });
    const failing = { sites: async () => Promise.reject(new Error('HTTP 404')) };
    await expect(sites.refresh(failing)).rejects.toThrow('HTTP 404');
    expect((await sites.access()).map((row) => row.id)).toEqual([a.id, DEMO_CRM_SITE.id]);
  });

  test('garbage in storage reads as no sites', async () => {
    const { area, sites } = setup([]);
    await area.set({ crmSites: [{ id: 'x' }] });
    expect((await sites.access()).map((row) => row.builtIn)).toEqual([true]);
  });
});

describe('saving a picked rule', () => {
  const picked = { path: ['crm-app', 'customer-card[data-id="c1"]', 'span[data-field="phone"]'], read: 'text' as const };

  test('creates a site for an unconfigured origin, then updates that site', async () => {
    const { sites } = setup([]);
    const saved: { site: CrmSite; isNew: boolean }[] = [];
    const source = {
      sites: async () => [],
      saveSite: async (site: CrmSite, isNew: boolean) => (saved.push({ site, isNew }), site),
    };
    const first = await sites.saveRule('https://crm.c.example/customers/7', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c');
    expect(first).toMatchObject({ name: 'crm.c.example', urlPattern: 'https://crm.c.example/*', fields: { phone: picked }, replyBox: null });
    await sites.saveRule('https://crm.c.example/customers/8', 'replyBox', { path: ['#reply'], read: 'value' }, source, () => 'unused');
    expect(saved.map((s) => s.isNew)).toEqual([true, false]);
    expect(saved[1]!.site).toMatchObject({ id: first.id, fields: { phone: picked }, replyBox: { path: ['#reply'] } });
    expect(await sites.forUrl('https://crm.c.example/x')).toEqual({ fields: { phone: picked }, replyBox: { path: ['#reply'], read: 'value' } });
  });

  test('updates the most specific configured site, as forUrl reads it', async () => {
    const { sites } = setup([]);
    const whole = site(5, 'https://crm.a.example/*');
    const subApp = site(6, 'https://crm.a.example/service/tickets*');
    await sites.refresh({ sites: async () => [whole, subApp] });
    const saved: { site: CrmSite; isNew: boolean }[] = [];
    const source = {
      sites: async () => [],
      saveSite: async (site: CrmSite, isNew: boolean) => (saved.push({ site, isNew }), site),
    };
    await sites.saveRule('https://crm.a.example/service/tickets/42', 'phone', picked, source, () => 'unused');
    expect(saved).toEqual([{ site: { ...subApp, fields: { ...subApp.fields, phone: picked } }, isNew: false }]);
    expect(await sites.forUrl('https://crm.a.example/service/tickets/42')).toEqual({ fields: { ...subApp.fields, phone: picked }, replyBox: null });
    expect(await sites.forUrl('https://crm.a.example/customers/7')).toEqual({ fields: whole.fields, replyBox: null });
  });

  test('a picked rule for a new site registers its script once', async () => {
    const { registry, sites } = setup(['https://crm.c.example/*']);
    let registrations = 0;
    const { register } = registry;
    registry.register = async (list) => (registrations++, register(list));
    const source = { sites: async () => [], saveSite: async (site: CrmSite) => site };
    const saved = await sites.saveRule('https://crm.c.example/customers/7', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c');
    expect(registrations).toBe(1);
    expect([...registry.scripts]).toEqual([[`crm-site-${saved.id}`, ['https://crm.c.example/*']]]);
  });

  test('nothing is cached when the server refuses', async () => {
    const { sites } = setup([]);
    const source = {
      sites: async () => [],
      saveSite: async () => Promise.reject(new Error('forbidden')),
    };
    await expect(sites.saveRule('https://crm.c.example/', 'phone', picked, source, () => '00000000-0000-4000-8000-00000000000c')).rejects.toThrow('forbidden');
    expect(await sites.forUrl('https://crm.c.example/')).toBeNull();
  });
});
