import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  CommitmentEntry,
  DEFAULT_GROUP_WINDOW,
  DEFAULT_TIME_LIMITS,
  DEFAULT_WORK_CALENDAR,
  GroupWindow,
  TimeLimits,
  WorkCalendar,
} from '../../../../shared';
import type { Database } from '../schema';
import type { CommitmentRepository, SettingDocuments, SettingsRepository, SortedDocumentRepository } from '../types';
import { isUniqueViolation } from './errors';

const SETTINGS: { [K in keyof SettingDocuments]: { schema: z.ZodType<SettingDocuments[K]>; fallback: SettingDocuments[K] } } = {
  work_calendar: { schema: WorkCalendar, fallback: DEFAULT_WORK_CALENDAR },
  time_limits: { schema: TimeLimits, fallback: DEFAULT_TIME_LIMITS },
  group_window: { schema: GroupWindow, fallback: DEFAULT_GROUP_WINDOW },
};

/** Reads settings documents in one query, in the given connection or transaction; defaults for those unset. */
export async function readSettings<K extends keyof SettingDocuments>(db: Kysely<Database>, keys: readonly K[]): Promise<Pick<SettingDocuments, K>> {
  const rows = await db.selectFrom('settings').select(['key', 'data']).where('key', 'in', [...keys]).execute();
  const stored = new Map(rows.map((row) => [row.key, row.data]));
  const documents: Partial<SettingDocuments> = {};
  for (const key of keys) {
    const { schema, fallback } = SETTINGS[key];
    const data = stored.get(key);
    documents[key] = (data === undefined ? fallback : schema.parse(JSON.parse(data))) as SettingDocuments[K];
  }
  return documents as Pick<SettingDocuments, K>;
}

/** Settings documents over Kysely, one row per key. */
export function createSettingsRepository(db: Kysely<Database>): SettingsRepository {
  return {
    get: async (key) => (await readSettings(db, [key]))[key],
    async put(key, document, now) {
      const values = { data: JSON.stringify(document), updated_at: now.toISOString() };
      await db
        .insertInto('settings')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    },
  };
}

/** Departments or emergency plans over Kysely, each kept whole as JSON, listed in the order added. */
export function createSortedDocumentRepository<T extends { id: string }>(
  db: Kysely<Database>,
  table: 'departments' | 'emergency_plans',
  schema: z.ZodType<T>,
): SortedDocumentRepository<T> {
  return {
    async list() {
      const rows = await db.selectFrom(table).select('data').orderBy('sort').orderBy('id').execute();
      return rows.map((row) => schema.parse(JSON.parse(row.data)));
    },
    async create(item, now) {
      const last = await db.selectFrom(table).select((eb) => eb.fn.max('sort').as('sort')).executeTakeFirst();
      try {
        await db
          .insertInto(table)
          .values({ id: item.id, data: JSON.stringify(item), sort: Number(last?.sort ?? 0) + 10, updated_at: now.toISOString() })
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async update(item, now) {
      const result = await db.updateTable(table).set({ data: JSON.stringify(item), updated_at: now.toISOString() }).where('id', '=', item.id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async remove(id) {
      const result = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async seedIfEmpty(items, now) {
      if (items.length === 0) return;
      await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom(table).select('id').limit(1).executeTakeFirst()) return;
        // Two servers starting at once may both find it empty: the second one's rows collide and are skipped.
        await trx
          .insertInto(table)
          .values(items.map((item, i) => ({ id: item.id, data: JSON.stringify(item), sort: (i + 1) * 10, updated_at: now.toISOString() })))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
    },
  };
}

/** Promises across cases, read from the rows sync writes beside each case (case-life-index.ts). */
export function createCommitmentRepository(db: Kysely<Database>): CommitmentRepository {
  return {
    async list({ state, limit }, now) {
      let q = db.selectFrom('case_commitments').select(['case_id', 'agent_id', 'customer_name', 'data']);
      q =
        state === 'overdue'
          ? q.where('outcome', '=', 'pending').where('due_at', '<', now.toISOString()).where('case_status', '<>', 'closed')
          : q.where('outcome', '=', 'broken');
      const rows = await q.orderBy('due_at').orderBy('case_id').orderBy('commitment_id').limit(limit).execute();
      return rows.map((row) => {
        const commitment = JSON.parse(row.data) as Record<string, unknown>;
        return CommitmentEntry.parse({
          caseId: row.case_id,
          commitmentId: commitment.id,
          customerName: row.customer_name,
          agentId: row.agent_id,
          what: commitment.what,
          dueAt: commitment.dueAt,
          responsible: commitment.responsible ?? '',
          outcome: commitment.outcome,
        });
      });
    },
  };
}
