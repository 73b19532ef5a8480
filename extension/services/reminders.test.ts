// Reminders as a to-do on Dexie (fake-indexeddb) with a fake alarm and notification platform:
// snooze, reschedule, done with an outcome, the notification's buttons, and commitments that
// make (and finish) their own reminders.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Reminder, reminderIdForCommitment, wordsFor, type Case, type Commitment } from '../../shared';
import { openDb } from '../db/schema';
import { edited, newCase } from '../ui/case-draft';
import { createCaseService } from './cases';
import { createInFlight } from './outbox';
import { createReminderService, reminderNotice, snoozedUntil, type ReminderPlatform } from './reminders';

const customer = { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));

function setup() {
  const db = openDb({ name: `test-${randomUUID()}` });
  const inFlight = createInFlight();
  const alarms = new Map<string, number>();
  const shown = new Set<string>();
  const platform: ReminderPlatform = {
    createAlarm: async (name, when) => void alarms.set(name, when),
    clearAlarm: async (name) => void alarms.delete(name),
    notify: async (id) => void shown.add(id),
    clearNotification: async (id) => void shown.delete(id),
  };
  const clock = { now: at(0) };
  const reminders = createReminderService({
    db,
    platform,
    now: () => clock.now,
    newId: randomUUID,
    inFlight,
    currentUserId: async () => undefined,
    describe: async () => ({ title: 't', message: 'm', buttons: [] }),
  });
  const cases = createCaseService({
    db,
    now: () => clock.now,
    newId: randomUUID,
    inFlight,
    currentUserId: async () => undefined,
    saved: (record) => reminders.followCommitments(record),
  });
  /** The reminder's latest state as queued for the server. */
  const queued = async (id: string) =>
    (await db.outbox.toArray()).map((e) => e.change).filter((c) => c.kind === 'reminder.put' && c.reminder.id === id).map((c) => (c.kind === 'reminder.put' ? c.reminder : null)).at(-1);
  return { db, alarms, shown, clock, reminders, cases, queued };
}

const reminderFor = (caseId: string, dueAt: Date): Reminder => ({
  id: randomUUID(),
  caseId,
  dueAt: dueAt.toISOString(),
  note: '回电确认维修时间',
  status: 'pending',
  createdAt: at(0).toISOString(),
  updatedAt: at(0).toISOString(),
});

test('"tomorrow morning" is 09:00 local time the next day; the others count from now', () => {
  const now = new Date(2026, 2, 2, 22, 47); // local time, late evening
  expect(snoozedUntil('10m', now).getTime() - now.getTime()).toBe(10 * 60_000);
  expect(snoozedUntil('1h', now).getTime() - now.getTime()).toBe(60 * 60_000);
  const morning = snoozedUntil('tomorrowMorning', now);
  expect([morning.getFullYear(), morning.getMonth(), morning.getDate(), morning.getHours(), morning.getMinutes()]).toEqual([2026, 2, 3, 9, 0]);
});

test('a fired reminder snoozed is pending again with the new due time, its alarm set and its notification gone', async () => {
  const { alarms, shown, clock, reminders, queued, db } = setup();
  const reminder = reminderFor(randomUUID(), at(5));
  await reminders.save(reminder);
  clock.now = at(5);
  await reminders.onAlarm(`reminder:${reminder.id}`);
  expect(shown.has(`reminder:${reminder.id}`)).toBe(true);
  expect((await db.reminders.get(reminder.id))!.status).toBe('fired');

  clock.now = at(6);
  expect(await reminders.snooze(reminder.id, '10m')).toBe(true);
  const snoozed = (await db.reminders.get(reminder.id))!;
  expect(snoozed).toMatchObject({ status: 'pending', dueAt: at(16).toISOString(), updatedAt: at(6).toISOString() });
  expect(alarms.get(`reminder:${reminder.id}`)).toBe(at(16).getTime());
  expect(shown.has(`reminder:${reminder.id}`)).toBe(false);
  expect(await queued(reminder.id)).toEqual(snoozed);

  // It fires again when the snooze is over.
  clock.now = at(16);
  await reminders.onAlarm(`reminder:${reminder.id}`);
  expect(shown.has(`reminder:${reminder.id}`)).toBe(true);
});

test('done keeps what came of it, clears the alarm and is queued for the other browsers; rescheduling sets a chosen time', async () => {
  const { alarms, clock, reminders, queued, db } = setup();
  const first = reminderFor(randomUUID(), at(30));
  const second = reminderFor(first.caseId, at(40));
  await reminders.save(first);
  await reminders.save(second);

  clock.now = at(10);
  expect(await reminders.done(first.id, '客户同意周三上门')).toBe(true);
  expect(await db.reminders.get(first.id)).toMatchObject({ status: 'done', outcome: '客户同意周三上门', updatedAt: at(10).toISOString() });
  expect(alarms.has(`reminder:${first.id}`)).toBe(false);
  expect(await queued(first.id)).toMatchObject({ status: 'done', outcome: '客户同意周三上门' });

  expect(await reminders.reschedule(second.id, at(55))).toBe(true);
  expect(await db.reminders.get(second.id)).toMatchObject({ status: 'pending', dueAt: at(55).toISOString() });
  expect(alarms.get(`reminder:${second.id}`)).toBe(at(55).getTime());
  expect((await reminders.active()).map((r) => r.id)).toEqual([second.id]);

  expect(await reminders.snooze(randomUUID(), '1h')).toBe(false);
});

test("the notification's buttons snooze ten minutes and mark done; other notifications are not ours", async () => {
  const { clock, reminders, db } = setup();
  const reminder = reminderFor(randomUUID(), at(5));
  await reminders.save(reminder);
  clock.now = at(5);
  await reminders.onAlarm(`reminder:${reminder.id}`);

  expect(await reminders.onNotificationButton(`reminder:${reminder.id}`, 0)).toBe(true);
  expect(await db.reminders.get(reminder.id)).toMatchObject({ status: 'pending', dueAt: at(15).toISOString() });
  expect(await reminders.onNotificationButton(`reminder:${reminder.id}`, 1)).toBe(true);
  expect((await db.reminders.get(reminder.id))!.status).toBe('done');
  expect(await reminders.onNotificationButton('something-else', 0)).toBe(false);

  const words = wordsFor('en');
  expect(reminderNotice(reminder, undefined, words).buttons).toEqual([words.notification.snooze10, words.notification.done]);
});

test('a reminder from an older build (no outcome, no commitment) still parses', () => {
  const { outcome: _o, commitmentId: _c, ...old } = reminderFor(randomUUID(), at(5));
  expect(Reminder.safeParse(old).success).toBe(true);
});

function commitment(dueAt: Date, id = randomUUID()): Commitment {
  return { id, what: '三个工作日内上门查看', dueText: '3个工作日内', dueAt: dueAt.toISOString(), responsible: '工程部', createdAt: at(0).toISOString(), outcome: 'pending' };
}

test('a pending commitment gets one reminder an hour before it is due, however often its case is saved', async () => {
  const { alarms, clock, cases, db } = setup();
  const promise = commitment(new Date(at(0).getTime() + 3 * 86_400_000));
  let record: Case = edited(newCase(customer, 'zh-Hans', at(0), randomUUID()), { commitments: [promise] }, at(1));
  await cases.save(record);
  record = edited(record, { summary: '漏水' }, at(2));
  clock.now = at(2);
  await cases.save(record);

  const made = await db.reminders.toArray();
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({
    id: reminderIdForCommitment(promise.id),
    caseId: record.id,
    commitmentId: promise.id,
    note: promise.what,
    status: 'pending',
    dueAt: new Date(Date.parse(promise.dueAt) - 3_600_000).toISOString(),
  });
  expect(alarms.get(`reminder:${made[0]!.id}`)).toBe(Date.parse(promise.dueAt) - 3_600_000);

  // Snoozed by the agent, it is not made again nor moved back by the next save.
  await db.reminders.update(made[0]!.id, { dueAt: at(59).toISOString() });
  await cases.save(edited(record, { plan: '上门' }, at(3)));
  expect((await db.reminders.get(made[0]!.id))!.dueAt).toBe(at(59).toISOString());
});

test('a commitment due within the hour is reminded at once; judged kept or broken, its reminder is done', async () => {
  const { clock, cases, db } = setup();
  clock.now = at(30);
  const soon = commitment(at(45));
  const later = commitment(at(50));
  let record: Case = edited(newCase(customer, 'zh-Hans', at(0), randomUUID()), { commitments: [soon, later] }, at(30));
  await cases.save(record);
  expect((await db.reminders.get(reminderIdForCommitment(soon.id)))!.dueAt).toBe(at(30).toISOString());

  clock.now = at(31);
  record = edited(record, { commitments: [{ ...soon, outcome: 'kept', outcomeAt: at(31).toISOString() }, { ...later, outcome: 'broken', outcomeAt: at(31).toISOString() }] }, at(31));
  await cases.save(record);
  expect((await db.reminders.toArray()).map((r) => r.status)).toEqual(['done', 'done']);
});
