// GET /api/sync/pull: the caller's own accepted changes, paged by a cursor in commit order
// (sync-commit-order.test.ts checks that order against slow commits and clock steps).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SyncPullResponse, type Reminder } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
beforeEach(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
});
afterEach(() => server.close());

async function pull(token: string, query = '') {
  const res = await server.call(`/api/sync/pull${query}`, token);
  return { status: res.status, body: (await res.json()) as unknown };
}

test('pages through the agent’s own cases and reminders in commit order, then resumes', async () => {
  const cases = [1, 2, 3].map((n) => makeCase({ summary: `第${n}件` }));
  for (const c of cases) {
    await server.push(agent, [putChange(c)]);
    server.clock.advance(1_000);
  }
  const reminder: Reminder = {
    id: randomUUID(), caseId: cases[0]!.id, dueAt: '2026-03-03T02:00:00.000Z', note: '回访',
    status: 'pending', createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z',
  };
  await server.push(agent, [{ changeId: randomUUID(), kind: 'reminder.put', reminder }]);
  // Someone else's work never shows up in this agent's pull.
  const other = await server.addUser('agent2', 'agent');
  await server.push(other.token, [putChange(makeCase())]);

  const first = SyncPullResponse.parse((await pull(agent, '?limit=2')).body);
  expect(first.cases.map((c) => c.id)).toEqual([cases[0]!.id, cases[1]!.id]);
  expect(first.reminders.map((r) => r.id)).toEqual([reminder.id]);
  expect(first.more).toBe(true);
  const second = SyncPullResponse.parse((await pull(agent, `?limit=2&cursor=${first.cursor}`)).body);
  expect(second.cases.map((c) => c.id)).toEqual([cases[2]!.id]);
  expect(second.reminders).toEqual([]);
  expect(second.more).toBe(false);

  // A later edit is pulled again from the saved cursor.
  await server.push(agent, [putChange({ ...cases[1]!, summary: '改过', updatedAt: '2026-03-02T09:30:00.000Z' })]);
  const third = SyncPullResponse.parse((await pull(agent, `?cursor=${second.cursor}`)).body);
  expect(third.cases.map((c) => [c.id, c.summary])).toEqual([[cases[1]!.id, '改过']]);
});

test('scope=open sends only open work, yet its cursor moves past the history it leaves out', async () => {
  const history = Array.from({ length: 5 }, (_, n) => makeCase({ summary: `旧案${n}`, status: 'closed' }));
  const open = makeCase({ summary: '在办' });
  for (const c of [...history.slice(0, 3), open, ...history.slice(3)]) {
    await server.push(agent, [putChange(c)]);
    server.clock.advance(1_000);
  }
  const reminder = (status: Reminder['status']): Reminder => ({
    id: randomUUID(), caseId: open.id, dueAt: '2026-03-03T02:00:00.000Z', note: status,
    status, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z',
  });
  const [pending, done] = [reminder('pending'), reminder('done')];
  await server.push(agent, [pending, done].map((r) => ({ changeId: randomUUID(), kind: 'reminder.put' as const, reminder: r })));

  const first = SyncPullResponse.parse((await pull(agent, '?scope=open&limit=2')).body);
  expect(first.cases).toEqual([]);
  expect(first.reminders.map((r) => r.id)).toEqual([pending.id]);
  expect(first.more).toBe(true);
  const second = SyncPullResponse.parse((await pull(agent, `?scope=open&limit=2&cursor=${first.cursor}`)).body);
  expect(second.cases.map((c) => c.id)).toEqual([open.id]);
  const third = SyncPullResponse.parse((await pull(agent, `?scope=open&limit=2&cursor=${second.cursor}`)).body);
  expect(third.cases).toEqual([]);
  expect(third.more).toBe(false);
  // From there on, everything: closing a case is news for a device that holds it.
  await server.push(agent, [putChange({ ...open, status: 'closed', updatedAt: '2026-03-02T10:00:00.000Z' })]);
  const later = SyncPullResponse.parse((await pull(agent, `?cursor=${third.cursor}`)).body);
  expect(later.cases.map((c) => [c.id, c.status])).toEqual([[open.id, 'closed']]);
});

test('a forged cursor is a 400, a trainer may not pull', async () => {
  expect((await pull(agent, '?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  expect((await pull(agent, `?cursor=${cursorOf({ c: [-1, randomUUID()], r: null })}`)).status).toBe(400);
  expect((await pull(agent, `?cursor=${cursorOf({ c: [1.5, randomUUID()], r: null })}`)).status).toBe(400);
  expect((await pull(agent, '?limit=0')).status).toBe(400);
  expect((await pull(agent, '?scope=closed')).status).toBe(400);
  expect((await pull(await server.signIn('trainer'))).status).toBe(403);
  expect(server.errors).toEqual([]);
});
