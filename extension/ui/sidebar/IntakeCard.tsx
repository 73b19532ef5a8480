import { useEffect, useState } from 'preact/hooks';
import { Channel, LOCALES, Mood, Severity, Validity, type Case, type Locale } from '../../../shared';
import { replyDeadline } from '../case-draft';
import type { Catalogue } from '../../../shared';

/** Minutes since the complaint came in, refreshed every half minute. */
function useElapsedMinutes(since: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
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

/** How the complaint came in and how serious it is; the timer runs against the same-day target. */
export function IntakeCard({ record, t, onChange }: { record: Case; t: Catalogue; onChange: (changes: Partial<Case>) => void }) {
  const minutes = useElapsedMinutes(record.receivedAt);
  const overdue = Date.now() > replyDeadline(record.receivedAt).getTime();
  return (
    <section class="card intake" aria-label={t.sidebar.intake}>
      <h2>
        {t.sidebar.intake}
        <span class={`timer ${overdue ? 'overdue' : ''}`} role="timer" data-testid="timer">
          {overdue ? t.sidebar.overdue : t.sidebar.elapsed(minutes)}
        </span>
      </h2>
      <div class="grid">
        <Select label={t.sidebar.channel} name="channel" value={record.channel} options={Channel.options} names={t.domain.channels} onChange={(channel) => onChange({ channel })} />
        <Select label={t.sidebar.mood} name="mood" value={record.mood} options={Mood.options} names={t.domain.moods} onChange={(mood) => onChange({ mood })} />
        <Select label={t.sidebar.severity} name="severity" value={record.severity} options={Severity.options} names={t.domain.severities} onChange={(severity) => onChange({ severity })} />
        <Select label={t.sidebar.validity} name="validity" value={record.validity} options={Validity.options} names={t.domain.validities} onChange={(validity) => onChange({ validity })} />
        <Select<Locale> label={t.sidebar.caseLanguage} name="language" value={record.language} options={LOCALES} names={t.domain.languages} onChange={(language) => onChange({ language })} />
      </div>
      {record.severity === 'major' && (
        <p class="banner escalate" role="alert" data-testid="escalation">
          {t.sidebar.escalation}
        </p>
      )}
      {record.validity === 'invalid' && <p class="banner">{t.sidebar.invalidHint}</p>}
    </section>
  );
}
