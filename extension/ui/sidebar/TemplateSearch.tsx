import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { renderTemplate, type Locale, type StepId, type Template } from '../../../shared';
import type { Catalogue } from '../../../shared';
import { loadPinyin, usePinyin } from '../pinyin';
import { createTemplateSearch, indexTemplates } from '../template-search';

/**
 * Search over the published templates in the case's language (`locale`): `/` focuses it, arrows
 * move, Enter inserts. The index is built once per template list, never per keystroke, and once
 * more when pinyin arrives (asked for when the box is first focused).
 */
export function TemplateSearch(props: {
  /** Every template; only the published ones in `locale` are searched. */
  templates: Template[];
  values: Record<string, string>;
  step: StepId | undefined;
  categoryIds: string[];
  locale: Locale;
  t: Catalogue;
  onPick: (template: Template) => void;
}) {
  const { t } = props;
  // One searcher per template list and language: it remembers the last query's matches, so each
  // keystroke narrows them instead of rescanning every template. Filtering here (not in the parent)
  // keeps the memo's inputs stable across renders.
  const { toPinyin, want: wantPinyin } = usePinyin();
  const searched = useMemo(
    () => props.templates.filter((x) => x.status === 'published' && x.language === props.locale),
    [props.templates, props.locale],
  );
  const search = useMemo(() => createTemplateSearch(indexTemplates(searched, toPinyin)), [searched, toPinyin]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const results = search(query, { step: props.step, categoryIds: props.categoryIds }, 8);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // The list of results exists only while there is a query: the box names it and its active
  // option only then (a reference to an element that is not there is an ARIA error).
  const listed = query.trim() !== '' && results.length > 0;
  const optionId = (template: Template) => `template-option-${template.id}`;
  return (
    <section class="card search" aria-label={t.sidebar.search}>
      <input
        ref={input}
        type="search"
        aria-autocomplete="list"
        aria-controls={listed ? 'template-results' : undefined}
        aria-activedescendant={listed && results[active] ? optionId(results[active]) : undefined}
        aria-label={t.sidebar.search}
        placeholder={t.sidebar.searchPlaceholder}
        data-testid="template-search"
        value={query}
        onFocus={wantPinyin}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter' && results[active]) {
            props.onPick(results[active]);
            setQuery('');
          } else if (e.key === 'Enter' && !toPinyin && query.trim()) {
            // Typed before pinyin arrived ("dq" then Enter at once): pick once it is there.
            const context = { step: props.step, categoryIds: props.categoryIds };
            void loadPinyin().then((loaded) => {
              const [best] = createTemplateSearch(indexTemplates(searched, loaded))(query, context, 1);
              if (best) props.onPick(best);
            });
            setQuery('');
          } else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {query.trim() && results.length === 0 && <p class="muted">{t.sidebar.noResults}</p>}
      {listed && (
        <ul id="template-results" role="listbox" class="results" aria-label={t.sidebar.search}>
          {results.map((template, i) => (
            <li
              key={template.id}
              id={optionId(template)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              data-template-id={template.id}
              onMouseDown={(e) => {
                e.preventDefault();
                props.onPick(template);
                setQuery('');
              }}
            >
              <b>{template.title}</b> <span>{renderTemplate(template.body, props.values, props.locale).text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
