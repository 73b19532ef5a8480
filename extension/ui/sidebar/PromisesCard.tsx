import { useState } from 'preact/hooks';
import {
  CommitmentOutcome,
  judgeCommitment,
  newRecordId,
  parseDuePhrase,
  type Case,
  type Catalogue,
  type Locale,
  type SidebarLife,
} from '../../../shared';
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
  const [dueText, setDueText] = useState('');
  const [responsible, setResponsible] = useState('');
  const due = dueText.trim() ? parseDuePhrase(life.calendar, new Date(), dueText) : null;
  const when = (at: Date | string) => formatWhen(at, locale, life.calendar.timeZone);
  const closed = record.status === 'closed';

  const add = () => {
    if (!due?.ok || !what.trim()) return;
    const now = new Date().toISOString();
    const commitment = { id: newRecordId(), what: what.trim(), dueText: dueText.trim(), dueAt: due.dueAt.toISOString(), responsible: responsible.trim(), createdAt: now, outcome: 'pending' as const };
    props.onChange({ ...record, commitments: [...record.commitments, commitment] });
    setWhat('');
    setDueText('');
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
            <label class="field">
              <span>{t.due}</span>
              <input
                name="commitment-due"
                value={dueText}
                maxLength={100}
                placeholder={t.duePlaceholder}
                aria-describedby="commitment-due-reading"
                aria-invalid={due !== null && !due.ok}
                onInput={(e) => setDueText(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Enter' && !e.isComposing && add()}
              />
            </label>
            <label class="field">
              <span>{t.responsible}</span>
              <input name="commitment-responsible" value={responsible} maxLength={100} onInput={(e) => setResponsible(e.currentTarget.value)} />
            </label>
          </div>
          <p id="commitment-due-reading" class={due && !due.ok ? 'needs' : 'muted'} data-testid="commitment-due-reading" aria-live="polite">
            {due ? (due.ok ? t.dueOn(when(due.dueAt)) : t.dueUnclear) : ''}
          </p>
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
