import { useState } from 'preact/hooks';
import {
  CommitmentOutcome,
  judgeCommitment,
  newRecordId,
  type Case,
  type Catalogue,
  type Locale,
  type SidebarLife,
} from '../../../shared';
import { DueField, DueReading, useDuePhrase } from './DueInput';
import { formatWhen } from './when';

/**
 * The promises made to the customer (言出必行): what, due when, who answers for it. The due phrase
 * is read on the server's working-day calendar as it is typed, so the agent sees the date it
 * means before recording it; each promise is judged kept or broken at the revisit.
 */
export function PromisesCard(props: { record: Case; life: SidebarLife; locale: Locale; t: Catalogue; onChange: (next: Case) => void }) {
  const { record, life, locale } = props;
  const t = props.t.life.promises;
  const [what, setWhat] = useState('');
  const phrase = useDuePhrase(life.calendar);
  const due = phrase.due;
  const [responsible, setResponsible] = useState('');
  const when = (at: Date | string) => formatWhen(at, locale, life.calendar.timeZone);
  const closed = record.status === 'closed';

  const add = () => {
    if (!due?.ok || !what.trim()) return;
    const now = new Date().toISOString();
    const commitment = { id: newRecordId(), what: what.trim(), dueText: phrase.text.trim(), dueAt: due.dueAt.toISOString(), responsible: responsible.trim(), createdAt: now, outcome: 'pending' as const };
    props.onChange({ ...record, commitments: [...record.commitments, commitment] });
    setWhat('');
    phrase.clear();
  };
  const judge = (id: string, outcome: CommitmentOutcome) => {
    const result = judgeCommitment(record, id, outcome, new Date().toISOString());
    if (result.ok) props.onChange(result.record);
  };

  return (
    <fieldset class="promises" data-testid="promises">
      <legend>{t.title}</legend>
      {record.commitments.length > 0 && (
        <ul class="plain">
          {record.commitments.map((c) => (
            <li key={c.id} data-outcome={c.outcome}>
              <span>
                <b>{c.what}</b> · {t.dueOn(when(c.dueAt))}
                {c.responsible && ` · ${c.responsible}`}
              </span>
              <select aria-label={t.outcomeOf(c.what)} name="commitment-outcome" value={c.outcome} disabled={closed} onChange={(e) => judge(c.id, e.currentTarget.value as CommitmentOutcome)}>
                {CommitmentOutcome.options.map((o) => (
                  <option key={o} value={o}>
                    {t.outcomes[o]}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <>
          <label class="field">
            <span>{t.what}</span>
            <input name="commitment-what" value={what} maxLength={500} onInput={(e) => setWhat(e.currentTarget.value)} />
          </label>
          <div class="grid">
            <DueField name="commitment-due" label={t.due} phrase={phrase} readingId="commitment-due-reading" t={props.t} onEnter={add} />
            <label class="field">
              <span>{t.responsible}</span>
              <input name="commitment-responsible" value={responsible} maxLength={100} onInput={(e) => setResponsible(e.currentTarget.value)} />
            </label>
          </div>
          <DueReading id="commitment-due-reading" testId="commitment-due-reading" due={due} when={when} t={props.t} />
          {life.weekendsOnly && (
            <p class="muted" data-testid="calendar-note">
              {t.weekendsOnly}
            </p>
          )}
          <button type="button" class="small" disabled={!due?.ok || !what.trim()} onClick={add}>
            {t.add}
          </button>
        </>
      )}
    </fieldset>
  );
}
