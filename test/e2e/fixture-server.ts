// Serves the hostile CRM fixtures (test/e2e/fixtures) to real Chromium, on 127.0.0.1 under
// /demo/hostile/. Test-only: nothing here is part of the product server.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';

const FIXTURES = join(import.meta.dirname, 'fixtures');
export const FIXTURE_PREFIX = '/demo/hostile/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Response headers some fixtures need: the strict page's Content-Security-Policy. */
const HEADERS: Record<string, Record<string, string>> = {
  'strict-csp.html': {
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'none'; child-src 'none'; connect-src 'none'; img-src 'none'; font-src 'none'",
  },
};

/** The React fixture, bundled with the real React 18 on first request. */
async function bundleReactApp(): Promise<string> {
  const result = await build({
    entryPoints: [join(FIXTURES, 'react-app.jsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The repository's tsconfig speaks Preact; this fixture is real React.
    tsconfigRaw: {},
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface FixtureServer {
  /** The URL of one fixture page, e.g. `url('spa.html')`. */
  url(file: string): string;
  stop(): Promise<void>;
}

/** Starts the fixture server on a free port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  let reactApp: Promise<string> | undefined;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const file = normalize(path.slice(FIXTURE_PREFIX.length));
      if (!path.startsWith(FIXTURE_PREFIX) || file.includes('..') || file.includes('/')) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = file === 'react-app.js' ? await (reactApp ??= bundleReactApp()) : await readFile(join(FIXTURES, file));
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...HEADERS[file] });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}${FIXTURE_PREFIX}${file}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
