import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange, SyncResult } from '../../../shared';
import type { PullPosition, Store } from '../../../plugin-server/src/store';
import { makeCase, putChange } from '../helpers';
import { pullUntil } from './pulling';
import { addUser, STORE_KINDS } from './stores';

// Sync against a model: whatever the batches, replays, reordering and lost responses (a lost
// response is a client pushing the same change again), the server ends with the newest version
// of each case, one recorded result per change, and answers every replay identically. First
// with pushes one after another (an exact model), then with concurrent pushes of several users
// (through the group commit on SQLite, concurrent transactions on PostgreSQL) and devices
// pulling while they run.

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

/** A change of the concurrent runs: its agent, case and edit time, and maybe another agent's change id. */
interface SharedPoolChange {
  agent: number;
  caseIndex: number;
  minute: number;
  /** Take the change id of an earlier change of another agent: ids are each user's own. */
  borrowId: number | undefined;
}

const AGENTS = 3;

/** The pool, then waves of concurrent pushes (each a list of indices into the pool, split per agent). */
const concurrentScenario = fc
  .array(
    fc.record({
      agent: fc.nat(AGENTS - 1),
      caseIndex: fc.nat(3),
      minute: fc.nat(20),
      borrowId: fc.option(fc.nat(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .chain((pool) =>
    fc.record({
      pool: fc.constant(pool),
      waves: fc.array(fc.array(fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
      }),
      /** After which wave a second device starts, from the first device's cursor. */
      joinAfter: fc.nat(),
    }),
  );

/** The change ids of a pool: fresh, or borrowed from an earlier change of another agent, never used twice by one agent. */
function changeIdsOf(pool: readonly SharedPoolChange[]): string[] {
  const ids: string[] = [];
  pool.forEach((p, i) => {
    const lender = i > 0 && p.borrowId !== undefined ? p.borrowId % i : undefined;
    const borrowable =
      lender !== undefined && pool[lender]!.agent !== p.agent && !ids.some((id, k) => id === ids[lender] && pool[k]!.agent === p.agent);
    ids.push(borrowable ? ids[lender!]! : randomUUID());
  });
  return ids;
}

/** What a device was handed by pull, in order: each case version and its position. */
interface Delivery {
  id: string;
  summary: string;
  updatedAt: string;
  seq: number;
}

/** A device of one agent pulling in small pages from `start`, as the extension does from its stored cursor. */
function pullingDevice(store: Store, agentId: string, start: PullPosition | null) {
  let after = start;
  const deliveries: Delivery[] = [];
  return {
    deliveries,
    position: () => after,
    async sync() {
      for (;;) {
        const page = await store.pull.cases({ agentId, after, limit: 3 });
        for (const { record, seq, id } of page) {
          expect(record.agentId).toBe(agentId);
          deliveries.push({ id, summary: record.summary, updatedAt: record.updatedAt, seq });
        }
        if (page.length > 0) after = page.at(-1)!;
        if (page.length < 3) return;
      }
    },
  };
}

/** The newest version of each case among `deliveries`, as a device keeps them. */
function viewOf(deliveries: readonly Delivery[]): Map<string, string> {
  const newest = new Map<string, Delivery>();
  for (const d of deliveries) {
    const held = newest.get(d.id);
    if (!held || Date.parse(d.updatedAt) > Date.parse(held.updatedAt)) newest.set(d.id, d);
  }
  return new Map([...newest].map(([id, d]) => [id, d.summary]));
}

const sameView = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([id, summary]) => b.get(id) === summary);

describe.each(STORE_KINDS)('concurrent sync properties on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await kind.open());
  });
  afterAll(() => close());

  it('acknowledged changes stored once, newest wins, one owner per case, devices see every commit once and in order', async () => {
    await fc.assert(
      fc.asyncProperty(concurrentScenario, async ({ pool, waves, joinAfter }) => {
        // Fresh agents and cases per run: runs share the store, and devices pull an agent's everything.
        const agents = await Promise.all(Array.from({ length: AGENTS }, () => addUser(store)));
        const caseIds = Array.from({ length: 4 }, () => randomUUID());
        const changeIds = changeIdsOf(pool);
        const changes: SyncChange[] = pool.map((p, i) =>
          putChange(makeCase({ id: caseIds[p.caseIndex]!, summary: `v${i}`, updatedAt: at(p.minute) }), changeIds[i]),
        );

        const answers = new Map<number, SyncResult[]>();
        const answer = (index: number, result: SyncResult) => answers.set(index, [...(answers.get(index) ?? []), result]);
        const push = async (agent: number, indices: readonly number[]) => {
          const results = await store.sync.applyChanges(agents[agent]!, indices.map((i) => changes[i]!), new Date());
          indices.forEach((index, k) => answer(index, results[k]!));
        };

        const first = agents.map((agentId) => pullingDevice(store, agentId, null));
        let joined: ReturnType<typeof pullingDevice>[] | undefined;
        let joinedFrom: Delivery[][] = [];
        for (const [w, wave] of waves.entries()) {
          const pushes = wave.flatMap((indices) =>
            agents.map((_, agent) => indices.filter((i) => pool[i]!.agent === agent)).flatMap((mine, agent) => (mine.length ? [push(agent, mine)] : [])),
          );
          // Devices pull while the wave's pushes run, and once more after them.
          await Promise.all([...pushes, ...first.map((d) => d.sync()), ...(joined ?? []).map((d) => d.sync())]);
          if (w === joinAfter % waves.length) {
            joinedFrom = first.map((d) => [...d.deliveries]);
            joined = agents.map((agentId, agent) => pullingDevice(store, agentId, first[agent]!.position()));
          }
        }

        // One change, one answer: concurrent and later replays of a user's change answer alike.
        for (const [index, results] of answers) {
          for (const result of results) expect(result, `change ${index}`).toEqual(results[0]);
        }
        const replays = agents.map((_, agent) => [...answers.keys()].filter((i) => pool[i]!.agent === agent));
        for (const [agent, mine] of replays.entries()) {
          if (mine.length === 0) continue;
          const again = await store.sync.applyChanges(agents[agent]!, mine.map((i) => changes[i]!), new Date());
          expect(again).toEqual(mine.map((i) => answers.get(i)![0]));
        }

        // Per case: one owner, whose newest edit is stored; everyone else's edits are refused.
        const server = agents.map(() => new Map<string, string>());
        for (const [c, caseId] of caseIds.entries()) {
          const pushed = [...answers.keys()].filter((i) => pool[i]!.caseIndex === c);
          const stored = await store.cases.get(caseId);
          if (pushed.length === 0) {
            expect(stored).toBeUndefined();
            continue;
          }
          const status = (i: number) => answers.get(i)![0]!.status;
          const owners = new Set(pushed.filter((i) => status(i) === 'applied').map((i) => pool[i]!.agent));
          expect(owners.size, `case ${c}`).toBe(1);
          const [owner] = owners;
          expect(stored?.agentId).toBe(agents[owner!]);
          for (const i of pushed) {
            if (pool[i]!.agent !== owner) expect(answers.get(i)![0]).toMatchObject({ status: 'rejected', reason: 'case_of_other_agent' });
            else expect(['applied', 'stale']).toContain(status(i));
          }
          const newest = Math.max(...pushed.filter((i) => pool[i]!.agent === owner).map((i) => pool[i]!.minute));
          expect(stored!.updatedAt).toBe(at(newest));
          const tied = pushed.filter((i) => pool[i]!.agent === owner && pool[i]!.minute === newest && status(i) === 'applied');
          expect(tied.map((i) => `v${i}`)).toContain(stored!.summary);
          server[owner!]!.set(caseId, stored!.summary);
        }

        // Pull: each device ends holding exactly the server's cases of its agent, was handed them
        // in commit order, and never the same or an older version of a case twice.
        for (const [agent, device] of first.entries()) {
          const sees = await pullUntil(
            async () => (await device.sync(), viewOf(device.deliveries)),
            (view) => sameView(view, server[agent]!),
          );
          expect(sees).toEqual(server[agent]);
          const { deliveries } = device;
          deliveries.forEach((d, k) => {
            if (k > 0) expect(d.seq).toBeGreaterThanOrEqual(deliveries[k - 1]!.seq);
            const earlier = deliveries.slice(0, k).filter((e) => e.id === d.id);
            for (const e of earlier) expect(Date.parse(d.updatedAt)).toBeGreaterThan(Date.parse(e.updatedAt));
          });
        }
        // A device that started from another's cursor, with what that one had by then, holds the same.
        for (const [agent, device] of (joined ?? []).entries()) {
          const sees = await pullUntil(
            async () => (await device.sync(), viewOf([...joinedFrom[agent]!, ...device.deliveries])),
            (view) => sameView(view, server[agent]!),
          );
          expect(sees).toEqual(server[agent]);
        }
      }),
      { numRuns: kind.name === 'sqlite' ? 40 : 15 },
    );
  });
});
