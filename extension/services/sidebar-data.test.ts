// Background data for the sidebar on Dexie (fake-indexeddb): outbox coalescing that spares
// in-flight entries, drafts found again per customer, reminders restored and fired at start.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import type { Case, Reminder } from '../../shared';
import { openDb } from '../db/schema';
import { newCase, edited } from '../ui/case-draft';
import { createCaseService } from './cases';
import { createInFlight } from './outbox';
import { createReminderService, type ReminderPlatform } from './reminders';

const customer = { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));

function setup() {
  const db = openDb({ name: `test-${randomUUID()}` });
  const inFlight = createInFlight();
  const cases = createCaseService({ db, now: () => at(0), newId: randomUUID, inFlight, currentUserId: async () => undefined });
  return { db, inFlight, cases };
}

test('typing makes one queued change per case; an entry on the wire is kept', async () => {
  const { db, inFlight, cases } = setup();
  let draft: Case = newCase(customer, 'zh-Hans', at(0), randomUUID());
  for (let i = 1; i <= 30; i++) {
    draft = edited(draft, { summary: '漏水'.repeat(i) }, at(i));
    await cases.save(draft);
  }
  const queued = await db.outbox.toArray();
  expect(queued).toHaveLength(1);
  expect(queued[0]!.change.kind === 'case.put' && queued[0]!.change.case.summary).toBe('漏水'.repeat(30));

  inFlight.mark([queued[0]!.seq!]);
  await cases.save(edited(draft, { plan: '上门' }, at(40)));
  expect(await db.outbox.count()).toBe(2);
  // A late, older autosave never overwrites the newer draft.
  await cases.save(edited(draft, { summary: 'old' }, at(35)));
  expect((await cases.get(draft.id))!.plan).toBe('上门');
});

test('the open case is found again for its customer, never for another', async () => {
  const { cases } = setup();
  const draft = edited(newCase(customer, 'zh-Hans', at(0), randomUUID()), { summary: 'x' }, at(1));
  await cases.save(draft);
  expect((await cases.openFor(customer))!.id).toBe(draft.id);
  expect(await cases.openFor({ ...customer, crmRecordId: 'C-2048', phone: '137' })).toBeNull();
  await cases.save(edited(draft, { status: 'closed' }, at(2)));
  expect(await cases.openFor(customer)).toBeNull();
});

test('reminders: alarms re-created at start, a missed one fires at once, notifications name the case', async () => {
  const { db, inFlight, cases } = setup();
  const record = edited(newCase(customer, 'zh-Hans', at(0), randomUUID()), { summary: '漏水' }, at(1));
  await cases.save(record);
  const alarms = new Map<string, number>();
  const notified: string[] = [];
  const platform: ReminderPlatform = {
    createAlarm: async (name, when) => void alarms.set(name, when),
    clearAlarm: async (name) => void alarms.delete(name),
    notify: async (id) => void notified.push(id),
    clearNotification: async () => undefined,
  };
  let now = at(10);
  const reminders = createReminderService({
    db,
    platform,
    now: () => now,
    newId: randomUUID,
    inFlight,
    currentUserId: async () => undefined,
    describe: async () => ({ title: 't', message: 'm', buttons: [] }),
  });
  const make = (dueAt: Date): Reminder => ({
    id: randomUUID(), caseId: record.id, dueAt: dueAt.toISOString(), note: '', status: 'pending', createdAt: now.toISOString(), updatedAt: now.toISOString(),
  });
  const missed = make(at(20));
  const later = make(at(50));
  await reminders.save(missed);
  await reminders.save(later);
  expect([...alarms.keys()].sort()).toEqual([`reminder:${missed.id}`, `reminder:${later.id}`].sort());

  // The browser was closed over the first due time; the service worker starts at minute 30.
  alarms.clear();
  now = at(30);
  await reminders.restore();
  expect(notified).toEqual([`reminder:${missed.id}`]);
  expect((await db.reminders.get(missed.id))!.status).toBe('fired');
  expect([...alarms.keys()]).toEqual([`reminder:${later.id}`]);
  expect(await reminders.caseOfNotification(`reminder:${missed.id}`)).toBe(record.id);

  // Each reminder's state is queued once for the server (coalesced), besides the case.
  const kinds = (await db.outbox.toArray()).map((e) => e.change.kind).sort();
  expect(kinds).toEqual(['case.put', 'reminder.put', 'reminder.put']);

  // Its alarm for an already-fired reminder does nothing more.
  await reminders.onAlarm(`reminder:${missed.id}`);
  expect(notified).toHaveLength(1);
});
