import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Channel, LOCALES, Mood, nextDue, Severity, Validity, type Case, type Catalogue, type Locale, type SidebarLife } from '../../../shared';
import { formatWhen } from './when';

/** How long before a deadline the timer warns. */
const WARN_BEFORE_MS = 30 * 60_000;

/** The clock, refreshed every half minute: enough for a timer counting minutes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The next real deadline of the case (time limit, promise or department report), warned before it is missed. */
function DeadlineTimer({ record, life, locale, t }: { record: Case; life: SidebarLife; locale: Locale; t: Catalogue }) {
  const now = useNow();
  const due = nextDue(record, life.calendar, life.timeLimits);
  if (!due) return null;
  const kind = t.life.deadline.kinds[due.kind];
  const left = due.dueAt.getTime() - now;
  const state = left < 0 ? 'overdue' : left < WARN_BEFORE_MS ? 'soon' : '';
  const text =
    state === 'overdue'
      ? t.life.deadline.missed(kind)
      : state === 'soon'
        ? t.life.deadline.soon(kind, Math.ceil(left / 60_000))
        : t.life.deadline.next(kind, formatWhen(due.dueAt, locale, life.calendar.timeZone));
  return (
    <span class={`timer ${state}`} role="timer" data-testid="timer" data-kind={due.kind} title={formatWhen(due.dueAt, locale, life.calendar.timeZone)}>
      {text}
    </span>
  );
}

function Select<T extends string>(props: { label: string; name: string; value: T; options: readonly T[]; names: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <label class="field inline">
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How the complaint came in and how serious it is; the timer runs against the case's next deadline. */
export function IntakeCard(props: {
  record: Case;
  life: SidebarLife;
  locale: Locale;
  t: Catalogue;
  escalation?: ComponentChildren;
  onChange: (changes: Partial<Case>) => void;
}) {
  const { record, t, onChange } = props;
  return (
    <section class="card intake" aria-label={t.sidebar.intake}>
      <h2>
        {t.sidebar.intake}
        <DeadlineTimer record={record} life={props.life} locale={props.locale} t={t} />
      </h2>
      <div class="grid">
        <Select label={t.sidebar.channel} name="channel" value={record.channel} options={Channel.options} names={t.domain.channels} onChange={(channel) => onChange({ channel })} />
        <Select label={t.sidebar.mood} name="mood" value={record.mood} options={Mood.options} names={t.domain.moods} onChange={(mood) => onChange({ mood })} />
        <Select label={t.sidebar.severity} name="severity" value={record.severity} options={Severity.options} names={t.domain.severities} onChange={(severity) => onChange({ severity })} />
        <Select label={t.sidebar.validity} name="validity" value={record.validity} options={Validity.options} names={t.domain.validities} onChange={(validity) => onChange({ validity })} />
        <Select<Locale> label={t.sidebar.caseLanguage} name="language" value={record.language} options={LOCALES} names={t.domain.languages} onChange={(language) => onChange({ language })} />
      </div>
      {record.severity === 'major' && (
        <div class="banner escalate" role="alert" data-testid="escalation">
          <p>{t.sidebar.escalation}</p>
          {props.escalation}
        </div>
      )}
      {record.validity === 'invalid' && <p class="banner">{t.sidebar.invalidHint}</p>}
    </section>
  );
}
