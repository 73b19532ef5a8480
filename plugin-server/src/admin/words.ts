import { type Catalogue, STEP_ORDER, type StepId } from '../../../shared';

/** A step as the pages show it: its place in the order and its name, e.g. "2 · Apologise and restate". */
export const stepName = (w: Catalogue, step: StepId): string => w.domain.numberedStep(STEP_ORDER.indexOf(step) + 1, w.domain.steps[step]);
