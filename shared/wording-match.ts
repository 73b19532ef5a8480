/** One place where a text contains a rule's phrase. */
export interface PhraseMatch<R> {
  rule: R;
  start: number;
  end: number;
}

/**
 * Every occurrence of every rule's phrase in `text`, case-insensitively, in order of position.
 * Free of schemas so the content script can flag wording as the agent types without zod.
 */
export function matchPhrases<R extends { phrase: string }>(text: string, rules: readonly R[]): PhraseMatch<R>[] {
  const haystack = text.toLocaleLowerCase();
  const matches: PhraseMatch<R>[] = [];
  for (const rule of rules) {
    const needle = rule.phrase.toLocaleLowerCase();
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ rule, start: at, end: at + needle.length });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
