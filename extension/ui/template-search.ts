import { pinyin } from 'pinyin-pro';
import type { StepId, Template } from '../../shared';

/** A template with its search keys computed once, when the cache arrives, not per keystroke. */
export interface IndexedTemplate {
  template: Template;
  /** Title and body, lower-cased. */
  text: string;
  /** Full pinyin without tones or spaces: 道歉 → daoqian. */
  full: string;
  /** Pinyin initials: 道歉 → dq. */
  initials: string;
  /** The three joined, so a miss (the common case) costs one scan. */
  key: string;
}

const syllables = (text: string, pattern: 'pinyin' | 'first') =>
  pinyin(text, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' }).join('').toLowerCase();

/** Builds the search index; run once per template list. */
export function indexTemplates(templates: readonly Template[]): IndexedTemplate[] {
  return templates.map((template) => {
    const source = `${template.title} ${template.body}`;
    const text = source.toLowerCase();
    const full = syllables(source, 'pinyin');
    const initials = syllables(source, 'first');
    return { template, text, full, initials, key: `${text}\n${full}\n${initials}` };
  });
}

/**
 * Templates matching `query` by characters, full pinyin or pinyin initials ("dq" finds 道歉),
 * best first: a title hit, then the current step, then shared categories.
 */
export function searchTemplates(
  index: readonly IndexedTemplate[],
  query: string,
  context: { step: StepId | undefined; categoryIds: readonly string[] },
  limit = 20,
): Template[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const scored: { template: Template; score: number }[] = [];
  for (const entry of index) {
    if (!entry.key.includes(q)) continue;
    const inText = entry.text.includes(q);
    const t = entry.template;
    let score = 0;
    if (t.title.toLowerCase().includes(q)) score += 4;
    if (inText) score += 2;
    if (t.step === context.step) score += 3;
    if (t.categoryIds.some((id) => context.categoryIds.includes(id))) score += 1;
    scored.push({ template: t, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.template);
}
