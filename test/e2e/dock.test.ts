// The open sidebar never hides the CRM: on every hostile fixture and the demo CRM, each control
// of the page is still the element found at its own centre, in real Chromium. The agent resizes
// the sidebar and collapses it to its rail, and each CRM remembers the choice.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hiddenControls } from './hidden-controls';
import { screenshotPath, sidebarFrame, useCrmTestBed } from './harness';

const bed = useCrmTestBed();

const RAIL = 28;
const OPEN = 380 + RAIL;

async function open(url: string): Promise<Page> {
  const page = await bed.browser.context.newPage();
  await page.goto(url);
  await sidebarFrame(page);
  return page;
}

/** How much of the window's right side the page leaves to the sidebar (its docked margin). */
const docked = (page: Page) => page.evaluate(() => parseFloat(document.documentElement.style.getPropertyValue('margin-right')) || 0);

/** What the sidebar would hide from the agent on this page (see `hiddenControls`). */
const hidden = (page: Page) => page.evaluate(hiddenControls);

describe('with the sidebar open, every control of the CRM page stays visible and reachable', () => {
  const pages: [string, () => string][] = [
    ['a record page in columns, with a fixed header, a fixed bottom bar and a floating button', () => bed.fixtures.url('record.html')],
    ['a single-page CRM in shadow roots', () => bed.fixtures.url('spa.html?c=c1')],
    ['a legacy CRM in frames', () => bed.fixtures.url('legacy.html')],
    ['a CRM with a strict CSP', () => bed.fixtures.url('strict-csp.html')],
    ['a CRM with hostile global CSS', () => bed.fixtures.url('hostile.html')],
    ['a React CRM', () => bed.fixtures.url('react.html')],
    ['the demo CRM', () => `${bed.server.url}/demo/crm`],
  ];
  test.each(pages)('%s', async (name, url) => {
    const page = await open(url());
    expect(await docked(page)).toBe(OPEN);
    // Pinned bars are moved once they are seen: give the page its first look.
    await expect.poll(() => hidden(page), { timeout: 5000 }).toEqual([]);
    if (name.startsWith('a record page')) await page.screenshot({ path: screenshotPath('dock-record') });
    await page.close();
  });
});

test('after an insert, the footer’s notice spans the footer above its save row', async () => {
  const page = await open(bed.fixtures.url('record.html'));
  const sidebar = await sidebarFrame(page);
  await page.click('#reply');
  await sidebar.locator('[data-testid="template-search"]').fill('表达理解');
  await expect.poll(() => sidebar.locator('#template-results [role="option"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await sidebar.press('[data-testid="template-search"]', 'Enter');
  await expect.poll(() => page.inputValue('#reply')).toContain('换作是我也会很着急');
  const notice = await sidebar.locator('[data-testid="notice"]').boundingBox();
  const footer = await sidebar.locator('footer.actions').boundingBox();
  expect(notice!.width).toBeGreaterThan(footer!.width * 0.9);
  expect(notice!.height).toBeLessThan(60); // one or two lines, not four
  await page.screenshot({ path: screenshotPath('dock-notice') });
  await page.close();
});

describe('the agent sizes it', () => {
  test('dragged wider, and collapsed to its rail, it stays so on this CRM after a reload', async () => {
    const page = await open(bed.fixtures.url('record.html'));
    const grip = { x: 1280 - OPEN + RAIL / 2, y: 400 };
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x - 100, grip.y, { steps: 5 });
    await page.mouse.up();
    expect(await docked(page)).toBe(OPEN + 100);
    await expect.poll(() => hidden(page), { timeout: 5000 }).toEqual([]);

    await page.reload();
    await sidebarFrame(page);
    await expect.poll(() => docked(page)).toBe(OPEN + 100);

    // The toggle heads the rail: collapsed, the page has all but the rail.
    await page.mouse.click(1280 - OPEN - 100 + RAIL / 2, 20);
    expect(await docked(page)).toBe(RAIL);
    await expect.poll(() => hidden(page), { timeout: 5000 }).toEqual([]);
    await page.screenshot({ path: screenshotPath('dock-rail') });
    await page.reload();
    await expect.poll(() => docked(page)).toBe(RAIL);
    await page.close();
  });
});
