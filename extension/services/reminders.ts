import type { Case, Catalogue, Reminder } from '../../shared';
import type { LingtingDb } from '../db/schema';
import { enqueueCoalesced, type InFlight } from './outbox';

const ALARM_PREFIX = 'reminder:';

/** A reminder's notification: who to call back, and the agent's note (or the case's summary). */
export function reminderNotice(reminder: Reminder, record: Case | undefined, words: Catalogue): { title: string; message: string } {
  const who = record ? `${record.customer.name} ${record.customer.phone}`.trim() : '';
  return { title: words.notification.title(who), message: reminder.note || record?.summary || words.notification.noNote };
}

/** The browser facilities reminders need, passed in so tests can use fakes. */
export interface ReminderPlatform {
  createAlarm(name: string, when: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
}

/**
 * Follow-up reminders: stored in Dexie, synced as `reminder.put`, fired by one alarm each.
 * Alarms do not survive everything (an update, a crash), so `restore` re-creates them from
 * Dexie whenever the service worker starts and fires at once any that fell due meanwhile.
 */
export function createReminderService(deps: {
  db: LingtingDb;
  platform: ReminderPlatform;
  now: () => Date;
  newId: () => string;
  inFlight: InFlight;
  /** The signed-in user's id: queued changes are theirs. */
  currentUserId: () => Promise<string | undefined>;
  /** Title and text of the notification for a reminder (looks up the case's customer). */
  describe: (reminder: Reminder) => Promise<{ title: string; message: string }>;
}) {
  const { db, platform } = deps;

  async function store(reminder: Reminder): Promise<void> {
    const ownerId = await deps.currentUserId();
    await db.transaction('rw', db.reminders, db.outbox, async () => {
      await db.reminders.put(reminder);
      await enqueueCoalesced(db, deps.inFlight, { changeId: deps.newId(), kind: 'reminder.put', reminder }, deps.now().toISOString(), ownerId);
    });
  }

  async function fire(reminder: Reminder): Promise<void> {
    const { title, message } = await deps.describe(reminder);
    await platform.notify(ALARM_PREFIX + reminder.id, title, message);
    await store({ ...reminder, status: 'fired', updatedAt: deps.now().toISOString() });
  }

  return {
    async save(reminder: Reminder): Promise<void> {
      await store(reminder);
      if (reminder.status === 'pending') await platform.createAlarm(ALARM_PREFIX + reminder.id, Date.parse(reminder.dueAt));
      else await platform.clearAlarm(ALARM_PREFIX + reminder.id);
    },
    /** Handles an alarm; returns false when it was not a reminder's. */
    async onAlarm(name: string): Promise<boolean> {
      if (!name.startsWith(ALARM_PREFIX)) return false;
      const reminder = await db.reminders.get(name.slice(ALARM_PREFIX.length));
      if (reminder?.status === 'pending') await fire(reminder);
      return true;
    },
    /** Re-creates every pending reminder's alarm; fires those already due (missed while closed). */
    async restore(): Promise<void> {
      const pending = await db.reminders.where('status').equals('pending').toArray();
      const now = deps.now().getTime();
      for (const reminder of pending) {
        if (Date.parse(reminder.dueAt) <= now) await fire(reminder);
        else await platform.createAlarm(ALARM_PREFIX + reminder.id, Date.parse(reminder.dueAt));
      }
    },
    /** The case a notification belongs to, if it is a reminder's. */
    async caseOfNotification(notificationId: string): Promise<string | null> {
      if (!notificationId.startsWith(ALARM_PREFIX)) return null;
      return (await db.reminders.get(notificationId.slice(ALARM_PREFIX.length)))?.caseId ?? null;
    },
    /** Reminders not yet done or cancelled, soonest first. */
    active: async (): Promise<Reminder[]> =>
      (await db.reminders.where('status').anyOf('pending', 'fired').toArray()).sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1)),
  };
}
export type ReminderService = ReturnType<typeof createReminderService>;
