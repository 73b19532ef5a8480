// Every page and the sidebar pass axe-core with no serious or critical violation, in real
// Chromium: the sidebar on a CRM page (with a customer and without), the extension's options
// page, and each admin page as the role that uses it sees it.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { apiAs, openDemoCrmSignedIn, sidebarFrame, useCrmTestBed, type Role } from './harness';

const bed = useCrmTestBed({ signedIn: false });

/** The cases on the server, as a supervisor lists them. */
const syncedCases = async () => z.object({ cases: z.array(z.object({ id: z.string() })) }).parse((await (await apiAs(bed.server, 'supervisor'))('/api/cases')).body).cases;

describe('the extension', () => {
  test('the sidebar with a customer on the demo CRM, and with none on a page that shows none', async () => {
    const { page, sidebar } = await openDemoCrmSignedIn(bed);
    expect(await seriousViolations(sidebar)).toEqual([]);
    // Tagged: the case is saved and synced, for the trainer's pages below.
    await sidebar.click('[data-category="housing_quality"]');
    await expect.poll(async () => (await syncedCases()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
    const empty = await bed.browser.context.newPage();
    await empty.goto(bed.fixtures.url('editors/quill.html'));
    expect(await seriousViolations(await sidebarFrame(empty))).toEqual([]);
    await empty.close();
  });

  test('the options page, signed in', async () => {
    const options = await bed.browser.context.newPage();
    await options.goto(`chrome-extension://${bed.browser.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="signed-in"]');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});

describe('the admin pages', () => {
  async function signInPage(): Promise<Page> {
    const page = await bed.browser.context.newPage();
    await page.goto(`${bed.server.url}/admin`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }
  async function signIn(page: Page, role: Role) {
    await page.fill('input[name="username"]', bed.server.credentials[role].username);
    await page.fill('input[name="password"]', bed.server.credentials[role].password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/admin') && !url.pathname.endsWith('/sign-in'));
  }
  async function check(page: Page, path: string) {
    await page.goto(`${bed.server.url}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { path, violations: await seriousViolations(page) };
  }

  test('the sign-in page; templates (list, new, one) as a supervisor; cases (list, one) as a trainer', async () => {
    const page = await signInPage();
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'supervisor');
    const templates = z.object({ templates: z.array(z.object({ id: z.string() })) }).parse((await (await apiAs(bed.server, 'supervisor'))('/api/templates')).body);
    const results = [await check(page, '/admin/templates'), await check(page, '/admin/templates/new'), await check(page, `/admin/templates/${templates.templates[0]!.id}`)];

    // The case the agent's sidebar saved on the demo CRM (the first test).
    await bed.browser.context.clearCookies();
    await page.goto(`${bed.server.url}/admin`);
    await page.waitForSelector('body[data-ready="true"]');
    await signIn(page, 'trainer');
    results.push(await check(page, '/admin/cases'), await check(page, `/admin/cases/${(await syncedCases())[0]!.id}`));
    expect(results.filter((result) => result.violations.length > 0)).toEqual([]);
    await page.close();
  });
});
