// Pull never skips a committed change, however long its commit took or however the server's
// clock moved: issue 13, finding 3. Each scenario makes a change commit after another one that
// a continuously pulling device has already received, then checks that the device gets it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StoredCase, SyncPullResponse, SyncPushResponse, type SyncChange } from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { hashToken } from '../../plugin-server/src/auth/tokens';
import { createPostgresStore, type Store } from '../../plugin-server/src/store';
import { makeCase, manualClock, putChange } from './helpers';
import { createTestDatabase } from './postgres';
import { pullUntil } from './store-contract/pulling';
import { addUser, STORE_KINDS } from './store-contract/stores';

const later = (instant: string, minutes: number) => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** The app over `store` with a manual clock, and a signed-in agent's bearer token. */
async function serve(store: Store) {
  const clock = manualClock();
  const errors: unknown[] = [];
  const app = createApp({ store, clock: clock.now, reportError: (error) => errors.push(error) });
  const agentId = await addUser(store);
  const token = randomUUID();
  await store.tokens.create({ tokenHash: hashToken(token), userId: agentId, createdAt: clock.now(), expiresAt: new Date('2099-01-01T00:00:00.000Z') });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const push = async (changes: SyncChange[]) => {
    const res = await app.request('/api/sync/push', { method: 'POST', headers, body: JSON.stringify({ changes }) });
    expect(res.status).toBe(200);
    return SyncPushResponse.parse(await res.json()).results;
  };
  return { app, clock, errors, push, headers };
}

/** A device that keeps the newest version of each case it pulls and replays its cursor, as the extension does. */
function device({ app, headers }: Awaited<ReturnType<typeof serve>>) {
  let cursor: string | undefined;
  const cases = new Map<string, StoredCase>();
  return {
    cases,
    async pull() {
      for (;;) {
        const res = await app.request(`/api/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { headers });
        expect(res.status).toBe(200);
        const page = SyncPullResponse.parse(await res.json());
        for (const pulled of page.cases) {
          const held = cases.get(pulled.id);
          if (!held || Date.parse(pulled.updatedAt) > Date.parse(held.updatedAt)) cases.set(pulled.id, pulled);
        }
        cursor = page.cursor;
        if (!page.more) return;
      }
    },
  };
}

/** Pulls (the device's whole loop) until `done` holds; see pullUntil. */
const syncUntil = (d: ReturnType<typeof device>, done: () => boolean) => pullUntil(() => d.pull(), done);

/** One pull page from `cursor`, asked again until `ready` holds; see pullUntil. */
function pullPage(server: Awaited<ReturnType<typeof serve>>, cursor?: string, ready: (page: SyncPullResponse) => boolean = () => true) {
  return pullUntil(async () => {
    const res = await server.app.request(`/api/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { headers: server.headers });
    expect(res.status).toBe(200);
    return SyncPullResponse.parse(await res.json());
  }, ready);
}

/** Waits until some session of this database waits for a lock: the blocked push has reached it. */
async function untilALockIsAwaited(client: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_locks
        where not granted and database = (select oid from pg_database where datname = current_database())`,
    );
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgreSQL: a commit that waits is still delivered to a device already syncing', () => {
  let store: Store;
  let url: string;
  let holder: pg.Client;
  beforeEach(async () => {
    url = await createTestDatabase();
    store = await createPostgresStore({ connectionString: url, maxConnections: 4 });
    holder = new pg.Client({ connectionString: url });
    await holder.connect();
  });
  afterEach(async () => {
    await holder.end();
    await store.close();
  });

  it("an update that waited on the case's advisory lock, past any settle window (the issue's reproduction)", async () => {
    const server = await serve(store);
    const phone = device(server);
    const c = makeCase({ summary: 'first version' });
    expect((await server.push([putChange(c)]))[0]!.status).toBe('applied');
    await phone.pull();
    expect(phone.cases.get(c.id)?.summary).toBe('first version');

    // Another session holds the lock that the push of this case takes (see postgres.ts).
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`case:${c.id}`]);
    const edit = server.push([putChange({ ...c, summary: 'edited while locked', updatedAt: later(c.updatedAt, 5) })]);
    await untilALockIsAwaited(holder);
    // Meanwhile the agent works on, the device keeps syncing, and minutes pass.
    for (let minute = 0; minute < 3; minute++) {
      server.clock.advance(60_000);
      expect((await server.push([putChange(makeCase())]))[0]!.status).toBe('applied');
      await phone.pull();
    }
    await holder.query('commit');
    expect((await edit)[0]!.status).toBe('applied');

    server.clock.advance(60_000);
    await syncUntil(phone, () => phone.cases.get(c.id)?.summary === 'edited while locked');
    expect(phone.cases.get(c.id)?.summary).toBe('edited while locked');
    expect(phone.cases.size).toBe(4);
    expect(server.errors).toEqual([]);
  });

  it('a push that wrote its case and then waited before committing, while later pushes committed', async () => {
    const server = await serve(store);
    const phone = device(server);
    await phone.pull();

    // The push below writes its case first and its category rows last (sync.ts): a table lock
    // held here, which gives this session no transaction id, stops it between the two.
    await holder.query('begin');
    await holder.query('lock table case_categories in exclusive mode');
    const slow = makeCase({ summary: 'written, then waited', categoryIds: ['waterproofing'] });
    const stalled = server.push([putChange(slow)]);
    await untilALockIsAwaited(holder);
    // Cases with no categories do not touch the locked table: these commit while it waits.
    const quick = Array.from({ length: 3 }, (_, n) => makeCase({ summary: `quick ${n}`, categoryIds: [] }));
    for (const c of quick) {
      server.clock.advance(60_000);
      expect((await server.push([putChange(c)]))[0]!.status).toBe('applied');
      await phone.pull();
    }
    await holder.query('commit');
    expect((await stalled)[0]!.status).toBe('applied');

    server.clock.advance(60_000);
    await syncUntil(phone, () => phone.cases.size === 4);
    expect([...phone.cases.keys()].sort()).toEqual([slow.id, ...quick.map((c) => c.id)].sort());
    expect(server.errors).toEqual([]);
  });
});

describe.each(STORE_KINDS)('on $name: pull follows commits, not the clock', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await kind.open());
  });
  afterEach(() => close());

  it('delivers a change accepted after the server clock stepped back', async () => {
    const server = await serve(store);
    const phone = device(server);
    server.clock.advance(10 * 60_000);
    const first = makeCase({ summary: 'before the step' });
    await server.push([putChange(first)]);
    server.clock.advance(60_000);
    await phone.pull();
    expect([...phone.cases.keys()]).toEqual([first.id]);

    // An NTP correction sets the clock back ten minutes: the next case is stamped earlier.
    server.clock.advance(-10 * 60_000);
    const second = makeCase({ summary: 'after the step' });
    await server.push([putChange(second)]);
    server.clock.advance(60_000);
    await syncUntil(phone, () => phone.cases.has(second.id));
    expect([...phone.cases.keys()].sort()).toEqual([first.id, second.id].sort());
  });

  it('sends each change once: a pull from the cursor it gave sends nothing again', async () => {
    const server = await serve(store);
    const c = makeCase();
    await server.push([putChange(c)]);
    const first = await pullPage(server, undefined, (page) => page.cases.length > 0);
    expect(first.cases.map((x) => x.id)).toEqual([c.id]);
    expect(await pullPage(server, first.cursor)).toMatchObject({ cases: [], reminders: [], more: false });
  });

  it('restarts from the beginning for a cursor of the old, time-ordered format', async () => {
    const server = await serve(store);
    const cases = [makeCase(), makeCase()];
    for (const c of cases) {
      await server.push([putChange(c)]);
      server.clock.advance(60_000);
    }
    // What an older server handed out: the last (acceptance time, id) sent, per table.
    const old = Buffer.from(JSON.stringify({ c: [server.clock.now().toISOString(), cases[1]!.id], r: null })).toString('base64url');
    const page = await pullPage(server, old, (p) => p.cases.length === 2);
    expect(page.cases.map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
    expect((await pullPage(server, page.cursor)).cases).toEqual([]);
    expect(server.errors).toEqual([]);
  });
});
