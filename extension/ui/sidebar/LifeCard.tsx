import { useState } from 'preact/hooks';
import {
  closeCase,
  CloseReason,
  currentRevisits,
  recordRevisit,
  reopenCase,
  type Case,
  type Catalogue,
  type LifeNeed,
  type LifeResult,
} from '../../../shared';

/**
 * The case after the call: its state, the revisit calls, closing (only after a revisit, or with an
 * explicit reason) and reopening, and starting the customer's next complaint. The rules are
 * shared/case-life.ts's; this card only asks for what they need and shows what they refuse.
 */
export function LifeCard(props: { record: Case; t: Catalogue; onChange: (next: Case) => void; onNewCase: () => void }) {
  const { record, t } = props;
  const [needs, setNeeds] = useState<LifeNeed[]>([]);
  const [reached, setReached] = useState(true);
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState<CloseReason>('revisited');
  const [note, setNote] = useState('');
  const closed = record.status === 'closed';
  const at = () => new Date().toISOString();

  const apply = (result: LifeResult<Case>, reset: () => void) => {
    setNeeds(result.ok ? [] : result.needs);
    if (!result.ok) return;
    reset();
    props.onChange(result.record);
  };
  const logRevisit = () =>
    apply(recordRevisit(record, { at: at(), reached, score: reached && score ? Number(score) : undefined, comment: comment.trim() }), () => {
      setScore('');
      setComment('');
    });
  const close = () => apply(closeCase(record, reason, at(), note), () => setNote(''));
  const reopen = () => apply(reopenCase(record, at(), note), () => setNote(''));

  return (
    <section class="card life" aria-label={t.life.title} data-testid="life">
      <h2>
        {t.life.title}
        <span class={`badge ${record.status}`} data-testid="case-status">
          {t.domain.caseStatuses[record.status]}
        </span>
      </h2>
      {!closed && (
        <fieldset class="revisit">
          <legend>{t.life.revisit}</legend>
          <p class="muted">{t.life.attempts(currentRevisits(record).length)}</p>
          <label class="field inline">
            <input type="radio" name="reached" checked={reached} onChange={() => setReached(true)} /> {t.life.reached}
          </label>
          <label class="field inline">
            <input type="radio" name="reached" checked={!reached} onChange={() => setReached(false)} /> {t.life.unreachable}
          </label>
          {reached && (
            <label class="field inline">
              <span>{t.life.score}</span>
              <select name="score" value={score} onChange={(e) => setScore(e.currentTarget.value)}>
                <option value="">–</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={String(n)}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label class="field">
            <span>{t.life.comment}</span>
            <input name="revisit-comment" value={comment} maxLength={1000} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={logRevisit}>
            {t.life.logRevisit}
          </button>
        </fieldset>
      )}
      {!closed && (
        <label class="field inline">
          <span>{t.life.closeReason}</span>
          <select name="close-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as CloseReason)}>
            {CloseReason.options.map((r) => (
              <option key={r} value={r}>
                {t.domain.closeReasons[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        <span>{closed ? t.life.reopenNote : t.life.closeNote}</span>
        <input name="life-note" value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {needs.length > 0 && (
        <ul class="needs" role="alert" data-testid="life-needs">
          {needs.map((need) => (
            <li key={need}>{t.life.needs[need]}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" onClick={closed ? reopen : close}>
          {closed ? t.life.reopen : t.life.close}
        </button>
        <button type="button" class="link" title={t.life.newCaseHint} onClick={props.onNewCase}>
          {t.life.newCase}
        </button>
      </div>
    </section>
  );
}
