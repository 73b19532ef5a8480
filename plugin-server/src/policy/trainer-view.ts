import type { StoredCase } from '../../../shared';
import { maskPhone, maskPhonesIn } from './mask-phone';

/** The fields case search reads (store/kysely/case-index.ts). */
interface Searchable {
  customer: { name: string; phone: string };
  summary: string;
  notes: string;
}

/**
 * The searchable fields as trainers are shown them: the phone masked, and every phone number
 * written in the name, summary or notes. Trainers' search index is built from this, so their
 * search matches exactly the text they see and never a hidden digit.
 */
export function maskSearchable<T extends Searchable>(c: T): T {
  return {
    ...c,
    customer: { ...c.customer, name: maskPhonesIn(c.customer.name), phone: maskPhone(c.customer.phone) },
    summary: maskPhonesIn(c.summary),
    notes: maskPhonesIn(c.notes),
  };
}

/**
 * A case as trainers are shown it: `maskSearchable`, and phone numbers masked in every other
 * text an agent writes (plan, restatement, skip reasons, inserted wording, which may carry the
 * `{{phone}}` variable). Project, unit and CRM record id are the CRM's identifiers, kept whole.
 */
export function maskedCase(stored: StoredCase): StoredCase {
  const { what, where, since } = stored.restatement;
  return {
    ...maskSearchable(stored),
    plan: maskPhonesIn(stored.plan),
    restatement: { what: maskPhonesIn(what), where: maskPhonesIn(where), since: maskPhonesIn(since) },
    steps: stored.steps.map((event) => (event.kind === 'skipped' ? { ...event, reason: maskPhonesIn(event.reason) } : event)),
    templateUses: stored.templateUses.map((use) => (use.text === undefined ? use : { ...use, text: maskPhonesIn(use.text) })),
  };
}
