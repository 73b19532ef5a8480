// Wording inserted into the real rich-text and code editors CRMs embed, installed from npm and
// bundled into fixture pages: the sidebar's Insert and shortcut expansion, checked in each
// editor's own model (not the DOM, which can show the right text while the model differs).
import { describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { InsertResult } from '../../shared';
import type { EditorPage } from './fixture-server';
import { screenshotPath, sidebarFrame, useCrmTestBed } from './harness';

declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };

interface Editor {
  page: EditorPage;
  query?: string;
  /** Where an agent clicks to type. */
  editable: string;
  /** The editor's frame, for editors that edit inside an iframe. */
  frame?: string;
  /**
   * False for code editors whose hidden input mirrors their text (Monaco): its selection is not
   * the editor's, so a typed shortcut cannot be replaced there and the key is typed as usual.
   */
  shortcuts?: false;
}

const EDITORS: Record<string, Editor> = {
  Quill: { page: 'quill', editable: '.ql-editor' },
  TinyMCE: { page: 'tinymce', frame: 'iframe.tox-edit-area__iframe', editable: 'body' },
  'TinyMCE (React, controlled)': { page: 'tinymce-react', frame: 'iframe.tox-edit-area__iframe', editable: 'body' },
  'CKEditor 5': { page: 'ckeditor5', editable: '.ck-editor__editable' },
  Lexical: { page: 'lexical', editable: '#editor' },
  ProseMirror: { page: 'prosemirror', editable: '.ProseMirror' },
  Tiptap: { page: 'tiptap', editable: '.tiptap' },
  Slate: { page: 'slate', editable: '[data-slate-editor]' },
  'Draft.js': { page: 'draft', editable: '.public-DraftEditor-content' },
  'CodeMirror 6': { page: 'codemirror', editable: '.cm-content' },
  'a Vue 3 v-model textarea': { page: 'vue', editable: '#reply' },
  'Monaco (EditContext)': { page: 'monaco', editable: '.monaco-editor .view-lines', shortcuts: false },
  'Monaco (textarea)': { page: 'monaco', query: '?textarea', editable: '.monaco-editor .view-lines', shortcuts: false },
};

/** A template with no blanks to fill in, so its shortcut expands at once (seeded). */
const SHORTCUT = ';gan';
const SHORTCUT_TEXT = '遇到这样的事，换作是我也会很着急。谢谢您愿意直接告诉我们。';

const bed = useCrmTestBed();

async function open(editor: Editor): Promise<{ page: Page; sidebar: Frame }> {
  const page = await bed.browser.context.newPage();
  await page.goto(bed.fixtures.url(`editors/${editor.page}.html${editor.query ?? ''}`));
  await page.waitForSelector('html[data-ready]');
  const sidebar = await sidebarFrame(page);
  return { page, sidebar };
}

const editable = (page: Page, editor: Editor) => (editor.frame ? page.frameLocator(editor.frame).locator(editor.editable) : page.locator(editor.editable));

/** The editor's text as its own model holds it, as non-empty lines. */
async function modelLines(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => (window as unknown as { fixture: { text(): string } }).fixture.text());
  return lines(text);
}
const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .filter(Boolean);

/** Asks for an insertion the way the sidebar's Insert does, after focus has moved into the sidebar. */
async function insertFromSidebar(sidebar: Frame, text: string): Promise<InsertResult> {
  await sidebar.locator('input, button').first().focus();
  return sidebar.evaluate((t) => chrome.runtime.sendMessage({ type: 'text.insert', text: t }), text) as Promise<InsertResult>;
}

/**
 * Editors group edits made close together into one undo step (ProseMirror within 500 ms, Quill
 * within a second), an agent's own paste too: an agent reads the customer and picks wording in
 * between; so does the test.
 */
const pause = (page: Page) => page.waitForTimeout(1200);

describe.each(Object.entries(EDITORS))("%s", (_name, editor) => {
  test('a multi-line template inserted into the empty editor keeps its lines in the model', async () => {
    const { page, sidebar } = await open(editor);
    await editable(page, editor).click();
    expect(await insertFromSidebar(sidebar, '第一行\n第二行')).toEqual({ ok: true, via: 'caret' });
    await expect.poll(() => modelLines(page)).toEqual(['第一行', '第二行']);
    await page.close();
  });

  test('mid-text, it lands once at the caret with the text around it intact, and one Ctrl+Z removes it', async () => {
    const { page, sidebar } = await open(editor);
    await editable(page, editor).click();
    await page.keyboard.insertText('开头结尾');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await pause(page);
    expect(await insertFromSidebar(sidebar, '您好\n再见')).toEqual({ ok: true, via: 'caret' });
    await expect.poll(() => modelLines(page)).toEqual(['开头您好', '再见结尾']);
    await page.screenshot({ path: screenshotPath(`editor-${editor.page}${editor.query ? '-textarea' : ''}`) });
    await page.keyboard.press('Control+z');
    await expect.poll(() => modelLines(page)).toEqual(['开头结尾']);
    await page.close();
  });

  test.runIf(editor.shortcuts !== false)('a shortcut typed in the editor expands to its template', async () => {
    const { page } = await open(editor);
    await editable(page, editor).click();
    await page.keyboard.insertText('您好，');
    await page.keyboard.type(SHORTCUT);
    await page.keyboard.press('Space');
    await expect.poll(() => modelLines(page)).toEqual([`您好，${SHORTCUT_TEXT}`]);
    // ；, as Chinese input methods type it in Chinese-punctuation mode, starts a shortcut too.
    await page.keyboard.insertText(`；${SHORTCUT.slice(1)}`);
    await page.keyboard.press('Tab');
    await expect.poll(() => modelLines(page)).toEqual([`您好，${SHORTCUT_TEXT}${SHORTCUT_TEXT}`]);
    // Tab was the shortcut's: focus stayed in the editor rather than moving on (into the sidebar).
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('lingting-sidebar');
    await page.close();
  });
});

describe.each(Object.entries(EDITORS).filter(([, editor]) => editor.shortcuts === false))('%s', (_name, editor) => {
  test('a shortcut is typed as it is, its Space kept', async () => {
    const { page } = await open(editor);
    await editable(page, editor).click();
    await page.keyboard.type(`${SHORTCUT} ok`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { fixture: { text(): string } }).fixture.text())).toBe(`${SHORTCUT} ok`);
    await page.close();
  });
});

describe('what the sidebar says', () => {
  test('text that never reaches the editor is copied to the clipboard, and the sidebar says so', async () => {
    const { page, sidebar } = await open({ page: 'refusing', editable: '#editor' });
    await page.locator('#editor').click();
    expect(await insertFromSidebar(sidebar, '请稍候，我们马上回电。')).toEqual({ ok: true, via: 'clipboard' });
    expect(await page.evaluate(() => (window as unknown as { fixture: { text(): string } }).fixture.text())).toBe('已锁定的回复');
    await page.close();
  });
});

describe('what the page app sees', () => {
  test('a controlled TinyMCE in React has the inserted text in its state at once, not on blur', async () => {
    const { page, sidebar } = await open(EDITORS['TinyMCE (React, controlled)']!);
    await editable(page, EDITORS['TinyMCE (React, controlled)']!).click();
    await page.keyboard.insertText('您好，');
    expect(await insertFromSidebar(sidebar, '已为您登记。')).toEqual({ ok: true, via: 'caret' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { fixture: { state(): string } }).fixture.state())).toContain('您好，已为您登记。');
    await page.close();
  });
});
