import type { Kysely } from 'kysely';
import { Reminder } from '../../../../shared';
import type { Database } from '../schema';
import type { ReminderRepository } from '../types';

/** Reminders over Kysely (writes go through the sync repository). */
export function createReminderRepository(db: Kysely<Database>): ReminderRepository {
  return {
    async list(filter = {}) {
      let query = db.selectFrom('reminders').select('data');
      if (filter.agentId !== undefined) query = query.where('agent_id', '=', filter.agentId);
      const rows = await query.orderBy('due_at').orderBy('id').execute();
      return rows.map((row) => Reminder.parse(JSON.parse(row.data)));
    },
  };
}
