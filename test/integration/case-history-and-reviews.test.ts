import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseHistoryResponse, ReviewList, ReviewResponse } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
});
afterAll(() => server.close());

describe('GET /api/case-history', () => {
  it("lists a caller's earlier complaints across agents by phone digits, as summaries only", async () => {
    const other = await server.addUser('agent-history', 'agent');
    const mine = makeCase({ customer: { ...makeCase().customer, phone: '138 0013 8000' }, receivedAt: '2026-03-01T08:00:00.000Z', summary: 'leak' });
    const theirs = makeCase({ customer: { ...makeCase().customer, phone: '+86 (138) 0013-8000'.replace('+86 ', '') }, receivedAt: '2026-03-02T08:00:00.000Z', summary: 'noise', severity: 'major' });
    const unrelated = makeCase({ customer: { ...makeCase().customer, phone: '138 0013 8001' } });
    // Same digits in order but more of them: a different number.
    const longer = makeCase({ customer: { ...makeCase().customer, phone: '1 138 0013 8000 9' } });
    await server.push(agent, [putChange(mine), putChange(unrelated), putChange(longer)]);
    await server.push(other.token, [putChange(theirs)]);

    const res = await server.call(`/api/case-history?phone=${encodeURIComponent('138-0013-8000')}`, agent);
    expect(res.status).toBe(200);
    const body = await res.json();
    const { cases } = CaseHistoryResponse.parse(body);
    expect(cases.map((c) => c.id)).toEqual([theirs.id, mine.id]);
    expect(cases[0]).toEqual({
      id: theirs.id,
      receivedAt: theirs.receivedAt,
      categoryIds: theirs.categoryIds,
      status: 'open',
      severity: 'major',
      summary: 'noise',
    });
    // Nothing beyond the summary: not the customer, notes, plan or the other agent.
    expect(JSON.stringify(body)).not.toMatch(/王秀英|agentId|notes|plan|customer/);
  });

  it('needs a number with at least 5 digits, and is not for trainers or admins', async () => {
    expect((await server.call('/api/case-history?phone=12-3', agent)).status).toBe(400);
    expect((await server.call('/api/case-history', agent)).status).toBe(400);
    expect((await server.call('/api/case-history?phone=13800138000', await server.signIn('trainer'))).status).toBe(403);
    expect((await server.call('/api/case-history?phone=13800138000', await server.signIn('admin'))).status).toBe(403);
  });
});

describe("trainers' reviews", () => {
  it('are written per case by trainers, edited only by their author, read by trainers and supervisors', async () => {
    const c = makeCase();
    await server.push(agent, [putChange(c)]);
    const trainer = await server.signIn('trainer');
    const review = { id: randomUUID(), scores: { listening: 4, apology: 5, solution: 3, follow_through: 4, attitude: 5 }, comment: 'Good restatement.' };
    const created = await server.call(`/api/cases/${c.id}/reviews`, trainer, { json: review });
    expect(created.status).toBe(201);
    const stored = ReviewResponse.parse(await created.json()).review;
    expect(stored).toMatchObject({ caseId: c.id, comment: 'Good restatement.', createdAt: '2026-03-02T09:00:00.000Z' });
    expect((await server.call(`/api/cases/${c.id}/reviews`, trainer, { json: review })).status).toBe(409);
    expect((await server.call(`/api/cases/${randomUUID()}/reviews`, trainer, { json: { ...review, id: randomUUID() } })).status).toBe(404);
    expect((await server.call(`/api/cases/${c.id}/reviews`, trainer, { json: { ...review, id: randomUUID(), scores: { ...review.scores, listening: 6 } } })).status).toBe(400);

    server.clock.advance(1000);
    const edited = await server.call(`/api/cases/${c.id}/reviews/${review.id}`, trainer, { method: 'PUT', json: { scores: { ...review.scores, listening: 3 }, comment: 'Revised.' } });
    expect(ReviewResponse.parse(await edited.json()).review).toMatchObject({ scores: { ...review.scores, listening: 3 }, comment: 'Revised.', createdAt: stored.createdAt, updatedAt: '2026-03-02T09:00:01.000Z' });
    const otherTrainer = await server.addUser('trainer-2', 'trainer');
    expect((await server.call(`/api/cases/${c.id}/reviews/${review.id}`, otherTrainer.token, { method: 'PUT', json: { scores: review.scores, comment: 'x' } })).status).toBe(403);

    const { reviews } = ReviewList.parse(await (await server.call(`/api/cases/${c.id}/reviews`, await server.signIn('supervisor'))).json());
    expect(reviews.map((r) => r.comment)).toEqual(['Revised.']);
    expect((await server.call(`/api/cases/${c.id}/reviews`, agent)).status).toBe(403);
  });
});
