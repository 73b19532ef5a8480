// The request body as the Node server reads it (plugin-server/src/http/body.ts): straight from the
// socket under the size limit, over real HTTP, since `app.request` takes the portable path.
import { serve, type ServerType } from '@hono/node-server';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, SyncPushResponse } from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

const LIMIT = 64 * 1024;
let server: TestServer;
let http: ServerType;
let base: string;
let agent: string;
const reported: unknown[] = [];

beforeAll(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
  const app = createApp({ store: server.store, clock: server.clock.now, bodyLimitBytes: LIMIT, reportError: (e) => reported.push(e) });
  await new Promise<void>((resolve) => {
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await server.close();
});

const push = (body: string, contentType = 'application/json') =>
  fetch(`${base}/api/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${agent}`, 'content-type': contentType }, body });

/** Sends a request by hand on a socket (so the body can be chunked) and returns the status line's code. */
function rawRequest(head: string, chunks: readonly (string | Buffer)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = http.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      for (const chunk of chunks) {
        socket.write(`${Buffer.byteLength(chunk).toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
      }
      socket.write('0\r\n\r\n');
    });
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
  });
}

const chunkedPushHead = () =>
  `POST /api/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${agent}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;

describe('request bodies read from the Node stream', () => {
  it('applies a push whose body carries Chinese text, and keeps it byte for byte', async () => {
    const c = makeCase({ summary: '业主反映卫生间天花板渗水，已持续三天' });
    const res = await push(JSON.stringify({ changes: [putChange(c)] }));
    expect(res.status).toBe(200);
    expect(SyncPushResponse.parse(await res.json()).results[0]?.status).toBe('applied');
    const stored = await server.call(`/api/cases/${c.id}`, agent);
    expect(((await stored.json()) as { case: { summary: string } }).case.summary).toBe(c.summary);
  });

  it('decodes UTF-8 split across chunks and ignores a byte-order mark, as Request.text() does', async () => {
    const c = makeCase({ summary: '交楼延期' });
    const body = Buffer.from(`\uFEFF${JSON.stringify({ changes: [putChange(c)] })}`, 'utf8');
    // Split inside the three bytes of a CJK character.
    const at = body.indexOf(Buffer.from('楼', 'utf8')) + 1;
    expect(await rawRequest(chunkedPushHead(), [body.subarray(0, at), body.subarray(at)])).toBe(200);
    const stored = await server.call(`/api/cases/${c.id}`, agent);
    expect(((await stored.json()) as { case: { summary: string } }).case.summary).toBe('交楼延期');
  });

  describe('a body that is not valid UTF-8', () => {
    // Each would be decoded to U+FFFD by a lenient decoder and stored as such.
    const malformed: Array<[string, number[]]> = [
      ['a byte that never starts a character', [0xff]],
      ['a character cut short', [0xe6, 0xbc]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ];
    /** A push of a valid case, then one whose summary holds `bytes` between Chinese text. */
    const pushWith = (bytes: number[]) => {
      const good = makeCase({ summary: '交楼延期' });
      const bad = makeCase({ summary: '渗水@@' });
      const json = Buffer.from(JSON.stringify({ changes: [putChange(good), putChange(bad)] }), 'utf8');
      const at = json.indexOf('@@');
      return { good, body: Buffer.concat([json.subarray(0, at), Buffer.from(bytes), json.subarray(at + 2)]) };
    };

    it.each(malformed)('is refused with 400 bad_request, nothing of the batch stored: %s', async (_, bytes) => {
      const before = await server.store.cases.list({ limit: 200 });
      const { good, body } = pushWith(bytes);
      const res = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      const { error } = ApiError.parse(await res.json());
      expect(error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/UTF-8/) });
      expect(await server.store.cases.get(good.id)).toBeUndefined();
      expect(await server.store.cases.list({ limit: 200 })).toEqual(before);
    });

    it('is refused the same way when sent in chunks, and outside Node (app.request)', async () => {
      const { good, body } = pushWith([0xff]);
      expect(await rawRequest(chunkedPushHead(), [body.subarray(0, 30), body.subarray(30)])).toBe(400);
      const portable = await server.app.request('/api/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
        body,
      });
      expect(portable.status).toBe(400);
      expect(ApiError.parse(await portable.json()).error.code).toBe('bad_request');
      expect(await server.store.cases.get(good.id)).toBeUndefined();
      expect(reported).toEqual([]);
    });
  });

  it('refuses a declared length over the limit with 413 before reading it', async () => {
    const res = await push(JSON.stringify({ changes: [], padding: 'x'.repeat(LIMIT) }));
    expect(res.status).toBe(413);
    expect(ApiError.parse(await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a chunked body once it passes the limit, and accepts one under it', async () => {
    const big = Array.from({ length: 5 }, () => 'x'.repeat(LIMIT / 4));
    expect(await rawRequest(chunkedPushHead(), ['{"changes":[],"padding":"', ...big, '"}'])).toBe(413);
    const fits = JSON.stringify({ changes: [putChange(makeCase())] });
    expect(await rawRequest(chunkedPushHead(), [fits.slice(0, 20), fits.slice(20)])).toBe(200);
  });

  it('answers malformed JSON with 400 and another media type with 415, writing nothing', async () => {
    const before = await server.store.cases.list();
    const malformed = await push('{"changes": [');
    expect(malformed.status).toBe(400);
    expect(ApiError.parse(await malformed.json()).error.code).toBe('bad_request');
    const form = await push('changes=1', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(await server.store.cases.list()).toEqual(before);
  });

  it('treats an upload cut off by the client as its mistake: nothing written, nothing reported', async () => {
    const before = await server.store.cases.list();
    const { port } = http.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${agent}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"changes":[`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reported).toEqual([]);
    expect(await server.store.cases.list()).toEqual(before);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('leaves GET requests alone (no body to read)', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
