import type { StepId, Template } from '../../shared';
import type { ToPinyin } from './pinyin';

/** A template with its search keys computed once, when the cache arrives, not per keystroke. */
export interface IndexedTemplate {
  template: Template;
  /** Title, lower-cased (a title hit ranks first). */
  title: string;
  /** Title and body, lower-cased. */
  text: string;
  /** Full pinyin without tones or spaces: 道歉 → daoqian ('' until pinyin has loaded). */
  full: string;
  /** Pinyin initials: 道歉 → dq ('' until pinyin has loaded). */
  initials: string;
  /** The three joined by newlines, so a miss (the common case) costs one scan. */
  key: string;
}

/** Where the current step and case categories come from when ranking. */
export interface SearchContext {
  step: StepId | undefined;
  categoryIds: readonly string[];
}

/** Builds the search index, run once per template list: by characters, and by pinyin once `toPinyin` is there. */
export function indexTemplates(templates: readonly Template[], toPinyin?: ToPinyin): IndexedTemplate[] {
  return templates.map((template) => {
    const source = `${template.title} ${template.body}`;
    const text = source.toLowerCase();
    const { full, initials } = toPinyin?.(source) ?? { full: '', initials: '' };
    return { template, title: template.title.toLowerCase(), text, full, initials, key: `${text}\n${full}\n${initials}` };
  });
}

/** The query as matched: lower-cased, without whitespace (so it can never span the keys' newlines). */
const normalise = (query: string) => query.toLowerCase().replace(/\s+/g, '');

// Highest possible score: title 4 + text 2 + step 3 + category 1.
const MAX_SCORE = 10;

/**
 * The best `limit` of `matches` (entries whose key holds `q`): a title hit, then the current step,
 * then shared categories; ties keep index order. Scores are small integers, so a bucket per score
 * replaces sorting every match.
 */
function rank(matches: readonly IndexedTemplate[], q: string, context: SearchContext, limit: number): Template[] {
  const buckets: Template[][] = Array.from({ length: MAX_SCORE + 1 }, () => []);
  const categories = new Set(context.categoryIds);
  // Once `limit` templates score the maximum, nothing later can displace them.
  for (let i = 0; i < matches.length && buckets[MAX_SCORE]!.length < limit; i++) {
    const entry = matches[i]!;
    const t = entry.template;
    let score = 0;
    if (entry.title.includes(q)) score += 4;
    if (entry.text.includes(q)) score += 2;
    if (t.step === context.step) score += 3;
    if (t.categoryIds.some((id) => categories.has(id))) score += 1;
    buckets[score]!.push(t);
  }
  const best: Template[] = [];
  for (let score = MAX_SCORE; score >= 0 && best.length < limit; score--) {
    for (const t of buckets[score]!) {
      if (best.length === limit) break;
      best.push(t);
    }
  }
  return best;
}

const filter = (entries: readonly IndexedTemplate[], q: string) => entries.filter((entry) => entry.key.includes(q));

/**
 * Template search for one input box: templates matching the query by characters, full pinyin or
 * pinyin initials ("dq" finds 道歉), best first (a title hit, then the current step, then shared
 * categories). Typing only extends the query, and every template matching the longer query also
 * matched the shorter one, so each keystroke that extends the previous query scans only the
 * previous matches instead of the whole index.
 */
export function createTemplateSearch(index: readonly IndexedTemplate[]) {
  let previous = { q: '', matches: index };
  return (query: string, context: SearchContext, limit = 20): Template[] => {
    const q = normalise(query);
    if (!q) return [];
    const matches = q === previous.q ? previous.matches : filter(q.startsWith(previous.q) ? previous.matches : index, q);
    previous = { q, matches };
    return rank(matches, q, context, limit);
  };
}
