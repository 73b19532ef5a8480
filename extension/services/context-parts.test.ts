// A save costs what it changed: the sidebar's context is read and sent part by part, and the
// sync tells a changed catalogue apart from one stored again unchanged (on Dexie, fake-indexeddb).
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { CONTEXT_PART_FIELDS, CONTEXT_PARTS, defaultTemplates, type ContextPart, type Template } from '../../shared';
import { openDb } from '../db/schema';
import type { ServerApi } from './server-api';
import { createSettingsService } from './settings';
import { createSidebarContext } from './sidebar-context';
import { memoryStorageArea } from './storage-area';
import { createSyncService } from './sync';

const templates = defaultTemplates('2026-03-02T08:30:00.000Z');

/** A plugin server whose catalogue is `served()` templates and nothing else. */
function fakeServer(served: () => Template[]): ServerApi {
  return {
    push: async () => ({ results: [] }),
    pull: async () => ({ cases: [], reminders: [], cursor: 'c', more: false }),
    templates: async () => served(),
    categories: async () => [],
    wordingRules: async () => [],
    crmSites: async () => [],
    caseHistory: async () => [],
    caseGroups: async () => [],
    caseEscalations: async () => [],
    acknowledgeEscalation: async () => {
      throw new Error('not on this fake');
    },
    lifeSettings: async () => {
      throw new Error('not on this fake');
    },
  };
}

async function signedInSync(served: () => Template[], catalogueChanged: () => Promise<void>) {
  const db = openDb({ name: `context-parts-${randomUUID()}` });
  const settings = createSettingsService(memoryStorageArea());
  await settings.signedIn({
    serverUrl: 'https://lingting.example',
    token: 't',
    user: { id: '00000000-0000-4000-8000-0000000000aa', username: 'agent', displayName: '林晓', role: 'agent' },
  });
  const sync = createSyncService({ db, settings, now: () => new Date(), api: () => fakeServer(served), catalogueChanged });
  return { db, settings, sync };
}

test('a catalogue refresh that stores the same catalogue again tells no sidebar; a changed one does', async () => {
  let served = templates;
  let told = 0;
  const { sync } = await signedInSync(() => served, async () => void told++);
  await sync.sync({ refreshCatalogue: true });
  expect(told).toBe(1); // the first catalogue is a change from none
  await sync.sync({ refreshCatalogue: true });
  expect(told).toBe(1);
  served = [{ ...templates[0]!, body: `${templates[0]!.body}。` }, ...templates.slice(1)];
  await sync.sync({ refreshCatalogue: true });
  expect(told).toBe(2);
});

test('the context is read part by part: only the parts asked for are read and sent', async () => {
  const { db, settings, sync } = await signedInSync(() => templates, async () => undefined);
  await sync.sync({ refreshCatalogue: true });
  const reads: string[] = [];
  const counted = <T extends object>(name: string, service: T): T =>
    new Proxy(service, { get: (target, key) => (reads.push(`${name}.${String(key)}`), Reflect.get(target, key)) });
  const context = createSidebarContext({
    db,
    settings: counted('settings', settings),
    sync: counted('sync', sync),
    cases: counted('cases', { openFor: async () => null }) as never,
    reminders: counted('reminders', { active: async () => [] }) as never,
    tabCustomers: counted('tabCustomers', { get: async () => null }) as never,
    caseFocus: counted('caseFocus', { focusedCaseFor: async () => null }) as never,
  });

  const whole = await context(7);
  expect(Object.keys(whole).sort()).toEqual(['tabId', ...Object.values(CONTEXT_PART_FIELDS).flat()].sort());
  expect(whole.templates).toHaveLength(templates.length);

  for (const part of CONTEXT_PARTS) {
    reads.length = 0;
    const some = await context(7, [part]);
    expect(Object.keys(some).sort(), part).toEqual(['tabId', ...CONTEXT_PART_FIELDS[part]].sort());
    // An autosave's parts never read the catalogue.
    if (part !== 'catalogue') expect(reads, part).not.toContain('sync.cached');
  }
  const autosave: ContextPart[] = ['sync', 'rejected', 'page', 'reminders'];
  const update = await context(7, autosave);
  expect(update).not.toHaveProperty('templates');
  expect(JSON.stringify(update).length).toBeLessThan(JSON.stringify(whole).length / 10);
});
