import type { Kysely } from 'kysely';
import { Reminder } from '../../../../shared';
import type { Database } from '../schema';
import type { PullRepository } from '../types';
import { toStoredCase } from './cases';
import { afterPosition, type CommitOrder } from './commit-order';

/**
 * An agent's accepted changes in commit order, keyset-paged by (change_seq, id) per table and
 * cut at the commit order's horizon, so a page never hands out a position that a transaction
 * still running could later fill in below (see commit-order.ts). The caller resumes after the
 * last position it was given (see routes/sync.ts).
 */
export function createPullRepository(db: Kysely<Database>, commitOrder: CommitOrder): PullRepository {
  return {
    async cases({ agentId, after, limit }) {
      let query = db.selectFrom('cases').select(['data', 'agent_id', 'server_updated_at', 'change_seq', 'id']).where('agent_id', '=', agentId);
      if (after) {
        query = query.where(afterPosition(after));
      }
      const settled = commitOrder.settled('change_seq');
      if (settled) query = query.where(settled);
      const rows = await query.orderBy('change_seq').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ record: toStoredCase(row), seq: Number(row.change_seq), id: row.id }));
    },

    async reminders({ agentId, after, limit }) {
      let query = db.selectFrom('reminders').select(['data', 'change_seq', 'id']).where('agent_id', '=', agentId);
      if (after) {
        query = query.where(afterPosition(after));
      }
      const settled = commitOrder.settled('change_seq');
      if (settled) query = query.where(settled);
      const rows = await query.orderBy('change_seq').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ record: Reminder.parse(JSON.parse(row.data)), seq: Number(row.change_seq), id: row.id }));
    },
  };
}
