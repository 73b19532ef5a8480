import { useState } from 'preact/hooks';
import {
  departmentFor,
  dispatchCase,
  newRecordId,
  recordDispatchResult,
  type Case,
  type Catalogue,
  type Category,
  type DispatchResult,
  type LifeResult,
  type Locale,
  type SidebarLife,
} from '../../../shared';
import { DueField, DueReading, useDuePhrase } from './DueInput';
import { formatWhen } from './when';

/**
 * Hands the case to the responsible department (the category's, by the server's table, unless
 * the agent picks another) with a date to report back by, and records what the department
 * reported: a dispatch puts the case in handling, the last answer sends it to its revisit.
 */
export function DispatchCard(props: {
  record: Case;
  life: SidebarLife;
  categories: Category[];
  locale: Locale;
  t: Catalogue;
  onChange: (next: Case) => void;
}) {
  const { record, life, locale } = props;
  const t = props.t.life.dispatch;
  const routed = departmentFor(record.categoryIds, life.departments, props.categories)?.id ?? life.departments[0]?.id ?? '';
  const [departmentId, setDepartmentId] = useState('');
  const phrase = useDuePhrase(life.calendar);
  const due = phrase.due;
  const [note, setNote] = useState('');
  const chosen = departmentId || routed;
  const when = (at: string | Date) => formatWhen(at, locale, life.calendar.timeZone);
  const nameOf = (id: string) => life.departments.find((d) => d.id === id)?.names[locale] ?? id;
  const apply = (result: LifeResult<Case>) => result.ok && props.onChange(result.record);

  const send = () => {
    if (!chosen || !due?.ok) return;
    apply(dispatchCase(record, { id: newRecordId(), departmentId: chosen, at: new Date().toISOString(), dueAt: due.dueAt.toISOString(), note: note.trim() }));
    phrase.clear();
    setNote('');
  };
  const closed = record.status === 'closed';

  return (
    <section class="card dispatch" aria-label={t.title} data-testid="dispatch">
      <h2>{t.title}</h2>
      {record.dispatches.length > 0 && (
        <ul class="plain">
          {record.dispatches.map((d) => (
            <li key={d.id} data-testid="dispatch-item">
              <span>{t.sentTo(nameOf(d.departmentId), when(d.dueAt))}</span>
              {d.note && <span class="muted"> · {d.note}</span>}
              {d.result ? (
                <span class="badge ok"> {t.reported(t.outcomes[d.result.outcome], when(d.result.at))}</span>
              ) : (
                !closed && <ResultForm t={props.t} onRecord={(result) => apply(recordDispatchResult(record, d.id, result))} />
              )}
            </li>
          ))}
        </ul>
      )}
      {!closed &&
        (life.departments.length === 0 ? (
          <p class="muted">{t.noDepartments}</p>
        ) : (
          <>
            <div class="grid">
              <label class="field">
                <span>{t.department}</span>
                <select name="dispatch-department" value={chosen} onChange={(e) => setDepartmentId(e.currentTarget.value)}>
                  {life.departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.names[locale]}
                    </option>
                  ))}
                </select>
              </label>
              <DueField name="dispatch-due" label={t.due} phrase={phrase} readingId="dispatch-due-reading" t={props.t} />
            </div>
            <label class="field">
              <span>{t.note}</span>
              <input name="dispatch-note" value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <DueReading id="dispatch-due-reading" testId="dispatch-due-reading" due={due} when={when} t={props.t} />
            <button type="button" class="small" disabled={!chosen || !due?.ok} onClick={send}>
              {t.send}
            </button>
          </>
        ))}
    </section>
  );
}

/** The department's answer: done or not, and what it said. */
function ResultForm(props: { t: Catalogue; onRecord: (result: DispatchResult) => void }) {
  const t = props.t.life.dispatch;
  const [outcome, setOutcome] = useState<DispatchResult['outcome']>('done');
  const [note, setNote] = useState('');
  return (
    <div class="row" role="group" aria-label={t.result}>
      <select name="dispatch-outcome" aria-label={t.result} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as DispatchResult['outcome'])}>
        <option value="done">{t.outcomes.done}</option>
        <option value="not_done">{t.outcomes.not_done}</option>
      </select>
      <input name="dispatch-result-note" aria-label={t.resultNote} placeholder={t.resultNote} value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="button" class="small" onClick={() => props.onRecord({ outcome, at: new Date().toISOString(), note: note.trim() })}>
        {t.record}
      </button>
    </div>
  );
}
