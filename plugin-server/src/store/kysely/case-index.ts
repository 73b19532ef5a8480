import type { Kysely, Transaction } from 'kysely';
import type { Case } from '../../../../shared';

/** The parts of a case that its query and search index are built from. */
export type IndexedCase = Pick<Case, 'categoryIds' | 'summary' | 'notes' | 'severity'> & {
  customer: Pick<Case['customer'], 'name' | 'phone'> & { project?: string };
};

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
 * Every distinct unigram and bigram (by code point) inside each line of `text`. Whitespace-only
 * grams are left out: nobody searches for a space.
 */
export function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (const line of text.split('\n')) {
    const chars = [...line];
    for (let i = 0; i < chars.length; i++) {
      const one = chars[i]!;
      if (one.trim() !== '') grams.add(one);
      const two = chars[i + 1];
      if (two !== undefined && (one + two).trim().length === 2) grams.add(one + two);
    }
  }
  return grams;
}

// Rows per INSERT: stays under SQLite's bound-parameter limit (32766) and PostgreSQL's (65535).
const CHUNK = 500;

/**
 * Rewrites the category and search-gram rows of one case. Must run in the transaction that
 * writes the case, so the index never disagrees with the case it describes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by migration 002 (schema of its time) and the repositories
export async function writeCaseIndex(db: Kysely<any> | Transaction<any>, caseId: string, c: IndexedCase): Promise<void> {
  await db.deleteFrom('case_categories').where('case_id', '=', caseId).execute();
  await db.deleteFrom('case_grams').where('case_id', '=', caseId).execute();
  const categories = [...new Set(c.categoryIds)].map((category_id) => ({ category_id, case_id: caseId }));
  if (categories.length > 0) await db.insertInto('case_categories').values(categories).execute();
  const grams = [...gramsOf(searchText(c))].map((gram) => ({ gram, case_id: caseId }));
  for (let i = 0; i < grams.length; i += CHUNK) {
    await db.insertInto('case_grams').values(grams.slice(i, i + CHUNK)).execute();
  }
}
