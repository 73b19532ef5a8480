// One complaint travels from the demo CRM page, through the sidebar and the extension's
// outbox, to the server: the foundation's end-to-end proof, in real Chromium.
import { expect, test } from 'vitest';
import { z } from 'zod';
import { StoredCase, defaultTemplates } from '../../shared';
import {
  apiAs,
  openDemoCrmSignedIn,
  screenshotPath,
  useServerAndExtension,
} from './harness';

const running = useServerAndExtension();

test('an agent logs a complaint from the demo CRM and it reaches the server once', async () => {
  const { server } = running;
  // The customer shown is the visible record, not the hidden earlier one.
  const { page, sidebar } = await openDemoCrmSignedIn(running);
  expect(await sidebar.textContent('[data-testid="customer-phone"]')).toBe('138 0013 8000');

  // Tag: housing quality → waterproofing (a child category appears once its parent is picked).
  await sidebar.click('[data-category="housing_quality"]');
  await sidebar.click('[data-category="waterproofing"]');

  // Step 1 shows its prompts, then is ticked; step 2 opens with the apology prompts.
  await sidebar.waitForSelector('[data-step="vent"].open .prompt');
  await sidebar.click('[data-step="vent"] .step-head button');
  await sidebar.fill('[data-step="apologise"] input[name="restatement-what"]', '卧室天花板漏水');

  const apology = defaultTemplates(new Date().toISOString()).find((t) => t.shortcut === ';qian' && t.language === 'zh-Hans')!;
  await page.click('#reply');
  await sidebar.click(`[data-template-id="${apology.id}"] button.primary`);
  await expect.poll(() => page.inputValue('#reply')).toBe('王秀英，给您的生活带来这样的不便，我们非常抱歉。');

  await sidebar.click('footer.actions button.primary');
  await sidebar.waitForSelector('[data-testid="sync-state"][data-sync="synced"]');
  await sidebar.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('thin-path-demo-crm') });

  const api = await apiAs(server, 'supervisor');
  const { status, body } = await api('/api/cases');
  expect(status).toBe(200);
  const cases = z.object({ cases: z.array(StoredCase) }).parse(body).cases;
  expect(cases).toHaveLength(1);
  const [stored] = cases;
  expect(stored!.customer).toMatchObject({ name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' });
  expect(stored!.categoryIds).toEqual(['housing_quality', 'waterproofing']);
  expect(stored!.templateUses.map((use) => use.templateId)).toEqual([apology.id]);
  expect(stored!.steps.map((s) => [s.kind, s.step])).toEqual([['done', 'vent']]);
  // The extension's ids are time-ordered UUIDv7 (shared/ids.ts), made when the case was opened.
  expect(stored!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(Math.abs(Number.parseInt(stored!.id.replace('-', '').slice(0, 12), 16) - Date.parse(stored!.createdAt))).toBeLessThan(60_000);
});
