import { describe, expect, test } from 'vitest';
import { completeStep, currentStep, skipStep, stepNeeds, type StepFacts } from './steps';

const at = '2026-11-27T08:00:00.000Z';
const empty: StepFacts = { categoryIds: [], summary: '', plan: '', steps: [] };

describe('the five steps', () => {
  test('start at letting the customer vent, in the guide’s order', () => {
    expect(currentStep([])).toBe('vent');
    const afterVent = completeStep(empty, 'vent', at);
    expect(afterVent.ok && currentStep(afterVent.steps)).toBe('apologise');
  });

  test('a step cannot be ticked before the one before it is closed', () => {
    expect(stepNeeds(empty, 'propose')).toContain('previous_step');
    expect(completeStep(empty, 'apologise', at)).toEqual({ ok: false, needs: ['previous_step', 'category', 'summary'] });
  });

  test('apologising and restating needs a category and a summary', () => {
    const vented = { ...empty, steps: [{ kind: 'done' as const, step: 'vent' as const, at }] };
    expect(stepNeeds(vented, 'apologise')).toEqual(['category', 'summary']);
    expect(stepNeeds({ ...vented, categoryIds: ['payment'], summary: '多收了维修基金' }, 'apologise')).toEqual([]);
  });

  test('skipping needs a reason and is logged with it', () => {
    expect(skipStep(empty, 'vent', '  ', at)).toEqual({ ok: false, needs: ['reason'] });
    const skipped = skipStep(empty, 'vent', '客户来电时已很平静', at);
    expect(skipped).toEqual({ ok: true, steps: [{ kind: 'skipped', step: 'vent', at, reason: '客户来电时已很平静' }] });
    expect(skipped.ok && currentStep(skipped.steps)).toBe('apologise');
  });

  test('skipping keeps the order rule', () => {
    expect(skipStep(empty, 'agree', 'no plan needed', at)).toEqual({ ok: false, needs: ['previous_step'] });
  });
});
