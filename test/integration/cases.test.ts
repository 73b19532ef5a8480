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

  it('masks phone numbers written in any text field for trainers, and leaves them whole for others', async () => {
    const written = {
      summary: '业主称卫生间渗水，回电139 0000 5678',
      notes: '家属+86 186-0000-1234；座机(010) 8765-4321',
      plan: '联系13700004321约上门时间',
      restatement: { what: '渗水，电话13900005678', where: '卫生间', since: '三天' },
    };
    const c = makeCase({
      ...written,
      customer: { ...makeCase().customer, name: '王先生 13900005678' },
      steps: [{ kind: 'skipped', step: 'vent', at: '2026-03-02T08:31:00.000Z', reason: '客户要求改打18600001234' }],
      templateUses: [{ templateId: randomUUID(), version: 1, step: 'vent', at: '2026-03-02T08:31:00.000Z', text: '我们会致电139-0000-5678' }],
    });
    await push(agent, [putChange(c)]);
    const trainer = await server.signIn('trainer');
    const listed = CaseList.parse(await (await server.call('/api/cases', trainer)).json()).cases[0]!;
    const one = OneCase.parse(await (await server.call(`/api/cases/${c.id}`, trainer)).json()).case;
    for (const shown of [listed, one]) {
      expect(shown.summary).toBe('业主称卫生间渗水，回电139****5678');
      expect(shown.notes).toBe('家属861****1234；座机010****4321');
      expect(shown.plan).toBe('联系137****4321约上门时间');
      expect(shown.restatement.what).toBe('渗水，电话139****5678');
      expect(shown.customer.name).toBe('王先生 139****5678');
      expect(shown.steps[0]).toMatchObject({ reason: '客户要求改打186****1234' });
      expect(shown.templateUses[0]!.text).toBe('我们会致电139****5678');
      // None of the hidden digits in any text a trainer receives.
      const texts = [shown.customer.name, shown.customer.phone, shown.summary, shown.notes, shown.plan, ...Object.values(shown.restatement)];
      expect(texts.join('\n')).not.toMatch(/0000|8765|0013/);
    }
    for (const token of [agent, await server.signIn('supervisor')]) {
      const full = OneCase.parse(await (await server.call(`/api/cases/${c.id}`, token)).json()).case;
      expect(full).toMatchObject({ ...written, customer: c.customer, steps: c.steps, templateUses: c.templateUses });
    }
  });

  it('lets no trainer recover a masked number by guessing one digit at a time (the probe of issue 13)', async () => {
    const c = makeCase({ customer: { ...makeCase().customer, phone: '13900005678' }, notes: '备用 18600001234' });
    await push(agent, [putChange(makeCase()), putChange(c)]);
    const found = async (token: string, q: string) =>
      CaseList.parse(await (await server.call(`/api/cases?q=${encodeURIComponent(q)}`, token)).json()).cases.map((x) => x.id);
    /** Extends a known start digit by digit while exactly one guess still finds the case. */
    async function recover(token: string, start: string, length: number) {
      let known = start;
      while (known.length < length) {
        const answers = await Promise.all([...'0123456789'].map((digit) => found(token, known + digit)));
        const hits = [...'0123456789'].filter((_, i) => answers[i]!.includes(c.id));
        if (hits.length !== 1) return { known, answers };
        known += hits[0];
      }
      return { known, answers: [] };
    }
    const supervisor = await server.signIn('supervisor');
    expect((await recover(supervisor, '139', 11)).known).toBe('13900005678');
    expect((await recover(supervisor, '186', 11)).known).toBe('18600001234');

    const trainer = await server.signIn('trainer');
    for (const start of ['139', '186']) {
      const { known, answers } = await recover(trainer, start, 11);
      expect(known).toBe(start);
      // No guess changed the result set.
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    }
    // Nor from the end the trainer sees.
    const before = await Promise.all([...'0123456789'].map((digit) => found(trainer, `${digit}5678`)));
    for (const answer of before) expect(answer).toEqual(before[0]);
    expect(await found(trainer, '139****5678')).toEqual([c.id]);
    expect(await found(trainer, '186****1234')).toEqual([c.id]);
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const res = await server.call('/api/cases/not-an-id', agent);
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).error.issues?.[0]?.path).toBe('id');
  });
});
