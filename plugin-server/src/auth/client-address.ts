import type { Context } from 'hono';
import { nodeIncoming } from '../http/body';

/**
 * The address a request came from: the socket's peer, or, behind a reverse proxy the operator
 * said to trust, the first `X-Forwarded-For` entry (otherwise any client could forge it).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // app.request in tests has no Node request, hence no socket.
  return nodeIncoming(c)?.socket.remoteAddress ?? 'unknown';
}

/** Whether the request reached us over HTTPS (per `X-Forwarded-Proto` only behind a trusted proxy). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}
