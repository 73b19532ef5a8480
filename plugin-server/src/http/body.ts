import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ApiProblem } from './problem';

/** The Node request under @hono/node-server (`c.env.incoming`); undefined under `app.request` or other adapters. */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env ? env.incoming : undefined;
  return typeof incoming === 'object' && incoming !== null && 'socket' in incoming ? (incoming as IncomingMessage) : undefined;
}

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);
// Strips a leading BOM, as Request.text() does, but refuses malformed bytes where Request.text()
// would replace them with U+FFFD: the text a client meant is unknown, so nothing of it is stored.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Puts the body's text where `c.req.json()`, `c.req.text()` and the validators read it first, or refuses bytes that are not UTF-8. */
function cacheBodyText(c: Context, bytes: Uint8Array): void {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiProblem(400, 'bad_request', 'the request body is not valid UTF-8');
  }
  // Hono stores promises in the cache although its type names the Body methods.
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
}

/** Reads a Node request body whole, or stops at `limit` bytes and gives undefined. */
function readAtMost(incoming: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle();
        // Node discards the rest once the response is sent; nothing more is buffered here.
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      settle();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      settle();
      reject(new ApiProblem(400, 'bad_request', 'the request body was cut off'));
    };
    const onClose = () => {
      if (!incoming.complete) onError();
    };
    incoming.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

/**
 * The request-body size limit, and on Node a cheaper way to read the body.
 *
 * Under @hono/node-server, reading a body through `c.req` first builds a WHATWG Request with a
 * web ReadableStream around the Node stream, and Hono's `bodyLimit` builds that Request for every
 * request, GETs included, just to ask whether it has a body. On Node 20 that costs more than
 * validating a sync push (measured in bench/http.bench.ts). So on Node the body is read straight
 * from the Node stream, under the same limit, into Hono's body cache, which `c.req.json()`,
 * `c.req.text()` and the validators read before anything else. Anywhere else (`app.request` in
 * tests, other adapters) Hono's own `bodyLimit` applies. Either way the body is decoded strictly:
 * bytes that are not UTF-8 are 400 bad_request, never text with U+FFFD in it.
 */
export function limitBody(maxBytes: number, onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const portable = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return createMiddleware(async (c, next) => {
    const incoming = nodeIncoming(c);
    if (!incoming) {
      return portable(c, async () => {
        if (!WITHOUT_BODY.has(c.req.method) && c.req.raw.body) cacheBodyText(c, new Uint8Array(await c.req.raw.arrayBuffer()));
        await next();
      });
    }
    const { 'content-length': declared, 'transfer-encoding': chunked } = incoming.headers;
    if (WITHOUT_BODY.has(c.req.method) || (chunked === undefined && (declared === undefined || declared === '0'))) return next();
    if (chunked === undefined && Number(declared) > maxBytes) return onTooLarge(c);
    const bytes = await readAtMost(incoming, maxBytes);
    if (bytes === undefined) return onTooLarge(c);
    cacheBodyText(c, bytes);
    return next();
  });
}
