import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { CaseHistoryRepository } from '../types';
import { toStoredCase } from './cases';

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** A customer's earlier cases by phone over Kysely. */
export function createCaseHistoryRepository(db: Kysely<Database>): CaseHistoryRepository {
  return {
    async byPhoneDigits(digits, limit) {
      // Phones are stored as the CRM showed them ("138 0013 8000", "138-0013-8000"). A LIKE of
      // the digits with wildcards between them finds every spelling, portably; the exact digit
      // comparison below then drops the few that only share the digits in order.
      const pattern = `%${digits.split('').join('%')}%`;
      const matches = [];
      const rows = await db
        .selectFrom('cases')
        .select(['data', 'agent_id', 'server_updated_at', 'customer_phone'])
        .where('customer_phone', 'like', pattern)
        .orderBy('received_at', 'desc')
        .orderBy('id')
        .execute();
      for (const row of rows) {
        if (digitsOf(row.customer_phone) !== digits) continue;
        matches.push(toStoredCase(row));
        if (matches.length === limit) break;
      }
      return matches;
    },
  };
}
