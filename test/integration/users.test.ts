import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratedPasswordResponse, UserAccountList, UserAccountResponse } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.signIn('admin');
});
afterAll(() => server.close());

async function createUser(username: string, role = 'agent') {
  const res = await server.call('/api/users', admin, { json: { username, displayName: username, role } });
  expect(res.status).toBe(201);
  return GeneratedPasswordResponse.parse(await res.json());
}

describe('users, managed by admins', () => {
  it('lists users without password hashes', async () => {
    const res = await server.call('/api/users', admin);
    const body = await res.json();
    const { users } = UserAccountList.parse(body);
    expect(users.map((u) => u.username)).toEqual(['admin', 'agent', 'supervisor', 'trainer']);
    expect(users.every((u) => !u.disabled)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
  });

  it('creates a user whose generated password works once shown, and refuses a taken username', async () => {
    const { user, password } = await createUser('new-agent');
    expect(user).toMatchObject({ username: 'new-agent', role: 'agent', disabled: false });
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await server.signIn('new-agent', password);
    expect((await server.call('/api/users', admin, { json: { username: 'new-agent', displayName: 'x', role: 'agent' } })).status).toBe(409);
    expect((await server.call('/api/users', admin, { json: { username: 'Bad Name', displayName: 'x', role: 'agent' } })).status).toBe(400);
  });

  it('changes a role, effective on the next request of an existing sign-in', async () => {
    const { user, password } = await createUser('promoted');
    const token = await server.signIn('promoted', password);
    expect((await server.call('/api/wording-rules', token, { json: {} })).status).toBe(403);
    const res = await server.call(`/api/users/${user.id}`, admin, { method: 'PATCH', json: { role: 'supervisor' } });
    expect(UserAccountResponse.parse(await res.json()).user.role).toBe('supervisor');
    expect((await server.call('/api/wording-rules', token, { json: {} })).status).toBe(400);
  });

  it('disables an account: its sign-ins stop working and it cannot sign in, until re-enabled', async () => {
    const { user, password } = await createUser('leaver');
    const token = await server.signIn('leaver', password);
    const res = await server.call(`/api/users/${user.id}`, admin, { method: 'PATCH', json: { disabled: true } });
    expect(UserAccountResponse.parse(await res.json()).user.disabled).toBe(true);
    expect((await server.call('/api/me', token)).status).toBe(401);
    await expect(server.signIn('leaver', password)).rejects.toThrow(/401 .*invalid_credentials/);
    await server.call(`/api/users/${user.id}`, admin, { method: 'PATCH', json: { disabled: false } });
    await server.signIn('leaver', password);
  });

  it('resets a password: the new one works, the old one and old sign-ins do not', async () => {
    const { user, password } = await createUser('forgetful');
    const token = await server.signIn('forgetful', password);
    const res = await server.call(`/api/users/${user.id}/password`, admin, { method: 'POST' });
    const reset = GeneratedPasswordResponse.parse(await res.json());
    expect(reset.password).not.toBe(password);
    expect((await server.call('/api/me', token)).status).toBe(401);
    await expect(server.signIn('forgetful', password)).rejects.toThrow(/401/);
    await server.signIn('forgetful', reset.password);
  });

  it('keeps an admin from demoting or disabling themselves, and answers 404 for an unknown user', async () => {
    const me = (await (await server.call('/api/me', admin)).json()) as { user: { id: string } };
    expect((await server.call(`/api/users/${me.user.id}`, admin, { method: 'PATCH', json: { role: 'agent' } })).status).toBe(409);
    expect((await server.call(`/api/users/${me.user.id}`, admin, { method: 'PATCH', json: { disabled: true } })).status).toBe(409);
    const unknown = '0b8f4f8e-5a43-4f0e-9d59-3c1d2e6b7a11';
    expect((await server.call(`/api/users/${unknown}`, admin, { method: 'PATCH', json: { role: 'agent' } })).status).toBe(404);
    expect((await server.call(`/api/users/${unknown}/password`, admin, { method: 'POST' })).status).toBe(404);
    expect((await server.call(`/api/users/${me.user.id}`, admin, { method: 'PATCH', json: {} })).status).toBe(400);
  });
});
