// The extension's local-first write path and its sync service, against the real server app over
// real SQLite. Dexie runs on fake-indexeddb (the one browser part replaced here); the network is
// the app itself, reached through the server's typed client.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDb, type LingtingDb } from '../../extension/db/schema';
import { createCaseService } from '../../extension/services/cases';
import { createServerApi, signIn } from '../../extension/services/server-api';
import { createSettingsService, type SettingsService } from '../../extension/services/settings';
import { memoryStorageArea } from '../../extension/services/storage-area';
import { createSyncService } from '../../extension/services/sync';
import { DEMO_CRM_SITE, MAX_PUSH_BYTES, PUSH_TOO_LARGE, type Case, type Reminder } from '../../shared';
import { makeCase, startServer, type TestServer } from './helpers';

const SERVER_URL = 'http://lingting.test';

let server: TestServer;
let db: LingtingDb;
let settings: SettingsService;
/** While true, every request fails as if the server were down. */
let offline = false;

/** The path of every request the extension made, in order. */
const requested: string[] = [];
/** Every push the extension sent: its body's size in bytes and the status it got. */
const pushes: { bytes: number; status: number }[] = [];

const appFetch: typeof fetch = async (input, init) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  requested.push(path);
  if (offline) throw new TypeError('Failed to fetch');
  const response = await server.app.request(input instanceof Request ? input : String(input), init);
  if (path === '/api/sync/push') pushes.push({ bytes: Buffer.byteLength(String(init?.body)), status: response.status });
  return response;
};

function makeCases() {
  return createCaseService({ db, now: () => new Date(), newId: randomUUID, currentUserId: async () => (await settings.session())?.user.id });
}

function makeSync() {
  return createSyncService({
    db,
    settings,
    now: () => new Date(),
    api: (session) => createServerApi(session.serverUrl, session.token, appFetch),
  });
}

/** Signs this device's agent in to the current server. */
async function signInAgent() {
  const password = server.credentials.find((c) => c.role === 'agent')!.password;
  const reply = await signIn(SERVER_URL, { username: 'agent', password }, appFetch);
  await settings.signedIn({ serverUrl: SERVER_URL, token: reply.token, user: reply.user });
}

beforeEach(async () => {
  server = await startServer();
  db = openDb({ name: `lingting-${randomUUID()}` });
  settings = createSettingsService(memoryStorageArea());
  offline = false;
  requested.length = 0;
  pushes.length = 0;
  await signInAgent();
});
afterEach(async () => {
  db.close();
  await server.close();
});

async function serverCases() {
  const token = await server.signIn('supervisor');
  const res = await server.call('/api/cases?limit=200', token);
  return ((await res.json()) as { cases: { id: string; summary: string }[] }).cases;
}

describe('extension sync', () => {
  test('a saved case is written locally, queued, and reaches the server once', async () => {
    const cases = makeCases();
    const record = makeCase();
    await cases.save(record);
    expect(await cases.get(record.id)).toEqual(record);
    expect((await db.cases.get(record.id))?.ownerId).toBe((await settings.session())!.user.id);
    expect(await db.outbox.count()).toBe(1);

    const state = await makeSync().sync();
    expect(state.kind).toBe('synced');
    expect(await db.outbox.count()).toBe(0);
    expect((await serverCases()).map((c) => c.id)).toEqual([record.id]);
  });

  test('offline: work stays queued with the error, then syncs once the server is back', async () => {
    const cases = makeCases();
    const first = makeCase({ summary: '第一版' });
    await cases.save(first);
    await cases.save({ ...first, summary: '第二版', updatedAt: '2026-03-02T08:31:00.000Z' });
    offline = true;
    const down = await makeSync().sync();
    // Two saves of one case, neither sent yet: coalesced into one queued change.
    expect(down).toMatchObject({ kind: 'pending', count: 1 });
    expect(down.kind === 'pending' && down.lastError).toBe('unreachable');
    const entries = await db.outbox.toArray();
    expect(entries.every((entry) => entry.attempts === 1)).toBe(true);

    offline = false;
    expect((await makeSync().sync()).kind).toBe('synced');
    expect(await serverCases()).toMatchObject([{ id: first.id, summary: '第二版' }]);
  });

  test('a response lost after the server applied the batch: the replay changes nothing', async () => {
    const cases = makeCases();
    const record = makeCase();
    await cases.save(record);
    const [entry] = await db.outbox.toArray();
    // The server applies the change, but the service worker dies before reading the answer.
    const token = await server.signIn('agent');
    const res = await server.call('/api/sync/push', token, { json: { changes: [entry!.change] } });
    expect(res.status).toBe(200);

    expect((await makeSync().sync()).kind).toBe('synced');
    expect(await serverCases()).toHaveLength(1);
    expect(await db.rejected.count()).toBe(0);
  });

  test('a rejected change is kept with its reason, and the rest of the batch syncs', async () => {
    const cases = makeCases();
    // Another agent already owns this case id on the server.
    const other = await server.addUser('agent2', 'agent');
    const taken = makeCase();
    await server.call('/api/sync/push', other.token, { json: { changes: [{ changeId: randomUUID(), kind: 'case.put', case: taken }] } });
    const mine = makeCase();
    await cases.save({ ...taken, summary: '覆盖别人的记录', updatedAt: '2026-03-02T09:00:00.000Z' });
    await cases.save(mine);

    expect((await makeSync().sync()).kind).toBe('synced');
    const rejected = await db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    const rejectedChange = rejected[0]!.change;
    expect(rejectedChange.kind === 'case.put' && rejectedChange.case.id).toBe(taken.id);
    expect(rejected[0]!.reason).toBe('case_of_other_agent');
    expect((await serverCases()).map((c) => c.id).sort()).toEqual([taken.id, mine.id].sort());
  });

  test('caches the catalogue (published templates, categories, wording rules, CRM sites) for offline use', async () => {
    const sync = makeSync();
    await sync.sync();
    offline = true;
    const cached = await makeSync().cached();
    expect(cached.templates.length).toBeGreaterThanOrEqual(24);
    expect(cached.templates.every((t) => t.status === 'published')).toBe(true);
    expect(cached.categories.map((c) => c.id)).toContain('waterproofing');
    // Stored in the same step, with the same time.
    const [templates, rules, sites] = await Promise.all((['templates', 'wordingRules', 'crmSites'] as const).map((key) => db.cache.get(key)));
    expect(sites?.key === 'crmSites' && sites.value).toEqual([DEMO_CRM_SITE]);
    expect([rules?.fetchedAt, sites?.fetchedAt]).toEqual([templates?.fetchedAt, templates?.fetchedAt]);
  });

  test('optional parts of the catalogue the server fails to give keep their cached copy', async () => {
    await makeSync().sync();
    const before = await db.cache.get('crmSites');
    const failing = createSyncService({
      db,
      settings,
      now: () => new Date(),
      api: (session) => ({ ...createServerApi(session.serverUrl, session.token, appFetch), crmSites: async () => Promise.reject(new Error('HTTP 404')) }),
    });
    expect((await failing.sync({ refreshCatalogue: true })).kind).toBe('synced');
    expect(await db.cache.get('crmSites')).toEqual(before);
  });

  test('a sync after a save pushes and pulls, and leaves a fresh catalogue alone unless asked', async () => {
    const sync = makeSync();
    await sync.sync();
    expect(requested).toEqual(expect.arrayContaining(['/api/templates', '/api/categories', '/api/wording-rules', '/api/crm-sites']));
    requested.length = 0;
    await makeCases().save(makeCase());
    expect((await sync.sync()).kind).toBe('synced');
    expect(requested).toEqual(['/api/sync/push', '/api/sync/pull']);
    requested.length = 0;
    // "Sync now", even when asked while another sync is under way.
    const [first, second] = [sync.sync(), sync.sync({ refreshCatalogue: true })];
    await Promise.all([first, second]);
    expect(requested.filter((path) => path === '/api/templates')).toHaveLength(1);
    expect(requested.filter((path) => path === '/api/crm-sites')).toHaveLength(1);
  });

  test('a revoked token signs the extension out instead of retrying forever', async () => {
    const session = await settings.session();
    await appFetch(`${SERVER_URL}/api/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${session!.token}` } });
    const state = await makeSync().sync();
    expect(state).toEqual({ kind: 'signed_out' });
    expect(await settings.session()).toBeNull();
  });

  test('a shared desk: one agent’s queued work and drafts stay theirs when another signs in', async () => {
    const cases = makeCases();
    const first = makeCase({ summary: '林晓的草稿' });
    offline = true;
    await cases.save(first);
    expect((await makeSync().sync()).kind).toBe('pending');
    offline = false;

    // Another agent signs in on the same browser.
    const other = await server.addUser('agent2', 'agent');
    const otherUser = (await (await server.call('/api/me', other.token)).json()) as { user: { id: string; username: string; displayName: string; role: 'agent' } };
    await settings.signedIn({ serverUrl: SERVER_URL, token: other.token, user: otherUser.user });
    expect(await makeSync().sync()).toEqual({ kind: 'synced', at: expect.any(String) });
    expect(await serverCases()).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
    expect(await cases.openFor(first.customer)).toBeNull();
    expect(await db.rejected.count()).toBe(0);

    // The first agent signs in again: their work goes out under their own token.
    const password = server.credentials.find((c) => c.role === 'agent')!.password;
    const reply = await signIn(SERVER_URL, { username: 'agent', password }, appFetch);
    await settings.signedIn({ serverUrl: SERVER_URL, token: reply.token, user: reply.user });
    expect((await cases.openFor(first.customer))?.id).toBe(first.id);
    expect((await makeSync().sync()).kind).toBe('synced');
    expect((await serverCases()).map((c) => c.id)).toEqual([first.id]);
  });
});

/** The bytes of `changes` as one push body, as the extension sends it. */
const pushBytes = (changes: unknown[]) => Buffer.byteLength(JSON.stringify({ changes }));

/** A valid case of about 21 kB: notes near their 8,000-character limit, in Chinese (3 bytes each). */
const longCase = () => makeCase({ notes: '卫生间渗水到楼下，客户多次来电。'.repeat(437) });

/** A valid case of about `kB` kilobytes, more than notes can hold: long texts of inserted templates. */
function caseOfAbout(kB: number): Case {
  const at = '2026-03-02T08:31:00.000Z';
  const use = { templateId: randomUUID(), version: 1, step: 'apologise' as const, at, via: 'sidebar' as const, text: '非常抱歉给您带来不便。'.repeat(500) };
  return makeCase({ templateUses: Array.from({ length: Math.ceil((kB * 1000) / Buffer.byteLength(use.text)) }, () => ({ ...use })) });
}

describe('an outbox larger than one push may be', () => {
  test('fifty long cases and a short one saved after them all reach the server, in as few pushes as fit', async () => {
    const cases = makeCases();
    const long = Array.from({ length: 50 }, longCase);
    for (const c of long) await cases.save(c);
    const short = makeCase({ summary: '后来的短记录' });
    await cases.save(short);
    const changes = (await db.outbox.toArray()).map((entry) => entry.change);
    // As found: the first fifty together are more than the server takes.
    expect(pushBytes(changes.slice(0, 50))).toBeGreaterThan(MAX_PUSH_BYTES);

    expect((await makeSync().sync()).kind).toBe('synced');
    expect((await serverCases()).map((c) => c.id).sort()).toEqual([...long, short].map((c) => c.id).sort());
    // Two pushes is the least that can carry them; none refused, none over the limit.
    expect(Math.ceil(pushBytes(changes) / MAX_PUSH_BYTES)).toBe(2);
    expect(pushes.map((p) => p.status)).toEqual([200, 200]);
    expect(pushes.every((p) => p.bytes <= MAX_PUSH_BYTES)).toBe(true);
    expect(await db.rejected.count()).toBe(0);
  });

  test('a change too large for any push is set aside as too_large, and the changes after it leave', async () => {
    const cases = makeCases();
    const before = makeCase({ summary: '之前' });
    const huge = caseOfAbout(1100);
    const after = makeCase({ summary: '之后' });
    for (const c of [before, huge, after]) await cases.save(c);
    const [, hugeEntry] = await db.outbox.toArray();
    expect(pushBytes([hugeEntry!.change])).toBeGreaterThan(MAX_PUSH_BYTES);

    expect((await makeSync().sync()).kind).toBe('synced');
    expect((await serverCases()).map((c) => c.id).sort()).toEqual([before.id, after.id].sort());
    expect(await db.rejected.toArray()).toEqual([{ changeId: hugeEntry!.change.changeId, change: hugeEntry!.change, reason: PUSH_TOO_LARGE, at: expect.any(String) }]);
    expect(await db.outbox.count()).toBe(0);
    // Never sent: the client knows the limit. The local copy stays.
    expect(pushes.every((p) => p.bytes <= MAX_PUSH_BYTES && p.status === 200)).toBe(true);
    expect(await makeCases().get(huge.id)).toEqual(huge);
  });

  test('a server with a smaller limit than the client knows: a refused batch is halved until it fits', async () => {
    const smallLimit = 64 * 1024;
    await server.close();
    server = await startServer({ bodyLimitBytes: smallLimit });
    await signInAgent();
    const cases = makeCases();
    const long = Array.from({ length: 10 }, longCase);
    // Fits the client's limit, not this server's: refused even alone.
    const tooLargeHere = caseOfAbout(100);
    for (const c of [...long.slice(0, 5), tooLargeHere, ...long.slice(5)]) await cases.save(c);
    expect(pushBytes((await db.outbox.toArray()).map((entry) => entry.change))).toBeLessThan(MAX_PUSH_BYTES);

    expect((await makeSync().sync()).kind).toBe('synced');
    expect((await serverCases()).map((c) => c.id).sort()).toEqual(long.map((c) => c.id).sort());
    const rejected = await db.rejected.toArray();
    expect(rejected.map((r) => [r.change.kind === 'case.put' && r.change.case.id, r.reason])).toEqual([[tooLargeHere.id, PUSH_TOO_LARGE]]);
    expect(await db.outbox.count()).toBe(0);
    expect(pushes.filter((p) => p.status === 200).every((p) => p.bytes <= smallLimit)).toBe(true);
    expect(new Set(pushes.map((p) => p.status))).toEqual(new Set([200, 413]));
  });
});

describe('another device of the same agent', () => {
  const later = (minutes: number) => new Date(Date.parse('2026-03-02T08:30:00.000Z') + minutes * 60_000).toISOString();

  /** A second browser where the same agent signs in: its own Dexie, its own sync. */
  async function secondDevice(beforePull: () => Promise<void> = async () => {}) {
    const deviceDb = openDb({ name: `lingting-${randomUUID()}` });
    const deviceSettings = createSettingsService(memoryStorageArea());
    const password = server.credentials.find((c) => c.role === 'agent')!.password;
    const reply = await signIn(SERVER_URL, { username: 'agent', password }, appFetch);
    await deviceSettings.signedIn({ serverUrl: SERVER_URL, token: reply.token, user: reply.user });
    let remindersPulled = 0;
    const scopes: string[] = [];
    const sync = createSyncService({
      db: deviceDb,
      settings: deviceSettings,
      now: () => new Date(),
      api: (session) => {
        const api = createServerApi(session.serverUrl, session.token, appFetch);
        return { ...api, pull: async (cursor, scope) => (scopes.push(scope), await beforePull(), api.pull(cursor, scope)) };
      },
      remindersPulled: async () => void remindersPulled++,
    });
    const cases = createCaseService({ db: deviceDb, now: () => new Date(), newId: randomUUID, currentUserId: async () => reply.user.id });
    return { db: deviceDb, sync, cases, remindersPulled: () => remindersPulled, scopes };
  }

  test('picks up the open case and its reminder, and hands its own edit back', async () => {
    const c = makeCase({ summary: '卫生间渗水' });
    await makeCases().save(c);
    expect((await makeSync().sync()).kind).toBe('synced');
    const token = (await settings.session())!.token;
    const reminder: Reminder = { id: randomUUID(), caseId: c.id, dueAt: later(24 * 60), note: '回电', status: 'pending', createdAt: later(1), updatedAt: later(1) };
    expect((await server.push(token, [{ changeId: randomUUID(), kind: 'reminder.put', reminder }])).status).toBe(200);

    const other = await secondDevice();
    try {
      expect((await other.sync.sync()).kind).toBe('synced');
      expect(await other.cases.openFor(c.customer)).toEqual(c);
      expect(await other.db.reminders.toArray()).toEqual([reminder]);
      expect(other.remindersPulled()).toBe(1);

      await other.cases.save({ ...c, summary: '卫生间渗水，已派维修', updatedAt: later(10) });
      expect((await other.sync.sync()).kind).toBe('synced');
      expect((await makeSync().sync()).kind).toBe('synced');
      expect((await makeCases().get(c.id))?.summary).toBe('卫生间渗水，已派维修');
    } finally {
      other.db.close();
    }
  });

  test('both devices end with the newest version, whichever pushed first', async () => {
    const c = makeCase();
    await makeCases().save(c);
    await makeSync().sync();
    const other = await secondDevice();
    try {
      await other.sync.sync();
      // Offline, this device edits; meanwhile the other device makes a later edit and syncs it.
      offline = true;
      await makeCases().save({ ...c, summary: 'older edit', updatedAt: later(5) });
      offline = false;
      await other.cases.save({ ...c, summary: 'newer edit', updatedAt: later(9) });
      await other.sync.sync();
      // Back online: the older edit is pushed (and answered stale), then the newer one pulled.
      expect((await makeSync().sync()).kind).toBe('synced');
      expect((await makeCases().get(c.id))?.summary).toBe('newer edit');
      expect(await db.rejected.count()).toBe(0);
      await other.sync.sync();
      expect((await other.cases.get(c.id))?.summary).toBe('newer edit');
    } finally {
      other.db.close();
    }
  });

  test('an edit saved while a pull is under way is kept: an older server copy never replaces it', async () => {
    const c = makeCase();
    await makeCases().save(c);
    await makeSync().sync();
    let editDuringPull = async () => {};
    const other = await secondDevice(() => editDuringPull());
    try {
      await other.sync.sync();
      await makeCases().save({ ...c, summary: 'from this device', updatedAt: later(20) });
      await makeSync().sync();
      // The agent types on the other device just as its sync pulls the version above.
      editDuringPull = () => other.cases.save({ ...c, summary: 'typed during the pull', updatedAt: later(40) });
      await other.sync.sync();
      expect((await other.cases.get(c.id))?.summary).toBe('typed during the pull');
      editDuringPull = async () => {};
      await other.sync.sync();
      await makeSync().sync();
      expect((await makeCases().get(c.id))?.summary).toBe('typed during the pull');
    } finally {
      other.db.close();
    }
  });

  test('closed cases are not copied to a device that never had them, but close a local copy', async () => {
    const open = makeCase({ customer: { ...makeCase().customer, phone: '139 0000 0001' } });
    const done = makeCase({ status: 'closed', customer: { ...makeCase().customer, phone: '139 0000 0002' } });
    await makeCases().save(open);
    await makeCases().save(done);
    await makeSync().sync();
    const other = await secondDevice();
    try {
      await other.sync.sync();
      expect((await other.db.cases.toArray()).map((c) => c.id)).toEqual([open.id]);
      // The first pass asked for open work only; once caught up, for everything.
      expect(other.scopes).toEqual(['open']);
      await makeCases().save({ ...open, status: 'closed', updatedAt: later(30) });
      await makeSync().sync();
      await other.sync.sync();
      expect(other.scopes).toEqual(['open', 'all']);
      expect(await other.cases.openFor(open.customer)).toBeNull();
      expect((await other.cases.get(open.id))?.status).toBe('closed');
    } finally {
      other.db.close();
    }
  });
});
