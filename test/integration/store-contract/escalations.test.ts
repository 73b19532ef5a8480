// Escalations in the store, on both databases: raised by sync exactly once per case and kind,
// handed out in commit order from a cursor, and taken by the first supervisor only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared';
import type { Store } from '../../../plugin-server/src/store';
import { makeCase, putChange } from '../helpers';
import { addUser, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const later = (c: Case, minutes: number, overrides: Partial<Case> = {}): Case => ({
  ...c,
  ...overrides,
  updatedAt: new Date(Date.parse(c.updatedAt) + minutes * 60_000).toISOString(),
});

describe.each(STORE_KINDS)('escalations on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let agentId: string;
  const push = async (...cases: Case[]) => {
    const results = await store.sync.applyChanges(agentId, cases.map((c) => putChange(c)), NOW);
    expect(results.map((r) => r.status)).toEqual(cases.map(() => 'applied'));
  };
  const feedAfterHead = async (run: () => Promise<void>) => {
    const head = await store.escalations.head();
    await run();
    return (await store.escalations.feed({ after: head, limit: 100 })).map((item) => item.record);
  };

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    agentId = await addUser(store);
  });
  afterAll(() => close());

  it('raises one escalation when a case first turns major, none for later versions or replays, another for an emergency', async () => {
    const normal = makeCase();
    const major = later(normal, 1, { severity: 'major', summary: '楼上漏水，业主情绪激动' });
    const raised = await feedAfterHead(async () => {
      await push(normal);
      await push(major);
      await push(later(major, 2, { notes: '已安抚' }));
    });
    expect(raised).toEqual([
      {
        id: expect.any(String),
        caseId: normal.id,
        kind: 'major',
        agentId,
        raisedAt: NOW.toISOString(),
        customerName: '王秀英',
        project: '翠湖花园',
        summary: '楼上漏水，业主情绪激动',
        acknowledgedBy: null,
      },
    ]);
    // The same change again is a replay: nothing new.
    const replay = await feedAfterHead(async () => void (await store.sync.applyChanges(agentId, [putChange(later(major, 2, { notes: '已安抚' }))], NOW)));
    expect(replay).toEqual([]);

    const emergency = later(major, 3, { emergency: { planId: 'burst_pipe', declaredAt: NOW.toISOString(), ticks: [] } });
    const declared = await feedAfterHead(() => push(emergency));
    expect(declared.map((e) => e.kind)).toEqual(['emergency']);
    expect((await store.escalations.ofCase(normal.id)).map((e) => e.kind)).toEqual(['major', 'emergency']);
  });

  it('asks nothing for a normal or an already closed case', async () => {
    const raised = await feedAfterHead(() => push(makeCase(), makeCase({ severity: 'major', status: 'closed' })));
    expect(raised).toEqual([]);
  });

  it('hands escalations out in commit order from any position, and an acknowledged one again after its raise', async () => {
    const cases = [makeCase({ severity: 'major' }), makeCase({ severity: 'major' }), makeCase({ severity: 'major' })];
    const head = await store.escalations.head();
    for (const c of cases) await push(c);
    const all = await store.escalations.feed({ after: head, limit: 100 });
    expect(all.map((item) => item.record.caseId)).toEqual(cases.map((c) => c.id));
    // Paged one by one from each position, nothing is skipped or repeated.
    const paged: string[] = [];
    let position = head;
    for (;;) {
      const [next] = await store.escalations.feed({ after: position, limit: 1 });
      if (!next) break;
      paged.push(next.record.caseId);
      position = next;
    }
    expect(paged).toEqual(cases.map((c) => c.id));

    const supervisor = { userId: await addUser(store, 'supervisor'), displayName: '李主管' };
    const taken = await store.escalations.acknowledge(all[0]!.record.id, supervisor, NOW);
    expect(taken?.acknowledgedBy).toEqual({ ...supervisor, at: NOW.toISOString() });
    const again = await store.escalations.feed({ after: position, limit: 100 });
    expect(again.map((item) => item.record)).toEqual([taken]);
    expect(await store.escalations.head()).toEqual({ seq: again[0]!.seq, id: again[0]!.id });
  });

  it('lets the first of two supervisors taking it at once keep it; an unknown id is null', async () => {
    await push(makeCase({ severity: 'major' }));
    const [item] = (await store.escalations.feed({ after: null, limit: 1000 })).filter((e) => e.record.acknowledgedBy === null).slice(-1);
    const first = { userId: await addUser(store, 'supervisor'), displayName: '甲' };
    const second = { userId: await addUser(store, 'supervisor'), displayName: '乙' };
    const answers = await Promise.all([store.escalations.acknowledge(item!.record.id, first, NOW), store.escalations.acknowledge(item!.record.id, second, NOW)]);
    expect(answers[0]?.acknowledgedBy).toEqual(answers[1]?.acknowledgedBy);
    expect((await store.escalations.ofCase(item!.record.caseId))[0]?.acknowledgedBy).toEqual(answers[0]?.acknowledgedBy);
    expect(await store.escalations.acknowledge('0190f5e0-0000-7000-8000-000000000000', first, NOW)).toBeNull();
  });
});
