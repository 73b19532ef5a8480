import { useEffect, useRef, useState } from 'preact/hooks';
import { flagWording, renderTemplate, variableLabel, type Catalogue, type Locale, type Template, type WordingRule } from '../../../shared';
import { WordingFlags } from './WordingFlags';

/**
 * One approved wording, rendered with the case's values. A value the case lacks is marked in
 * the preview and asked for in a small field, so it is never inserted blank. Wording that breaks
 * a supervisor's rule is flagged with the approved alternative before anything is inserted.
 * With `shortcut`, the agent typed that shortcut in the CRM and the card asks for what it lacks:
 * the first missing value takes the focus, and Insert puts the text in place of the shortcut.
 */
export function PromptCard(props: {
  template: Template;
  shortcut?: string | undefined;
  values: Partial<Record<string, string>>;
  rules: WordingRule[];
  locale: Locale;
  t: Catalogue;
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
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.shortcut) card.current?.querySelector<HTMLInputElement>('input[data-fill]')?.focus();
  }, []);

  const insert = () => {
    if (flags.length && !confirming) return setConfirming(true);
    setConfirming(false);
    onInsert(template, rendered.text);
  };

  return (
    <article ref={card} class="prompt" data-template-id={template.id} data-shortcut={props.shortcut} aria-label={template.title}>
      {props.shortcut && <p class="warn">{t.sidebar.shortcutNeedsValues(props.shortcut)}</p>}
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
          {t.sidebar.missingValues} {rendered.missing.map(labelOf).join('、')}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary small" disabled={blocked} onClick={insert}>
          {confirming ? t.sidebar.insertAnyway : t.sidebar.insert}
        </button>
        <button type="button" class="small" data-action="queue" disabled={blocked} onClick={() => props.onQueue(template, rendered.text)}>
          {t.sidebar.addToTray}
        </button>
      </div>
    </article>
  );
}
