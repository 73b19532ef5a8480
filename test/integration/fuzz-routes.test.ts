import { serve, type ServerType } from '@hono/node-server';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CRM_SITE, newRecordId } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

// Every operation of the OpenAPI document, for every kind of caller, over real HTTP (the Node
// server's own body path, not `app.request`): malformed and hostile input is never answered with
// a 5xx and writes nothing; valid requests carrying hostile text are never a 5xx either, and what
// they store reads back verbatim.

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
  // Own `__proto__` keys, as JSON.parse makes them (an object literal's `__proto__:` would set the prototype instead).
  fc.tuple(fc.jsonValue(), fc.jsonValue()).map(([proto, constructor]) => JSON.parse(`{"__proto__": ${JSON.stringify(proto)}, "constructor": ${JSON.stringify(constructor)}, "prototype": {}}`) as unknown),
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

type Caller = 'none' | 'garbage' | 'agent' | 'supervisor' | 'trainer' | 'admin';
const CALLERS: Caller[] = ['none', 'garbage', 'agent', 'supervisor', 'trainer', 'admin'];
interface Operation {
  method: string;
  /** In OpenAPI form: `/api/templates/{id}`. */
  path: string;
}

let server: TestServer;
let http: ServerType;
let base: string;
let tokens: Record<'agent' | 'supervisor' | 'trainer' | 'admin', string>;
let operations: Operation[];
let raw: BetterSqlite3.Database;
/** Every table but the failed sign-ins, which a wrong password is meant to write. */
const counts = () =>
  Object.fromEntries(
    raw
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' and name <> 'sign_in_failures'`)
      .pluck()
      .all()
      .map((table) => [table, raw.prepare(`select count(*) from "${String(table)}"`).pluck().get()]),
  );

/** Ends the caller's own session or token: a write by design, so only forged credentials call them here. */
const SIGNS_OUT = (op: Operation) => (op.method === 'POST' && op.path === '/api/auth/sign-out') || (op.method === 'DELETE' && op.path === '/api/auth/session');

beforeAll(async () => {
  server = await startServer();
  tokens = {
    agent: await server.signIn('agent'),
    supervisor: await server.signIn('supervisor'),
    trainer: await server.signIn('trainer'),
    admin: await server.signIn('admin'),
  };
  await new Promise<void>((resolve) => {
    http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  raw = new BetterSqlite3(join(server.dir, 'lingting.db'), { readonly: true });
});
afterAll(async () => {
  raw?.close();
  await new Promise((resolve) => http?.close(resolve));
  await server?.close();
});

function send(method: string, path: string, caller: Caller, init: { body?: string | Uint8Array; type?: string; garbage?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.type !== undefined) headers['content-type'] = init.type;
  if (caller === 'garbage') headers.authorization = init.garbage ?? 'Bearer not-a-token';
  else if (caller !== 'none') headers.authorization = `Bearer ${tokens[caller]}`;
  const body = method === 'GET' || method === 'HEAD' ? undefined : init.body;
  return fetch(`${base}${path}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Blob([new Uint8Array(body)]) });
}

describe('every operation under hostile input', () => {
  it('is in the document, for the fuzz to reach it', () => {
    expect(operations.length).toBeGreaterThan(35);
    expect(operations).toContainEqual({ method: 'POST', path: '/api/wording-rules' });
  });

  it('never answers 5xx and writes nothing, for any caller', { timeout: 180_000 }, async () => {
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.constantFrom(...CALLERS),
        rawBody,
        contentType,
        hostilePathPart,
        fc.constantFrom('', '?language=__proto__', '?status=%00', `?q=${encodeURIComponent("' OR 1=1")}`, '?a[b][c]=1&a=2', '?limit=-1&cursor=%7B', '?phone=%25%25%25'),
        fc.oneof(fc.constant('Bearer not-a-token'), fc.constant('Bearer '), fc.string({ maxLength: 300 })),
        async (op, caller, body, type, part, query, garbage) => {
          const who = SIGNS_OUT(op) && caller !== 'none' ? 'garbage' : caller;
          const path = op.path.replace(/\{[^}]+\}/g, () => part);
          // Header values must be ByteStrings; a forged token with other characters is sent as the default forgery.
          const forged = /^[\x20-\x7e]*$/.test(garbage) ? garbage : undefined;
          const res = await send(op.method, `${path}${query}`, who, { body, ...(type ? { type } : {}), ...(forged ? { garbage: forged } : {}) });
          expect(res.status, `${op.method} ${path} as ${who}`).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 1500 },
    );
    expect(server.errors).toEqual([]);
    expect(counts()).toEqual(before);
  });

  // Valid requests whose every text is hostile: a planted 500 on an apostrophe cannot hide here.
  const HOSTILE_TEXT = fc.oneof(
    fc.constantFrom("O'Brien 的 '漏水'", '"; DROP TABLE wording_rules; --', "Robert'); DELETE FROM users;--", '<script>alert(1)</script>', '%_\\', '王'.repeat(190), '\u202e反向 \u200b零宽'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  );
  const WRITES: Array<{ name: string; caller: Caller; make: (text: string) => { method: string; path: string; body: unknown }; readBack: string }> = [
    {
      name: 'a wording rule',
      caller: 'supervisor',
      make: (text) => ({ method: 'POST', path: '/api/wording-rules', body: { id: newRecordId(), kind: 'forbidden', phrase: text, alternative: text, language: 'zh-Hans' } }),
      readBack: '/api/wording-rules',
    },
    {
      name: 'a template draft',
      caller: 'supervisor',
      make: (text) => ({
        method: 'POST',
        path: '/api/templates',
        body: { id: newRecordId(), step: 'vent', tone: 'empathy', categoryIds: [], moods: [], language: 'zh-Hans', title: text, body: text, shortcut: null },
      }),
      readBack: '/api/templates?status=draft',
    },
    {
      name: 'a category',
      caller: 'supervisor',
      make: (text) => ({
        method: 'POST',
        path: '/api/categories',
        body: { id: `fz${newRecordId().replace(/-/g, '').slice(-10)}`, parentId: null, names: { 'zh-Hans': text, 'zh-Hant': text, en: text }, sort: 1 },
      }),
      readBack: '/api/categories',
    },
    {
      name: 'a CRM site',
      caller: 'supervisor',
      make: (text) => ({
        method: 'POST',
        path: '/api/crm-sites',
        body: { ...DEMO_CRM_SITE, id: newRecordId(), name: text, urlPattern: `https://crm${Math.floor(Math.random() * 1e9)}.example.com/*` },
      }),
      readBack: '/api/crm-sites',
    },
    {
      name: 'a pushed case',
      caller: 'agent',
      make: (text) => {
        const c = makeCase({ summary: text, notes: text, plan: text, customer: { ...makeCase().customer, name: text.slice(0, 100) } });
        return { method: 'POST', path: '/api/sync/push', body: { changes: [putChange(c)] } };
      },
      readBack: '/api/sync/pull?scope=all',
    },
    {
      name: 'a user',
      caller: 'admin',
      make: (text) => ({ method: 'POST', path: '/api/users', body: { username: `fz${Math.floor(Math.random() * 1e9)}`, displayName: text, role: 'agent' } }),
      readBack: '/api/users',
    },
  ];

  it.each(WRITES)('$name with hostile text is stored verbatim or refused with a 4xx, never a 5xx', { timeout: 120_000 }, async ({ caller, make, readBack }) => {
    const reported = server.errors.length;
    await fc.assert(
      fc.asyncProperty(HOSTILE_TEXT, async (text) => {
        const request = make(text);
        const res = await send(request.method, request.path, caller, { body: JSON.stringify(request.body), type: 'application/json' });
        expect(res.status, `${request.method} ${request.path} with ${JSON.stringify(text)}`).toBeLessThan(500);
        await res.arrayBuffer();
        if (res.ok) {
          const stored = await (await send('GET', readBack, caller)).text();
          // Text is stored as given (trimmed where the schema trims), and comes back as data.
          expect(stored).toContain(JSON.stringify(text.trim()).slice(1, -1));
        }
      }),
      { numRuns: 40 },
    );
    expect(server.errors.slice(reported)).toEqual([]);
  });
  it('stores hostile text in a valid case verbatim, as data', async () => {
    const text = HOSTILE_STRINGS.slice(0, 6).join(' ');
    const c = makeCase({ summary: text, notes: "'; DROP TABLE cases; --" });
    const { status } = await server.push(tokens.agent, [putChange(c)]);
    expect(status).toBe(200);
    expect(await server.store.cases.get(c.id)).toMatchObject({ summary: text, notes: c.notes });
    expect((await server.store.cases.search('DROP TABLE')).cases.map((x) => x.id)).toContain(c.id);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
