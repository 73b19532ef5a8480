import type { Kysely } from 'kysely';
import { WordingRule } from '../../../../shared';
import type { Database } from '../schema';
import type { WordingRuleRepository } from '../types';
import { isUniqueViolation } from './errors';

const toRow = (rule: WordingRule) => ({
  id: rule.id,
  kind: rule.kind,
  phrase: rule.phrase,
  alternative: rule.alternative,
  language: rule.language,
  updated_at: rule.updatedAt,
});

/** Supervisors' wording rules over Kysely. */
export function createWordingRuleRepository(db: Kysely<Database>): WordingRuleRepository {
  return {
    async list() {
      const rows = await db.selectFrom('wording_rules').selectAll().orderBy('language').orderBy('phrase').orderBy('id').execute();
      return rows.map((row) =>
        WordingRule.parse({ ...row, updatedAt: row.updated_at, updated_at: undefined }),
      );
    },
    async create(rule) {
      try {
        await db.insertInto('wording_rules').values(toRow(rule)).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async update(rule) {
      const { id, ...columns } = toRow(rule);
      const result = await db.updateTable('wording_rules').set(columns).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async remove(id) {
      const result = await db.deleteFrom('wording_rules').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
