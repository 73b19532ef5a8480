import type { WordingFlag } from '../../../shared';
import type { Catalogue } from '../../../shared';

/** The wording rules a text breaks, each with the phrase as written and the approved alternative. */
export function WordingFlags({ flags, text, t }: { flags: WordingFlag[]; text: string; t: Catalogue }) {
  if (flags.length === 0) return null;
  return (
    <div class="flags" role="alert" data-testid="wording-flags">
      <p>{t.sidebar.flagged}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.rule.id}-${flag.start}`}>
            <b>{t.domain.ruleKinds[flag.rule.kind]}</b>「{text.slice(flag.start, flag.end)}」
            {flag.rule.alternative && ` ${t.sidebar.alternative} 「${flag.rule.alternative}」`}
          </li>
        ))}
      </ul>
    </div>
  );
}
