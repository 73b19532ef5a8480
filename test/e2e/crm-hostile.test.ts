// The content side on hostile CRM pages, in real Chromium: capture through shadow roots, late
// iframes and client-side navigation; insertion that reaches each page app's own model; the
// sidebar visible and usable whatever the page's CSS, CSP and key handlers do.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_CRM_SITE, type CrmSite, type InsertResult, type WordingRuleInput } from '../../shared';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  pageTextThroughShadowRoots,
  sendAs,
  launchWithExtension,
  screenshotPath,
  sidebarFrame,
  signInThroughOptions,
  startServer,
  type ExtensionBrowser,
  type RunningServer,
} from './harness';

/** The extension API, as the test's evaluate callbacks use it inside Chromium. */
declare const chrome: {
  storage: {
    session: { onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void } };
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const site = (n: number, name: string, file: string, fields: CrmSite['fields'], replyBox: CrmSite['replyBox']): CrmSite => ({
  id: `00000000-0000-4000-8000-0000000000a${n}`,
  name,
  urlPattern: `*://127.0.0.1/demo/hostile/${file}*`,
  fields,
  replyBox,
});

/** The hostile CRMs, configured the way a supervisor configures a CRM: rules, no code. */
const SITES: CrmSite[] = [
  site(1, 'SPA CRM', 'spa.html', {
    // Every step after the first looks inside the previous element's open shadow root; hidden
    // cached <customer-card>s are skipped because they are not rendered.
    customerName: { path: ['crm-app', 'customer-card', '[data-field="name"]'], read: 'text' },
    phone: { path: ['crm-app', 'customer-card', '[data-field="phone"]'], read: 'text' },
    project: { path: ['crm-app', 'customer-card', '[data-field="project"]'], read: 'text' },
    crmRecordId: { path: ['crm-app', 'customer-card', 'input[name="record-id"]'], read: 'value' },
  }, { path: ['crm-app', '#reply'], read: 'value' }),
  site(2, 'Legacy CRM', 'legacy.html', {
    // Read-only inputs inside the same-origin frame the page creates after load.
    customerName: { path: ['iframe[name="main"]', 'input[name="cust_name"]'], read: 'value' },
    phone: { path: ['iframe[name="main"]', 'input[name="cust_tel"]'], read: 'value' },
    project: { path: ['iframe[name="main"]', 'input[name="cust_proj"]'], read: 'value' },
  }, { path: ['iframe[name="main"]', 'textarea[name="remark"]'], read: 'value' }),
  site(3, 'Strict CSP CRM', 'strict-csp.html', {
    customerName: { path: ['#cust-name'], read: 'text' },
    phone: { path: ['#cust-phone'], read: 'text' },
  }, null),
  site(4, 'Hostile CSS CRM', 'hostile.html', {
    customerName: { path: ['.record [data-field="name"]'], read: 'text' },
    phone: { path: ['.record [data-field="phone"]'], read: 'text' },
  }, { path: ['#reply'], read: 'value' }),
  site(5, 'React CRM', 'react.html', {
    customerName: { path: ['[data-field="name"]'], read: 'text' },
    phone: { path: ['[data-field="phone"]'], read: 'text' },
  }, { path: ['#reply'], read: 'value' }),
];
/** Configured on the server but never granted: it must not get a content script. */
const UNGRANTED: CrmSite = site(9, 'Elsewhere', 'x', {}, null);
UNGRANTED.urlPattern = 'https://crm.example.com/*';

const RULE: WordingRuleInput = {
  id: '00000000-0000-4000-8000-0000000000b1',
  kind: 'unapproved_promise',
  phrase: '保证三天',
  alternative: '我们会尽快安排，并在约定时间前答复您',
  language: 'zh-Hans',
};

let server: RunningServer;
let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [server, fixtures] = await Promise.all([startServer(), startFixtureServer()]);
  // A supervisor configures the sites and a rule on the server; the agent's first sync brings them.
  for (const configured of [...SITES, UNGRANTED]) await sendAs(server, 'supervisor', 'POST', '/api/crm-sites', configured);
  await sendAs(server, 'supervisor', 'POST', '/api/wording-rules', RULE);
  browser = await launchWithExtension('zh-CN');
  await signInThroughOptions(browser, server);
  await vi.waitFor(async () => expect(await cachedSiteIds()).toEqual(expect.arrayContaining([...SITES, UNGRANTED].map((s) => s.id))), {
    timeout: 20_000,
    interval: 100,
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), fixtures?.stop()]);
});

/**
 * The ids of the CRM sites the background cached with its catalogue, read straight from its
 * IndexedDB (Dexie's `cache` table, key `crmSites`), which the background has opened by now.
 */
function cachedSiteIds(): Promise<string[]> {
  return browser.serviceWorker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('lingting');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const read = db.transaction('cache').objectStore('cache').get('crmSites');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            resolve(((read.result as { value: { id: string }[] } | undefined)?.value ?? []).map((s) => s.id));
          };
        };
      }),
  );
}

async function open(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url(file));
  return page;
}

async function customerName(page: Page): Promise<string | null> {
  return (await sidebarFrame(page)).textContent('[data-testid="customer-name"]').catch(() => null);
}

/** Asks for an insertion the way the sidebar's insert buttons do. */
async function insert(page: Page, text: string): Promise<InsertResult> {
  const sidebar = await sidebarFrame(page);
  return sidebar.evaluate((t) => chrome.runtime.sendMessage({ type: 'text.insert', text: t }), text) as Promise<InsertResult>;
}

const state = (page: Page, key: string) => page.evaluate((k) => (window as unknown as { crmState: Record<string, string> }).crmState[k], key);

describe('content scripts for configured CRMs', () => {
  test('none is registered for a site not granted, nor twice where the manifest already runs it', async () => {
    // The fixture sites live under the demo CRM's manifest pattern; the ungranted one is elsewhere.
    // (Headless Chromium cannot click the permission prompt: granted registration is unit-tested.)
    // The fixtures, the ungranted site and the demo CRM the server was seeded with.
    expect((await cachedSiteIds()).sort()).toEqual([...SITES, UNGRANTED, DEMO_CRM_SITE].map((s) => s.id).sort());
    expect(await browser.serviceWorker.evaluate(async () => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  });
});

describe('single-page CRM with nested shadow roots and hidden cached records', () => {
  test('captures the shown record and follows pushState, hash and back navigation', async () => {
    const page = await open('spa.html?c=c1');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('陈美玲');
    // Every customer the background is told about from now on, in order.
    await browser.serviceWorker.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as unknown as { seenCustomers: unknown[] }).seenCustomers = seen;
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const [key, change] of Object.entries(changes)) if (key.endsWith(':customer')) seen.push(change.newValue ?? null);
      });
    });
    await page.click('a[data-go="c2"]');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('林志强');
    const sidebar = await sidebarFrame(page);
    expect(await sidebar.textContent('[data-testid="customer-phone"]')).toBe('137 2222 3333');
    await page.click('a[data-hash="c3"]');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('周晓燕');
    await page.goBack();
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('林志强');
    // The earlier records are still in the page, hidden: they were not what was read.
    expect(await page.locator('customer-card').count()).toBe(3);
    // While each next record loaded, the sidebar was never told "no customer".
    const seen = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { seenCustomers: ({ name: string } | null)[] }).seenCustomers.map((c) => c?.name ?? null),
    );
    expect(seen).toEqual(['林志强', '周晓燕', '林志强']);
    await page.close();
  });

  test('inserts at the caret inside a shadow root, expands shortcuts, flags wording', async () => {
    const page = await open('spa.html?c=c2');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('林志强');
    await page.click('#reply');
    await page.keyboard.type('您好，');
    expect(await insert(page, '已为您登记。')).toEqual({ ok: true, via: 'caret' });
    expect(await state(page, 'reply')).toBe('您好，已为您登记。');

    // A shortcut and Space become the rendered template, for the customer on screen.
    await page.keyboard.type(';qian ');
    await expect.poll(() => state(page, 'reply'), { timeout: 15_000 }).toBe('您好，已为您登记。林志强，给您的生活带来这样的不便，我们非常抱歉。');

    // Not while an input method composes: Space then picks a candidate.
    await page.locator('#reply').evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true })));
    await page.keyboard.type(';qian ');
    await page.locator('#reply').evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true })));
    expect(await state(page, 'reply')).toMatch(/;qian $/);

    // An unapproved promise is flagged next to the field, with the approved wording.
    const before = await page.evaluate(() => document.body.outerHTML);
    await page.keyboard.type('我们保证三天修好');
    await expect.poll(() => pageTextThroughShadowRoots(page), { timeout: 15_000 }).toContain('我们会尽快安排，并在约定时间前答复您');
    expect(await pageTextThroughShadowRoots(page)).toContain('未经批准的承诺');
    // Flagging never touched the CRM's DOM (its own model changed only by what was typed).
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    await page.screenshot({ path: screenshotPath('crm-spa-wording') });
    await page.close();
  });
});

describe('legacy CRM whose form is in an iframe created after load', () => {
  test('captures read-only inputs in the late frame and inserts into its textarea', async () => {
    const page = await open('legacy.html');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('黄伟');
    const form = page.frames().find((f) => f.name() === 'main')!;
    // Nothing focused yet: the configured reply box, inside the frame, takes the text.
    expect(await insert(page, '已转工程部。')).toEqual({ ok: true, via: 'reply_box' });
    expect(await form.evaluate(() => (window as unknown as { formModel: { remark: string } }).formModel.remark)).toBe('已转工程部。');
    // Focused inside the frame: at the caret.
    await form.click('textarea[name="remark"]');
    await page.keyboard.press('Home');
    expect(await insert(page, '【跟进】')).toEqual({ ok: true, via: 'caret' });
    const remark = () => form.evaluate(() => (window as unknown as { formModel: { remark: string } }).formModel.remark);
    expect(await remark()).toBe('【跟进】已转工程部。');
    // Shortcuts and wording hints work inside the frame too.
    await page.keyboard.press('End');
    await page.keyboard.type(';qian ');
    await expect.poll(remark, { timeout: 15_000 }).toBe('【跟进】已转工程部。黄伟，给您的生活带来这样的不便，我们非常抱歉。');
    await page.keyboard.type('保证三天');
    await expect.poll(() => pageTextThroughShadowRoots(page), { timeout: 15_000 }).toContain('我们会尽快安排，并在约定时间前答复您');
    await page.screenshot({ path: screenshotPath('crm-legacy-iframe') });
    await page.close();
  });
});

describe('strict Content-Security-Policy page', () => {
  test('shows the sidebar and falls back to the clipboard when no field can take the text', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await open('strict-csp.html');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('吴建华');
    expect(await insert(page, '请稍候，我们马上回电。')).toEqual({ ok: true, via: 'clipboard' });
    await page.bringToFront();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('请稍候，我们马上回电。');
    await page.screenshot({ path: screenshotPath('crm-strict-csp') });
    await page.close();
  });
});

describe('aggressive CSS, transformed body, top-most fixed bar, key-swallowing hotkeys', () => {
  test('the sidebar stays visible, on top and usable; rich-text editors get the text', async () => {
    const page = await open('hostile.html');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('郑丽娟');
    // On top of the page's own z-index 2147483647 bar, at the right edge, full width.
    expect(await page.evaluate(() => document.elementFromPoint(1200, 20)?.localName)).toBe('lingting-sidebar');
    // 380 px of sidebar and its 28 px rail.
    const box = await page.locator('lingting-sidebar').boundingBox();
    expect(box).toMatchObject({ x: 1280 - 408, width: 408, height: 800 });

    // The page swallows keys on window capture; typing in the sidebar is not affected.
    const sidebar = await sidebarFrame(page);
    await sidebar.click('[data-category="housing_quality"]');
    await sidebar.click('[data-step="vent"] .step-head button');
    const field = sidebar.locator('[data-step="apologise"] input[name="restatement-what"]');
    await field.click();
    await page.keyboard.type('abc 漏水');
    expect(await field.inputValue()).toBe('abc 漏水');

    // A beforeinput-only editor (Lexical/ProseMirror style) takes the text into its model.
    await page.click('#bi-editor');
    expect(await insert(page, '已记录')).toEqual({ ok: true, via: 'caret' });
    expect(await state(page, 'beforeInputModel')).toBe('已记录');
    expect(await page.textContent('#bi-editor')).toBe('已记录');
    // An input-driven editor reads the DOM back after the trusted input event.
    await page.click('#in-editor');
    expect(await insert(page, '马上处理')).toEqual({ ok: true, via: 'caret' });
    expect(await state(page, 'inputModel')).toBe('马上处理');
    await page.screenshot({ path: screenshotPath('crm-hostile-css') });
    await page.close();
  });
});

describe('React-controlled fields (real React 18)', () => {
  test('text inserted at the caret reaches React state', async () => {
    const page = await open('react.html');
    await expect.poll(() => customerName(page), { timeout: 15_000 }).toBe('何俊杰');
    await page.click('#reply');
    expect(await insert(page, '何先生您好，')).toEqual({ ok: true, via: 'caret' });
    expect(await insert(page, '我们已安排维修。')).toEqual({ ok: true, via: 'caret' });
    await expect.poll(() => page.textContent('#echo'), { timeout: 15_000 }).toBe('何先生您好，我们已安排维修。');
    await page.click('#subject');
    expect(await insert(page, '漏水投诉')).toEqual({ ok: true, via: 'caret' });
    expect(await state(page, 'subject')).toBe('漏水投诉');
    // React re-rendered with its state: the field still shows the text.
    expect(await page.inputValue('#reply')).toBe('何先生您好，我们已安排维修。');
    await page.screenshot({ path: screenshotPath('crm-react') });
    await page.close();
  });
});
