// The sidebar follows the browser's language: one screenshot each in zh-Hant and English
// (zh-Hans is covered by the standard-complaint test), with the UI text checked.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, screenshotPath, sidebarFrame, signInThroughOptions, startServer, type RunningServer } from './harness';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

for (const [browserLocale, ui, expected] of [
  ['zh-TW', 'zh-Hant', { steps: '處理步驟', major: '重大投訴' }],
  ['en-US', 'en', { steps: 'Steps', major: 'Major complaint' }],
] as const) {
  test(`the sidebar speaks ${ui} when the browser does`, async () => {
    const browser = await launchWithExtension(browserLocale);
    try {
      await signInThroughOptions(browser, server);
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/demo/crm`);
      const sidebar = await sidebarFrame(page);
      await sidebar.waitForSelector('[data-category="housing_quality"]');
      expect(await sidebar.textContent('section[aria-label] h2:text-is("' + expected.steps + '")')).toBe(expected.steps);
      // The case language follows the UI by default.
      expect(await sidebar.inputValue('select[name="language"]')).toBe(ui);
      await sidebar.selectOption('select[name="severity"]', 'major');
      expect(await sidebar.textContent('[data-testid="escalation"]')).toContain(expected.major);
      await sidebar.click('[data-category="housing_quality"]');
      await sidebar.fill('[data-testid="template-search"]', 'qian');
      await sidebar.waitForSelector('#template-results li');
      await page.screenshot({ path: screenshotPath(`sidebar-intake-${ui}`) });
    } finally {
      await browser.close();
    }
  });
}
