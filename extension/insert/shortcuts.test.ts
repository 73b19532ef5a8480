// @vitest-environment happy-dom
// Shortcut expansion with its options injected (the rendering behind `expand` is the
// background's). The document gets an `execCommand` that refuses, as in insert-text.test.ts, so
// the replacement runs through the value-setter fallback or a page editor's `beforeinput`.
// Real key presses, IME composition over CDP and frames are pinned in Chromium by
// test/e2e/crm-hostile.test.ts, and the replacement in real rich-text editors (a selection
// extended over their nodes) by test/e2e/editors.test.ts.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ShortcutPrefix } from '../../shared/content-protocol';
import { insertApi } from './insert-api';
import { expandShortcuts } from './shortcuts';

const { replaceTypedShortcut } = insertApi;

const TEMPLATE = '林志强，给您的生活带来这样的不便，我们非常抱歉。';

let controller: AbortController;
let expand: ReturnType<typeof vi.fn<(shortcut: string) => Promise<string | null>>>;
let shortcuts: Set<string>;
/** What the agent types to start a shortcut (a setting). */
let prefix: ShortcutPrefix;
/** The replacement the last expansion started, as the content script hands it to the insertion script. */
let replacing: Promise<unknown> | undefined;

beforeEach(() => {
  Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  Object.defineProperty(window, 'StaticRange', { value: class { constructor(readonly range: AbstractRange) {} }, configurable: true });
  controller = new AbortController();
  shortcuts = new Set([';qian', ';ding']);
  prefix = ';';
  expand = vi.fn(async (shortcut: string) => (shortcut === ';qian' ? TEMPLATE : null));
  expandShortcuts({
    doc: document,
    documents: (listener) => listener(document),
    shortcuts: () => shortcuts,
    prefix: () => prefix,
    expand,
    replace: (field, shortcut, text) => (replacing = replaceTypedShortcut(field, shortcut, text, null, prefix)),
    isOwn: (element) => element.localName.startsWith('lingting-') || element.hasAttribute('data-lingting'),
    signal: controller.signal,
  });
});
afterEach(() => {
  controller.abort();
  Reflect.deleteProperty(document, 'execCommand');
  Reflect.deleteProperty(window, 'StaticRange');
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
  replacing = undefined;
});

/** A focused textarea holding `value`, with the caret at its end (or at `caret`). */
function typedInto(value: string, caret = value.length): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea id="reply"></textarea>';
  const field = document.querySelector('textarea')!;
  field.value = value;
  field.focus();
  field.setSelectionRange(caret, caret);
  return field;
}

/** Presses a key on the focused element, as the browser dispatches it; returns the event. */
function press(key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement!): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Lets the pending expansion (a promise) settle, and the replacement it started, if any. */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve));
  await replacing;
};

describe('in a text field', () => {
  test('a known shortcut and Space become the rendered template', async () => {
    const field = typedInto('您好，;qian');
    const space = press(' ');
    expect(space.defaultPrevented).toBe(true); // the space never lands in the field
    expect(expand).toHaveBeenCalledWith(';qian');
    await settled();
    expect(field.value).toBe(`您好，${TEMPLATE}`);
  });

  test('typed with the full-width semicolon of Chinese punctuation mode, it expands the same', async () => {
    const field = typedInto('您好，；qian');
    expect(press(' ').defaultPrevented).toBe(true);
    expect(expand).toHaveBeenCalledWith(';qian');
    await settled();
    expect(field.value).toBe(`您好，${TEMPLATE}`);
  });

  test('with another prefix chosen, it and its Chinese-punctuation character start a shortcut, and `;` no longer does', async () => {
    prefix = '/';
    const field = typedInto('您好，/qian');
    expect(press(' ').defaultPrevented).toBe(true);
    await settled();
    expect(field.value).toBe(`您好，${TEMPLATE}`);
    const chinese = typedInto('您好，、qian');
    expect(press(' ').defaultPrevented).toBe(true);
    await settled();
    expect(chinese.value).toBe(`您好，${TEMPLATE}`);
    typedInto('您好，;qian');
    expect(press(' ').defaultPrevented).toBe(false);
    prefix = '\\';
    const backslash = typedInto('\\qian');
    expect(press(' ').defaultPrevented).toBe(true);
    await settled();
    expect(backslash.value).toBe(TEMPLATE);
  });

  test('Tab expands too, and the text after the caret stays where it was', async () => {
    const field = typedInto('您好;qian，再见', '您好;qian'.length);
    expect(press('Tab').defaultPrevented).toBe(true);
    await settled();
    expect(field.value).toBe(`您好${TEMPLATE}，再见`);
  });

  test('the page’s own key handlers never see a key that was claimed', () => {
    const field = typedInto(';qian');
    const pageSaw: string[] = [];
    field.addEventListener('keydown', (event) => pageSaw.push(event.key));
    press(' ');
    press('a');
    expect(pageSaw).toEqual(['a']);
  });

  test.each([
    ['an unknown shortcut', ';nope'],
    ['a shortcut not right before the caret', ';qian '],
    ['a word that only ends like one', 'qian'],
    ['a semicolon and one letter', ';q'],
    ['upper-case letters', ';QIAN'],
  ])('%s is left alone', async (_name, value) => {
    const field = typedInto(value);
    expect(press(' ').defaultPrevented).toBe(false);
    await settled();
    expect(expand).not.toHaveBeenCalled();
    expect(field.value).toBe(value);
  });

  test('other keys, and Space with Ctrl, Alt or Meta, are left to the page', () => {
    typedInto(';qian');
    for (const event of [press('Enter'), press('a'), press(' ', { ctrlKey: true }), press(' ', { altKey: true }), press(' ', { metaKey: true })]) {
      expect(event.defaultPrevented).toBe(false);
    }
    expect(expand).not.toHaveBeenCalled();
  });

  test('nothing is claimed while text is selected rather than a caret placed', () => {
    const field = typedInto(';qian 先生');
    field.setSelectionRange(5, 8);
    expect(press(' ').defaultPrevented).toBe(false);
  });

  test('not in a read-only field, nor in a field the content script calls its own', () => {
    const field = typedInto(';qian');
    field.readOnly = true;
    expect(press(' ').defaultPrevented).toBe(false);
    field.readOnly = false;
    field.setAttribute('data-lingting', '');
    expect(press(' ').defaultPrevented).toBe(false);
    // Nor inside our closed shadow roots: focus there shows as their host, which takes no text.
    const own = document.createElement('lingting-scratch');
    const ownField = document.createElement('textarea');
    ownField.value = ';qian';
    own.attachShadow({ mode: 'closed' }).append(ownField);
    document.body.append(own);
    ownField.focus();
    ownField.setSelectionRange(5, 5);
    expect(press(' ', {}, ownField).defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
  });

  test('a shortcut with no template claims the key but changes nothing', async () => {
    const field = typedInto('您好;ding');
    expect(press(' ').defaultPrevented).toBe(true);
    await settled();
    expect(expand).toHaveBeenCalledWith(';ding');
    expect(field.value).toBe('您好;ding');
  });
});

describe('while the background renders the template', () => {
  /** An expansion the test answers when it chooses. */
  function pendingExpansion() {
    let answer!: (text: string | null) => void;
    expand.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    return (text: string | null) => answer(text);
  }

  test('the caret moved away: nothing is replaced', async () => {
    const answer = pendingExpansion();
    const field = typedInto('您好;qian');
    press(' ');
    field.setSelectionRange(0, 0);
    answer(TEMPLATE);
    await settled();
    expect(field.value).toBe('您好;qian');
  });

  test('the agent went on typing: nothing is replaced', async () => {
    const answer = pendingExpansion();
    const field = typedInto('您好;qian');
    press(' ');
    field.value = '您好;qianx';
    field.setSelectionRange(field.value.length, field.value.length);
    answer(TEMPLATE);
    await settled();
    expect(field.value).toBe('您好;qianx');
  });

  test('focus went to another field: neither field is touched', async () => {
    const answer = pendingExpansion();
    const field = typedInto('您好;qian');
    press(' ');
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    answer(TEMPLATE);
    await settled();
    expect(field.value).toBe('您好;qian');
    expect(other.value).toBe('');
  });
});

describe('input method composition', () => {
  test('never expands while composing: Space then picks a candidate', async () => {
    const field = typedInto(';qian');
    field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    expect(press(' ').defaultPrevented).toBe(false);
    field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true }));
    expect(press(' ').defaultPrevented).toBe(true);
    await settled();
    expect(expand).toHaveBeenCalledTimes(1);
  });

  test('a key event that says it is composing, or carries keyCode 229, is left alone', () => {
    typedInto(';qian');
    expect(press(' ', { isComposing: true }).defaultPrevented).toBe(false);
    expect(press(' ', { keyCode: 229 } as KeyboardEventInit).defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
  });
});

describe('in a contenteditable field', () => {
  /** A focused contenteditable holding `text`, with the selection from `start` to `end`. */
  function editorWith(text: string, start: number, end = start): HTMLElement {
    document.body.innerHTML = '<div id="editor" contenteditable="true"></div>';
    const editor = document.getElementById('editor')!;
    editor.textContent = text;
    editor.focus();
    const range = document.createRange();
    range.setStart(editor.firstChild!, start);
    range.setEnd(editor.firstChild!, end);
    document.getSelection()!.addRange(range);
    return editor;
  }

  test('nothing is claimed while text is selected rather than a caret placed', () => {
    editorWith('您好;qian先生', 7, 9);
    expect(press(' ').defaultPrevented).toBe(false);
  });

  test('a shortcut typed across the editor’s nodes is claimed, with the caret between nodes', () => {
    document.body.innerHTML = '<div id="editor" contenteditable="true"><p>您好<b>;di</b>ng</p></div>';
    const editor = document.getElementById('editor')!;
    editor.focus();
    // As ProseMirror leaves it after redrawing: at the paragraph's end, not inside a text node.
    const paragraph = editor.firstElementChild!;
    const caret = document.createRange();
    caret.setStart(paragraph, paragraph.childNodes.length);
    document.getSelection()!.addRange(caret);
    expect(press(' ').defaultPrevented).toBe(true);
    expect(expand).toHaveBeenCalledWith(';ding');
  });
});

test('after abort, Space is just a space', () => {
  controller.abort();
  typedInto(';qian');
  expect(press(' ').defaultPrevented).toBe(false);
  expect(expand).not.toHaveBeenCalled();
});

describe('replaceTypedShortcut (Insert from the sidebar after it asked for values)', () => {
  test('puts the text in place of the shortcut still typed before the caret', async () => {
    const field = typedInto('您好，;ding');
    field.blur(); // the agent typed the missing value in the sidebar meanwhile
    expect(await replaceTypedShortcut(field, ';ding', '明天答复。', null, ';')).toBe(true);
    expect(field.value).toBe('您好，明天答复。');
    expect(document.activeElement).toBe(field);
  });

  test('inserts at the caret, removing nothing, when the shortcut is no longer there', async () => {
    const field = typedInto('您好，;ding 已改', 3);
    expect(await replaceTypedShortcut(field, ';ding', '明天答复。', null, ';')).toBe(true);
    expect(field.value).toBe('您好，明天答复。;ding 已改');
  });
});
