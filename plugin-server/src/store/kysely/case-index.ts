import type { Kysely, Transaction } from 'kysely';
import { type Case, phoneDigits } from '../../../../shared';
import { maskSearchable } from '../../policy/trainer-view';

/** The parts of a case that its query and search index are built from. */
export type IndexedCase = Pick<Case, 'categoryIds' | 'summary' | 'notes' | 'severity'> & {
  customer: Pick<Case['customer'], 'name' | 'phone'> & { project?: string };
};

/**
 * An instant as the query columns hold it: normalised to UTC, so that text order is time order
 * whatever offset a client wrote (the `data` column keeps the client's own spelling).
 */
export const utc = (instant: string) => new Date(instant).toISOString();

/** How search text is compared: NFKC (full-width digits and letters fold) and lower case. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The searchable fields, normalised, one per line so that no match spans two fields. */
export function searchText(c: IndexedCase): string {
  return [c.customer.name, c.customer.phone, c.summary, c.notes]
    .map((field) => normaliseForSearch(field).replace(/[\r\n]+/g, ' '))
    .join('\n');
}

/**
 * The columns that a case's search and history are answered from, written with every version
 * of the case: the text in full, the text as trainers see it, and the phone's digits.
 */
export function searchColumns(c: IndexedCase): { search_text: string; masked_search_text: string; customer_phone_digits: string } {
  return { search_text: searchText(c), masked_search_text: searchText(maskSearchable(c)), customer_phone_digits: phoneDigits(c.customer.phone) };
}

/**
 * Rewrites the category rows of one case (migration 002's backfill; sync batches its own).
 * (The search indexes follow the text columns by themselves: triggers on SQLite, GIN on PostgreSQL.)
 */
export async function writeCaseIndex(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by migration 002 (schema of its time) and the repositories
  db: Kysely<any> | Transaction<any>,
  caseId: string,
  c: IndexedCase,
): Promise<void> {
  await db.deleteFrom('case_categories').where('case_id', '=', caseId).execute();
  const categories = [...new Set(c.categoryIds)].map((category_id) => ({ category_id, case_id: caseId }));
  if (categories.length > 0) await db.insertInto('case_categories').values(categories).execute();
}
