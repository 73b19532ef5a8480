// Escalations over real HTTP and the live WebSocket: an agent's push of a major case reaches a
// connected supervisor, also one connected to another instance on PostgreSQL; a supervisor takes
// it and the agent's sidebar can read who did; roles and bad hellos are refused with clear codes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEscalations, type Escalation, EscalationList, EscalationResponse, FEED_CLOSE, type FeedMessage } from '../../shared';
import { createServerApp } from '../../plugin-server/src/app';
import { seed } from '../../plugin-server/src/seed';
import { createSqliteStore, type Store } from '../../plugin-server/src/store';
import { openFeed } from './feed-client';
import { makeCase, makeTempDir, putChange } from './helpers';
import { listenOnLoopback, signInOver, twoInstancesOnPostgres } from './instances';

const escalationOf = (caseId: string) => (m: FeedMessage) => m.type === 'escalation' && m.escalation.caseId === caseId;
const ready = (m: FeedMessage) => m.type === 'ready';

async function tokenFor(url: string, username: string, password: string): Promise<string> {
  const reply = await signInOver(url, username, password);
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { token: string }).token;
}

function request(url: string, token: string, path: string, init: { method?: string; json?: unknown } = {}) {
  return fetch(`${url}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function pushCase(url: string, token: string, ...cases: ReturnType<typeof makeCase>[]) {
  const reply = await request(url, token, '/api/sync/push', { json: { changes: cases.map((c) => putChange(c)) } });
  expect(reply.status).toBe(200);
}

describe('escalations on one SQLite server', () => {
  let url: string;
  let store: Store;
  let shutDown: () => Promise<void>;
  const tokens = {} as Record<'agent' | 'supervisor' | 'trainer' | 'otherAgent', string>;

  beforeAll(async () => {
    const temp = makeTempDir();
    store = await createSqliteStore({ file: join(temp.dir, 'lingting.db') });
    const { credentials } = await seed(store);
    const { app, attachLive, closeLive } = createServerApp({ store });
    const listening = await listenOnLoopback(app.fetch, attachLive);
    url = listening.url;
    shutDown = async () => {
      closeLive();
      await listening.close();
      await store.close();
      temp.remove();
    };
    for (const { role, username, password } of credentials) if (role !== 'admin') tokens[role] = await tokenFor(url, username, password);
    const { hashPassword } = await import('../../plugin-server/src/auth/passwords');
    await store.users.create({
      user: { id: '0190f5e0-0000-7000-8000-0000000000a2', username: 'agent2', displayName: '第二坐席', role: 'agent' },
      passwordHash: await hashPassword('agent2-password'),
      createdAt: new Date(),
    });
    tokens.otherAgent = await tokenFor(url, 'agent2', 'agent2-password');
  });
  afterAll(() => shutDown());

  it("delivers an agent's major case to a connected supervisor, then the supervisor's take, and the agent reads who took it", async () => {
    const feed = openFeed(url, tokens.supervisor);
    await feed.next(ready);
    const major = makeCase({ severity: 'major', summary: '交房延期，业主要求赔偿' });
    await pushCase(url, tokens.agent, major);
    const { message } = await feed.next(escalationOf(major.id));
    const raised = (message as Extract<FeedMessage, { type: 'escalation' }>).escalation;
    expect(raised).toMatchObject({ caseId: major.id, kind: 'major', summary: '交房延期，业主要求赔偿', acknowledgedBy: null });

    const ack = await request(url, tokens.supervisor, `/api/escalations/${raised.id}/ack`, { method: 'POST' });
    expect(ack.status).toBe(200);
    const taken = EscalationResponse.parse(await ack.json()).escalation;
    expect(taken.acknowledgedBy).toMatchObject({ displayName: expect.any(String), at: expect.any(String) });
    // Told to every connected supervisor, so their notifications close.
    await feed.next((m) => m.type === 'escalation' && m.escalation.id === raised.id && m.escalation.acknowledgedBy !== null);

    const seen = await request(url, tokens.agent, `/api/cases/${major.id}/escalations`);
    expect(CaseEscalations.parse(await seen.json()).escalations).toEqual([taken]);
    // Another agent's case is not found, for an agent; a trainer reads any.
    expect((await request(url, tokens.otherAgent, `/api/cases/${major.id}/escalations`)).status).toBe(404);
    expect((await request(url, tokens.trainer, `/api/cases/${major.id}/escalations`)).status).toBe(200);
    feed.close();
  });

  it('resumes after the cursor a supervisor stopped at, missing nothing raised while away', async () => {
    const first = openFeed(url, tokens.supervisor);
    const { message } = await first.next(ready);
    first.close();
    await first.closed;
    const whileAway = [makeCase({ severity: 'major' }), makeCase({ emergency: { planId: 'burst_pipe', declaredAt: new Date().toISOString(), ticks: [] } })];
    await pushCase(url, tokens.agent, ...whileAway);
    const again = openFeed(url, tokens.supervisor, (message as Extract<FeedMessage, { type: 'ready' }>).cursor);
    await again.next(ready);
    const caughtUp = again.heard.flatMap((m) => (m.type === 'escalation' ? [m.escalation] : []));
    expect(caughtUp.map((e: Escalation) => [e.caseId, e.kind])).toEqual([
      [whileAway[0]!.id, 'major'],
      [whileAway[1]!.id, 'emergency'],
    ]);
    again.close();
  });

  it('pages the feed over HTTP for supervisors only; only supervisors take an escalation; an unknown one is 404', async () => {
    const page = await request(url, tokens.supervisor, '/api/escalations?limit=1');
    expect(page.status).toBe(200);
    const { escalations, cursor } = EscalationList.parse(await page.json());
    expect(escalations).toHaveLength(1);
    const next = EscalationList.parse(await (await request(url, tokens.supervisor, `/api/escalations?limit=1&after=${cursor}`)).json());
    expect(next.escalations[0]?.id).not.toBe(escalations[0]!.id);
    expect((await request(url, tokens.supervisor, '/api/escalations?after=not-a-cursor')).status).toBe(400);
    expect((await request(url, tokens.agent, '/api/escalations')).status).toBe(403);
    expect((await request(url, tokens.trainer, '/api/escalations')).status).toBe(403);
    expect((await request(url, tokens.agent, `/api/escalations/${escalations[0]!.id}/ack`, { method: 'POST' })).status).toBe(403);
    expect((await request(url, tokens.supervisor, '/api/escalations/0190f5e0-0000-7000-8000-000000000000/ack', { method: 'POST' })).status).toBe(404);
    expect((await request(url, tokens.supervisor, '/api/escalations/not-an-id/ack', { method: 'POST' })).status).toBe(400);
  });

  it('closes the feed with a clear code for a bad token, an agent, a bad hello or a bad cursor; a plain GET is 426', async () => {
    expect((await openFeed(url, 'not-a-token').closed).code).toBe(FEED_CLOSE.unauthenticated);
    expect((await openFeed(url, tokens.agent).closed).code).toBe(FEED_CLOSE.forbidden);
    expect((await openFeed(url, tokens.supervisor, null, 'hello?').closed).code).toBe(FEED_CLOSE.badHello);
    expect((await openFeed(url, tokens.supervisor, 'bm90LWEtY3Vyc29y').closed).code).toBe(FEED_CLOSE.badHello);
    const plain = await request(url, tokens.supervisor, '/api/escalations/live');
    expect(plain.status).toBe(426);
  });
});

describe('escalations across two instances on PostgreSQL', () => {
  let pair: Awaited<ReturnType<typeof twoInstancesOnPostgres>>;
  beforeAll(async () => {
    pair = await twoInstancesOnPostgres();
  });
  afterAll(() => pair.close());

  it("reaches a supervisor connected to the other instance, and the take made on one is seen on the other", async () => {
    const [a, b] = pair.instances;
    const agent = await tokenFor(a.url, 'agent', pair.passwordOf('agent'));
    const supervisor = await tokenFor(b.url, 'supervisor', pair.passwordOf('supervisor'));
    const onB = openFeed(b.url, supervisor);
    const onA = openFeed(a.url, supervisor);
    await Promise.all([onB.next(ready), onA.next(ready)]);
    const major = makeCase({ severity: 'major' });
    await pushCase(a.url, agent, major);
    const { message } = await onB.next(escalationOf(major.id));
    const id = (message as Extract<FeedMessage, { type: 'escalation' }>).escalation.id;
    expect((await request(b.url, supervisor, `/api/escalations/${id}/ack`, { method: 'POST' })).status).toBe(200);
    await onA.next((m) => m.type === 'escalation' && m.escalation.id === id && m.escalation.acknowledgedBy !== null);
    onA.close();
    onB.close();
    expect(pair.errors).toEqual([]);
  });
});
