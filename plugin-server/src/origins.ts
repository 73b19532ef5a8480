import { networkInterfaces } from 'node:os';

/**
 * The Chrome build's origin: its id is pinned by the public key in wxt.config.ts, so it is the
 * same on every machine. Firefox makes up an origin per install, so it must be configured.
 */
export const PINNED_EXTENSION_ORIGINS: readonly string[] = ['chrome-extension://olajigdaoeoedjnogpakenpdpknookmp'];

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARDS = ['0.0.0.0', '::'];

/** `http://host:port` as a browser states it in the Origin header (IPv6 bracketed, port 80 left out). */
const httpOrigin = (host: string, port: number) => new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;

/**
 * The origins a browser can open this server's own pages at, listening on `host`:`port`: the
 * address itself, every loopback name for a loopback address, and every interface's address for
 * a wildcard bind. Any other name (a DNS name, a reverse proxy) must be configured as the admin
 * origin: a name is never taken from the request's Host header, which a DNS-rebinding page
 * controls.
 */
export function listenOrigins(host: string, port: number, interfaces = networkInterfaces()): string[] {
  const hosts = WILDCARDS.includes(host)
    ? [...LOOPBACK_NAMES, ...Object.values(interfaces).flatMap((addresses) => (addresses ?? []).map((a) => a.address))]
    : LOOPBACK_NAMES.includes(host)
      ? LOOPBACK_NAMES
      : [host];
  return [...new Set(hosts.map((h) => httpOrigin(h, port)))];
}
