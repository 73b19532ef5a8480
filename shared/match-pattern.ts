/**
 * Browser match patterns (`https://crm.example.com/*`, `*://*.example.com/app/*`), as
 * extensions use them for content scripts and host permissions, tested against a URL.
 */
/** A valid match pattern; groups: scheme, host, path. Also validates CrmSite.urlPattern. */
export const MATCH_PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `url` is matched by `pattern`; an invalid pattern or URL matches nothing. */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = MATCH_PATTERN.exec(pattern);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  // Match patterns ignore ports: `*://localhost/*` covers localhost:8080.
  const hostname = parsed.hostname;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host) return false;
  }
  const pathRegex = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathRegex.test(parsed.pathname + parsed.search);
}

/** The origin pattern a host permission needs for `pattern`: its scheme and host, any path. */
export function originPattern(pattern: string): string | null {
  const parts = MATCH_PATTERN.exec(pattern);
  return parts ? `${parts[1]}://${parts[2]}/*` : null;
}

/**
 * Whether every URL `inner` matches is matched by `outer` too: a granted host permission
 * (`outer`) covers a site's pattern (`inner`). Wildcards in `inner` are taken literally, which
 * errs on the side of "not covered".
 */
export function patternCovers(outer: string, inner: string): boolean {
  const o = MATCH_PATTERN.exec(outer === '<all_urls>' ? '*://*/*' : outer);
  const i = MATCH_PATTERN.exec(inner);
  if (!o || !i) return false;
  const [, oScheme, oHost, oPath] = o as unknown as [string, string, string, string];
  const [, iScheme, iHost, iPath] = i as unknown as [string, string, string, string];
  if (oScheme !== '*' && oScheme !== iScheme) return false;
  if (oHost !== '*') {
    if (oHost.startsWith('*.')) {
      const base = oHost.slice(2);
      const host = iHost.startsWith('*.') ? iHost.slice(2) : iHost;
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (oHost !== iHost) return false;
  }
  return new RegExp(`^${oPath.split('*').map(escapeRegExp).join('.*')}$`).test(iPath);
}
