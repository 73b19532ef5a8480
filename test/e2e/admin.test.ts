// The admin pages in real Chromium against the real server: a supervisor writes and publishes a
// template, two editors race on one draft, a trainer reviews a logged case.
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { z } from 'zod';
import { type Locale, ReviewList, RubricItem, STEP_ORDER, Template, TEMPLATE_TRANSITIONS, wordsFor } from '../../shared';
import { apiAs, screenshotPath, startServer, type Role, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  // A plain browser: the admin pages need no extension.
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A browser window whose language (and so Accept-Language) is `locale`, zh-CN unless told otherwise. */
async function newContext(locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
}

/** Script errors and console errors (a CSP violation is one) on any page: each test ends with none. */
let pageProblems: string[] = [];
beforeEach(() => {
  pageProblems = [];
});
afterEach(() => {
  expect(pageProblems).toEqual([]);
});

/** Opens a page and waits until admin.js has wired its handlers. */
async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  // A CSP violation that the page's script catches (eval probed and refused, say) is not an
  // error in the console: report every one as a problem.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  page.on('pageerror', (error) => pageProblems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Network answers (the expected 409, the absent favicon) are logged as errors too; they are not problems.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageProblems.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function signIn(context: BrowserContext, role: Role, landsOn: string): Promise<Page> {
  const page = await open(context, '/admin');
  await page.fill('input[name="username"]', server.credentials[role].username);
  await page.fill('input[name="password"]', server.credentials[role].password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`**${landsOn}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** A bearer-authenticated JSON call, for setting up and checking what the pages did. */
async function bearer(role: Role) {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.credentials[role]),
  });
  const { token } = z.object({ token: z.string() }).parse(await res.json());
  return (path: string, json?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
}

const TemplateList = z.object({ templates: z.array(Template) });
let templateId: string;
let caseId: string;

test('a supervisor creates a template and publishes it; agents then see it', async () => {
  const context = await newContext();
  const page = await signIn(context, 'supervisor', '/admin/templates');
  await page.click('[data-testid="new-template"]');
  await page.waitForSelector('form[data-action="create-template"]');
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('select[name="step"]', 'apologise');
  await page.selectOption('select[name="tone"]', 'apology');
  await page.selectOption('select[name="language"]', 'zh-Hans');
  await page.fill('input[name="title"]', '渗水致歉 <b>E2E</b>');
  await page.fill('textarea[name="body"]', '{{customerName}}，卫生间渗水给您带来不便，我们非常抱歉。');
  await page.fill('input[name="shortcut"]', ';shenshui');
  await page.check('input[name="moods"][value="upset"]');
  await page.check('input[name="categoryIds"][value="waterproofing"]');
  await page.click('form#template-form button[type="submit"]');
  await page.waitForURL(/\/admin\/templates\/[0-9a-f-]{36}$/);
  templateId = page.url().split('/').pop()!;
  await page.waitForSelector('body[data-ready="true"]');
  expect(await page.textContent('[data-testid="template-status"]')).toBe('草稿');

  await page.click('button[data-status="published"]');
  await expect.poll(() => page.textContent('[data-testid="template-status"]')).toBe('已发布');
  expect(await page.textContent('[data-testid="version-list"]')).toContain('渗水致歉 <b>E2E</b>');

  const agent = await apiAs(server, 'agent');
  const { templates } = TemplateList.parse((await agent('/api/templates')).body);
  const published = templates.find((t) => t.id === templateId);
  expect(published).toMatchObject({ title: '渗水致歉 <b>E2E</b>', status: 'published', shortcut: ';shenshui', categoryIds: ['waterproofing'], moods: ['upset'] });

  // A second template with the same shortcut in the same language is refused, in words.
  const clash = await open(context, '/admin/templates/new');
  await clash.fill('input[name="title"]', '重复快捷码');
  await clash.fill('textarea[name="body"]', '测试');
  await clash.fill('input[name="shortcut"]', ';shenshui');
  await clash.click('form#template-form button[type="submit"]');
  await expect.poll(() => clash.textContent('.form-status')).toBe('同一语言中已有模板使用此快捷码。');
  expect(new URL(clash.url()).pathname).toBe('/admin/templates/new');

  const list = await open(context, '/admin/templates?q=%E6%B8%97%E6%B0%B4');
  expect(await list.textContent(`tr[data-template-id="${templateId}"]`)).toContain('渗水致歉 <b>E2E</b>');
  await list.screenshot({ path: screenshotPath('admin-templates'), fullPage: true });
  await context.close();
});

test('two editors save the same draft: the second sees the conflict and keeps their text', async () => {
  const context = await newContext();
  const first = await signIn(context, 'supervisor', '/admin/templates');
  await first.goto(`${server.url}/admin/templates/${templateId}`);
  await first.waitForSelector('body[data-ready="true"]');
  await first.click('button[data-status="draft"]');
  await expect.poll(() => first.textContent('[data-testid="template-status"]')).toBe('草稿');

  const second = await open(context, `/admin/templates/${templateId}`);
  await first.fill('input[name="title"]', '渗水致歉（主管甲修改）');
  await first.click('form#template-form button[type="submit"]');
  await expect.poll(() => first.textContent('.form-status')).toBe('已保存。');

  const mine = '非常抱歉！我们今天安排维修师傅上门查看渗水。';
  await second.fill('textarea[name="body"]', mine);
  await second.click('form#template-form button[type="submit"]');
  await second.waitForSelector('[data-testid="conflict"]:not([hidden])');
  const conflict = await second.textContent('[data-testid="conflict"]');
  expect(conflict).toContain('其他人已修改了此模板');
  expect(conflict).toContain('渗水致歉（主管甲修改）');
  expect(await second.inputValue('textarea[name="body"]')).toBe(mine);
  await second.screenshot({ path: screenshotPath('admin-template-conflict'), fullPage: true });

  // Having seen theirs, saving again is a deliberate overwrite against their version.
  await second.fill('input[name="title"]', '渗水致歉（合并）');
  await second.click('form#template-form button[type="submit"]');
  await expect.poll(() => second.textContent('.form-status')).toBe('已保存。');
  const supervisor = await apiAs(server, 'supervisor');
  const stored = z.object({ template: Template }).parse((await supervisor(`/api/templates/${templateId}`)).body).template;
  expect(stored).toMatchObject({ title: '渗水致歉（合并）', body: mine, status: 'draft' });
  await context.close();
});

/** The status moves the page offers now (the others are hidden). */
const offeredMoves = (page: Page) =>
  page.$$eval('.status-actions button[data-status]', (buttons) => buttons.filter((button) => !(button as HTMLElement).hidden).map((button) => (button as HTMLElement).dataset.status));

test('a status change someone else made first: the page takes their status and offers the moves allowed from it', async () => {
  const w = wordsFor('zh-Hans');
  const context = await newContext();
  const page = await signIn(context, 'supervisor', '/admin/templates');
  await page.goto(`${server.url}/admin/templates/${templateId}`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await offeredMoves(page)).toEqual(TEMPLATE_TRANSITIONS.draft);

  // Meanwhile another supervisor publishes it.
  const other = await bearer('supervisor');
  const { template } = z.object({ template: Template }).parse(await (await other(`/api/templates/${templateId}`)).json());
  expect((await other(`/api/templates/${templateId}/status`, { status: 'published', version: template.version })).status).toBe(200);

  await page.click('button[data-status="published"]');
  await page.waitForSelector('[data-testid="conflict"]:not([hidden])');
  expect(await page.textContent('[data-testid="conflict"] p')).toBe(w.admin.conflictNotEditable);
  expect(await page.textContent('[data-testid="template-status"]')).toBe(w.domain.templateStatuses.published);
  expect(await offeredMoves(page)).toEqual(TEMPLATE_TRANSITIONS.published);
  expect(await page.isDisabled('#template-form button[type="submit"]')).toBe(true);

  // Their version is now the page's: taking it back to draft needs no reload first.
  await page.click('button[data-status="draft"]');
  await expect.poll(() => page.textContent('[data-testid="template-status"]')).toBe(w.domain.templateStatuses.draft);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await offeredMoves(page)).toEqual(TEMPLATE_TRANSITIONS.draft);
  await context.close();
});

test('a trainer opens a logged case, scores it, and the review reaches the API', async () => {
  const agent = await bearer('agent');
  caseId = randomUUID();
  const at = new Date().toISOString();
  const pushed = await agent('/api/sync/push', {
    changes: [
      {
        changeId: randomUUID(),
        kind: 'case.put',
        case: {
          id: caseId,
          customer: { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024' },
          channel: 'hotline',
          categoryIds: ['housing_quality', 'waterproofing'],
          severity: 'normal',
          validity: 'valid',
          mood: 'upset',
          language: 'zh-Hans',
          steps: [
            { kind: 'done', step: 'vent', at },
            { kind: 'skipped', step: 'apologise', at, reason: '客户情绪平稳，直接进入方案' },
          ],
          templateUses: [{ templateId, version: 1, step: 'apologise', at }],
          summary: '卫生间天花板渗水',
          plan: '周五上午维修师傅上门',
          notes: '',
          status: 'awaiting_revisit',
          receivedAt: at,
          createdAt: at,
          updatedAt: at,
        },
      },
    ],
  });
  expect(pushed.status).toBe(200);

  const context = await newContext();
  const refused = await open(context, '/admin');
  await refused.fill('input[name="username"]', server.credentials.trainer.username);
  await refused.fill('input[name="password"]', 'not-the-password');
  await refused.click('button[type="submit"]');
  await expect.poll(() => refused.textContent('.form-status')).toBe('用户名或密码错误。');
  await refused.close();

  const list = await signIn(context, 'trainer', '/admin/cases');
  await list.click(`tr[data-case-id="${caseId}"] a`);
  await list.waitForURL(`**/admin/cases/${caseId}`);
  const page = list;
  await page.waitForSelector('body[data-ready="true"]');
  expect(await page.textContent('[data-testid="customer-phone"]')).toBe('138****8000');
  expect(await page.textContent('[data-testid="case-categories"]')).toBe('房屋质量、地下和屋面防水');
  expect(await page.textContent('[data-testid="step-log"]')).toContain('客户情绪平稳，直接进入方案');
  expect(await page.textContent('[data-testid="template-uses"]')).toContain('渗水致歉');

  const scores = { listening: 5, apology: 3, solution: 4, follow_through: 4, attitude: 5 };
  for (const [item, score] of Object.entries(scores)) await page.check(`input[name="${item}"][value="${score}"]`);
  await page.fill('textarea[name="comment"]', '倾听充分；致歉一步不应跳过。');
  await page.click('form#review-form button[type="submit"]');
  await page.waitForSelector('[data-testid="reviews"] li');
  expect(await page.textContent('[data-testid="reviews"]')).toContain('倾听充分；致歉一步不应跳过。');
  await page.screenshot({ path: screenshotPath('admin-case-review'), fullPage: true });

  const trainer = await apiAs(server, 'trainer');
  const { reviews } = ReviewList.parse((await trainer(`/api/cases/${caseId}/reviews`)).body);
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({ caseId, scores, comment: '倾听充分；致歉一步不应跳过。' });

  // Signing out ends the session: the pages send the browser back to the sign-in form.
  await page.click('button[data-action="sign-out"]');
  await page.waitForURL(/\/admin$/);
  await page.goto(`${server.url}/admin/cases`);
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.waitForSelector('form[data-action="sign-in"]');
  await context.close();
});

test.each([
  ['zh-TW', 'zh-Hant'],
  ['en-GB', 'en'],
] as const)('a browser set to %s gets the pages and the script in %s, in the catalogue\'s words', async (browserLocale, locale: Locale) => {
  const w = wordsFor(locale);
  const context = await newContext(browserLocale);

  // The script's own messages follow the page's language too.
  const refused = await open(context, '/admin');
  expect(await refused.getAttribute('html', 'lang')).toBe(locale);
  await refused.fill('input[name="username"]', server.credentials.supervisor.username);
  await refused.fill('input[name="password"]', 'not-the-password');
  await refused.click('button[type="submit"]');
  await expect.poll(() => refused.textContent('.form-status')).toBe(w.admin.errorSignIn);
  await refused.close();

  const editor = await signIn(context, 'supervisor', '/admin/templates');
  await editor.goto(`${server.url}/admin/templates/${templateId}`);
  await editor.waitForSelector('body[data-ready="true"]');
  const steps = STEP_ORDER.map((step, index) => w.domain.numberedStep(index + 1, w.domain.steps[step]));
  expect(await editor.locator('select[name="step"] option').allTextContents()).toEqual(steps);
  expect(await editor.textContent('[data-testid="template-status"]')).toBe(w.domain.templateStatuses.draft);
  await editor.screenshot({ path: screenshotPath(`admin-template-${locale}`), fullPage: true });
  await context.close();

  const trainerContext = await newContext(browserLocale);
  const casePage = await signIn(trainerContext, 'trainer', '/admin/cases');
  await casePage.goto(`${server.url}/admin/cases/${caseId}`);
  await casePage.waitForSelector('body[data-ready="true"]');
  expect(await casePage.locator('[data-testid="step-log"] .step-name').allTextContents()).toEqual([steps[0], steps[1]]);
  expect(await casePage.locator('#review-form legend').allTextContents()).toEqual(RubricItem.options.map((item) => w.domain.rubric[item]));
  await casePage.screenshot({ path: screenshotPath(`admin-case-${locale}`), fullPage: true });
  await trainerContext.close();
});
