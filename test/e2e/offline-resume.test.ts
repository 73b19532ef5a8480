// Offline-first: the server goes away mid-session, the agent keeps working on two customers
// and reloads the page; when the server returns (same port, same data) every case reaches it
// exactly once, each with its own data.
import { expect, test } from 'vitest';
import { z } from 'zod';
import { StoredCase } from '../../shared';
import {
  apiAs,
  screenshotPath,
  sidebarFrame,
  signInThroughOptions,
  startServer,
  useServerAndExtension,
} from './harness';

const running = useServerAndExtension();

test('work done offline survives a reload and reaches the server once when it returns', async () => {
  const { browser } = running;
  let { server } = running;
  await signInThroughOptions(browser, server);
  const page = await browser.context.newPage();
  // The CRM is another system and stays up while our server is down: serve its page from a copy.
  // The demo page shows one customer; the copy for record C-2048 shows a second one.
  const crmHtml = await (await fetch(`${server.url}/demo/crm`)).text();
  const secondCustomer = crmHtml
    .replace('value="C-1024" readonly', 'value="C-2048" readonly')
    .replace('>王秀英<', '>陈美玲<')
    .replace('>138 0013 8000<', '>137 2048 2048<');
  await page.route(`${server.url}/demo/crm**`, (route) =>
    route.fulfill({
      body: route.request().url().includes('record=C-2048') ? secondCustomer : crmHtml,
      contentType: 'text/html; charset=utf-8',
    }),
  );
  await page.goto(`${server.url}/demo/crm?record=C-1024`);
  let sidebar = await sidebarFrame(page);
  await sidebar.waitForSelector('[data-testid="sync-state"][data-sync="synced"]');

  await server.stop({ keepData: true });

  // First customer, offline: tag, tick, restate.
  await sidebar.click('[data-category="housing_quality"]');
  await sidebar.click('[data-step="vent"] button.tick');
  await sidebar.fill('input[name="restatement-what"]', '天花板漏水');
  await sidebar.waitForSelector('[data-testid="sync-state"][data-sync="pending"]');

  // A reload (or a closed tab) loses nothing: the draft comes back for the same customer.
  await page.reload();
  sidebar = await sidebarFrame(page);
  await expect.poll(() => sidebar.inputValue('input[name="restatement-what"]')).toBe('天花板漏水');
  await sidebar.fill('input[name="restatement-where"]', '主卧');

  // Second customer: a case of their own, never mixed with the first.
  await page.goto(`${server.url}/demo/crm?record=C-2048`);
  sidebar = await sidebarFrame(page);
  await expect.poll(() => sidebar.textContent('[data-testid="customer-name"]')).toBe('陈美玲');
  await expect.poll(() => sidebar.inputValue('input[name="restatement-what"]').catch(() => '')).toBe('');
  await sidebar.click('[data-category="contract"]');
  await sidebar.click('[data-step="vent"] button.tick');
  await sidebar.waitForSelector('[data-testid="sync-state"][data-sync="pending"]');
  await page.screenshot({ path: screenshotPath('offline-pending-zh-Hans') });

  // The restarted server is the one the file's teardown stops.
  server = running.server = await startServer(server);
  await sidebar.click('footer.actions button.primary'); // "save" also means "sync now"
  await sidebar.waitForSelector('[data-testid="sync-state"][data-sync="synced"]', { timeout: 30_000 });

  const api = await apiAs(server, 'supervisor');
  const cases = z.object({ cases: z.array(StoredCase) }).parse((await api('/api/cases')).body).cases;
  expect(cases).toHaveLength(2);
  const first = cases.find((c) => c.customer.crmRecordId === 'C-1024')!;
  const second = cases.find((c) => c.customer.crmRecordId === 'C-2048')!;
  expect(first.restatement).toMatchObject({ what: '天花板漏水', where: '主卧' });
  expect(first.categoryIds).toEqual(['housing_quality']);
  expect(second.categoryIds).toEqual(['contract']);
  expect(second.restatement.what).toBe('');

  // Going back to the first customer restores their case, not a new one.
  await page.goto(`${server.url}/demo/crm?record=C-1024`);
  sidebar = await sidebarFrame(page);
  await expect.poll(() => sidebar.inputValue('input[name="restatement-where"]')).toBe('主卧');
});
