import { useState } from 'preact/hooks';
import type { Catalogue, Locale, Reminder, SnoozePreset } from '../../../shared';
import { background } from '../background-client';

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * The follow-ups still to do, as a to-do list: each can be snoozed, moved to another time, or
 * marked done with what came of it. Changes go to the background, which tells every sidebar.
 * `currentCaseId`: that case's reminders are not offered "open case" (it is open already).
 */
export function ReminderList(props: { reminders: Reminder[]; locale: Locale; t: Catalogue; currentCaseId?: string | null }) {
  const { t } = props;
  if (props.reminders.length === 0) return null;
  return (
    <section class="card reminder-list" aria-label={t.reminderList.heading} data-testid="reminder-list">
      <p class="label">{t.reminderList.heading}</p>
      <ul>
        {props.reminders.map((reminder) => (
          <ReminderItem key={reminder.id} reminder={reminder} locale={props.locale} t={t} isCurrentCase={reminder.caseId === props.currentCaseId} />
        ))}
      </ul>
    </section>
  );
}

function ReminderItem(props: { reminder: Reminder; locale: Locale; t: Catalogue; isCurrentCase: boolean }) {
  const { reminder, t } = props;
  const [outcome, setOutcome] = useState('');
  const [newTime, setNewTime] = useState('');
  const snooze = (preset: SnoozePreset) => void background.snoozeReminder(reminder.id, preset);
  const when = new Date(reminder.dueAt).toLocaleString(props.locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const label = reminder.note || t.notification.noNote;
  return (
    <li data-status={reminder.status} data-reminder={reminder.id} role="group" aria-label={`${when} · ${label}`}>
      <p>
        <strong>{when}</strong> · {t.domain.reminderStatuses[reminder.status]} · {label}
      </p>
      <div class="row">
        <button type="button" class="small" data-action="snooze-10m" onClick={() => snooze('10m')}>{t.reminderList.snooze10}</button>
        <button type="button" class="small" data-action="snooze-1h" onClick={() => snooze('1h')}>{t.reminderList.snooze1h}</button>
        <button type="button" class="small" data-action="snooze-tomorrow" onClick={() => snooze('tomorrowMorning')}>{t.reminderList.snoozeTomorrow}</button>
        {!props.isCurrentCase && (
          <button type="button" class="small" data-action="open" onClick={() => void background.openCase(reminder.caseId)}>{t.reminderList.open}</button>
        )}
      </div>
      <div class="row">
        <input aria-label={t.reminderList.outcome} placeholder={t.reminderList.outcome} maxLength={500} value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />
        <button type="button" class="small" data-action="done" onClick={() => void background.finishReminder(reminder.id, outcome)}>{t.reminderList.done}</button>
      </div>
      <div class="row">
        <input type="datetime-local" aria-label={t.reminderList.newTime} min={toLocalInput(new Date())} value={newTime} onInput={(e) => setNewTime(e.currentTarget.value)} />
        <button type="button" class="small" data-action="reschedule" disabled={!newTime} onClick={() => void background.rescheduleReminder(reminder.id, new Date(newTime))}>
          {t.reminderList.reschedule}
        </button>
      </div>
    </li>
  );
}
