import type { Transaction } from 'kysely';
import { type Case, caseDueAt, type TimeLimits, type WorkCalendar } from '../../../../shared';
import type { Database } from '../schema';
import { utc } from './case-index';
import { readSettings } from './life-settings';

/** The calendar and limits of one sync transaction: read at its first case, not once per case. */
const deadlineSettings = new WeakMap<Transaction<Database>, Promise<{ calendar: WorkCalendar; limits: TimeLimits }>>();

function settingsOf(trx: Transaction<Database>) {
  let settings = deadlineSettings.get(trx);
  if (!settings) {
    settings = readSettings(trx, ['work_calendar', 'time_limits']).then((documents) => ({ calendar: documents.work_calendar, limits: documents.time_limits }));
    deadlineSettings.set(trx, settings);
  }
  return settings;
}

/**
 * What the server keeps beside a case it has just accepted: its next deadline (`cases.due_at`)
 * and a row per promise (`case_commitments`), which the overdue filter and the supervisors'
 * promise list read instead of every case's JSON. Called by sync after the case row is written;
 * `replacing` says the case may already have rows to replace.
 */
export async function indexCaseLife(trx: Transaction<Database>, incoming: Case, agentId: string, replacing: boolean): Promise<void> {
  const { calendar, limits } = await settingsOf(trx);
  const dueAt = caseDueAt(incoming, calendar, limits);
  if (dueAt || replacing) await trx.updateTable('cases').set({ due_at: dueAt?.toISOString() ?? null }).where('id', '=', incoming.id).execute();
  if (replacing) await trx.deleteFrom('case_commitments').where('case_id', '=', incoming.id).execute();
  if (incoming.commitments.length === 0) return;
  await trx
    .insertInto('case_commitments')
    .values(
      incoming.commitments.map((commitment) => ({
        case_id: incoming.id,
        commitment_id: commitment.id,
        agent_id: agentId,
        customer_name: incoming.customer.name,
        case_status: incoming.status,
        outcome: commitment.outcome,
        due_at: utc(commitment.dueAt),
        data: JSON.stringify(commitment),
      })),
    )
    // A case listing one promise id twice keeps the first: ids are the client's.
    .onConflict((oc) => oc.columns(['case_id', 'commitment_id']).doNothing())
    .execute();
}
