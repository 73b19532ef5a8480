// Lingting in Firefox (firefox-esr, driven by puppeteer-core over WebDriver BiDi, the built
// add-on installed as a temporary one): on every hostile fixture the page is docked beside the
// sidebar with each control of the CRM still the element at its own centre, as in Chromium
// (dock.test.ts); and wording lands in the real editors, read in each editor's own model, by
// the sidebar's Insert and by shortcut (editors.test.ts has the whole matrix in Chromium).
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InsertResult } from '../../shared';
import { startFixtureServer, type EditorPage, type FixtureServer } from './fixture-server';
import { ROOT, screenshotPath, startServer, type RunningServer } from './harness';
import { hiddenControls } from './hidden-controls';

declare const browser: { runtime: { sendMessage(message: object): Promise<unknown> } };

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let fixtures: FixtureServer;
let server: RunningServer;
let firefox: Browser;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await firefox.installExtension(resolve(ROOT, '.output/firefox-mv2'));
  // Firefox makes up the add-on's origin at install: the server is told it, as its README says.
  const page = await open('record.html');
  const origin = await (await sidebarOf(page)).evaluate(() => location.origin);
  await page.close();
  server = await startServer(undefined, { LINGTING_EXTENSION_ORIGINS: origin });
});
afterAll(async () => {
  await firefox?.close();
  await Promise.all([fixtures?.stop(), server?.stop()]);
});

async function open(file: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(fixtures.url(file));
  return page;
}

/** The sidebar's frame: BiDi names it about:blank, but it evaluates in the extension page. */
async function sidebarOf(page: Page): Promise<Frame> {
  const isSidebar = async (frame: Frame) => frame !== page.mainFrame() && (await frame.evaluate(() => location.pathname).catch(() => '')) === '/sidebar.html';
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 100)))
    for (const frame of page.frames()) if (await isSidebar(frame)) return frame;
  throw new Error('the sidebar never appeared');
}

test.each(['record.html', 'spa.html?c=c1', 'legacy.html', 'strict-csp.html', 'hostile.html', 'react.html', 'editors/tinymce.html'])(
  'the page is docked beside the sidebar, every control reachable: %s',
  async (file) => {
    const page = await open(file);
    await page.waitForFunction(() => document.documentElement.style.getPropertyValue('margin-right') === '408px', { timeout: 20_000 });
    await expect.poll(() => page.evaluate(hiddenControls), { timeout: 5000 }).toEqual([]);
    if (file === 'record.html') {
      await new Promise((done) => setTimeout(done, 1500)); // the sidebar's own paint, for the picture only
      await page.screenshot({ path: screenshotPath('firefox-dock-record') });
    }
    await page.close();
  },
);

describe('wording lands in the real editors', () => {
  // In Firefox, a paste event made by a content script carries data the page cannot read (the
  // DataTransfer keeps the content script's principal): an editor that takes the paste inserts
  // nothing, and is then given the lines as typed (`beforeinput`, the browser's editing
  // pipeline), Enter between them. These editors keep them. CKEditor 5, Lexical and Draft.js do
  // not yet (nothing lands; the sidebar copies the text and says so): they need the paste made
  // in the page's own world, a known gap.
  const EDITORS: [EditorPage, string][] = [
    ['quill', '.ql-editor'],
    ['prosemirror', '.ProseMirror'],
    ['tiptap', '.tiptap'],
    ['slate', '[data-slate-editor]'],
    ['codemirror', '.cm-content'],
    ['tinymce', 'iframe.tox-edit-area__iframe'],
  ];
  const lines = (text: string) => text.split(/\n+/).map((line) => line.replace(/\u00a0/g, ' ').trim()).filter(Boolean);
  const model = async (page: Page) => lines(await page.evaluate(() => (window as unknown as { fixture: { text(): string } }).fixture.text()));
  const insert = (sidebar: Frame, text: string) => sidebar.evaluate((t) => browser.runtime.sendMessage({ type: 'text.insert', text: t }), text) as Promise<InsertResult>;

  beforeAll(async () => {
    // Signed in from the sidebar's own page, as the options page would (BiDi cannot open that one).
    const page = await open('record.html');
    const reply = await (await sidebarOf(page)).evaluate(
      (signIn) => browser.runtime.sendMessage({ type: 'auth.signIn', ...signIn }),
      { serverUrl: server.url, ...server.credentials.agent },
    );
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  });

  test('a CRM textarea: at the caret, the text around it intact', async () => {
    const page = await open('record.html');
    const sidebar = await sidebarOf(page);
    await page.click('#reply');
    await page.keyboard.type('您好，');
    expect(await insert(sidebar, '已为您登记。')).toEqual({ ok: true, via: 'caret' });
    expect(await page.$eval('#reply', (field) => (field as HTMLTextAreaElement).value)).toBe('您好，已为您登记。');
    await page.close();
  });

  test.each(EDITORS)('%s: mid-text at the caret, lines kept, one Ctrl+Z removes it', async (name, editable) => {
    const page = await open(`editors/${name}.html`);
    await page.waitForSelector('html[data-ready]');
    const sidebar = await sidebarOf(page);
    if (name === 'tinymce') await (await (await page.$(editable))!.contentFrame())!.click('body');
    else await page.click(editable);
    await page.keyboard.type('开头结尾');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await new Promise((done) => setTimeout(done, 1200)); // editors group edits made close together into one undo step
    expect(await insert(sidebar, '您好\n再见')).toEqual({ ok: true, via: 'caret' });
    await expect.poll(() => model(page)).toEqual(['开头您好', '再见结尾']);
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await expect.poll(() => model(page)).toEqual(['开头结尾']);
    await page.close();
  });
});
