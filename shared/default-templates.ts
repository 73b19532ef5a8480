import type { Locale } from './primitives';
import type { Template } from './template';
import { BY_CATEGORY_SEEDS } from './template-seeds/by-category';
import { BY_MOOD_SEEDS } from './template-seeds/by-mood';
import { CORE_SEEDS } from './template-seeds/core';
import { EMERGENCY_SEEDS } from './template-seeds/emergency';
import { GROUP_SEEDS } from './template-seeds/group';
import { FOLLOW_THROUGH_SEEDS } from './template-seeds/follow-through';
import { REFUSAL_SEEDS } from './template-seeds/refusal';
import type { Seed } from './template-seeds/seed';

/** Every default prompt, each worded in every product language. */
export const TEMPLATE_SEEDS: readonly Seed[] = [
  ...CORE_SEEDS,
  ...BY_MOOD_SEEDS,
  ...BY_CATEGORY_SEEDS,
  ...FOLLOW_THROUGH_SEEDS,
  ...REFUSAL_SEEDS,
  ...EMERGENCY_SEEDS,
  ...GROUP_SEEDS,
];

const LANGUAGE_INDEX: Record<Locale, number> = { 'zh-Hans': 1, 'zh-Hant': 2, en: 3 };

/**
 * Stable ids make seeding idempotent: the same default is the same row on every start. The id
 * comes from the seed's own number, not its place in the list, so moving seeds around is safe.
 */
export function seedTemplateId(seedNo: number, locale: Locale): string {
  const n = seedNo * 10 + LANGUAGE_INDEX[locale];
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

/** Published defaults for the five steps in every product language. */
export function defaultTemplates(now: string): Template[] {
  return TEMPLATE_SEEDS.flatMap((seed) =>
    (Object.keys(seed.wording) as Locale[]).map((language) => ({
      id: seedTemplateId(seed.no, language),
      step: seed.step,
      tone: seed.tone,
      categoryIds: seed.categoryIds ?? [],
      moods: seed.moods ?? [],
      language,
      title: seed.wording[language].title,
      body: seed.wording[language].body,
      // Shortcuts are unique per language, so the same ;code works in each.
      shortcut: seed.shortcut,
      status: 'published' as const,
      version: 1,
      updatedAt: now,
    })),
  );
}
