import type { Case } from '../../shared';
import type { LingtingDb } from '../db/schema';

/** Writes cases locally first: the case and its outbox entry commit together or not at all. */
export function createCaseService(deps: { db: LingtingDb; now: () => Date; newId: () => string }) {
  const { db } = deps;
  return {
    async save(record: Case): Promise<void> {
      await db.transaction('rw', db.cases, db.outbox, async () => {
        await db.cases.put(record);
        await db.outbox.add({
          change: { changeId: deps.newId(), kind: 'case.put', case: record },
          queuedAt: deps.now().toISOString(),
          attempts: 0,
          lastError: null,
        });
      });
    },
    get: (id: string) => db.cases.get(id),
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
