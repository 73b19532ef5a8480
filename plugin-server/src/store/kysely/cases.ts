import type { Kysely, Selectable } from 'kysely';
import { StoredCase } from '../../../../shared';
import type { CasesTable, Database } from '../schema';
import type { CaseRepository } from '../types';

/** The stored JSON is the case as the client sent it; ownership and server time come from columns. */
export function toStoredCase(row: Pick<Selectable<CasesTable>, 'data' | 'agent_id' | 'server_updated_at'>): StoredCase {
  return StoredCase.parse({ ...JSON.parse(row.data), agentId: row.agent_id, serverUpdatedAt: row.server_updated_at });
}

/** Cases over Kysely (writes go through the sync repository). */
export function createCaseRepository(db: Kysely<Database>): CaseRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toStoredCase(row);
    },

    async list(filter = {}) {
      let query = db.selectFrom('cases').selectAll();
      if (filter.agentId !== undefined) query = query.where('agent_id', '=', filter.agentId);
      const rows = await query.orderBy('received_at', 'desc').orderBy('id').execute();
      return rows.map(toStoredCase);
    },
  };
}
