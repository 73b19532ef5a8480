import { useEffect, useState } from 'preact/hooks';
import type { Catalogue, Escalation, Locale } from '../../../shared';
import { background } from '../background-client';

/** How often the agent's sidebar asks who took the escalation, while it waits. */
const POLL_MS = 10_000;

/**
 * Who took a major complaint's or an emergency's escalation, and when; until a supervisor does,
 * that they were notified. Asked of the server while the case is shown, until it is taken.
 */
export function EscalationStatus(props: { caseId: string; updatedAt: string; locale: Locale; t: Catalogue }) {
  const t = props.t.life.escalation;
  const [escalations, setEscalations] = useState<Escalation[] | null>(null);
  const taken = escalations?.find((e) => e.acknowledgedBy);
  useEffect(() => {
    if (taken) return;
    let alive = true;
    const ask = () =>
      void background
        .escalationsOf(props.caseId)
        .then((reply) => alive && reply.ok && setEscalations(reply.escalations))
        .catch(() => undefined);
    ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [props.caseId, props.updatedAt, Boolean(taken)]);

  if (!escalations || escalations.length === 0) return null;
  if (!taken?.acknowledgedBy) return <p data-testid="escalation-status">{t.waiting}</p>;
  const when = new Date(taken.acknowledgedBy.at).toLocaleTimeString(props.locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <p data-testid="escalation-status" data-taken="true">
      {t.taken(taken.acknowledgedBy.displayName, when)}
    </p>
  );
}
