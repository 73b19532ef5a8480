import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmSiteList, DEMO_CRM_SITE, type CrmSite, WordingRuleList, WordingRuleResponse } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
let supervisor: string;
let agent: string;
beforeAll(async () => {
  server = await startServer();
  supervisor = await server.signIn('supervisor');
  agent = await server.signIn('agent');
});
afterAll(() => server.close());

describe('wording rules', () => {
  it('are read by every role and written by supervisors', async () => {
    const rule = { id: randomUUID(), kind: 'forbidden', phrase: '不归我们管', alternative: '我来帮您联系负责的同事', language: 'zh-Hans' };
    const created = await server.call('/api/wording-rules', supervisor, { json: rule });
    expect(created.status).toBe(201);
    expect(WordingRuleResponse.parse(await created.json()).rule.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await server.call('/api/wording-rules', supervisor, { json: rule })).status).toBe(409);
    expect((await server.call('/api/wording-rules', agent, { json: { ...rule, id: randomUUID() } })).status).toBe(403);

    for (const role of ['agent', 'trainer', 'admin']) {
      const { rules } = WordingRuleList.parse(await (await server.call('/api/wording-rules', await server.signIn(role))).json());
      expect(rules.map((r) => r.phrase)).toEqual(['不归我们管']);
    }

    server.clock.advance(60_000);
    const edited = await server.call(`/api/wording-rules/${rule.id}`, supervisor, { method: 'PUT', json: { ...rule, kind: 'unapproved_promise' } });
    expect(WordingRuleResponse.parse(await edited.json()).rule).toMatchObject({ kind: 'unapproved_promise', updatedAt: '2026-03-02T09:01:00.000Z' });
    const mismatched = await server.call(`/api/wording-rules/${randomUUID()}`, supervisor, { method: 'PUT', json: rule });
    expect(mismatched.status).toBe(400);
    expect((await server.call(`/api/wording-rules/${rule.id}`, supervisor, { method: 'DELETE' })).status).toBe(204);
    expect((await server.call(`/api/wording-rules/${rule.id}`, supervisor, { method: 'DELETE' })).status).toBe(404);
    expect((await server.call('/api/wording-rules', supervisor, { json: { ...rule, phrase: '   ' } })).status).toBe(400);
  });
});

describe('CRM site configurations', () => {
  it('start with the demo site, readable by every role', async () => {
    const { sites } = CrmSiteList.parse(await (await server.call('/api/crm-sites', agent)).json());
    expect(sites).toEqual([DEMO_CRM_SITE]);
  });

  it('are created, replaced and deleted by supervisors only', async () => {
    const site: CrmSite = { ...DEMO_CRM_SITE, id: randomUUID(), name: 'Acme CRM', urlPattern: 'https://crm.acme.example/*' };
    const created = await server.call('/api/crm-sites', supervisor, { json: site });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ site });
    expect((await server.call('/api/crm-sites', supervisor, { json: site })).status).toBe(409);
    expect((await server.call('/api/crm-sites', agent, { json: { ...site, id: randomUUID() } })).status).toBe(403);
    expect((await server.call('/api/crm-sites', supervisor, { json: { ...site, id: randomUUID(), urlPattern: 'crm.acme' } })).status).toBe(400);

    const replaced = await server.call(`/api/crm-sites/${site.id}`, supervisor, { method: 'PUT', json: { ...site, name: 'Acme CRM 2' } });
    expect(replaced.status).toBe(200);
    const { sites } = CrmSiteList.parse(await (await server.call('/api/crm-sites', agent)).json());
    expect(sites.map((s) => s.name)).toEqual(['Acme CRM 2', DEMO_CRM_SITE.name]);
    expect((await server.call(`/api/crm-sites/${randomUUID()}`, supervisor, { method: 'PUT', json: site })).status).toBe(400);
    expect((await server.call(`/api/crm-sites/${site.id}`, supervisor, { method: 'DELETE' })).status).toBe(204);
    expect((await server.call(`/api/crm-sites/${site.id}`, supervisor, { method: 'DELETE' })).status).toBe(404);
  });
});
