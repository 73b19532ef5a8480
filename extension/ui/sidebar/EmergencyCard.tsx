import { useState } from 'preact/hooks';
import type { Case, Catalogue, EmergencyPlan, Locale, SidebarLife } from '../../../shared';
import { formatWhen } from './when';

/**
 * An emergency (burst pipe, people trapped in a lift …): the agent names its type, which starts
 * that plan; its checklist is ticked step by step, each tick logged with its time on the case.
 * Declaring one makes the complaint major, so the server escalates it at once.
 */
export function EmergencyCard(props: { record: Case; life: SidebarLife; locale: Locale; t: Catalogue; onChange: (next: Case) => void }) {
  const { record, life, locale } = props;
  const t = props.t.life.emergency;
  const [planId, setPlanId] = useState(life.emergencyPlans[0]?.id ?? '');
  if (life.emergencyPlans.length === 0) return null;
  const when = (at: string) => formatWhen(at, locale, life.calendar.timeZone);
  const emergency = record.emergency;
  const plan: EmergencyPlan | undefined = life.emergencyPlans.find((p) => p.id === (emergency?.planId ?? planId));

  const declare = () => {
    if (!plan) return;
    props.onChange({ ...record, severity: 'major', emergency: { planId: plan.id, declaredAt: new Date().toISOString(), ticks: [] } });
  };
  const tick = (stepId: string, done: boolean) => {
    if (!emergency) return;
    const ticks = done ? [...emergency.ticks.filter((x) => x.stepId !== stepId), { stepId, at: new Date().toISOString() }] : emergency.ticks.filter((x) => x.stepId !== stepId);
    props.onChange({ ...record, emergency: { ...emergency, ticks } });
  };

  if (!emergency)
    return (
      <details class="card emergency" data-testid="emergency">
        <summary>{t.title}</summary>
        <div class="row">
          <label class="field inline">
            <span>{t.type}</span>
            <select name="emergency-plan" value={planId} onChange={(e) => setPlanId(e.currentTarget.value)}>
              {life.emergencyPlans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.names[locale]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="small danger" onClick={declare}>
            {t.declare}
          </button>
        </div>
      </details>
    );

  return (
    <section class="card emergency active" aria-label={t.title} data-testid="emergency">
      <h2>
        {t.title} · {plan?.names[locale] ?? emergency.planId}
      </h2>
      <p class="banner escalate" role="status">{t.declared(when(emergency.declaredAt))}</p>
      {plan && (
        <>
          <ol class="checklist" data-testid="emergency-checklist">
            {plan.checklist.map((step) => {
              const ticked = emergency.ticks.find((x) => x.stepId === step.id);
              return (
                <li key={step.id}>
                  <label>
                    <input type="checkbox" name={`emergency-${step.id}`} checked={Boolean(ticked)} disabled={record.status === 'closed'} onChange={(e) => tick(step.id, e.currentTarget.checked)} />{' '}
                    {step.text[locale]}
                  </label>
                  {ticked && <span class="muted"> · {t.ticked(when(ticked.at))}</span>}
                </li>
              );
            })}
          </ol>
          {plan.notify.length > 0 && (
            <p>
              <b>{t.notify}</b>: {plan.notify.join('、')}
            </p>
          )}
          {plan.spokesperson && (
            <p>
              <b>{t.spokesperson}</b>: {plan.spokesperson}
            </p>
          )}
        </>
      )}
    </section>
  );
}
