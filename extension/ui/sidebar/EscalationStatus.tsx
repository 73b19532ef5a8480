import { useEffect, useState } from 'preact/hooks';
import { type Case, type Catalogue, type Escalation, escalationKindOf, type Locale } from '../../../shared';
import { background } from '../background-client';
import { formatWhen } from './when';

/** How often the sidebar asks again while no supervisor has taken the case yet. */
const ASK_AGAIN_MS = 10_000;

/**
 * Under the major-complaint banner: whether the supervisors have been told, and who took the
 * case and when (the supervisor acknowledges it in their own extension). Asked of the server
 * while someone may still take it; offline, or before the case has reached the server, it says
 * the supervisors will be told once it does.
 */
export function EscalationStatus(props: { record: Case; locale: Locale; timeZone: string; t: Catalogue }) {
  const { record } = props;
  const t = props.t.life.escalation;
  const kind = escalationKindOf(record);
  const [escalations, setEscalations] = useState<Escalation[] | null>(null);
  // Nothing more to hear once the escalation this case asks for exists and every one is taken.
  const settled = escalations !== null && escalations.some((e) => e.kind === kind) && escalations.every((e) => e.acknowledgedBy !== null);

  useEffect(() => {
    if (!kind || settled) return;
    let alive = true;
    const ask = () =>
      void background
        .caseEscalations(record.id)
        .then((reply) => alive && setEscalations(reply.ok ? reply.escalations : null))
        .catch(() => undefined);
    ask();
    const timer = setInterval(ask, ASK_AGAIN_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [record.id, kind, settled]);

  if (!kind) return null;
  if (!escalations || escalations.length === 0) return <p data-testid="escalation-status">{t.unsent}</p>;
  return (
    <ul class="plain" data-testid="escalation-status">
      {escalations.map((escalation) => (
        <li key={escalation.id} data-kind={escalation.kind}>
          <strong>{t.kinds[escalation.kind]}</strong>
          <span>
            {escalation.acknowledgedBy
              ? t.taken(escalation.acknowledgedBy.displayName, formatWhen(escalation.acknowledgedBy.at, props.locale, props.timeZone))
              : t.waiting}
          </span>
        </li>
      ))}
    </ul>
  );
}
