import { describe, expect, test } from 'vitest';
import { Mood } from './case';
import { Category } from './category';
import { defaultTemplates, TEMPLATE_SEEDS } from './default-templates';
import { LOCALES } from './primitives';
import { TEMPLATE_VARIABLES } from './render';
import { STEP_ORDER } from './steps';
import { DEFAULT_CATEGORIES } from './taxonomy';
import { Template } from './template';

const placeholders = (body: string) => [...body.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);

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

  test('the first 24 defaults keep the ids servers were seeded with', () => {
    const shipped = [';ting', ';gan', ';qian', ';que', ';fang', ';ju', ';ding', ';hui'];
    const templates = defaultTemplates('2026-11-27T00:00:00.000Z');
    shipped.forEach((shortcut, i) =>
      LOCALES.forEach((language, l) => {
        const id = `00000000-0000-4000-8000-${String((i + 1) * 10 + l + 1).padStart(12, '0')}`;
        expect(templates.find((t) => t.shortcut === shortcut && t.language === language)?.id, `${shortcut} ${language}`).toBe(id);
      }),
    );
    expect(new Set(TEMPLATE_SEEDS.map((s) => s.no)).size).toBe(TEMPLATE_SEEDS.length);
  });
});

describe('default templates', () => {
  test('every seed is worded in all three languages, each its own text', () => {
    for (const seed of TEMPLATE_SEEDS) {
      expect(Object.keys(seed.wording).sort(), seed.shortcut ?? '').toEqual([...LOCALES].sort());
      for (const language of LOCALES) {
        expect(seed.wording[language].title.trim(), `${seed.shortcut} ${language}`).not.toBe('');
        expect(seed.wording[language].body.trim(), `${seed.shortcut} ${language}`).not.toBe('');
      }
      // Traditional wording is written, not copied: a body identical to the Simplified one was forgotten.
      expect(seed.wording['zh-Hant'].body, seed.shortcut ?? '').not.toBe(seed.wording['zh-Hans'].body);
    }
  });

  test('every seed has a shortcut of its own, the same in each language', () => {
    const shortcuts = TEMPLATE_SEEDS.map((s) => s.shortcut);
    expect(shortcuts.every((s) => s !== null && /^;[a-z0-9]{2,20}$/.test(s))).toBe(true);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  test('bodies use only variables that exist, and the same ones in every language', () => {
    const known: readonly string[] = TEMPLATE_VARIABLES;
    for (const seed of TEMPLATE_SEEDS) {
      const used = LOCALES.map((language) => [...new Set(placeholders(seed.wording[language].body))].sort());
      for (const names of used) expect(names.filter((name) => !known.includes(name)), seed.shortcut ?? '').toEqual([]);
      expect(used[1], `${seed.shortcut} zh-Hant`).toEqual(used[0]);
      expect(used[2], `${seed.shortcut} en`).toEqual(used[0]);
    }
  });

  test('every mood has its own vent and apologise prompts in every language', () => {
    const templates = defaultTemplates('2026-11-27T00:00:00.000Z');
    for (const language of LOCALES)
      for (const mood of Mood.options)
        for (const step of ['vent', 'apologise'] as const)
          expect(templates.some((t) => t.language === language && t.step === step && t.moods.includes(mood)), `${language} ${mood} ${step}`).toBe(true);
  });

  test('the categories named exist in the taxonomy', () => {
    const ids = new Set(DEFAULT_CATEGORIES.map((c) => c.id));
    for (const seed of TEMPLATE_SEEDS) {
      expect((seed.categoryIds ?? []).filter((id) => !ids.has(id)), seed.shortcut ?? '').toEqual([]);
      expect(new Set(seed.categoryIds).size, seed.shortcut ?? '').toBe(seed.categoryIds?.length ?? 0);
    }
  });
});
