import type { Kysely, Transaction } from 'kysely';
import { Category } from '../../../../shared';
import type { Database } from '../schema';
import type { CategoryRemoval, CategoryRepository, CategoryWrite } from '../types';
import { isUniqueViolation } from './errors';

type Editing = Pick<CategoryRepository, 'create' | 'update' | 'remove'>;

async function read(trx: Transaction<Database>, id: string): Promise<Category | undefined> {
  const row = await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  return row && Category.parse({ id: row.id, parentId: row.parent_id, names: JSON.parse(row.names), sort: row.sort });
}

/** Whether making `parentId` the parent of `id` would close a loop: `id` is `parentId` or one of its ancestors. */
async function wouldCycle(trx: Transaction<Database>, id: string, parentId: string): Promise<boolean> {
  const rows = await trx.selectFrom('categories').select(['id', 'parent_id']).execute();
  const parentOf = new Map(rows.map((row) => [row.id, row.parent_id]));
  // Bounded by the number of categories, so a loop already in the data cannot hang the check.
  let at: string | null | undefined = parentId;
  for (let steps = 0; at != null && steps <= rows.length; steps += 1) {
    if (at === id) return true;
    at = parentOf.get(at);
  }
  return false;
}

/** Count of rows whose JSON list holds `id` exactly. */
function countJsonMembers(rows: readonly { list: string }[], id: string, pick: (parsed: unknown) => unknown) {
  return rows.filter((row) => {
    const list = pick(JSON.parse(row.list));
    return Array.isArray(list) && list.includes(id);
  }).length;
}

/** Supervisors' edits to the category tree. Each runs in one transaction with its checks. */
export function createCategoryEditing(db: Kysely<Database>): Editing {
  return {
    async create(category) {
      try {
        return await db.transaction().execute(async (trx): Promise<CategoryWrite> => {
          if (await read(trx, category.id)) return { ok: false, reason: 'id_taken' };
          if (category.parentId !== null && !(await read(trx, category.parentId))) return { ok: false, reason: 'parent_missing' };
          await trx
            .insertInto('categories')
            .values({ id: category.id, parent_id: category.parentId, names: JSON.stringify(category.names), sort: category.sort })
            .execute();
          return { ok: true, category };
        });
      } catch (error) {
        // Two creates of the same id racing: the loser learns the id is taken.
        if (isUniqueViolation(error)) return { ok: false, reason: 'id_taken' };
        throw error;
      }
    },

    update(id, patch) {
      return db.transaction().execute(async (trx): Promise<CategoryWrite> => {
        const current = await read(trx, id);
        if (!current) return { ok: false, reason: 'not_found' };
        const next = { ...current, ...patch };
        if (patch.parentId != null) {
          if (!(await read(trx, patch.parentId))) return { ok: false, reason: 'parent_missing' };
          if (await wouldCycle(trx, id, patch.parentId)) return { ok: false, reason: 'cycle' };
        }
        await trx
          .updateTable('categories')
          .set({ parent_id: next.parentId, names: JSON.stringify(next.names), sort: next.sort })
          .where('id', '=', id)
          .execute();
        return { ok: true, category: Category.parse(next) };
      });
    },

    remove(id) {
      return db.transaction().execute(async (trx): Promise<CategoryRemoval> => {
        if (!(await read(trx, id))) return { ok: false, reason: 'not_found' };
        // A slug has no `%` or `\`; its `_` matches any character, so LIKE finds a superset
        // that the parse below narrows to exact members.
        const pattern = `%"${id}"%`;
        const children = await trx.selectFrom('categories').select('id').where('parent_id', '=', id).execute();
        const templateRows = await trx
          .selectFrom('templates')
          .select('category_ids as list')
          .where('category_ids', 'like', pattern)
          .execute();
        const caseRows = await trx.selectFrom('cases').select('data as list').where('data', 'like', pattern).execute();
        const usedBy = {
          children: children.length,
          templates: countJsonMembers(templateRows, id, (list) => list),
          cases: countJsonMembers(caseRows, id, (data) => (data as { categoryIds?: unknown }).categoryIds),
        };
        if (usedBy.children + usedBy.templates + usedBy.cases > 0) return { ok: false, reason: 'in_use', usedBy };
        await trx.deleteFrom('categories').where('id', '=', id).execute();
        return { ok: true };
      });
    },
  };
}
