// The docked sidebar in Firefox (firefox-esr, driven by puppeteer-core over WebDriver BiDi, the
// built add-on installed as a temporary one): on every hostile fixture, each control of the CRM
// page is still the element at its own centre with the sidebar open, as in Chromium
// (dock.test.ts). Over BiDi, Firefox keeps extension pages out of reach, so what the sidebar
// itself does is tested in Chromium.
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { ROOT, screenshotPath } from './harness';
import { hiddenControls } from './hidden-controls';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let fixtures: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await browser.installExtension(resolve(ROOT, '.output/firefox-mv2'));
});
afterAll(async () => {
  await browser?.close();
  await fixtures?.stop();
});

test.each(['record.html', 'spa.html?c=c1', 'legacy.html', 'strict-csp.html', 'hostile.html', 'react.html', 'editors/tinymce.html'])(
  'the page is docked beside the sidebar, every control reachable: %s',
  async (file) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(fixtures.url(file));
    await page.waitForFunction(() => document.documentElement.style.getPropertyValue('margin-right') === '408px', { timeout: 20_000 });
    await expect.poll(() => page.evaluate(hiddenControls), { timeout: 5000 }).toEqual([]);
    if (file === 'record.html') {
      await new Promise((done) => setTimeout(done, 1500)); // the sidebar's own paint, for the picture only
      await page.screenshot({ path: screenshotPath('firefox-dock-record') });
    }
    await page.close();
  },
);
