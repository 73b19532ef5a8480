import { useState } from 'preact/hooks';
import { flagWording, renderTemplate, variableLabel, type Locale, type Template, type WordingRule } from '../../../shared';
import type { Strings } from '../i18n';
import { WordingFlags } from './WordingFlags';

/**
 * One approved wording, rendered with the case's values. A value the case lacks is marked in
 * the preview and asked for in a small field, so it is never inserted blank. Wording that breaks
 * a supervisor's rule is flagged with the approved alternative before anything is inserted.
 */
export function PromptCard(props: {
  template: Template;
  values: Record<string, string>;
  rules: WordingRule[];
  locale: Locale;
  t: Strings;
  onInsert: (template: Template, text: string) => void;
  onQueue: (template: Template, text: string) => void;
}) {
  const { template, values, locale, t, onInsert } = props;
  const [fills, setFills] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const rendered = renderTemplate(template.body, { ...values, ...fills }, locale);
  const labelOf = (name: string) => variableLabel(name, locale);
  // Fields stay on screen while the agent types in them, even once they hold a value.
  const asked = renderTemplate(template.body, values, locale).missing;
  const flags = flagWording(rendered.text, props.rules.filter((r) => r.language === template.language));
  const blocked = rendered.missing.length > 0;

  const insert = () => {
    if (flags.length && !confirming) return setConfirming(true);
    setConfirming(false);
    onInsert(template, rendered.text);
  };

  return (
    <article class="prompt" data-template-id={template.id} aria-label={template.title}>
      <header>
        <span class="prompt-title">{template.title}</span>
        {template.shortcut && <kbd>{template.shortcut}</kbd>}
      </header>
      <p class="prompt-body">
        {rendered.parts.map((part, i) =>
          part.kind === 'text' ? part.text : <mark key={i} class="missing">【{part.label}】</mark>,
        )}
      </p>
      {asked.length > 0 && (
        <div class="fills">
          {asked.map((name) => (
            <label key={name}>
              <span>{labelOf(name)}</span>
              <input
                data-fill={name}
                value={fills[name] ?? ''}
                onInput={(event) => setFills({ ...fills, [name]: event.currentTarget.value })}
              />
            </label>
          ))}
        </div>
      )}
      <WordingFlags flags={flags} text={rendered.text} t={t} />
      {blocked && (
        <p class="warn" data-testid="missing">
          {t.missingValues} {rendered.missing.map(labelOf).join('、')}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary small" disabled={blocked} onClick={insert}>
          {confirming ? t.insertAnyway : t.insert}
        </button>
        <button type="button" class="small" data-action="queue" disabled={blocked} onClick={() => props.onQueue(template, rendered.text)}>
          {t.addToTray}
        </button>
      </div>
    </article>
  );
}
