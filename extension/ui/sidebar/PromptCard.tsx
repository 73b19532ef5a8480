import { useState } from 'preact/hooks';
import { renderTemplate, TEMPLATE_VARIABLES, type Locale, type Template, type TemplateVariable } from '../../../shared';
import type { Strings } from '../i18n';

/**
 * One approved wording, rendered with the case's values. A value the case lacks is marked in
 * the preview and asked for in a small field, so it is never inserted blank.
 */
export function PromptCard(props: {
  template: Template;
  values: Record<string, string>;
  locale: Locale;
  t: Strings;
  onInsert: (template: Template, text: string) => void;
}) {
  const { template, values, locale, t, onInsert } = props;
  const [fills, setFills] = useState<Record<string, string>>({});
  const rendered = renderTemplate(template.body, { ...values, ...fills }, locale);
  const labelOf = (name: string) => TEMPLATE_VARIABLES[name as TemplateVariable]?.[locale] ?? name;
  // Fields stay on screen while the agent types in them, even once they hold a value.
  const asked = renderTemplate(template.body, values, locale).missing;

  return (
    <article class="prompt" data-template-id={template.id}>
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
                value={fills[name] ?? ''}
                onInput={(event) => setFills({ ...fills, [name]: event.currentTarget.value })}
              />
            </label>
          ))}
        </div>
      )}
      <button type="button" class="primary small" onClick={() => onInsert(template, rendered.text)}>
        {t.insert}
        {rendered.missing.length > 0 && <span class="warn"> · {t.missingValues} {rendered.missing.map(labelOf).join('、')}</span>}
      </button>
    </article>
  );
}
