import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  STEP_ORDER,
  currentStep,
  stepNeeds,
  stepState,
  type Case,
  type Locale,
  type Reminder,
  type Restatement,
  type StepId,
  type Template,
  type WordingRule,
} from '../../../shared';
import { promptsFor, readBack, refusalPrompts } from '../case-draft';
import type { Catalogue } from '../../../shared';
import { PromptCard } from './PromptCard';
import { ReminderPicker } from './ReminderPicker';

/** The inline "why skip?" form: Enter confirms, Escape cancels. */
function SkipForm({ t, onSkip, onCancel }: { t: Catalogue; onSkip: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      class="skip"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onSkip(reason);
      }}
    >
      <input
        autoFocus
        aria-label={t.sidebar.skipReason}
        placeholder={t.sidebar.skipReason}
        data-testid="skip-reason"
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" class="small" disabled={!reason.trim()}>{t.sidebar.confirmSkip}</button>
      <button type="button" class="small link" onClick={onCancel}>{t.sidebar.cancel}</button>
    </form>
  );
}

/** Three fields that make both the sentence read back and the case's summary. */
function RestatementBuilder({ record, t, onChange }: { record: Case; t: Catalogue; onChange: (r: Restatement) => void }) {
  const r = record.restatement;
  const field = (key: keyof Restatement, label: string) => (
    <label class="field">
      <span>{label}</span>
      <input name={`restatement-${key}`} value={r[key]} onInput={(e) => onChange({ ...r, [key]: e.currentTarget.value })} />
    </label>
  );
  const sentence = readBack(r, record.language);
  return (
    <div class="restatement">
      {field('what', t.sidebar.what)}
      <div class="grid">
        {field('where', t.sidebar.where)}
        {field('since', t.sidebar.since)}
      </div>
      {sentence && (
        <p class="read-back" data-testid="read-back">
          <span class="label">{t.sidebar.readBack}</span> {sentence}
        </p>
      )}
    </div>
  );
}

/** The five steps as the spine of the sidebar: the open one shows its hint and its prompts. */
export function StepList(props: {
  record: Case;
  templates: Template[];
  rules: WordingRule[];
  reminders: Reminder[];
  values: Record<string, string>;
  locale: Locale;
  t: Catalogue;
  onTick: (step: StepId) => void;
  onSkip: (step: StepId, reason: string) => void;
  onRestate: (restatement: Restatement) => void;
  onPlan: (plan: string) => void;
  onInsert: (template: Template, text: string) => void;
  onQueue: (template: Template, text: string) => void;
  onReminder: (dueAt: Date, note: string) => void;
  /** Shown under the plan in the propose and agree steps: the promises made with it. */
  planExtras?: ComponentChildren;
}) {
  const { record, templates, values, locale, t } = props;
  const [skipping, setSkipping] = useState<StepId | null>(null);
  const current = currentStep(record.steps);
  const reminders = props.reminders.filter((r) => r.caseId === record.id);
  const promptsOf = (step: StepId) => {
    if (step !== 'propose') return promptsFor(templates, record, step);
    // An invalid complaint gets appropriate-refusal wording in step 3; a valid one, options.
    if (record.validity === 'invalid') return refusalPrompts(templates, record);
    return promptsFor(templates, record, step).filter((x) => x.tone !== 'refusal');
  };
  const time = (at: string) => new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section class="card" aria-label={t.sidebar.steps}>
      <h2>{t.sidebar.steps}</h2>
      <ol class="steps">
        {STEP_ORDER.map((step) => {
          const state = stepState(record.steps, step);
          const open = step === current;
          const needs = stepNeeds(record, step);
          const prompts = open ? promptsOf(step) : [];
          return (
            <li key={step} class={`step ${state ? 'closed' : ''} ${open ? 'open' : ''}`} data-step={step} aria-current={open ? 'step' : undefined}>
              <div class="step-head">
                <span class="step-name">{t.domain.numberedStep(STEP_ORDER.indexOf(step) + 1, t.domain.steps[step])}</span>
                {state ? (
                  <span class={`badge ${state.kind === 'done' ? 'ok' : 'skipped'}`} title={state.kind === 'skipped' ? state.reason : undefined}>
                    {state.kind === 'done' ? `✓ ${t.sidebar.done}` : `↷ ${t.sidebar.skipped}`} {time(state.at)}
                  </span>
                ) : open ? (
                  <span class="row">
                    <button
                      type="button"
                      class="small tick"
                      disabled={needs.length > 0}
                      title={needs.map((need) => t.domain.stepNeeds[need]).join('；')}
                      onClick={() => props.onTick(step)}
                    >
                      {t.sidebar.markDone}
                    </button>
                    <button type="button" class="small link" data-action="skip" onClick={() => setSkipping(step)}>
                      {t.sidebar.skip}
                    </button>
                  </span>
                ) : null}
              </div>
              {state?.kind === 'skipped' && <p class="muted reason">{state.reason}</p>}
              {!open && step === 'follow_up' && current === undefined && (
                // Once all five are closed, follow-ups can still be set and watched here.
                <ReminderPicker reminders={reminders} locale={locale} t={t} onSet={props.onReminder} />
              )}
              {open && (
                <div class="step-body">
                  {skipping === step && (
                    <SkipForm
                      t={t}
                      onCancel={() => setSkipping(null)}
                      onSkip={(reason) => {
                        setSkipping(null);
                        props.onSkip(step, reason);
                      }}
                    />
                  )}
                  <p class="hint">{t.domain.stepHints[step]}</p>
                  {step === 'apologise' && <RestatementBuilder record={record} t={t} onChange={props.onRestate} />}
                  {(step === 'propose' || step === 'agree') && (
                    <label class="field">
                      <span>{t.sidebar.plan}</span>
                      <textarea rows={2} name="plan" value={record.plan} placeholder={t.sidebar.planPlaceholder} onInput={(e) => props.onPlan(e.currentTarget.value)} />
                    </label>
                  )}
                  {(step === 'propose' || step === 'agree') && props.planExtras}
                  {needs.length > 0 && <p class="needs">{needs.map((need) => t.domain.stepNeeds[need]).join('；')}</p>}
                  {prompts.length === 0 && <p class="muted">{t.sidebar.noPrompts}</p>}
                  {prompts.map((template) => (
                    <PromptCard
                      key={template.id}
                      template={template}
                      values={values}
                      rules={props.rules}
                      locale={record.language}
                      t={t}
                      onInsert={props.onInsert}
                      onQueue={props.onQueue}
                    />
                  ))}
                  {step === 'follow_up' && (
                    <ReminderPicker reminders={reminders} locale={locale} t={t} onSet={props.onReminder} />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
