import { describe, expect, test } from 'vitest';
import { Case, defaultTemplates } from '../../shared';
import { edited, newCase, promptsFor, recordTemplateUse, tickStep, toggleCategory } from './case-draft';

const customer = { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' };
const t0 = new Date('2026-11-27T08:00:00.000Z');
const fresh = () => newCase(customer, 'zh-Hans', t0, '0b9f2c1e-3a4d-4e5f-8a7b-1c2d3e4f5a6b');

describe('a case draft', () => {
  test('starts as a valid open case for the customer on the page', () => {
    const record = Case.parse(fresh());
    expect(record).toMatchObject({ customer, status: 'open', steps: [], receivedAt: t0.toISOString() });
  });

  test('moves updatedAt forward on every edit, even within one millisecond', () => {
    const once = edited(fresh(), { summary: 'a' }, t0);
    const twice = edited(once, { summary: 'b' }, t0);
    expect(once.updatedAt > fresh().updatedAt).toBe(true);
    expect(twice.updatedAt > once.updatedAt).toBe(true);
  });

  test('toggles categories on and off', () => {
    const on = toggleCategory(fresh(), 'payment', t0);
    expect(on.categoryIds).toEqual(['payment']);
    expect(toggleCategory(on, 'payment', t0).categoryIds).toEqual([]);
  });

  test('ticks steps in order and says what a step still needs', () => {
    expect(tickStep(fresh(), 'apologise', t0)).toEqual({ ok: false, needs: ['previous_step', 'category', 'summary'] });
    const vented = tickStep(fresh(), 'vent', t0);
    expect(vented.ok && vented.record.steps).toEqual([{ kind: 'done', step: 'vent', at: t0.toISOString() }]);
  });

  test('offers the prompts of a step in the case’s language, and logs the template used', () => {
    const templates = defaultTemplates(t0.toISOString());
    const prompts = promptsFor(templates, fresh(), 'apologise');
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((t) => t.language === 'zh-Hans' && t.step === 'apologise')).toBe(true);
    const used = recordTemplateUse(fresh(), prompts[0]!, { text: '王女士，非常抱歉', via: 'shortcut' }, t0);
    expect(used.templateUses).toEqual([
      { templateId: prompts[0]!.id, version: 1, step: 'apologise', at: t0.toISOString(), text: '王女士，非常抱歉', via: 'shortcut' },
    ]);
  });
});
