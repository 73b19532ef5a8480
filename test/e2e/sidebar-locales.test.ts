// The sidebar follows the browser's language: one screenshot each in zh-Hant and English
// (zh-Hans is covered by the standard-complaint test), with the UI text checked.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Channel, Mood, STEP_ORDER, Severity, Validity, wordsFor } from '../../shared';
import { launchWithExtension, screenshotPath, sidebarFrame, signInThroughOptions, startServer, type RunningServer } from './harness';

let server: RunningServer;

// A server each: the same agent's case started in one language would otherwise come down to the
// next browser by sync and be restored there, in the language it was started in.
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
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
      // Step names and the intake's labels are the catalogue's, the same words the admin pages show.
      const { domain } = wordsFor(ui);
      expect(await sidebar.$$eval('.step-name', (names) => names.map((n) => n.textContent))).toEqual(
        STEP_ORDER.map((step, i) => domain.numberedStep(i + 1, domain.steps[step])),
      );
      const options = (name: string) => sidebar.$$eval(`select[name="${name}"] option`, (all) => all.map((o) => o.textContent));
      expect(await options('channel')).toEqual(Channel.options.map((c) => domain.channels[c]));
      expect(await options('mood')).toEqual(Mood.options.map((m) => domain.moods[m]));
      expect(await options('severity')).toEqual(Severity.options.map((s) => domain.severities[s]));
      expect(await options('validity')).toEqual(Validity.options.map((v) => domain.validities[v]));
      // The case language follows the UI by default.
      expect(await sidebar.inputValue('select[name="language"]')).toBe(ui);
      await sidebar.selectOption('select[name="severity"]', 'major');
      expect(await sidebar.textContent('[data-testid="escalation"]')).toContain(expected.major);
      await sidebar.click('[data-category="housing_quality"]');
      await sidebar.fill('[data-testid="template-search"]', 'qian');
      // Results, or the words for none (English templates have no pinyin to match).
      await sidebar.waitForSelector('#template-results [role="option"], .search p.muted');
      await page.screenshot({ path: screenshotPath(`sidebar-intake-${ui}`) });
    } finally {
      await browser.close();
    }
  });
}
