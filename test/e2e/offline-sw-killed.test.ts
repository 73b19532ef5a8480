// The service worker is killed while a sync push is on the wire: the server has applied the
// change but the answer never arrives. After the worker restarts it sends the same change id
// again, and every case is on the server exactly once.
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import { StoredCase } from '../../shared';
import { apiAs, launchWithExtension, sidebarFrame, startServer, type ExtensionBrowser, type RunningServer } from './harness';

let server: RunningServer;
let browser: ExtensionBrowser;
let proxy: Server;
/** Pushes seen by the proxy; the first one's answer is held back until the worker is dead. */
const pushes: string[] = [];
let releaseHeld: (() => void) | null = null;

/** A proxy in front of the server that forwards at once but can hold a push's answer back. */
function startProxy(target: string): Promise<string> {
  proxy = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url!, target);
    const forward = request(url, { method: incoming.method, headers: { ...incoming.headers, host: url.host } }, (answer) => {
      const send = () => {
        // The worker that asked may be gone by now: then there is no one left to answer.
        if (outgoing.destroyed || outgoing.headersSent) return answer.resume();
        outgoing.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(outgoing);
      };
      if (url.pathname === '/api/sync/push' && pushes.push(url.pathname) === 1) releaseHeld = send;
      else send();
    });
    incoming.pipe(forward);
    forward.on('error', () => outgoing.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`)));
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension('zh-CN');
});
afterAll(async () => {
  releaseHeld?.();
  proxy?.close();
  await browser?.close();
  await server?.stop();
});

test('a service worker killed mid-push resends on restart; the case is stored once', async () => {
  const proxyUrl = await startProxy(server.url);
  // Sign in through the proxy, so every later request of the extension passes through it.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('input[name="serverUrl"]', proxyUrl);
  await options.fill('input[name="username"]', server.credentials.agent.username);
  await options.fill('input[name="password"]', server.credentials.agent.password);
  await options.click('button[type="submit"]');
  await options.waitForSelector('[data-testid="signed-in"]');

  const page = await browser.context.newPage();
  await page.goto(`${server.url}/demo/crm`);
  const sidebar = await sidebarFrame(page);
  await sidebar.click('[data-category="housing_quality"]');
  await sidebar.click('[data-step="vent"] button.tick');
  await sidebar.fill('input[name="restatement-what"]', '天花板漏水');

  // The first push reaches the server; its answer is held. Now the worker dies.
  await expect.poll(() => pushes.length, { timeout: 20_000 }).toBeGreaterThan(0);
  // A session on an extension page sees the extension's worker (a CRM page's would not).
  const cdp = await browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // One worker runs one sync at a time and that one is still waiting: a second push can only
  // come from a new worker, which resent the same change after the restart.
  await expect
    .poll(async () => {
      await sidebar.click('footer.actions button.primary').catch(() => undefined);
      return pushes.length;
    }, { timeout: 60_000, interval: 1000 })
    .toBeGreaterThan(1);
  releaseHeld?.();

  // Any message wakes the worker; it resumes the outbox on start.
  await expect
    .poll(async () => {
      await sidebar.click('footer.actions button.primary').catch(() => undefined);
      return sidebar.getAttribute('[data-testid="sync-state"]', 'data-sync');
    }, { timeout: 60_000, interval: 1000 })
    .toBe('synced');

  const api = await apiAs(server, 'supervisor');
  const cases = z.object({ cases: z.array(StoredCase) }).parse((await api('/api/cases')).body).cases;
  expect(cases).toHaveLength(1);
  expect(cases[0]!.restatement.what).toBe('天花板漏水');
  expect(cases[0]!.categoryIds).toEqual(['housing_quality']);
});
