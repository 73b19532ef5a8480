// @vitest-environment happy-dom
// Putting text into a host field. happy-dom has no editing pipeline: no `execCommand` and no
// `StaticRange`. The document here is given an `execCommand` that refuses, as a browser does
// where it cannot edit, so the paths that do not depend on it run for real: the caret restored,
// `beforeinput` offered to a rich-text editor, and the value-setter fallback. That
// `execCommand('insertText')` reaches React, contenteditable and the undo stack is pinned in
// Chromium by test/e2e/crm-hostile.test.ts.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { insertText } from './insert-text';

let execCommand: ReturnType<typeof vi.fn<Document['execCommand']>>;
beforeEach(() => {
  execCommand = vi.fn<Document['execCommand']>(() => false);
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  // The target ranges of a `beforeinput` are StaticRanges; happy-dom has none, and its InputEvent
  // does not expose them either, so a plain snapshot of the boundary points stands in.
  Object.defineProperty(window, 'StaticRange', { value: class { constructor(readonly range: AbstractRange) {} }, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
  Reflect.deleteProperty(window, 'StaticRange');
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

const html = <T extends HTMLElement>(markup: string) => {
  document.body.innerHTML = markup;
  return document.body.firstElementChild as T;
};

/** Every `input` event the field fires, as the page app would hear it. */
function inputEvents(field: HTMLElement): InputEvent[] {
  const events: InputEvent[] = [];
  field.addEventListener('input', (event) => events.push(event as InputEvent));
  return events;
}

describe('a textarea or text input', () => {
  test('goes through the browser editing pipeline first, and nothing else when it takes the text', async () => {
    const field = html<HTMLTextAreaElement>('<textarea>您好，</textarea>');
    execCommand.mockImplementation((_command, _ui, text) => ((field.value += text), true));
    const events = inputEvents(field);
    expect(await insertText(field, '请稍候。', null)).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('insertText', false, '请稍候。');
    expect(document.activeElement).toBe(field); // focused first, so the command edits this field
    expect(events).toEqual([]); // no second insertion by hand
  });

  test('where the pipeline refuses, the text replaces the selection and the caret follows it', async () => {
    const field = html<HTMLTextAreaElement>('<textarea>您好，XX先生</textarea>');
    field.setSelectionRange(3, 5);
    const events = inputEvents(field);
    expect(await insertText(field, '王', null)).toBe(true);
    expect(field.value).toBe('您好，王先生');
    expect([field.selectionStart, field.selectionEnd]).toEqual([4, 4]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ inputType: 'insertText', data: '王', bubbles: true });
  });

  test('the value is set through the native setter, past a controlled input’s own value tracker', async () => {
    // React keeps the value it rendered by wrapping the element’s own `value` property; had the
    // text gone through it, React would take the following input event for its own render.
    const field = html<HTMLInputElement>('<input value="漏水">');
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const trackerSaw: string[] = [];
    Object.defineProperty(field, 'value', {
      configurable: true,
      get: () => native.get!.call(field),
      set: (value: string) => (trackerSaw.push(value), native.set!.call(field, value)),
    });
    field.setSelectionRange(2, 2);
    expect(await insertText(field, '投诉', null)).toBe(true);
    expect(native.get!.call(field)).toBe('漏水投诉');
    expect(trackerSaw).toEqual([]);
  });

  test('a field the agent never clicked gets the text after what it holds', async () => {
    const field = html<HTMLTextAreaElement>('<textarea>已转工程部。</textarea>');
    field.setSelectionRange(0, 0);
    expect(await insertText(field, '【跟进】', 'end')).toBe(true);
    expect(field.value).toBe('已转工程部。【跟进】');
  });

  test('a field inside a frame is edited through the frame’s own document', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<textarea name="remark">已转</textarea>';
    document.body.append(frame);
    const frameDoc = frame.contentDocument!;
    const frameExecCommand = vi.fn<Document['execCommand']>(() => false);
    Object.defineProperty(frameDoc, 'execCommand', { value: frameExecCommand, configurable: true });
    const field = frameDoc.querySelector('textarea')!;
    const events = inputEvents(field);
    expect(await insertText(field, '工程部。', 'end')).toBe(true);
    expect(frameExecCommand).toHaveBeenCalledWith('insertText', false, '工程部。');
    expect(execCommand).not.toHaveBeenCalled();
    expect(field.value).toBe('已转工程部。');
    expect(events).toHaveLength(1);
  });

  test('an email field, which has no selection API, still takes the text at its end', async () => {
    const field = html<HTMLInputElement>('<input type="email" value="wang">');
    const events = inputEvents(field);
    expect(await insertText(field, '@example.com', 'end')).toBe(true);
    expect(field.value).toBe('wang@example.com');
    expect(events).toHaveLength(1);
    expect(await insertText(field, '.cn', null)).toBe(true);
    expect(field.value).toBe('wang@example.com.cn');
  });
});

describe('a rich-text or code editor with its own model', () => {
  /** An editor that inserts what is pasted into its model, as ProseMirror, Lexical or Quill do. */
  function pasteEditor(markup: string, insert = true) {
    const editor = html<HTMLDivElement>(markup);
    const pasted: string[] = [];
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = event.clipboardData!.getData('text/plain');
      pasted.push(text);
      if (insert) setTimeout(() => editor.append(...text.split('\n').map((line) => Object.assign(document.createElement('p'), { textContent: line }))));
    });
    return { editor, pasted };
  }

  test('is handed the text as a plain-text paste, lines and all, and nothing else once it took it', async () => {
    const { editor, pasted } = pasteEditor('<div contenteditable="true"><p>您好</p></div>');
    let offeredBeforeInput = 0;
    editor.addEventListener('beforeinput', () => offeredBeforeInput++);
    expect(await insertText(editor, '第一行\n第二行', 'end')).toBe(true); // shown a moment later, as a render
    expect(pasted).toEqual(['第一行\n第二行']);
    expect(editor.textContent).toBe('您好第一行第二行');
    expect(offeredBeforeInput).toBe(0);
    expect(execCommand).not.toHaveBeenCalled();
  });

  test('an editor that took the paste and left the field as it was is offered the next way (Firefox hides the paste data)', async () => {
    const { editor, pasted } = pasteEditor('<div contenteditable="true">您好</div>', false);
    const offered: string[] = [];
    editor.addEventListener('beforeinput', (event) => {
      offered.push(event.data ?? '');
      event.preventDefault();
      editor.append(event.data ?? '');
    });
    expect(await insertText(editor, '请稍候。', 'end')).toBe(true);
    expect([pasted, offered]).toEqual([['请稍候。'], ['请稍候。']]);
    expect(editor.textContent).toBe('您好请稍候。');
  });

  test('an editor that took the text and changed the field otherwise is not offered it again: it is reported', async () => {
    const editor = html<HTMLDivElement>('<div contenteditable="true">您好</div>');
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      editor.append('【已改写】'); // not the text: the caller copies it to the clipboard instead
    });
    let offeredBeforeInput = 0;
    editor.addEventListener('beforeinput', () => offeredBeforeInput++);
    expect(await insertText(editor, '请稍候。', 'end')).toBe(false);
    expect(offeredBeforeInput).toBe(0);
    expect(execCommand).not.toHaveBeenCalled();
  });
});

describe('a contenteditable field', () => {
  /** A rich-text editor that keeps its own model and inserts on `beforeinput`, as Lexical does. */
  function beforeInputEditor(markup: string) {
    const editor = html<HTMLDivElement>(markup);
    const offered: { data: string | null; inputType: string; cancelable: boolean; composed: boolean; at: string }[] = [];
    editor.addEventListener('beforeinput', (event) => {
      const range = document.getSelection()!.getRangeAt(0);
      const at = `${range.startContainer.textContent}@${range.startOffset}-${range.endOffset}`;
      offered.push({ data: event.data, inputType: event.inputType, cancelable: event.cancelable, composed: event.composed, at });
      event.preventDefault();
      range.deleteContents();
      range.insertNode(document.createTextNode(event.data ?? ''));
    });
    return { editor, offered };
  }

  test('the caret saved before focus left is restored, and an editor that takes beforeinput inserts there', async () => {
    const { editor, offered } = beforeInputEditor('<div contenteditable="true">您好，先生</div>');
    const text = editor.firstChild!;
    const caret = document.createRange();
    caret.setStart(text, 3);
    caret.collapse(true);
    // Focus went to the sidebar, and the selection with it.
    document.getSelection()!.removeAllRanges();

    expect(await insertText(editor, '王', caret)).toBe(true);
    expect(offered).toEqual([{ data: '王', inputType: 'insertText', cancelable: true, composed: true, at: '您好，先生@3-3' }]);
    expect(editor.textContent).toBe('您好，王先生');
    expect(execCommand).not.toHaveBeenCalled(); // the editor inserted it: the browser must not again
  });

  test('a saved caret that is no longer inside the field is not restored', async () => {
    document.body.innerHTML = '<p id="elsewhere">别处</p>';
    const stale = document.createRange();
    stale.setStart(document.getElementById('elsewhere')!.firstChild!, 1);
    const { editor, offered } = beforeInputEditor('<div contenteditable="true">您好</div>');
    const inside = document.createRange();
    inside.setStart(editor.firstChild!, 2);
    document.getSelection()!.addRange(inside);
    await insertText(editor, '！', stale);
    expect(offered[0]?.at).toBe('您好@2-2');
    expect(editor.textContent).toBe('您好！');
  });

  test('with no saved caret, "end" puts the text after what the field holds', async () => {
    const { editor } = beforeInputEditor('<div contenteditable="true"><p>已记录</p></div>');
    expect(await insertText(editor, '，马上处理', 'end')).toBe(true);
    expect(editor.textContent).toBe('已记录，马上处理');
  });

  test('an editor that lets beforeinput pass is left to the browser pipeline; refused there, nothing is inserted', async () => {
    const editor = html<HTMLDivElement>('<div contenteditable="true">您好</div>');
    let offered = 0;
    editor.addEventListener('beforeinput', () => offered++);
    expect(await insertText(editor, '！', 'end')).toBe(false);
    expect(offered).toBe(1);
    expect(execCommand).toHaveBeenCalledWith('insertText', false, '！');
    expect(editor.textContent).toBe('您好'); // the caller falls back to the clipboard
  });
});
