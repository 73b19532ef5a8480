import { useState } from 'preact/hooks';
import type { Locale, Reminder } from '../../../shared';
import type { Catalogue } from '../../../shared';

/** The preset due times, computed from now in the agent's local time. */
export function presetTimes(now: Date): { in2h: Date; tomorrow10: Date; in3days: Date } {
  const tomorrow10 = new Date(now);
  tomorrow10.setDate(now.getDate() + 1);
  tomorrow10.setHours(10, 0, 0, 0);
  return { in2h: new Date(now.getTime() + 2 * 3_600_000), tomorrow10, in3days: new Date(now.getTime() + 3 * 86_400_000) };
}

const toLocalInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Sets a follow-up reminder for the case: one click for a preset, or a custom time. */
export function ReminderPicker(props: { reminders: Reminder[]; locale: Locale; t: Catalogue; onSet: (dueAt: Date, note: string) => void }) {
  const { t } = props;
  const [note, setNote] = useState('');
  const [custom, setCustom] = useState('');
  const presets = presetTimes(new Date());
  const set = (due: Date) => {
    props.onSet(due, note);
    setNote('');
  };
  return (
    <div class="reminder" role="group" aria-label={t.sidebar.reminder}>
      <p class="label">{t.sidebar.reminder}</p>
      <div class="row">
        <button type="button" class="small" data-preset="in2h" onClick={() => set(presets.in2h)}>{t.sidebar.in2h}</button>
        <button type="button" class="small" data-preset="tomorrow10" onClick={() => set(presets.tomorrow10)}>{t.sidebar.tomorrow10}</button>
        <button type="button" class="small" data-preset="in3days" onClick={() => set(presets.in3days)}>{t.sidebar.in3days}</button>
      </div>
      <div class="row">
        <input aria-label={t.sidebar.reminderNote} placeholder={t.sidebar.reminderNote} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <input type="datetime-local" aria-label={t.sidebar.customTime} data-testid="reminder-custom" min={toLocalInput(new Date())} value={custom} onInput={(e) => setCustom(e.currentTarget.value)} />
        <button type="button" class="small" disabled={!custom} onClick={() => set(new Date(custom))}>{t.sidebar.setReminder}</button>
      </div>
      {props.reminders.length > 0 && (
        <ul class="reminders" aria-label={t.sidebar.remindersSet} data-testid="reminders">
          {props.reminders.map((r) => (
            <li key={r.id} data-status={r.status}>
              {new Date(r.dueAt).toLocaleString(props.locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })} · {t.domain.reminderStatuses[r.status]}
              {r.note && ` · ${r.note}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
