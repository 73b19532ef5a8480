import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../plugin-server/src/client';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// The extension's typed client, driven through app.request instead of a network port.
function clientFor(token?: string) {
  return createClient('http://lingting.test', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => server.app.request(input, init),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('the typed client', () => {
  it('signs in, reads templates and pushes a case with typed requests and responses', async () => {
    const password = server.credentials.find((c) => c.username === 'agent')!.password;
    const signIn = await clientFor().api.auth['sign-in'].$post({ json: { username: 'agent', password } });
    expect(signIn.status).toBe(200);
    if (signIn.status !== 200) return;
    const { token, user } = await signIn.json();
    expect(user.role).toBe('agent');

    const client = clientFor(token);
    const templates = await (await client.api.templates.$get({ query: { language: 'en' } })).json();
    expect(templates.templates.length).toBeGreaterThan(0);

    const change = putChange(makeCase());
    const pushed = await (await client.api.sync.push.$post({ json: { changes: [change] } })).json();
    expect(pushed.results).toEqual([{ changeId: change.changeId, status: 'applied' }]);

    const one = await client.api.cases[':id'].$get({ param: { id: change.case.id } });
    expect(one.status).toBe(200);
    expect((await one.json()).case.agentId).toBe(user.id);

    expect((await client.api.auth['sign-out'].$post()).status).toBe(204);
    expect((await client.api.me.$get()).status).toBe(401);
  });
});
