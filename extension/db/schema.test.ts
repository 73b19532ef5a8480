// The database's upgrades, on fake-indexeddb: a browser that ran an earlier version keeps its data.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { DEMO_CRM_SITE, type CrmSite } from '../../shared';
import { memoryStorageArea } from '../services/storage-area';
import { openDb } from './schema';

const acme: CrmSite = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Acme CRM',
  urlPattern: 'https://crm.acme.example/*',
  fields: { customerName: { path: ['#name'], read: 'text' } },
  replyBox: null,
};

/** A database as version 2 of the extension left it (its schema copied here: the code moved on). */
async function createV2(name: string, templatesFetchedAt: string): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(1).stores({ cases: 'id, updatedAt, customer.phone', outbox: '++seq, change.case.id', rejected: 'changeId', cache: 'key' });
  v2.version(2).stores({
    cases: 'id, updatedAt, customer.phone, customer.crmRecordId',
    outbox: '++seq, change.case.id, change.reminder.id',
    reminders: 'id, caseId, status, dueAt',
  });
  await v2.table('cache').put({ key: 'templates', value: [], fetchedAt: templatesFetchedAt });
  v2.close();
}

test('v3 moves the CRM sites from storage.local into the cache table, then deletes the old key', async () => {
  const name = `upgrade-${randomUUID()}`;
  await createV2(name, '2026-03-02T08:30:00.000Z');
  const legacy = memoryStorageArea();
  await legacy.set({ crmSites: [acme, DEMO_CRM_SITE], session: 'kept' });

  const db = openDb({ name, legacy });
  expect((await db.cache.get('crmSites'))?.value).toEqual([acme, DEMO_CRM_SITE]);
  // The rest of the cache is as it was; the old key is gone, other keys stay.
  expect((await db.cache.get('templates'))?.fetchedAt).toBe('2026-03-02T08:30:00.000Z');
  expect(await legacy.get(['crmSites', 'session'])).toEqual({ session: 'kept' });
  db.close();
});

test('garbage under the old key is not moved, and goes too', async () => {
  const name = `upgrade-${randomUUID()}`;
  await createV2(name, '2026-03-02T08:30:00.000Z');
  const legacy = memoryStorageArea();
  await legacy.set({ crmSites: [{ id: 'x' }] });
  const db = openDb({ name, legacy });
  expect(await db.cache.get('crmSites')).toBeUndefined();
  expect(await legacy.get('crmSites')).toEqual({});
  db.close();
});

test('an upgrade that fails keeps the old key, and the next start moves the sites', async () => {
  const name = `upgrade-${randomUUID()}`;
  await createV2(name, '2026-03-02T08:30:00.000Z');
  const legacy = memoryStorageArea();
  await legacy.set({ crmSites: [acme] });
  const failing = { get: async () => Promise.reject(new Error('storage unavailable')), remove: legacy.remove };
  const first = openDb({ name, legacy: failing });
  await expect(first.open()).rejects.toThrow();
  first.close();
  expect(await legacy.get('crmSites')).toEqual({ crmSites: [acme] });

  const db = openDb({ name, legacy });
  expect((await db.cache.get('crmSites'))?.value).toEqual([acme]);
  expect(await legacy.get('crmSites')).toEqual({});
  db.close();
});

test('reopening an upgraded database touches storage.local no more', async () => {
  const name = `upgrade-${randomUUID()}`;
  await createV2(name, '2026-03-02T08:30:00.000Z');
  const legacy = memoryStorageArea();
  const upgraded = openDb({ name, legacy });
  await upgraded.open();
  upgraded.close();
  await legacy.set({ crmSites: [acme] });
  const db = openDb({ name, legacy });
  await db.open();
  expect(await db.cache.get('crmSites')).toBeUndefined();
  expect(await legacy.get('crmSites')).toEqual({ crmSites: [acme] });
  db.close();
});
