// GET /api/cases with filters, Chinese full-text search and a cursor; GET /api/reminders.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CaseListResponse, ReminderList, type Reminder } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
let supervisor: string;

beforeEach(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
  supervisor = await server.signIn('supervisor');
});
afterEach(() => server.close());

async function list(token: string, query: string) {
  const res = await server.call(`/api/cases${query}`, token);
  return { status: res.status, body: (await res.json()) as unknown };
}

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:00:00.000Z`;

describe('GET /api/cases', () => {
  test('searches Chinese text of any length and combines search with filters', async () => {
    const leak = makeCase({ summary: '卧室天花板漏水', severity: 'major', receivedAt: at(1), categoryIds: ['waterproofing'] });
    const payment = makeCase({ summary: '多收了维修基金', receivedAt: at(2), categoryIds: ['payment'] });
    const name = makeCase({ customer: { ...makeCase().customer, name: '李建国' }, summary: '交房延期', receivedAt: at(3) });
    await server.push(agent, [leak, payment, name].map((c) => putChange(c)));

    const ids = async (query: string) => CaseListResponse.parse((await list(supervisor, query)).body).cases.map((c) => c.id);
    expect(await ids(`?q=${encodeURIComponent('漏')}`)).toEqual([leak.id]); // one character
    expect(await ids(`?q=${encodeURIComponent('基金')}`)).toEqual([payment.id]); // two
    expect(await ids(`?q=${encodeURIComponent('李建国')}`)).toEqual([name.id]); // a customer's name
    expect(await ids(`?q=${encodeURIComponent('天花板漏水')}`)).toEqual([leak.id]);
    expect(await ids(`?q=${encodeURIComponent('漏')}&severity=normal`)).toEqual([]);
    expect(await ids('?categoryId=payment')).toEqual([payment.id]);
    expect(await ids(`?receivedFrom=${at(2)}&receivedBefore=${at(3)}`)).toEqual([payment.id]);
  });

  test('pages newest first with a cursor, and rejects a forged cursor with 400', async () => {
    const cases = [1, 2, 3, 4, 5].map((day) => makeCase({ receivedAt: at(day) }));
    await server.push(agent, cases.map((c) => putChange(c)));
    const first = CaseListResponse.parse((await list(supervisor, '?limit=2')).body);
    expect(first.cases.map((c) => c.receivedAt)).toEqual([at(5), at(4)]);
    const second = CaseListResponse.parse((await list(supervisor, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).body);
    expect(second.cases.map((c) => c.receivedAt)).toEqual([at(3), at(2)]);
    const forged = await list(supervisor, '?cursor=not-a-cursor');
    expect(forged.status).toBe(400);
    expect(server.errors).toEqual([]);
  });

  test('an agent sees only their own cases even when asking for another agent', async () => {
    const other = await server.addUser('agent2', 'agent');
    const theirs = makeCase();
    await server.push(other.token, [putChange(theirs)]);
    const mine = makeCase();
    await server.push(agent, [putChange(mine)]);
    const asked = CaseListResponse.parse((await list(agent, `?agentId=${other.id}`)).body);
    expect(asked.cases.map((c) => c.id)).toEqual([mine.id]);
  });

  test('overdue=true lists only cases whose pending follow-up is past due', async () => {
    const late = makeCase();
    const onTime = makeCase();
    const reminder = (caseId: string, dueAt: string): Reminder => ({
      id: randomUUID(), caseId, dueAt, note: '回访', status: 'pending', createdAt: at(1), updatedAt: at(1),
    });
    await server.push(agent, [putChange(late), putChange(onTime)]);
    const reminders = [reminder(late.id, '2026-03-02T08:00:00.000Z'), reminder(onTime.id, '2026-03-09T08:00:00.000Z')];
    await server.push(agent, reminders.map((r) => ({ changeId: randomUUID(), kind: 'reminder.put', reminder: r })));
    // The test clock stands at 2026-03-02T09:00Z.
    const overdue = CaseListResponse.parse((await list(supervisor, '?overdue=true')).body);
    expect(overdue.cases.map((c) => c.id)).toEqual([late.id]);

    const mine = ReminderList.parse(await (await server.call('/api/reminders', agent)).json());
    expect(mine.reminders.map((r) => r.caseId)).toEqual([late.id, onTime.id]);
  });

  test('bad filters are 400 validation errors naming the parameter', async () => {
    for (const query of ['?limit=0', '?limit=201', '?status=done', '?receivedFrom=yesterday', '?agentId=42']) {
      const { status, body } = await list(supervisor, query);
      expect(status, query).toBe(400);
      expect(JSON.stringify(body)).toContain('validation_failed');
    }
  });
});
