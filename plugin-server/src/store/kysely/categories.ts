import type { Kysely } from 'kysely';
import { Category } from '../../../../shared';
import type { Database } from '../schema';
import type { CategoryRepository } from '../types';

/** Depth-first: each parent followed by its children, siblings by `sort` then id. */
function treeOrder(categories: readonly Category[]): Category[] {
  const bySort = (a: Category, b: Category) => a.sort - b.sort || a.id.localeCompare(b.id);
  const known = new Set(categories.map((c) => c.id));
  const childrenOf = (parentId: string | null) =>
    categories
      // An orphan (parent missing) is shown as a root rather than silently dropped.
      .filter((c) => (parentId === null ? c.parentId === null || !known.has(c.parentId) : c.parentId === parentId))
      .sort(bySort);
  const visit = (node: Category): Category[] => [node, ...childrenOf(node.id).flatMap(visit)];
  return childrenOf(null).flatMap(visit);
}

/** The category tree over Kysely. */
export function createCategoryRepository(db: Kysely<Database>): Omit<CategoryRepository, 'create' | 'update' | 'remove'> {
  return {
    async list() {
      const rows = await db.selectFrom('categories').selectAll().execute();
      const categories = rows.map((row) =>
        Category.parse({ id: row.id, parentId: row.parent_id, names: JSON.parse(row.names), sort: row.sort }),
      );
      return treeOrder(categories);
    },

    async seed(categories) {
      if (categories.length === 0) return;
      // One statement: parents come before children in the input, which the foreign key needs.
      await db
        .insertInto('categories')
        .values(
          categories.map((c) => ({ id: c.id, parent_id: c.parentId, names: JSON.stringify(c.names), sort: c.sort })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  };
}
