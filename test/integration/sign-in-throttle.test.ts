// Sign-in throttling under parallel attempts, over real HTTP: the limits (5 failures per account,
// 20 per address, in 15 minutes) must hold however the attempts interleave, on one instance and
// on two instances sharing one PostgreSQL. Every attempt here comes from 127.0.0.1.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers';
import { listenOnLoopback, type Listening, signInOver, twoInstancesOnPostgres } from './instances';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A seeded SQLite server with its app listening on loopback. */
async function sqliteOverHttp(options: Parameters<typeof startServer>[0] = {}): Promise<{ server: TestServer; http: Listening }> {
  const server = await startServer(options);
  cleanups.push(() => server.close());
  const http = await listenOnLoopback(server.app.fetch);
  cleanups.push(() => http.close());
  return { server, http };
}

async function postgresPair() {
  const pair = await twoInstancesOnPostgres();
  cleanups.push(() => pair.close());
  return pair;
}

/**
 * Sends every attempt at once (`urls` taken in turn) and, as soon as the first of them is
 * refused with 429, one more with the right password, while the rest may still be in flight.
 */
async function burst(urls: readonly string[], attempts: readonly { username: string; password: string }[], rightPassword?: { username: string; password: string }) {
  let firstRefusal: () => void = () => {};
  const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
  const statuses = Promise.all(
    attempts.map(async ({ username, password }, i) => {
      const res = await signInOver(urls[i % urls.length]!, username, password);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        firstRefusal();
      }
      await res.body?.cancel();
      return res.status;
    }),
  );
  const late = rightPassword
    ? refused.then(async () => {
        const res = await signInOver(urls[0]!, rightPassword.username, rightPassword.password);
        return { status: res.status, body: await res.text() };
      })
    : undefined;
  return { statuses: await statuses, late: await late };
}

const count = (statuses: readonly number[], status: number) => statuses.filter((s) => s === status).length;
const wrong = (username: string, n: number) => Array.from({ length: n }, () => ({ username, password: 'wrong password' }));
const strangers = (n: number) => Array.from({ length: n }, (_, i) => ({ username: `nobody${i}`, password: 'wrong password' }));

describe('sign-in throttling under a burst of parallel attempts', () => {
  it('checks at most 5 passwords for one account, and refuses the right password once the limit is reached', async () => {
    const { server, http } = await sqliteOverHttp();
    const { statuses, late } = await burst([http.url], wrong('agent', 200), { username: 'agent', password: server.credentials.find((c) => c.username === 'agent')!.password });
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(195);
    expect(late?.status).toBe(429);
    expect(late?.body).not.toContain('token');
    expect(server.errors).toEqual([]);
  });

  it('checks at most 20 passwords from one address, across accounts', async () => {
    const { server, http } = await sqliteOverHttp();
    const { statuses } = await burst([http.url], strangers(60));
    expect(count(statuses, 401)).toBe(20);
    expect(count(statuses, 429)).toBe(40);
    expect(server.errors).toEqual([]);
  });

  it('holds both limits across two instances sharing one PostgreSQL', async () => {
    const account = await postgresPair();
    const urls = account.instances.map((i) => i.url);
    const { statuses, late } = await burst(urls, wrong('agent', 200), { username: 'agent', password: account.passwordOf('agent') });
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(195);
    expect(late?.status).toBe(429);

    const address = await postgresPair();
    const spread = await burst(
      address.instances.map((i) => i.url),
      strangers(60),
    );
    expect(count(spread.statuses, 401)).toBe(20);
    expect(count(spread.statuses, 429)).toBe(40);
    expect([...account.errors, ...address.errors]).toEqual([]);
  });
});

describe('the failed sign-in log', () => {
  it('forgets failures once they are older than the window, also for keys that never fail again', async () => {
    const { server } = await sqliteOverHttp({ trustProxy: true });
    const attempt = (username: string, address: string) =>
      server.app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ username, password: 'wrong password' }),
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt(`gone${i}`, `198.51.100.${i}`)).status).toBe(401);
    const db = new BetterSqlite3(join(server.dir, 'lingting.db'), { readonly: true });
    cleanups.push(async () => {
      db.close();
    });
    const keys = () => db.prepare<[], string>('select throttle_key from sign_in_failures order by throttle_key').pluck().all();
    expect(keys()).toHaveLength(20);

    server.clock.advance(15 * 60 * 1000 + 1);
    expect((await attempt('someone-else', '203.0.113.9')).status).toBe(401);
    expect(keys()).toEqual(['account:someone-else', 'address:203.0.113.9']);
  });
});
