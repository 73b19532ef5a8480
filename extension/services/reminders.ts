import { reminderIdForCommitment, type Case, type Catalogue, type Reminder, type SnoozePreset } from '../../shared';
import type { LingtingDb } from '../db/schema';
import { enqueueCoalesced, type InFlight } from './outbox';

const ALARM_PREFIX = 'reminder:';

/** What a reminder's notification says; `buttons` are shown where the browser has notification buttons. */
export interface ReminderNotice {
  title: string;
  message: string;
  buttons: string[];
}

/**
 * The notification's buttons, in order (Chrome allows two): their index is what
 * `onNotificationButton` receives, so this list is the one place that says which does what.
 */
const NOTIFICATION_BUTTONS = ['snooze10', 'done'] as const;

/** A reminder's notification: who to call back, and the agent's note (or the case's summary). */
export function reminderNotice(reminder: Reminder, record: Case | undefined, words: Catalogue): ReminderNotice {
  const who = record ? `${record.customer.name} ${record.customer.phone}`.trim() : '';
  return {
    title: words.notification.title(who),
    message: reminder.note || record?.summary || words.notification.noNote,
    buttons: NOTIFICATION_BUTTONS.map((button) => words.notification[button]),
  };
}

/** The browser facilities reminders need, passed in so tests can use fakes. */
export interface ReminderPlatform {
  createAlarm(name: string, when: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  notify(id: string, notice: ReminderNotice): Promise<void>;
  /** Takes a reminder's notification away once it is dealt with (snoozed, done) elsewhere. */
  clearNotification(id: string): Promise<void>;
}

const MINUTE = 60_000;
/** How long before a commitment is due its reminder fires. */
const COMMITMENT_LEAD_MS = 60 * MINUTE;

/** When a snoozed reminder comes back: from `now`, in the agent's local time for "tomorrow morning". */
export function snoozedUntil(preset: SnoozePreset, now: Date): Date {
  if (preset === '10m') return new Date(now.getTime() + 10 * MINUTE);
  if (preset === '1h') return new Date(now.getTime() + 60 * MINUTE);
  const morning = new Date(now);
  morning.setDate(now.getDate() + 1);
  morning.setHours(9, 0, 0, 0);
  return morning;
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
  describe: (reminder: Reminder) => Promise<ReminderNotice>;
}) {
  const { db, platform } = deps;
  const at = () => deps.now().toISOString();

  async function store(reminder: Reminder): Promise<void> {
    const ownerId = await deps.currentUserId();
    await db.transaction('rw', db.reminders, db.outbox, async () => {
      await db.reminders.put(reminder);
      await enqueueCoalesced(db, deps.inFlight, { changeId: deps.newId(), kind: 'reminder.put', reminder }, deps.now().toISOString(), ownerId);
    });
  }

  async function fire(reminder: Reminder): Promise<void> {
    await platform.notify(ALARM_PREFIX + reminder.id, await deps.describe(reminder));
    await store({ ...reminder, status: 'fired', updatedAt: at() });
  }

  /** Stores a reminder and makes its alarm match: set for a pending one, gone for any other. */
  async function save(reminder: Reminder): Promise<void> {
    await store(reminder);
    if (reminder.status === 'pending') await platform.createAlarm(ALARM_PREFIX + reminder.id, Date.parse(reminder.dueAt));
    else await platform.clearAlarm(ALARM_PREFIX + reminder.id);
  }

  /** Changes one stored reminder; false when there is none by that id. Its notification goes: it is dealt with. */
  async function change(id: string, changed: (reminder: Reminder) => Reminder): Promise<boolean> {
    const stored = await db.reminders.get(id);
    if (!stored) return false;
    await save({ ...changed(stored), updatedAt: at() });
    await platform.clearNotification(ALARM_PREFIX + id);
    return true;
  }

  /** Back to pending at `dueAt`: a snoozed or rescheduled reminder fires again then. */
  const dueAgain = (id: string, dueAt: Date) => change(id, (r) => ({ ...r, status: 'pending', dueAt: dueAt.toISOString() }));
  const done = (id: string, outcome?: string) => change(id, (r) => ({ ...r, status: 'done', ...(outcome ? { outcome } : {}) }));

  return {
    save,
    /** Snoozes a reminder (pending again, due later); false when there is no such reminder. */
    snooze: (id: string, preset: SnoozePreset) => dueAgain(id, snoozedUntil(preset, deps.now())),
    /** Moves a reminder to a time the agent chose. */
    reschedule: (id: string, dueAt: Date) => dueAgain(id, dueAt),
    /** Marks a reminder done, with what came of it; done on one browser, it goes from the others by sync. */
    done,
    /** Handles a click on a reminder notification's button; returns false when it was not a reminder's. */
    async onNotificationButton(notificationId: string, buttonIndex: number): Promise<boolean> {
      if (!notificationId.startsWith(ALARM_PREFIX)) return false;
      const id = notificationId.slice(ALARM_PREFIX.length);
      const button = NOTIFICATION_BUTTONS[buttonIndex];
      if (button === 'snooze10') await dueAgain(id, snoozedUntil('10m', deps.now()));
      else if (button === 'done') await done(id);
      return true;
    },
    /**
     * Keeps a case's commitments and reminders in step, after the case is saved: a pending
     * commitment gets one reminder (an hour before it is due, or at once if that has passed),
     * made once; a commitment judged kept or broken has its open reminder done.
     */
    async followCommitments(record: Case): Promise<void> {
      for (const commitment of record.commitments) {
        const id = reminderIdForCommitment(commitment.id);
        const existing = await db.reminders.get(id);
        if (commitment.outcome === 'pending') {
          // Made once: what the agent did with it since (snoozed, done) stands.
          if (existing) continue;
          const due = Math.max(Date.parse(commitment.dueAt) - COMMITMENT_LEAD_MS, deps.now().getTime());
          const now = at();
          await save({
            id,
            caseId: record.id,
            commitmentId: commitment.id,
            dueAt: new Date(due).toISOString(),
            note: commitment.what,
            status: 'pending',
            createdAt: now,
            updatedAt: now,
          });
        } else if (existing && (existing.status === 'pending' || existing.status === 'fired')) {
          await done(id);
        }
      }
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
