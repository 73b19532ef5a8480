import { ROLES_KEY } from './describe';
import type { ApiDocument } from './document';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The API docs page: one self-contained HTML table of every operation of the OpenAPI document
 * and who may call it.
 * Nothing loads from elsewhere (the CSP of secureHeaders and offline installs both demand it);
 * the full schemas are in openapi.json, linked relatively so a path prefix keeps working.
 */
export function docsPage(document: ApiDocument): string {
  const rows = Object.entries(document.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const roles = op[ROLES_KEY];
        const access = roles === 'public' ? 'anyone' : roles.join(', ');
        return `<tr><td class="m">${method.toUpperCase()}</td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td><td>${escapeHtml(access)}</td></tr>`;
      }),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lingting API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}.m{font-weight:600;font-family:monospace}</style>
</head><body>
<h1>Lingting plugin server API</h1>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Sign in with a bearer token (<code>POST /api/auth/sign-in</code>) or a cookie session (<code>POST /api/auth/session</code>; unsafe requests then need <code>X-CSRF-Token</code>).</p>
<table><thead><tr><th>method</th><th>path</th><th>what</th><th>who</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
