import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, StoredCase } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
beforeEach(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
});
afterEach(() => server.close());

const push = (token: string, changes: unknown[]) => server.push(token, changes);

describe('GET /api/cases', () => {
  const CaseList = z.object({ cases: z.array(StoredCase) });
  const OneCase = z.object({ case: StoredCase });

  it('shows an agent only their own cases, and 404 for anyone else’s', async () => {
    const other = await server.addUser('agent2', 'agent');
    const mine = makeCase();
    const theirs = makeCase();
    await push(agent, [putChange(mine)]);
    await push(other.token, [putChange(theirs)]);

    const { cases } = CaseList.parse(await (await server.call('/api/cases', agent)).json());
    expect(cases.map((c) => c.id)).toEqual([mine.id]);
    expect(OneCase.parse(await (await server.call(`/api/cases/${mine.id}`, agent)).json()).case.id).toBe(mine.id);

    const hidden = await server.call(`/api/cases/${theirs.id}`, agent);
    const missing = await server.call(`/api/cases/${randomUUID()}`, agent);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
  });

  it('shows supervisors every case with the phone in full, and admins none (they manage users)', async () => {
    const other = await server.addUser('agent2', 'agent');
    await push(agent, [putChange(makeCase({ receivedAt: '2026-03-01T08:00:00.000Z' }))]);
    await push(other.token, [putChange(makeCase({ receivedAt: '2026-03-02T08:00:00.000Z' }))]);
    const { cases } = CaseList.parse(await (await server.call('/api/cases', await server.signIn('supervisor'))).json());
    expect(cases.map((c) => c.receivedAt)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-01T08:00:00.000Z']);
    expect(cases.every((c) => c.customer.phone === '138 0013 8000')).toBe(true);
    expect((await server.call('/api/cases', await server.signIn('admin'))).status).toBe(403);
  });

  it('shows trainers every case with the phone masked', async () => {
    const c = makeCase();
    await push(agent, [putChange(c)]);
    const trainer = await server.signIn('trainer');
    const { cases } = CaseList.parse(await (await server.call('/api/cases', trainer)).json());
    expect(cases.map((x) => x.customer.phone)).toEqual(['138****8000']);
    const one = OneCase.parse(await (await server.call(`/api/cases/${c.id}`, trainer)).json());
    expect(one.case.customer.phone).toBe('138****8000');
    expect(one.case.customer.name).toBe(c.customer.name);
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const res = await server.call('/api/cases/not-an-id', agent);
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).error.issues?.[0]?.path).toBe('id');
  });
});
