// @vitest-environment happy-dom
// Remembering where the agent was typing. How focus moving into a frame is announced (focusin in
// the frame, blur of the top window) differs between browsers and happy-dom: fields inside frames
// are pinned in Chromium by test/e2e/crm-hostile.test.ts (legacy CRM).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { trackFocusedField, type FocusTracker } from './focus-tracker';

let controller: AbortController;
let tracker: FocusTracker;
/** Our own elements, as the content script tells them apart. */
const isOwn = (element: Element) => element.localName.startsWith('lingting-') || element.classList.contains('lingting-own');

beforeEach(() => {
  controller = new AbortController();
  tracker = trackFocusedField(document, isOwn, controller.signal);
});
afterEach(() => {
  controller.abort();
  document.documentElement.querySelector('lingting-sidebar')?.remove();
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return document.body;
};

/** Puts the selection (the caret when collapsed) at `offset` in `node`, as a click would. */
function select(node: Node, start: number, end = start): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

describe('the field', () => {
  test('is the editable field focused last', () => {
    const body = html('<textarea id="reply"></textarea><input id="subject">');
    expect(tracker.field()).toBeNull();
    body.querySelector<HTMLElement>('#reply')!.focus();
    expect(tracker.field()?.id).toBe('reply');
    body.querySelector<HTMLElement>('#subject')!.focus();
    expect(tracker.field()?.id).toBe('subject');
  });

  test('stays when focus moves to something that takes no text', () => {
    const body = html('<textarea id="reply"></textarea><button>保存</button><input id="name" readonly>');
    body.querySelector<HTMLElement>('#reply')!.focus();
    body.querySelector('button')!.focus();
    body.querySelector<HTMLElement>('#name')!.focus();
    expect(tracker.field()?.id).toBe('reply');
  });

  test('stays when focus moves into our sidebar, and never becomes one of our own fields', () => {
    const body = html('<textarea id="reply"></textarea><textarea class="lingting-own"></textarea>');
    body.querySelector<HTMLElement>('#reply')!.focus();
    // The sidebar lives in a closed shadow root: the page, and we, see focus on its host.
    const sidebar = document.createElement('lingting-sidebar');
    const button = document.createElement('button');
    sidebar.attachShadow({ mode: 'closed' }).append(button);
    document.documentElement.append(sidebar);
    button.focus();
    expect(document.activeElement).toBe(sidebar);
    expect(tracker.field()?.id).toBe('reply');
    body.querySelector<HTMLElement>('.lingting-own')!.focus();
    expect(tracker.field()?.id).toBe('reply');
  });

  test('is found inside open shadow roots', () => {
    const app = html('<crm-app></crm-app>').querySelector('crm-app')!;
    app.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="reply"></textarea>';
    const field = app.shadowRoot!.querySelector<HTMLElement>('#reply')!;
    field.focus();
    expect(tracker.field()).toBe(field);
  });

  test('is forgotten once the page removes it', () => {
    const body = html('<textarea id="reply"></textarea>');
    body.querySelector<HTMLElement>('#reply')!.focus();
    body.replaceChildren();
    expect(tracker.field()).toBeNull();
  });

  test('is no longer followed after abort', () => {
    const body = html('<textarea id="reply"></textarea><input id="subject">');
    body.querySelector<HTMLElement>('#reply')!.focus();
    controller.abort();
    body.querySelector<HTMLElement>('#subject')!.focus();
    expect(tracker.field()?.id).toBe('reply');
  });
});

describe('the caret of a rich-text field', () => {
  test('is saved as the agent moves it, and kept when the selection leaves the field', () => {
    const body = html('<div id="editor" contenteditable="true">您好，请稍候</div><p id="other">别处</p>');
    const editor = body.querySelector<HTMLElement>('#editor')!;
    editor.focus();
    select(editor.firstChild!, 3);
    expect(tracker.caret()).toMatchObject({ startContainer: editor.firstChild, startOffset: 3, collapsed: true });
    // Clicking elsewhere (the sidebar, the page) moves the selection: the caret in the field stays.
    select(body.querySelector('#other')!.firstChild!, 1);
    expect(tracker.caret()).toMatchObject({ startContainer: editor.firstChild, startOffset: 3 });
  });

  test('is a copy: the page moving its own selection later does not move it', () => {
    const body = html('<div id="editor" contenteditable="true">您好，请稍候</div>');
    const editor = body.querySelector<HTMLElement>('#editor')!;
    editor.focus();
    const live = select(editor.firstChild!, 2);
    live.setStart(editor.firstChild!, 5);
    expect(tracker.caret()?.startOffset).toBe(2);
  });

  test('is dropped when another field is focused', () => {
    const body = html('<div id="editor" contenteditable="true">您好</div><div id="notes" contenteditable="true">备注</div>');
    const editor = body.querySelector<HTMLElement>('#editor')!;
    editor.focus();
    select(editor.firstChild!, 1);
    body.querySelector<HTMLElement>('#notes')!.focus();
    expect(tracker.caret()).toBeNull();
  });

  test('is not kept for a plain text field, which keeps its own selection', () => {
    const body = html('<textarea id="reply">您好</textarea><div contenteditable="true">x</div>');
    body.querySelector<HTMLElement>('#reply')!.focus();
    select(body.querySelector('div')!.firstChild!, 1);
    expect(tracker.caret()).toBeNull();
  });
});

describe('documents', () => {
  test('hands out the top document now and frame documents as they are adopted, each once', () => {
    const seen: Document[] = [];
    tracker.documents((doc) => seen.push(doc));
    expect(seen).toEqual([document]);

    const frame = document.createElement('iframe');
    frame.srcdoc = '<textarea></textarea>';
    document.body.append(frame);
    tracker.adopt(frame.contentDocument!);
    tracker.adopt(frame.contentDocument!);
    expect(seen).toEqual([document, frame.contentDocument]);

    // A listener that comes later still hears of every document known so far.
    const late: Document[] = [];
    tracker.documents((doc) => late.push(doc));
    expect(late).toEqual([document, frame.contentDocument]);
  });
});
