// @vitest-environment happy-dom
// Which host elements take text, and where focus really is. Frames here share the top page's
// realm (happy-dom), so the realm-independence of the checks is pinned only in Chromium.
import { afterEach, describe, expect, test } from 'vitest';
import { deepActiveElement, frameDocument, isEditable, isTextField } from './editable';

afterEach(() => document.body.replaceChildren());

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return document.body.firstElementChild as HTMLElement;
};

describe('isTextField', () => {
  test.each(['text', 'search', 'email', 'url', 'tel'])('an input of type %s takes prose', (type) => {
    expect(isTextField(html(`<input type="${type}">`))).toBe(true);
  });

  test('so do a textarea and an input without a type', () => {
    expect(isTextField(html('<textarea></textarea>'))).toBe(true);
    expect(isTextField(html('<input>'))).toBe(true);
  });

  test.each(['checkbox', 'radio', 'date', 'number', 'password', 'hidden', 'submit', 'file'])('an input of type %s never gets a template', (type) => {
    expect(isTextField(html(`<input type="${type}">`))).toBe(false);
  });

  test('neither does anything else, or nothing', () => {
    expect(isTextField(html('<div contenteditable="true"></div>'))).toBe(false);
    expect(isTextField(html('<select></select>'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('isEditable', () => {
  test('a text field the agent can type in', () => {
    expect(isEditable(html('<textarea></textarea>'))).toBe(true);
    expect(isEditable(html('<input type="search">'))).toBe(true);
  });

  test('not a read-only or disabled field: the CRM shows data there, it does not take replies', () => {
    expect(isEditable(html('<input readonly value="王秀英">'))).toBe(false);
    expect(isEditable(html('<textarea disabled></textarea>'))).toBe(false);
  });

  test('a contenteditable element and what is inside it, but not an element it switches off', () => {
    const editor = html('<div contenteditable="true"><p>正文</p><span contenteditable="false">标签</span></div>');
    expect(isEditable(editor)).toBe(true);
    expect(isEditable(editor.querySelector('p'))).toBe(true);
    expect(isEditable(editor.querySelector('span'))).toBe(false);
  });

  test('not plain elements, nor nothing', () => {
    expect(isEditable(html('<div>说明</div>'))).toBe(false);
    expect(isEditable(html('<button>发送</button>'))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});

describe('frameDocument', () => {
  test('the document of a same-origin frame', () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<textarea></textarea>';
    document.body.append(frame);
    expect(frameDocument(frame)).toBe(frame.contentDocument);
    expect(frameDocument(frame)?.querySelector('textarea')).not.toBeNull();
  });

  test('null for an element that is not a frame', () => {
    expect(frameDocument(html('<div></div>'))).toBeNull();
    expect(frameDocument(html('<object></object>'))).toBeNull();
  });
});

describe('deepActiveElement', () => {
  test('the focused element of the page itself', () => {
    const field = html('<textarea></textarea>');
    field.focus();
    expect(deepActiveElement(document)).toBe(field);
  });

  test('goes down through nested open shadow roots to the field', () => {
    const app = html('<crm-app></crm-app>');
    const panel = document.createElement('reply-panel');
    app.attachShadow({ mode: 'open' }).append(panel);
    panel.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="reply"></textarea>';
    const field = panel.shadowRoot!.querySelector('textarea')!;
    field.focus();
    expect(document.activeElement).toBe(app); // the page sees only the outer host
    expect(deepActiveElement(document)).toBe(field);
  });

  test('stops at a closed shadow root: its host is as deep as anyone can see', () => {
    const host = html('<lingting-sidebar></lingting-sidebar>');
    const shadow = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    shadow.append(button);
    button.focus();
    expect(deepActiveElement(document)).toBe(host);
  });

  test('goes into a same-origin frame whose document has the focus', () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<textarea name="remark"></textarea>';
    document.body.append(frame);
    const field = frame.contentDocument!.querySelector('textarea')!;
    field.focus();
    // As a browser reports focus inside a frame: the frame is the top page's active element.
    frame.focus();
    expect(document.activeElement).toBe(frame);
    expect(deepActiveElement(document)).toBe(field);
  });

  test('the body when nothing is focused', () => {
    html('<textarea></textarea>');
    expect(deepActiveElement(document)).toBe(document.body);
  });
});
