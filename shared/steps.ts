import { z } from 'zod';
import { Instant, plainText } from './primitives';

/**
 * The five steps of handling an upset customer, in the order the guide gives them
 * (../shared/DOMAIN.md): let them vent, apologise and restate, propose, agree the plan, follow up.
 */
export const StepId = z.enum(['vent', 'apologise', 'propose', 'agree', 'follow_up']);
export type StepId = z.infer<typeof StepId>;
export const STEP_ORDER: readonly StepId[] = StepId.options;

/** What a step's prompts are for; templates carry one tone each. */
export const Tone = z.enum(['empathy', 'apology', 'restatement', 'options', 'closing', 'refusal']);
export type Tone = z.infer<typeof Tone>;

/** One entry of a case's step log: a step done, or skipped with the agent's reason. */
export const StepEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('done'), step: StepId, at: Instant }),
  z.object({
    kind: z.literal('skipped'),
    step: StepId,
    at: Instant,
    reason: plainText(500).trim().min(1),
  }),
]);
export type StepEvent = z.infer<typeof StepEvent>;

/** Facts about a case that decide whether a step may be closed. */
export interface StepFacts {
  categoryIds: readonly string[];
  summary: string;
  plan: string;
  /** The step log, as a case keeps it. */
  steps: readonly StepEvent[];
}

/** Something a step still needs before it can be ticked. */
export type StepNeed = 'previous_step' | 'category' | 'summary' | 'plan';

/** What each step needs, besides the step before it being closed. */
const STEP_NEEDS: Record<StepId, (facts: StepFacts) => StepNeed[]> = {
  vent: () => [],
  // Restating the problem needs to know what it is about.
  apologise: (f) => [...(f.categoryIds.length ? [] : ['category' as const]), ...(f.summary.trim() ? [] : ['summary' as const])],
  propose: (f) => (f.plan.trim() ? [] : ['plan']),
  agree: (f) => (f.plan.trim() ? [] : ['plan']),
  follow_up: () => [],
};

/** The step's latest event, if any: a later tick overrides an earlier skip and vice versa. */
export function stepState(log: readonly StepEvent[], step: StepId): StepEvent | undefined {
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.step === step) return log[i];
  return undefined;
}

/** The first step that is neither done nor skipped; undefined once all five are closed. */
export function currentStep(log: readonly StepEvent[]): StepId | undefined {
  return STEP_ORDER.find((step) => !stepState(log, step));
}

/** What stands between the agent and ticking `step` now. Empty means it may be ticked. */
export function stepNeeds(facts: StepFacts, step: StepId): StepNeed[] {
  const index = STEP_ORDER.indexOf(step);
  const previous = STEP_ORDER[index - 1];
  const needs: StepNeed[] = previous && !stepState(facts.steps, previous) ? ['previous_step'] : [];
  return [...needs, ...STEP_NEEDS[step](facts)];
}

/** The step log with `step` ticked at `at`, or an error naming what is missing. */
export function completeStep(
  facts: StepFacts,
  step: StepId,
  at: string,
): { ok: true; steps: StepEvent[] } | { ok: false; needs: StepNeed[] } {
  const needs = stepNeeds(facts, step);
  if (needs.length) return { ok: false, needs };
  return { ok: true, steps: [...facts.steps, { kind: 'done', step, at }] };
}

/** The step log with `step` skipped; skipping always needs a reason, and keeps the order rule. */
export function skipStep(
  facts: StepFacts,
  step: StepId,
  reason: string,
  at: string,
): { ok: true; steps: StepEvent[] } | { ok: false; needs: StepNeed[] | ['reason'] } {
  if (!reason.trim()) return { ok: false, needs: ['reason'] };
  const needs = stepNeeds(facts, step).filter((need) => need === 'previous_step');
  if (needs.length) return { ok: false, needs };
  return { ok: true, steps: [...facts.steps, { kind: 'skipped', step, at, reason: reason.trim() }] };
}
