import { STEP_ORDER, stepNeeds, stepState, type Case, type Locale, type StepId, type Template } from '../../../shared';
import { promptsFor } from '../case-draft';
import type { Strings } from '../i18n';
import { PromptCard } from './PromptCard';

/** The five steps as the spine of the sidebar: the open one shows its hint and its prompts. */
export function StepList(props: {
  record: Case;
  templates: Template[];
  values: Record<string, string>;
  locale: Locale;
  t: Strings;
  onTick: (step: StepId) => void;
  onSummary: (summary: string) => void;
  onInsert: (template: Template, text: string) => void;
}) {
  const { record, templates, values, locale, t } = props;
  const current = STEP_ORDER.find((step) => !stepState(record.steps, step));
  return (
    <section class="card" aria-label={t.steps}>
      <h2>{t.steps}</h2>
      <ol class="steps">
        {STEP_ORDER.map((step) => {
          const state = stepState(record.steps, step);
          const open = step === current;
          const needs = stepNeeds({ ...record, log: record.steps }, step);
          const prompts = promptsFor(templates, record, step);
          return (
            <li key={step} class={`step ${state ? 'closed' : ''} ${open ? 'open' : ''}`} data-step={step}>
              <div class="step-head">
                <span class="step-name">{t.stepNames[step]}</span>
                {state ? (
                  <span class="badge ok">
                    ✓ {t.done} {new Date(state.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
                  </span>
                ) : open ? (
                  <button
                    type="button"
                    class="small"
                    disabled={needs.length > 0}
                    title={needs.map((need) => t.needs[need]).join('；')}
                    onClick={() => props.onTick(step)}
                  >
                    {t.markDone}
                  </button>
                ) : null}
              </div>
              {open && (
                <div class="step-body">
                  <p class="hint">{t.stepHints[step]}</p>
                  {step === 'apologise' && (
                    <label class="field">
                      <span>{t.summary}</span>
                      <textarea
                        rows={2}
                        value={record.summary}
                        placeholder={t.summaryPlaceholder}
                        onInput={(event) => props.onSummary(event.currentTarget.value)}
                      />
                    </label>
                  )}
                  {needs.length > 0 && <p class="needs">{needs.map((need) => t.needs[need]).join('；')}</p>}
                  {prompts.length === 0 && <p class="muted">{t.noPrompts}</p>}
                  {prompts.map((template) => (
                    <PromptCard key={template.id} template={template} values={values} locale={locale} t={t} onInsert={props.onInsert} />
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
