// Instants from clients are bounded (shared/primitives.ts INSTANT_RANGE): one past the year 9999
// used to be stored as `+010000-…`, listed as the oldest case and counted as overdue.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CaseListResponse, type Reminder } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
let supervisor: string;
beforeAll(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
  supervisor = await server.signIn('supervisor');
});
afterAll(() => server.close());

const FAR_FUTURE = '9999-12-31T23:59:59.999-23:59';

/** Every case and reminder the store holds, as ids: what a refused push must leave unchanged. */
async function everything() {
  const { cases } = await server.store.cases.list({ limit: 200 });
  return { cases: cases.map((c) => c.id), reminders: (await server.store.reminders.list()).map((r) => r.id) };
}

const reminderFor = (caseId: string, overrides: Partial<Reminder> = {}): Reminder => ({
  id: randomUUID(),
  caseId,
  dueAt: '2026-03-03T08:00:00.000Z',
  note: '回访',
  status: 'pending',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  ...overrides,
});

describe('instants sent by a client', () => {
  it('refuses a push with any instant outside the range, naming the field, and writes nothing of the batch', async () => {
    const stored = makeCase();
    await server.push(agent, [putChange(stored)]);
    const before = await everything();
    const outside: Array<[string, unknown]> = [
      ['receivedAt', putChange(makeCase({ receivedAt: FAR_FUTURE }))],
      ['updatedAt', putChange(makeCase({ updatedAt: '2200-01-01T00:00:00.000Z' }))],
      ['createdAt', putChange(makeCase({ createdAt: '1999-12-31T23:59:59.999Z' }))],
      ['steps.0.at', putChange(makeCase({ steps: [{ kind: 'done', step: 'vent', at: FAR_FUTURE }] }))],
      ['dueAt', { changeId: randomUUID(), kind: 'reminder.put', reminder: reminderFor(stored.id, { dueAt: FAR_FUTURE }) }],
    ];
    for (const [field, change] of outside) {
      // A valid change before the bad one: refused with it, never half applied.
      const res = await server.call('/api/sync/push', agent, { json: { changes: [putChange(makeCase()), change] } });
      expect(res.status, field).toBe(400);
      const { error } = ApiError.parse(await res.json());
      expect(error.code).toBe('validation_failed');
      expect(error.issues?.map((issue) => issue.path).join(' ')).toContain(field);
      expect(error.issues?.map((issue) => issue.message).join(' ')).toMatch(/2000-01-01.*2200-01-01/);
    }
    expect(await everything()).toEqual(before);
  });

  it('accepts the last millisecond before 2200 and the first of 2000, and lists them in time order', async () => {
    const last = makeCase({ receivedAt: '2199-12-31T15:59:59.999-08:00', summary: '最晚' });
    const first = makeCase({ receivedAt: '2000-01-01T08:00:00.000+08:00', summary: '最早' });
    const res = await server.push(agent, [putChange(last), putChange(first)]);
    expect(res.status).toBe(200);
    const { cases } = CaseListResponse.parse(await (await server.call('/api/cases?limit=200', supervisor)).json());
    expect(cases[0]!.id).toBe(last.id);
    expect(cases.at(-1)!.id).toBe(first.id);
  });

  it('refuses a received-at filter outside the range with 400', async () => {
    for (const query of [`receivedFrom=${encodeURIComponent(FAR_FUTURE)}`, 'receivedBefore=1999-12-31T23:59:59.999Z']) {
      const res = await server.call(`/api/cases?${query}`, supervisor);
      expect(res.status, query).toBe(400);
      expect(ApiError.parse(await res.json()).error.code).toBe('validation_failed');
    }
  });
});
