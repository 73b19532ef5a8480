import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, SyncPushResponse } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
beforeEach(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
});
afterEach(() => server.close());

const push = (token: string, changes: unknown[]) => server.push(token, changes);

const later = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

describe('POST /api/sync/push', () => {
  it('stores a new case for the pushing agent', async () => {
    const c = makeCase();
    const change = putChange(c);
    const { status, body } = await push(agent, [change]);
    expect(status).toBe(200);
    expect(SyncPushResponse.parse(body).results).toEqual([{ changeId: change.changeId, status: 'applied' }]);

    const stored = await server.store.cases.get(c.id);
    const me = await server.store.users.findByUsername('agent');
    expect(stored).toEqual({ ...c, agentId: me!.user.id, serverUpdatedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('answers a replayed change with the first result and writes nothing new', async () => {
    const c = makeCase();
    const change = putChange(c);
    const first = await push(agent, [change]);
    server.clock.advance(60_000);
    const replay = await push(agent, [change]);
    expect(replay).toEqual(first);
    // The same change id with different content must not overwrite: the id names the change.
    const reused = await push(agent, [{ ...change, case: { ...c, summary: 'changed', updatedAt: later(c.updatedAt, 5) } }]);
    expect(SyncPushResponse.parse(reused.body).results).toEqual([{ changeId: change.changeId, status: 'rejected', reason: 'change_id_reused' }]);
    const { cases } = await server.store.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]!.summary).toBe(c.summary);
    expect(cases[0]!.serverUpdatedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it("stores another agent's case pushed under a change id already used", async () => {
    const other = await server.addUser('agent2', 'agent');
    const mine = putChange(makeCase());
    const theirs = putChange(makeCase(), mine.changeId);
    await push(agent, [mine]);
    const { body } = await push(other.token, [theirs]);
    expect(SyncPushResponse.parse(body).results).toEqual([{ changeId: mine.changeId, status: 'applied' }]);
    expect(await server.store.cases.get(theirs.case.id)).toMatchObject({ agentId: other.id });
  });

  it('keeps the newer version: an older or equal updatedAt is stale', async () => {
    const c = makeCase();
    const newer = { ...c, summary: 'newer', updatedAt: later(c.updatedAt, 10) };
    await push(agent, [putChange(newer)]);
    const older = putChange({ ...c, summary: 'older' });
    const same = putChange({ ...newer, summary: 'same time' });
    const { body } = await push(agent, [older, same]);
    expect(SyncPushResponse.parse(body).results).toEqual([
      { changeId: older.changeId, status: 'stale' },
      { changeId: same.changeId, status: 'stale' },
    ]);
    expect((await server.store.cases.get(c.id))?.summary).toBe('newer');
  });

  it('compares instants, not their spelling: +08:00 offsets order correctly', async () => {
    const c = makeCase({ updatedAt: '2026-03-02T16:30:00+08:00' }); // 08:30Z
    await push(agent, [putChange(c)]);
    const edit = putChange({ ...c, summary: 'edited', updatedAt: '2026-03-02T08:31:00Z' });
    const { body } = await push(agent, [edit]);
    expect(SyncPushResponse.parse(body).results[0]?.status).toBe('applied');
  });

  it("rejects only the change to another agent's case; the rest of the batch applies", async () => {
    const other = await server.addUser('agent2', 'agent');
    const theirs = makeCase();
    await push(other.token, [putChange(theirs)]);

    const mine = putChange(makeCase());
    const takeover = putChange({ ...theirs, summary: 'taken over', updatedAt: later(theirs.updatedAt, 30) });
    const alsoMine = putChange(makeCase());
    const { status, body } = await push(agent, [mine, takeover, alsoMine]);
    expect(status).toBe(200);
    expect(SyncPushResponse.parse(body).results).toEqual([
      { changeId: mine.changeId, status: 'applied' },
      { changeId: takeover.changeId, status: 'rejected', reason: 'case_of_other_agent' },
      { changeId: alsoMine.changeId, status: 'applied' },
    ]);
    expect(await server.store.cases.get(theirs.id)).toMatchObject({ agentId: other.id, summary: theirs.summary });
    expect((await server.store.cases.list()).cases).toHaveLength(3);
  });

  it('applies a batch in order: a later change sees an earlier one', async () => {
    const c = makeCase();
    const edited = { ...c, summary: 'second edit', updatedAt: later(c.updatedAt, 1) };
    const { body } = await push(agent, [putChange(c), putChange(edited), putChange(c)]);
    expect(SyncPushResponse.parse(body).results.map((r) => r.status)).toEqual(['applied', 'applied', 'stale']);
    expect((await server.store.cases.get(c.id))?.summary).toBe('second edit');
  });

  it('is open to supervisors and closed to trainers and admins (403)', async () => {
    const supervisor = await server.signIn('supervisor');
    expect((await push(supervisor, [putChange(makeCase())])).status).toBe(200);
    for (const username of ['trainer', 'admin']) {
      const { status, body } = await push(await server.signIn(username), [putChange(makeCase())]);
      expect(status).toBe(403);
      expect(ApiError.parse(body).error.code).toBe('forbidden');
    }
  });

  it('needs a token (401)', async () => {
    expect((await push('', [putChange(makeCase())])).status).toBe(401);
  });

  it('rejects an invalid body with 400 validation_failed naming the path, storing nothing', async () => {
    const good = putChange(makeCase());
    const bad = putChange(makeCase());
    const { status, body } = await push(agent, [good, { ...bad, case: { ...bad.case, customer: { ...bad.case.customer, phone: 42 } } }]);
    expect(status).toBe(400);
    const { error } = ApiError.parse(body);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path)).toContain('changes.1.case.customer.phone');
    expect((await server.store.cases.list()).cases).toHaveLength(0);
  });

  it('rejects an empty batch and an unknown change kind', async () => {
    expect((await push(agent, [])).status).toBe(400);
    const { body } = await push(agent, [{ ...putChange(makeCase()), kind: 'case.delete' }]);
    expect(ApiError.parse(body).error.issues?.map((i) => i.path)).toEqual(['changes.0.kind']);
  });
});
