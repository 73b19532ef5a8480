import type { Kysely } from 'kysely';
import { Reminder } from '../../../../shared';
import type { Database } from '../schema';
import type { PullRepository } from '../types';
import { toStoredCase } from './cases';

/**
 * An agent's accepted changes in the order the server accepted them, keyset-paged by
 * (server_updated_at, id) per table. The caller decides where to resume (see routes/sync.ts).
 */
export function createPullRepository(db: Kysely<Database>): PullRepository {
  return {
    async cases({ agentId, after, limit }) {
      let query = db
        .selectFrom('cases')
        .select(['data', 'agent_id', 'server_updated_at', 'id'])
        .where('agent_id', '=', agentId);
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('server_updated_at', '>', after.at), eb.and([eb('server_updated_at', '=', after.at), eb('id', '>', after.id)])]),
        );
      }
      const rows = await query.orderBy('server_updated_at').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ record: toStoredCase(row), at: row.server_updated_at, id: row.id }));
    },

    async reminders({ agentId, after, limit }) {
      let query = db.selectFrom('reminders').select(['data', 'server_updated_at', 'id']).where('agent_id', '=', agentId);
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('server_updated_at', '>', after.at), eb.and([eb('server_updated_at', '=', after.at), eb('id', '>', after.id)])]),
        );
      }
      const rows = await query.orderBy('server_updated_at').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ record: Reminder.parse(JSON.parse(row.data)), at: row.server_updated_at, id: row.id }));
    },
  };
}
