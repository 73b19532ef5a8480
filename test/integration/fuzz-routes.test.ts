import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

// Every route with malformed and hostile input: the answer is never a 5xx, and nothing is written.

const TABLES = ['users', 'tokens', 'categories', 'templates', 'cases', 'sync_changes', 'case_categories', 'reminders'];

const HOSTILE_STRINGS = [
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM users;--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '\u0000\u0001\u001f\u007f',
  '\ud800',
  '\uffff\ufffe',
  '%',
  '_',
  '\\',
  '王'.repeat(100_000),
  'x'.repeat(2_000_000),
];

/** Deeply nested arrays: a parser or validator must not recurse itself to death. */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.record({ __proto__: fc.jsonValue(), constructor: fc.jsonValue(), prototype: fc.jsonValue() }),
  fc.record({ changes: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
  fc.record({ username: fc.constantFrom(...HOSTILE_STRINGS), password: fc.oneof(fc.string(), fc.integer()) }),
  fc.record({
    changes: fc.array(
      fc.record({
        changeId: fc.oneof(fc.uuid(), fc.constantFrom(...HOSTILE_STRINGS)),
        kind: fc.constantFrom('case.put', 'reminder.put', '__proto__', 'case.delete'),
        case: fc.oneof(fc.jsonValue(), fc.constant({ ...makeCase(), summary: 42 })),
        reminder: fc.jsonValue(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

/** A body as raw text: JSON of hostile values, or something that is not JSON at all. */
const rawBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  hostileJson.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom(
    '{"__proto__": {"isAdmin": true}, "changes": []}',
    '{"constructor": {"prototype": {"polluted": 1}}}',
    deep(100_000),
    '{"changes": [',
    '',
    'null',
    '\u0000',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Invalid UTF-8 byte sequences.
  fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array([0xc3, 0x28, 0xff, 0xfe, ...bytes])),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/evil+json',
  undefined,
);

const ROUTES: Array<{ method: string; path: string; auth: 'agent' | 'garbage' | 'none' }> = [
  { method: 'POST', path: '/api/auth/sign-in', auth: 'none' },
  // Signing out with a real token is a write by design: only forged tokens here.
  { method: 'POST', path: '/api/auth/sign-out', auth: 'garbage' },
  { method: 'POST', path: '/api/sync/push', auth: 'agent' },
  { method: 'POST', path: '/api/sync/push', auth: 'garbage' },
  { method: 'GET', path: '/api/me', auth: 'garbage' },
  { method: 'GET', path: '/api/categories', auth: 'agent' },
  { method: 'GET', path: '/api/templates', auth: 'agent' },
  { method: 'GET', path: '/api/cases', auth: 'agent' },
  { method: 'GET', path: '/api/health', auth: 'none' },
  { method: 'GET', path: '/demo/crm', auth: 'none' },
];

/** Percent-encoded; a lone surrogate (not encodable) becomes its raw UTF-8-ish bytes instead. */
const encodePart = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

const hostilePathPart = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12)).map(encodePart),
  fc.string({ maxLength: 50 }).map(encodePart),
  fc.constantFrom('%ZZ', '%00', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A'),
);

let server: TestServer;
let agent: string;
let raw: BetterSqlite3.Database;
const counts = () => Object.fromEntries(TABLES.map((t) => [t, raw.prepare(`select count(*) from ${t}`).pluck().get()]));

beforeAll(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
  raw = new BetterSqlite3(join(server.dir, 'lingting.db'), { readonly: true });
});
afterAll(async () => {
  raw.close();
  await server.close();
});

describe('every route under hostile input', () => {
  it('never answers 5xx and writes nothing', { timeout: 60_000 }, async () => {
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        rawBody,
        contentType,
        fc.constantFrom('', '?language=__proto__', '?status=%00', `?q=${encodeURIComponent("' OR 1=1")}`, '?a[b][c]=1&a=2'),
        fc.oneof(fc.constant('Bearer not-a-token'), fc.constant('Bearer '), fc.string({ maxLength: 300 })),
        async (route, body, type, query, garbageAuth) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers['content-type'] = type;
          if (route.auth === 'agent') headers.authorization = `Bearer ${agent}`;
          // Header values must be ByteStrings; a forged token with other characters is dropped.
          if (route.auth === 'garbage' && /^[\x20-\x7e]*$/.test(garbageAuth)) headers.authorization = garbageAuth;
          const res = await server.app.request(`${route.path}${query}`, {
            method: route.method,
            headers,
            body: route.method === 'GET' ? undefined : typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
          });
          expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(hostilePathPart, async (part) => {
        const res = await server.app.request(`/api/cases/${part}`, { headers: { authorization: `Bearer ${agent}` } });
        expect(res.status).toBeLessThan(500);
        expect([400, 404]).toContain(res.status);
      }),
      { numRuns: 100 },
    );
    expect(server.errors).toEqual([]);
    expect(counts()).toEqual(before);
  });

  it('stores hostile text in a valid case verbatim, as data', async () => {
    const text = HOSTILE_STRINGS.slice(0, 6).join(' ');
    const c = makeCase({ summary: text, notes: "'; DROP TABLE cases; --" });
    const { status } = await server.push(agent, [putChange(c)]);
    expect(status).toBe(200);
    expect(await server.store.cases.get(c.id)).toMatchObject({ summary: text, notes: c.notes });
    expect((await server.store.cases.search('DROP TABLE')).cases.map((x) => x.id)).toEqual([c.id]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
