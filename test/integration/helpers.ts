import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case, Role, SyncChange } from '../../shared';
import { type AppDeps, createApp } from '../../plugin-server/src/app';
import { hashPassword } from '../../plugin-server/src/auth/passwords';
import { seed } from '../../plugin-server/src/seed';
import { createSqliteStore } from '../../plugin-server/src/store';

/** A fresh directory under the OS temp dir, removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lingting-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A controllable clock: tests move time forward explicitly. */
export function manualClock(start = '2026-03-02T09:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/**
 * A real SQLite store in a temp dir, seeded as on first run, and an app over it.
 * `errors` collects what the app reported as unexpected (a 500).
 */
export async function startServer(options: Omit<Partial<AppDeps>, 'store' | 'clock'> = {}) {
  const temp = makeTempDir();
  const store = await createSqliteStore({ file: join(temp.dir, 'lingting.db') });
  const { credentials } = await seed(store);
  const clock = manualClock();
  const errors: unknown[] = [];
  // `app.request('/path')` asks for http://localhost/path: the origin these tests' pages are at.
  const app = createApp({ store, clock: clock.now, ownOrigins: () => ['http://localhost'], reportError: (error) => errors.push(error), ...options });

  const passwordOf = (username: string) => {
    const found = credentials.find((c) => c.username === username);
    if (!found) throw new Error(`no seeded user ${username}`);
    return found.password;
  };

  async function signIn(username: string, password = passwordOf(username)): Promise<string> {
    const res = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
    const body: unknown = await res.json();
    if (typeof body !== 'object' || body === null || !('token' in body) || typeof body.token !== 'string') {
      throw new Error('sign-in answered without a token');
    }
    return body.token;
  }

  /** Adds a user beyond the seeded four (e.g. a second agent) and signs them in. */
  async function addUser(username: string, role: Role) {
    const id = randomUUID();
    const password = `pw-${randomUUID()}`;
    await store.users.create({
      user: { id, username, displayName: username, role },
      passwordHash: await hashPassword(password),
      createdAt: clock.now(),
    });
    return { id, token: await signIn(username, password) };
  }

  /** A request with the bearer token, and a JSON body when `json` is given. */
  function call(path: string, token: string | null, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return app.request(path, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  }

  /** POST /api/sync/push with `changes`; the body is left for the test to parse. */
  async function push(token: string, changes: unknown[]) {
    const res = await call('/api/sync/push', token, { json: { changes } });
    return { status: res.status, body: await res.json() };
  }

  async function close() {
    await store.close();
    temp.remove();
  }

  return { app, store, clock, credentials, errors, signIn, addUser, call, push, close, dir: temp.dir };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** A valid case as the extension would send it. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const at = '2026-03-02T08:30:00.000Z';
  return {
    id: randomUUID(),
    customer: { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' },
    channel: 'hotline',
    categoryIds: ['waterproofing'],
    severity: 'normal',
    validity: 'valid',
    mood: 'upset',
    language: 'zh-Hans',
    steps: [{ kind: 'done', step: 'vent', at }],
    templateUses: [],
    summary: '卫生间渗水',
    restatement: { what: '', where: '', since: '' },
    plan: '',
    notes: '',
    status: 'open',
    lifecycle: [],
    commitments: [],
    dispatches: [],
    revisits: [],
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export type CaseChange = Extract<SyncChange, { kind: 'case.put' }>;

/** A change that puts `c`, with a fresh change id. */
export function putChange(c: Case, changeId: string = randomUUID()): CaseChange {
  return { changeId, kind: 'case.put', case: c };
}

/**
 * Every route the app answers, as `METHOD /path/:param`, read from Hono's own route table
 * (middleware entries, method ALL, left out): a test built on it notices a new route.
 */
export function appRoutes(app: { routes: readonly { method: string; path: string }[] }): string[] {
  const routes = app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].sort();
}

/** Whether a route is one of the server-rendered admin pages (HTML, not part of the JSON API). */
export const isAdminPage = (route: string) => /^\w+ \/admin(\/|$)/.test(route);

/** The app's routes except the admin pages: what the OpenAPI document must describe. */
export function apiRoutes(app: { routes: readonly { method: string; path: string }[] }): string[] {
  return appRoutes(app).filter((route) => !isAdminPage(route));
}
