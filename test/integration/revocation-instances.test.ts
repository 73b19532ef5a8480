// A change to who may do what, made through one instance, holds on the next request to another
// instance sharing the same PostgreSQL: no instance answers from a stale view of a credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse, SignInResponse } from '../../shared';
import { type Instance, signInOver, twoInstancesOnPostgres } from './instances';

let pair: Awaited<ReturnType<typeof twoInstancesOnPostgres>>;
let a: Instance;
let b: Instance;
beforeAll(async () => {
  pair = await twoInstancesOnPostgres();
  [a, b] = pair.instances;
});
afterAll(() => pair.close());

async function signIn(on: Instance, username: string): Promise<string> {
  const res = await signInOver(on.url, username, pair.passwordOf(username));
  expect(res.status).toBe(200);
  return SignInResponse.parse(await res.json()).token;
}

function call(on: Instance, path: string, token: string, init: { method?: string; json?: unknown } = {}) {
  return fetch(`${on.url}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

/** Uses the token on `on` once, so that any per-instance memory of it is warm. */
async function whoIs(on: Instance, token: string) {
  const res = await call(on, '/api/me', token);
  expect(res.status).toBe(200);
  return MeResponse.parse(await res.json()).user;
}

const rule = (phrase: string) => ({ id: crypto.randomUUID(), kind: 'forbidden', phrase, alternative: 'I understand', language: 'en' });

describe('two instances on one PostgreSQL', () => {
  it('a supervisor demoted to agent on A may no longer write a wording rule on B', async () => {
    const admin = await signIn(a, 'admin');
    const supervisor = await signIn(a, 'supervisor');
    const { id } = await whoIs(b, supervisor);
    expect((await call(b, '/api/wording-rules', supervisor, { json: rule('calm down') })).status).toBe(201);

    expect((await call(a, `/api/users/${id}`, admin, { method: 'PATCH', json: { role: 'agent' } })).status).toBe(200);
    expect((await call(b, '/api/wording-rules', supervisor, { json: rule('relax') })).status).toBe(403);
    expect((await whoIs(b, supervisor)).role).toBe('agent');
  });

  it('a token signed out on A is refused on B', async () => {
    const agent = await signIn(a, 'agent');
    await whoIs(b, agent);
    expect((await call(a, '/api/auth/sign-out', agent, { method: 'POST' })).status).toBe(204);
    expect((await call(b, '/api/me', agent)).status).toBe(401);
  });

  it('a user disabled on A, or whose password an admin reset there, is refused on B', async () => {
    const admin = await signIn(a, 'admin');
    const trainer = await signIn(a, 'trainer');
    const { id: trainerId } = await whoIs(b, trainer);
    expect((await call(a, `/api/users/${trainerId}`, admin, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect((await call(b, '/api/me', trainer)).status).toBe(401);

    const agent = await signIn(a, 'agent');
    const { id: agentId } = await whoIs(b, agent);
    expect((await call(a, `/api/users/${agentId}/password`, admin, { method: 'POST' })).status).toBe(200);
    expect((await call(b, '/api/me', agent)).status).toBe(401);
    expect(pair.errors).toEqual([]);
  });
});
