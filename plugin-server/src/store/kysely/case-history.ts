import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { CaseHistoryRepository } from '../types';
import { toStoredCase } from './cases';

/**
 * The query behind `byPhoneDigits`, apart so that its plan can be checked: equality on the
 * digits column (filled on every write, see case-index.ts), read from the cases_phone_digits
 * index in its order, so it costs at most `limit` rows whatever the number of cases.
 */
export function historyQuery(db: Kysely<Database>, digits: string, limit: number) {
  return db
    .selectFrom('cases')
    .select(['data', 'agent_id', 'server_updated_at'])
    .where('customer_phone_digits', '=', digits)
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(limit);
}

/** A customer's earlier cases by phone over Kysely. */
export function createCaseHistoryRepository(db: Kysely<Database>): CaseHistoryRepository {
  return {
    async byPhoneDigits(digits, limit) {
      return (await historyQuery(db, digits, limit).execute()).map(toStoredCase);
    },
  };
}
