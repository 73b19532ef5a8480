// "Pick from page": a supervisor clicks a value on a CRM page and gets a working capture rule.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  launchWithExtension,
  sendAs,
  pageTextThroughShadowRoots,
  screenshotPath,
  sidebarFrame,
  signInThroughOptions,
  startServer,
  type ExtensionBrowser,
  type RunningServer,
} from './harness';

declare const chrome: {
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** The fixture CRM configured with a name rule only: the supervisor is about to add the phone. */
const SPA_SITE = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'SPA CRM',
  urlPattern: '*://127.0.0.1/demo/hostile/spa.html*',
  fields: { customerName: { path: ['crm-app', 'customer-card', '[data-field="name"]'], read: 'text' } },
  replyBox: null,
};

let server: RunningServer;
let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [server, fixtures] = await Promise.all([startServer(), startFixtureServer()]);
  // Configured on the server, as a supervisor does; the sign-in's sync brings it to the browser.
  await sendAs(server, 'supervisor', 'POST', '/api/crm-sites', SPA_SITE);
  browser = await launchWithExtension('zh-CN');
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), fixtures?.stop()]);
});

test('an agent may not pick; a supervisor picks a value inside nested shadow roots', async () => {
  await signInThroughOptions(browser, server, 'agent');
  const page = await browser.context.newPage();
  await page.goto(fixtures.url('spa.html?c=c1'));
  let sidebar = await sidebarFrame(page);
  expect(await sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'pick.start', field: 'customerName' }))).toMatchObject({ ok: false });

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.click('[data-testid="signed-in"] ~ button');
  await options.close();
  await signInThroughOptions(browser, server, 'supervisor');
  await page.reload();
  sidebar = await sidebarFrame(page);
  expect(await sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'pick.start', field: 'phone' }))).toEqual({ ok: true });

  // Point at the phone number inside <crm-app> → <customer-card> shadow roots, and click it.
  const phone = page.locator('customer-card:not([hidden]) [data-field="phone"]');
  await phone.hover();
  const box = (await phone.boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  await expect.poll(() => pageTextThroughShadowRoots(page), { timeout: 15_000 }).toContain('读取到：139 0000 1111');
  const text = await pageTextThroughShadowRoots(page);
  // A path through both shadow roots, by names rather than positions.
  // Record ids (data-id="c1") are avoided: the rule must read whichever customer is shown.
  expect(text).toContain('crm-app  ⟫  customer-card  ⟫  span[data-field="phone"]');
  // The click did not reach the CRM: no navigation, no focus change.
  expect(page.url()).toContain('c=c1');
  await page.screenshot({ path: screenshotPath('crm-picker') });
  await page.close();
});
