// Real parts for end-to-end tests: the plugin server as `npm start` runs it, and Debian's
// Chromium with the built extension loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/e2e');

export type Role = 'agent' | 'supervisor' | 'trainer' | 'admin';

export interface RunningServer {
  url: string;
  credentials: Record<Role, { username: string; password: string }>;
  dataDir: string;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const LISTENING = /Lingting plugin server listening on (http:\/\/\S+)/;
const CREDENTIAL = /^\s*(agent|supervisor|trainer|admin)\s+username:\s*(\S+)\s+password:\s*(\S+)\s*$/gm;

/**
 * Starts `plugin-server/src/main.ts` on a free port with a fresh data directory; or, given
 * `restart`, again on that server's port and data (which `stop({ keepData: true })` kept).
 * `settings` are more of its environment (e.g. `LINGTING_EXTENSION_ORIGINS`).
 */
export async function startServer(restart?: RunningServer, settings: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = restart?.dataDir ?? mkdtempSync(join(tmpdir(), 'lingting-e2e-'));
  const port = restart ? new URL(restart.url).port : '0';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'plugin-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', LINGTING_DATA_DIR: dataDir, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      // A fresh data directory: all four generated passwords are printed, once.
      if (match && (restart || Array.from(output.matchAll(CREDENTIAL)).length === 4)) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const credentials =
    restart?.credentials ??
    (Object.fromEntries(
      Array.from(output.matchAll(CREDENTIAL), (m) => [m[1], { username: m[2]!, password: m[3]! }]),
    ) as RunningServer['credentials']);
  return {
    url,
    credentials,
    dataDir,
    async stop(options?: { keepData?: boolean }) {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options?.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Chromium as every test and bench runs it: headless, in `locale`, quiet (no background downloads or first-run work). */
function chromiumOptions(locale: string, extraArgs: string[]) {
  return {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale,
    viewport: { width: 1280, height: 800 },
    args: [
      ...extraArgs,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/** Launches headless Chromium with the built extension, in Chinese (zh-CN) unless told otherwise. */
export async function launchWithExtension(locale = 'zh-CN'): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lingting-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumOptions(locale, [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]),
    // Playwright disables extensions by default; the test is about one.
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The same Chromium without the extension: the baseline a bench sets the extension's costs beside. */
export async function launchWithoutExtension(locale = 'zh-CN'): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lingting-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumOptions(locale, []));
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs the extension in through its options page, as an agent would. */
export async function signInThroughOptions(browser: ExtensionBrowser, server: RunningServer, role: Role = 'agent'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.fill('input[name="serverUrl"]', server.url);
  await page.fill('input[name="username"]', server.credentials[role].username);
  await page.fill('input[name="password"]', server.credentials[role].password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="signed-in"]');
  await page.close();
}

/** The sidebar's frame on a CRM page: an extension page inside a closed shadow root. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) {
      await frame.waitForSelector('.sidebar:not(.loading)');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('the sidebar never appeared');
    await page.waitForTimeout(50);
  }
}

/** A signed-in API client for checking what reached the server. */
export async function apiAs(server: RunningServer, role: Role) {
  const response = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.credentials[role]),
  });
  if (!response.ok) throw new Error(`sign-in as ${role} failed: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return async (path: string) => {
    const reply = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: reply.status, body: (await reply.json()) as unknown };
  };
}

/**
 * Starts the plugin server and Chromium with the built extension before this file's tests, and
 * stops both after them. Read `server` and `browser` inside the tests, once they have started.
 */
export function useServerAndExtension(locale = 'zh-CN'): { server: RunningServer; browser: ExtensionBrowser } {
  const running = {} as { server: RunningServer; browser: ExtensionBrowser };
  beforeAll(async () => {
    running.server = await startServer();
    running.browser = await launchWithExtension(locale);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

/** The plugin server, the hostile CRM fixtures and Chromium with the extension, for one test file. */
export interface CrmTestBed {
  server: RunningServer;
  fixtures: FixtureServer;
  browser: ExtensionBrowser;
}

/**
 * Starts a `CrmTestBed` before this file's tests (the agent signed in unless told otherwise)
 * and stops it after them. Read its parts inside the tests, once they have started.
 */
export function useCrmTestBed({ signedIn = true }: { signedIn?: boolean } = {}): CrmTestBed {
  const bed = {} as CrmTestBed;
  beforeAll(async () => {
    [bed.server, bed.fixtures] = await Promise.all([startServer(), startFixtureServer()]);
    bed.browser = await launchWithExtension('zh-CN');
    if (signedIn) await signInThroughOptions(bed.browser, bed.server);
  });
  afterAll(async () => {
    await bed.browser?.close();
    await Promise.all([bed.server?.stop(), bed.fixtures?.stop()]);
  });
  return bed;
}

/** Signs the agent in and opens the demo CRM; resolves once the sidebar shows its customer. */
export async function openDemoCrmSignedIn({ server, browser }: { server: RunningServer; browser: ExtensionBrowser }) {
  await signInThroughOptions(browser, server);
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/demo/crm`);
  const sidebar = await sidebarFrame(page);
  await expect.poll(() => sidebar.textContent('[data-testid="customer-name"]')).toBe('王秀英');
  return { page, sidebar };
}

/** Sends a JSON request as one of the server's users and returns the parsed reply; throws on an error status. */
export async function sendAs(server: RunningServer, role: Role, method: string, path: string, body?: unknown): Promise<unknown> {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.credentials[role]),
  });
  const { token } = (await signIn.json()) as { token: string };
  const reply = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${method} ${path} as ${role}: ${reply.status} ${text}`);
  return JSON.parse(text) as unknown;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

interface DomNode {
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every text in the page, including closed shadow roots (our layer, which page scripts cannot see). */
export async function pageTextThroughShadowRoots(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const texts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) texts.push(node.nodeValue);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return texts.join(' ');
}
