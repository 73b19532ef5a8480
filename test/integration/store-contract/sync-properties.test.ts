import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResult } from '../../../shared';
import type { Store } from '../../../plugin-server/src/store';
import { makeCase, putChange } from '../helpers';
import { addUser, STORE_KINDS } from './stores';

// Sync against a model: whatever the batches, replays, reordering and lost responses (a lost
// response is a client pushing the same change again), the server ends with the newest version
// of each case, one recorded result per change, and answers every replay identically.

/** A change in the run's pool: which agent pushes it, which case, and the client's edit time. */
interface PoolChange {
  agent: 0 | 1;
  caseIndex: number;
  minute: number;
}

const poolChange = fc.record({
  agent: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  caseIndex: fc.integer({ min: 0, max: 3 }),
  minute: fc.integer({ min: 0, max: 20 }),
});

/** The pool, then pushes as lists of indices into it: repeats are replays, any order. */
const scenario = fc
  .array(poolChange, { minLength: 1, maxLength: 12 })
  .chain((pool) =>
    fc.record({
      pool: fc.constant(pool),
      pushes: fc.array(fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
    }),
  );

const at = (minute: number) => new Date(Date.parse('2026-03-02T08:00:00.000Z') + minute * 60_000).toISOString();

describe.each(STORE_KINDS)('sync properties on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agents: [string, string];
  beforeAll(async () => {
    ({ store, close } = await kind.open());
    agents = [await addUser(store), await addUser(store)];
  });
  afterAll(() => close());

  it('ends equal to the model: newest version per case, one result per change, identical replays', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ pool, pushes }) => {
        // Fresh ids per run: runs share the store but never each other's rows.
        const caseIds = Array.from({ length: 4 }, () => randomUUID());
        const changes = pool.map((p: PoolChange, i) =>
          putChange(makeCase({ id: caseIds[p.caseIndex]!, summary: `v${i}`, updatedAt: at(p.minute) })),
        );

        const modelCases = new Map<string, { owner: 0 | 1; minute: number; summary: string }>();
        const modelResults = new Map<string, SyncResult>();
        const modelApply = (index: number): SyncResult => {
          const { changeId } = changes[index]!;
          const recorded = modelResults.get(changeId);
          if (recorded) return recorded;
          const p = pool[index]!;
          const current = modelCases.get(caseIds[p.caseIndex]!);
          let result: SyncResult;
          if (current && current.owner !== p.agent) result = { changeId, status: 'rejected', reason: 'case_of_other_agent' };
          else if (current && current.minute >= p.minute) result = { changeId, status: 'stale' };
          else {
            modelCases.set(caseIds[p.caseIndex]!, { owner: p.agent, minute: p.minute, summary: `v${index}` });
            result = { changeId, status: 'applied' };
          }
          modelResults.set(changeId, result);
          return result;
        };

        for (const push of pushes) {
          // One push carries one agent's changes (a client has one signed-in agent).
          for (const agent of [0, 1] as const) {
            const mine = push.filter((i) => pool[i]!.agent === agent);
            if (mine.length === 0) continue;
            const results = await store.sync.applyChanges(agents[agent], mine.map((i) => changes[i]!), new Date());
            expect(results).toEqual(mine.map(modelApply));
          }
        }

        for (const [id, want] of modelCases) {
          expect(await store.cases.get(id)).toMatchObject({ summary: want.summary, updatedAt: at(want.minute), agentId: agents[want.owner] });
        }
        for (const id of caseIds.filter((caseId) => !modelCases.has(caseId))) expect(await store.cases.get(id)).toBeUndefined();
        // Every change pushed, replayed again at the end, answers what it answered the first time.
        const pushed = [...new Set(pushes.flat())];
        for (const agent of [0, 1] as const) {
          const mine = pushed.filter((i) => pool[i]!.agent === agent);
          if (mine.length === 0) continue;
          const replays = await store.sync.applyChanges(agents[agent], mine.map((i) => changes[i]!), new Date());
          expect(replays).toEqual(mine.map((i) => modelResults.get(changes[i]!.changeId)));
        }
      }),
      { numRuns: kind.name === 'sqlite' ? 60 : 25 },
    );
  });
});
