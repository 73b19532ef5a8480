import {
  completeStep,
  isLaterInstant,
  skipStep,
  type Restatement,
  type Case,
  type CustomerSnapshot,
  type Locale,
  type StepId,
  type StepNeed,
  type Template,
  type InsertionPath,
  wordsFor,
} from '../../shared';

/** A fresh case for the customer on the page, received now. */
export function newCase(customer: CustomerSnapshot, language: Locale, now: Date, id: string): Case {
  const at = now.toISOString();
  return {
    id,
    customer,
    channel: 'hotline',
    categoryIds: [],
    severity: 'normal',
    validity: 'unassessed',
    mood: 'upset',
    language,
    steps: [],
    templateUses: [],
    summary: '',
    restatement: { what: '', where: '', since: '' },
    plan: '',
    notes: '',
    status: 'open',
    lifecycle: [],
    commitments: [],
    dispatches: [],
    revisits: [],
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/** The case after an edit: every edit moves `updatedAt`, which is how the server orders versions. */
export function edited(record: Case, changes: Partial<Case>, now: Date): Case {
  const updatedAt = now.toISOString();
  // Two edits in the same millisecond must still be ordered.
  const next = isLaterInstant(updatedAt, record.updatedAt) ? updatedAt : new Date(Date.parse(record.updatedAt) + 1).toISOString();
  return { ...record, ...changes, updatedAt: next };
}

export function toggleCategory(record: Case, categoryId: string, now: Date): Case {
  const categoryIds = record.categoryIds.includes(categoryId)
    ? record.categoryIds.filter((id) => id !== categoryId)
    : [...record.categoryIds, categoryId];
  return edited(record, { categoryIds }, now);
}

/** Ticks a step, or says what it still needs. */
export function tickStep(record: Case, step: StepId, now: Date): { ok: true; record: Case } | { ok: false; needs: StepNeed[] } {
  const result = completeStep(record, step, now.toISOString());
  return result.ok ? { ok: true, record: edited(record, { steps: result.steps }, now) } : result;
}

/** The case with one insertion logged: which template, at which version, how, and the very text that went in. */
export function recordTemplateUse(record: Case, template: Template, insertion: { text: string; via: InsertionPath }, now: Date): Case {
  const use = { templateId: template.id, version: template.version, step: template.step, at: now.toISOString(), ...insertion };
  return edited(record, { templateUses: [...record.templateUses, use] }, now);
}

/**
 * The prompts for one step of this case: published, in the case's language, and fitting its
 * categories and mood (a template with none listed fits all). Category-specific ones first.
 */
export function promptsFor(templates: readonly Template[], record: Case, step: StepId): Template[] {
  return templates
    .filter(
      (t) =>
        t.status === 'published' &&
        t.step === step &&
        t.language === record.language &&
        (t.categoryIds.length === 0 || t.categoryIds.some((id) => record.categoryIds.includes(id))) &&
        (t.moods.length === 0 || t.moods.includes(record.mood)),
    )
    .sort((a, b) => b.categoryIds.length - a.categoryIds.length || a.title.localeCompare(b.title));
}

/** The published template a shortcut names, in the case's language when there is one. */
export function templateForShortcut(templates: readonly Template[], shortcut: string, language: Locale): Template | undefined {
  const matching = templates.filter((t) => t.shortcut === shortcut && t.status === 'published');
  return matching.find((t) => t.language === language) ?? matching[0];
}

/** Skips a step with the agent's reason, or says what is missing. */
export function skipCaseStep(record: Case, step: StepId, reason: string, now: Date): { ok: true; record: Case } | { ok: false } {
  const result = skipStep(record, step, reason, now.toISOString());
  return result.ok ? { ok: true, record: edited(record, { steps: result.steps }, now) } : { ok: false };
}

/** The sentence read back to the customer, in the case's language; empty until `what` is known. */
export function readBack(r: Restatement, language: Locale): string {
  return r.what.trim() ? wordsFor(language).restatement.readBack(r) : '';
}

/** The case with its restatement set; the structured summary follows it. */
export function restate(record: Case, restatement: Restatement, now: Date): Case {
  return edited(record, { restatement, summary: wordsFor(record.language).restatement.summary(restatement) }, now);
}

/** Prompts for step 3 of an invalid complaint: appropriate refusal rather than options. */
export function refusalPrompts(templates: readonly Template[], record: Case): Template[] {
  return templates.filter((t) => t.status === 'published' && t.tone === 'refusal' && t.language === record.language);
}
