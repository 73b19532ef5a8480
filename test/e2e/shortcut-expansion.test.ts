// Shortcuts typed in a CRM field go through the same renderer, values and template-use log as the
// sidebar's Insert; a template with a value missing asks for it in the sidebar, and no 【…】
// marker ever reaches the CRM. And the background hears only content-script messages from a page.
import { expect, test } from 'vitest';
import { z } from 'zod';
import { Case, defaultTemplates, type SidebarContext } from '../../shared';
import { openDemoCrmSignedIn, screenshotPath, sidebarFrame, useServerAndExtension } from './harness';

declare const chrome: {
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const running = useServerAndExtension();
const templates = defaultTemplates(new Date().toISOString());
const byShortcut = (shortcut: string) => templates.find((t) => t.shortcut === shortcut && t.language === 'zh-Hans')!;

test('a shortcut renders for the case, asks for a missing value in the sidebar, and every insertion is logged', async () => {
  const { page, sidebar } = await openDemoCrmSignedIn(running);
  const context = () => sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'sidebar.context' })) as Promise<SidebarContext>;
  const uses = async () => (await context()).openCase?.templateUses ?? [];

  // Step 2's restatement gives the case its summary: {{issue}} has a value from now on.
  await sidebar.click('[data-category="housing_quality"]');
  await sidebar.click('[data-step="vent"] .step-head button');
  await sidebar.fill('[data-step="apologise"] input[name="restatement-what"]', '卧室天花板漏水');

  // A complete template goes straight in, and is logged as a shortcut insertion with its text.
  await page.click('#reply');
  await page.keyboard.type(';qian ');
  const apology = '王秀英，给您的生活带来这样的不便，我们非常抱歉。';
  await expect.poll(() => page.inputValue('#reply')).toBe(apology);
  await expect.poll(uses).toEqual([expect.objectContaining({ templateId: byShortcut(';qian').id, via: 'shortcut', text: apology, step: 'apologise' })]);

  // ;ding needs a reply time the case does not have: the sidebar asks for it, the CRM gets no marker.
  // Typed in Chinese-punctuation mode, with the full-width ；, it is the same shortcut.
  await page.keyboard.type('；ding ');
  const asking = `[data-shortcut=";ding"][data-template-id="${byShortcut(';ding').id}"]`;
  await sidebar.waitForSelector(asking);
  expect(await page.inputValue('#reply')).toBe(`${apology}；ding`);
  expect(await page.inputValue('#reply')).not.toContain('【');
  // The focus went to the sidebar's first missing value: the agent types it right away.
  await expect.poll(() => sidebar.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.fill)).toBe('deadline');
  await page.keyboard.type('明天下午五点');
  await page.screenshot({ path: screenshotPath('shortcut-asks-for-value') });
  await sidebar.click(`${asking} button.primary`);

  // The text takes the shortcut's place in the CRM field, and is logged like the first.
  const plan = '那我们就这样安排：卧室天花板漏水将在明天下午五点前给您答复。您对这个安排还有什么意见吗？';
  await expect.poll(() => page.inputValue('#reply')).toBe(`${apology}${plan}`);
  await expect.poll(async () => (await uses()).map((u) => [u.templateId, u.via, u.text])).toEqual([
    [byShortcut(';qian').id, 'shortcut', apology],
    [byShortcut(';ding').id, 'shortcut', plan],
  ]);
  expect(await sidebar.locator(asking).count()).toBe(0);

  // The sidebar's own Insert is logged too, as such.
  await sidebar.click(`[data-step="apologise"] [data-template-id="${byShortcut(';qian').id}"] button.primary`);
  await expect.poll(() => page.inputValue('#reply')).toBe(`${apology}${plan}${apology}`);
  await expect.poll(async () => (await uses()).map((u) => u.via)).toEqual(['shortcut', 'shortcut', 'sidebar']);
  expect(await page.inputValue('#reply')).not.toContain('【');
  await page.close();
});

test('a content script cannot send what only extension pages may send', async () => {
  // Signed in by the test before.
  const page = await running.browser.context.newPage();
  await page.goto(`${running.server.url}/demo/crm`);
  const sidebar = await sidebarFrame(page);
  const draft = Case.parse({
    id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    customer: { name: '冒充', phone: '13800000000' },
    channel: 'hotline', categoryIds: [], severity: 'normal', validity: 'unassessed', mood: 'calm', language: 'zh-Hans',
    steps: [], templateUses: [], summary: '伪造的个案', plan: '', notes: '', status: 'open',
    receivedAt: '2026-12-01T00:00:00.000Z', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:01.000Z',
  });
  // Evaluated in our content script's own world of the CRM page (an isolated world named after
  // the extension, found through the DevTools protocol): a message sent there is one from a content script.
  const cdp = await running.browser.context.newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { frameId?: string; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const contentWorld = () => worlds.find((w) => w.auxData?.type === 'isolated' && w.auxData.frameId === frameTree.frame.id && w.name.startsWith('Lingting'));
  await expect.poll(() => contentWorld()?.id).toBeDefined();
  const fromContentWorld = async (message: object) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: contentWorld()!.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as unknown;
  };
  expect(await fromContentWorld({ type: 'case.save', case: draft })).toEqual({ ok: false, error: 'forbidden' });
  expect(await fromContentWorld({ type: 'auth.signOut' })).toEqual({ ok: false, error: 'forbidden' });
  expect(await fromContentWorld({ type: 'sidebar.context' })).toEqual({ ok: false, error: 'forbidden' });
  // Content-script messages still work from there.
  expect(z.object({ shortcuts: z.array(z.string()) }).parse(await fromContentWorld({ type: 'page.site' })).shortcuts).toContain(';qian');
  // Nothing was saved, and the agent is still signed in.
  const stored = await sidebar.evaluate((id) => chrome.runtime.sendMessage({ type: 'case.get', id }), draft.id);
  expect(stored).toBeNull();
  expect(await sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.get' }))).toMatchObject({ user: { username: running.server.credentials.agent.username } });
  await page.close();
});

test('the agent chooses another prefix in the options: it starts shortcuts from then on, and `;` is typed as it is', async () => {
  // Signed in by the tests before.
  const options = await running.browser.context.newPage();
  await options.goto(`chrome-extension://${running.browser.extensionId}/options.html`);
  await options.selectOption('select[name="shortcutPrefix"]', '/');
  await expect.poll(() => options.inputValue('select[name="shortcutPrefix"]')).toBe('/');
  await options.close();

  const page = await running.browser.context.newPage();
  await page.goto(`${running.server.url}/demo/crm`);
  await sidebarFrame(page);
  await page.click('#reply');
  await page.keyboard.type(';gan ');
  expect(await page.inputValue('#reply')).toBe(';gan ');
  await page.keyboard.type('/gan ');
  const understanding = byShortcut(';gan').body;
  await expect.poll(() => page.inputValue('#reply')).toBe(`;gan ${understanding}`);
  // In Chinese-punctuation mode the / key types 、: it starts the shortcut too.
  await page.keyboard.insertText('、gan');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.inputValue('#reply')).toBe(`;gan ${understanding}${understanding}`);
  await page.close();
});
