// Ownership, not only role gates: agent B may never read, change or learn of agent A's cases,
// reminders and reviews through any route an agent can call. The one deliberate exception is the
// customer's case history (`GET /api/case-history`): an agent on the phone with a customer sees
// that customer's earlier complaints, whoever handled them, but only what and how it stands
// (no agent, no customer details, no notes), as docs/decisions/004-api-security.md says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let a: { id: string; token: string };
let b: { id: string; token: string };
const SECRET = '甲坐席的私密备注';
const NOTES = '只有甲能看的备注';
const caseOfA = makeCase({ summary: `${SECRET} 摘要`, notes: NOTES, customer: { ...makeCase().customer, phone: '139 1111 2222', name: '甲的客户' } });
const reminderOfA = {
  id: randomUUID(),
  caseId: caseOfA.id,
  dueAt: '2026-03-03T02:00:00.000Z',
  note: SECRET,
  status: 'pending' as const,
  createdAt: caseOfA.createdAt,
  updatedAt: caseOfA.updatedAt,
};
const text = async (res: Response) => ({ status: res.status, body: await res.text() });

beforeAll(async () => {
  server = await startServer();
  a = await server.addUser('agent-a', 'agent');
  b = await server.addUser('agent-b', 'agent');
  expect((await server.push(a.token, [putChange(caseOfA), { changeId: randomUUID(), kind: 'reminder.put', reminder: reminderOfA }])).status).toBe(200);
  const trainer = await server.signIn('trainer');
  const review = { id: randomUUID(), scores: { listening: 4, apology: 4, solution: 4, follow_through: 4, attitude: 4 }, comment: SECRET };
  expect((await server.call(`/api/cases/${caseOfA.id}/reviews`, trainer, { json: review })).status).toBe(201);
});
afterAll(async () => {
  await server.close();
});

describe("agent B and agent A's records", () => {
  it('B cannot read A’s case, its reviews, or find it by search, filter or paging', async () => {
    // Not found, not forbidden: B does not learn that it exists.
    expect((await server.call(`/api/cases/${caseOfA.id}`, b.token)).status).toBe(404);
    expect([403, 404]).toContain((await server.call(`/api/cases/${caseOfA.id}/reviews`, b.token)).status);
    for (const query of ['', `?q=${encodeURIComponent(SECRET)}`, `?agentId=${a.id}`, '?status=open', `?q=${encodeURIComponent('1111')}`]) {
      const res = await text(await server.call(`/api/cases${query}`, b.token));
      expect(res.status, query).toBeLessThan(500);
      expect(res.body, query).not.toContain(caseOfA.id);
      expect(res.body, query).not.toContain(SECRET);
      expect(res.body, query).not.toContain(NOTES);
    }
  });

  it('B’s sync never pulls A’s case or reminder, from any cursor or scope', async () => {
    for (const query of ['?scope=all', '?scope=open']) {
      const res = await text(await server.call(`/api/sync/pull${query}`, b.token));
      expect(res.status).toBe(200);
      expect(res.body).not.toContain(caseOfA.id);
      expect(res.body).not.toContain(SECRET);
    }
    const reminders = await text(await server.call('/api/reminders', b.token));
    expect(reminders.body).not.toContain(reminderOfA.id);
    expect(reminders.body).not.toContain(SECRET);
  });

  it('B cannot change A’s case or reminder, nor attach a reminder to A’s case', async () => {
    const takeover = { ...caseOfA, summary: '被篡改', updatedAt: '2026-03-02T10:00:00.000Z' };
    const hijackedReminder = { ...reminderOfA, note: '被篡改', updatedAt: '2026-03-02T10:00:00.000Z' };
    const ownReminderOnTheirCase = { ...reminderOfA, id: randomUUID(), note: 'B 的提醒' };
    const { status, body } = await server.push(b.token, [
      putChange(takeover),
      { changeId: randomUUID(), kind: 'reminder.put', reminder: hijackedReminder },
      { changeId: randomUUID(), kind: 'reminder.put', reminder: ownReminderOnTheirCase },
    ]);
    expect(status).toBe(200);
    expect((body as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await server.store.cases.get(caseOfA.id)).toMatchObject({ summary: caseOfA.summary, agentId: a.id });
    const pulledByA = await text(await server.call('/api/sync/pull?scope=all', a.token));
    expect(pulledByA.body).toContain(SECRET);
    expect(pulledByA.body).not.toContain('被篡改');
    expect(pulledByA.body).not.toContain('B 的提醒');
  });

  it('the customer’s history shows B what A’s case was about and how it stands, nothing of A or the notes', async () => {
    const res = await text(await server.call(`/api/case-history?phone=${encodeURIComponent('13911112222')}`, b.token));
    expect(res.status).toBe(200);
    expect(res.body).toContain(caseOfA.id);
    expect(res.body).not.toContain(a.id);
    expect(res.body).not.toContain('agent-a');
    expect(res.body).not.toContain(NOTES);
    expect(res.body).not.toContain(caseOfA.customer.name);
  });
});
