import { describe, expect, test } from 'vitest';
import { Category } from './category';
import { defaultTemplates } from './default-templates';
import { LOCALES } from './primitives';
import { STEP_ORDER } from './steps';
import { DEFAULT_CATEGORIES } from './taxonomy';
import { Template } from './template';

describe('default data', () => {
  test('every default category is valid, unique, and comes after its parent', () => {
    const seen = new Set<string>();
    for (const category of DEFAULT_CATEGORIES) {
      Category.parse(category);
      expect(seen.has(category.id)).toBe(false);
      if (category.parentId) expect(seen.has(category.parentId)).toBe(true);
      seen.add(category.id);
    }
    expect(seen).toContain('waterproofing');
  });

  test('every step has published prompts in every language, with unique ids and shortcuts', () => {
    const templates = defaultTemplates('2026-11-27T00:00:00.000Z');
    templates.forEach((t) => Template.parse(t));
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const language of LOCALES) {
      const mine = templates.filter((t) => t.language === language);
      for (const step of STEP_ORDER) expect(mine.some((t) => t.step === step)).toBe(true);
      const shortcuts = mine.map((t) => t.shortcut).filter(Boolean);
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
  });
});
