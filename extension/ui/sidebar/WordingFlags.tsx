import type { WordingFlag } from '../../../shared';
import type { Strings } from '../i18n';

/** The wording rules a text breaks, each with the phrase as written and the approved alternative. */
export function WordingFlags({ flags, text, t }: { flags: WordingFlag[]; text: string; t: Strings }) {
  if (flags.length === 0) return null;
  return (
    <div class="flags" role="alert" data-testid="wording-flags">
      <p>{t.flagged}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.rule.id}-${flag.start}`}>
            <b>{t.ruleKinds[flag.rule.kind]}</b>「{text.slice(flag.start, flag.end)}」
            {flag.rule.alternative && ` ${t.alternative} 「${flag.rule.alternative}」`}
          </li>
        ))}
      </ul>
    </div>
  );
}
