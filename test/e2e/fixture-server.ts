// Serves the hostile CRM fixtures (test/e2e/fixtures) to real Chromium, on 127.0.0.1 under
// /demo/hostile/. Test-only: nothing here is part of the product server.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const ROOT = join(import.meta.dirname, '../..');
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

const EDITORS = join(FIXTURES, 'editors');
const TINYMCE = join(ROOT, 'node_modules/tinymce');

/** The real editors' fixture pages (test/e2e/fixtures/editors), each bundled on first request. */
export const EDITOR_PAGES = ['quill', 'tinymce', 'tinymce-react', 'ckeditor5', 'lexical', 'prosemirror', 'tiptap', 'slate', 'draft', 'codemirror', 'monaco', 'vue', 'refusing'] as const;
export type EditorPage = (typeof EDITOR_PAGES)[number];

/** An editor's fixture bundled with esbuild: its script and, when it imports any, its CSS. */
async function bundleEditor(name: EditorPage): Promise<{ js: string; css: string }> {
  const entry = ['tinymce-react', 'slate', 'draft'].includes(name) ? `${name}.tsx` : `${name}.ts`;
  const result = await build({
    entryPoints: [join(EDITORS, entry)],
    bundle: true,
    write: false,
    outdir: '/bundle',
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'react',
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx' } },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    loader: { '.ttf': 'dataurl', '.svg': 'dataurl' },
    minify: true,
    logLevel: 'silent',
  });
  const file = (ext: string) => result.outputFiles.find((output) => output.path.endsWith(ext))?.text ?? '';
  return { js: file('.js'), css: file('.css') };
}

/** The page around an editor: what a CRM's reply form looks like to the content script. */
const editorPage = (name: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${name} · CRM reply</title><link rel="stylesheet" href="${name}.css"></head>
<body><main style="max-width:720px;margin:24px"><h1>工单回复</h1><label for="editor">回复</label><div id="editor"></div></main>
<script src="${name}.js"></script></body></html>`;

export interface FixtureServer {
  /** The URL of one fixture page, e.g. `url('spa.html')`. */
  url(file: string): string;
  stop(): Promise<void>;
}

/** Starts the fixture server on a free port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  let reactApp: Promise<string> | undefined;
  const editors = new Map<string, Promise<{ js: string; css: string }>>();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const editor = /^\/demo\/hostile\/editors\/([a-z0-9-]+)\.(html|js|css)$/.exec(path);
      if (editor && (EDITOR_PAGES as readonly string[]).includes(editor[1]!)) {
        const [, name, ext] = editor as unknown as [string, EditorPage, 'html' | 'js' | 'css'];
        if (!editors.has(name)) editors.set(name, bundleEditor(name));
        try {
          const body = ext === 'html' ? editorPage(name) : (await editors.get(name)!)[ext];
          response.writeHead(200, { 'content-type': TYPES[`.${ext}`]! }).end(body);
        } catch (error) {
          response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
        }
        return;
      }
      if (path.startsWith(`${FIXTURE_PREFIX}tinymce/`)) {
        // TinyMCE self-hosted: its own files, as a CRM serves them.
        const file = normalize(path.slice(`${FIXTURE_PREFIX}tinymce/`.length));
        if (file.startsWith('..')) return void response.writeHead(404).end();
        try {
          const body = await readFile(join(TINYMCE, file));
          response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        } catch {
          response.writeHead(404).end();
        }
        return;
      }
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
