import { z } from 'zod';
import { Id, Instant, Locale, plainText } from './primitives';
import { matchPhrases, type PhraseMatch } from './wording-match';

/**
 * A supervisor's rule about wording: a forbidden phrase (never say it) or an unapproved promise
 * (only a supervisor may commit to it), each with the approved alternative to offer instead.
 */
export const WordingRule = z.object({
  id: Id,
  kind: z.enum(['forbidden', 'unapproved_promise']),
  /** Matched as plain text, case-insensitively; never interpreted as a pattern. */
  phrase: plainText(200).trim().min(1),
  alternative: plainText(500).trim(),
  language: Locale,
  updatedAt: Instant,
});
export type WordingRule = z.infer<typeof WordingRule>;

/** One place where a text breaks a rule. */
export type WordingFlag = PhraseMatch<WordingRule>;

/** Every occurrence of every rule's phrase in `text`, in order of position. */
export function flagWording(text: string, rules: readonly WordingRule[]): WordingFlag[] {
  return matchPhrases(text, rules);
}
