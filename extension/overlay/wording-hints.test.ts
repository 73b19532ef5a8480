// @vitest-environment happy-dom
// Flagging wording as the agent types, with fake timers for the debounce. Where the hint sits
// next to the field needs layout, and fields inside frames need a browser's focus: both are
// pinned in Chromium (test/e2e/crm-hostile.test.ts).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentWordingRule } from '../../shared/content-protocol';
import { flagWordingAsTyped } from './wording-hints';

const DEBOUNCE_MS = 250;
const LABELS = { forbidden: 'Forbidden', unapproved_promise: 'Promise', instead: 'Say' };
const PROMISE: ContentWordingRule = { phrase: '保证三天', alternative: '我们会尽快安排，并在约定时间前答复您', kind: 'unapproved_promise' };
const FORBIDDEN: ContentWordingRule = { phrase: '不可能', alternative: '', kind: 'forbidden' };

let controller: AbortController;
let rules: ContentWordingRule[];
let hints: { check(): void };
/** Our layer's closed shadow root, caught as it is attached. */
let layer: ShadowRoot | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  controller = new AbortController();
  rules = [PROMISE, FORBIDDEN];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.localName === 'lingting-layer') layer = root;
    return root;
  });
  hints = flagWordingAsTyped({
    doc: document,
    documents: (listener) => listener(document),
    rules: () => rules,
    isOwn: (element) => element.localName.startsWith('lingting-') || element.hasAttribute('data-lingting'),
    labels: LABELS,
    signal: controller.signal,
  });
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const hint = () => layer!.querySelector<HTMLElement>('.hint')!;

/** The agent types `text` into the focused text field: its value changes and an input event fires. */
function type(field: HTMLTextAreaElement | HTMLInputElement, text: string) {
  field.value += text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

function focusedTextarea(): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea id="reply"></textarea>';
  const field = document.querySelector('textarea')!;
  field.focus();
  return field;
}

test('a phrase that is flagged shows a hint with its kind, the phrase and the approved wording', () => {
  const field = focusedTextarea();
  expect(hint().hidden).toBe(true);
  type(field, '我们保证三天修好');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(false);
  expect(hint().getAttribute('role')).toBe('status');
  expect(hint().dataset.kind).toBe('unapproved_promise');
  expect(hint().querySelector('b')?.textContent).toBe('⚠ Promise: 「保证三天」');
  expect(hint().querySelector('.alt')?.textContent).toBe('Say: 我们会尽快安排，并在约定时间前答复您');
});

test('waits until typing pauses', () => {
  const field = focusedTextarea();
  type(field, '保证');
  vi.advanceTimersByTime(DEBOUNCE_MS - 50);
  type(field, '三天');
  vi.advanceTimersByTime(DEBOUNCE_MS - 1);
  expect(hint().hidden).toBe(true);
  vi.advanceTimersByTime(1);
  expect(hint().hidden).toBe(false);
});

test('the first phrase in the text is shown, with how many more there are', () => {
  const field = focusedTextarea();
  type(field, '这不可能，除非保证三天');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().dataset.kind).toBe('forbidden');
  expect(hint().querySelector('b')?.textContent).toBe('⚠ Forbidden: 「不可能」 (+1)');
  // A forbidden phrase without an approved alternative has no "say instead" line.
  expect(hint().querySelector('.alt')).toBeNull();
});

test('the hint goes once the phrase is gone, or focus moves somewhere that takes no text', () => {
  const field = focusedTextarea();
  type(field, '保证三天');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  field.value = '我们会尽快安排';
  type(field, '');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(true);

  type(field, '，保证三天');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(false);
  const button = document.createElement('button');
  document.body.append(button);
  button.focus();
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(true);
});

test('reads rich-text fields and fields inside open shadow roots', () => {
  document.body.innerHTML = '<crm-app></crm-app><div id="editor" contenteditable="true"></div>';
  const editor = document.getElementById('editor')!;
  editor.focus();
  editor.textContent = '不可能';
  editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().dataset.kind).toBe('forbidden');

  const app = document.querySelector('crm-app')!;
  app.attachShadow({ mode: 'open' }).innerHTML = '<textarea></textarea>';
  const field = app.shadowRoot!.querySelector('textarea')!;
  field.focus(); // focusin alone schedules a check
  field.value = '保证三天';
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().dataset.kind).toBe('unapproved_promise');
});

test('not for a field the content script calls its own', () => {
  const field = focusedTextarea();
  field.setAttribute('data-lingting', '');
  type(field, '保证三天');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(true);
});

test('the rules are read when the field is checked: rules that change apply at once', () => {
  const field = focusedTextarea();
  type(field, '我们包您满意');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(true);
  rules = [...rules, { phrase: '包您满意', alternative: '我们会尽力让您满意', kind: 'unapproved_promise' }];
  hints.check();
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().querySelector('.alt')?.textContent).toBe('Say: 我们会尽力让您满意');
});

test('flagging never touches the CRM’s own DOM', () => {
  document.body.innerHTML = '<form><textarea name="reply"></textarea></form>';
  const field = document.querySelector('textarea')!;
  field.focus();
  const before = document.body.innerHTML;
  type(field, '保证三天');
  vi.advanceTimersByTime(DEBOUNCE_MS);
  expect(hint().hidden).toBe(false);
  expect(document.body.innerHTML).toBe(before);
  expect(layer!.host.parentElement).toBe(document.documentElement);
});

describe('on abort', () => {
  test('the layer goes, and a check already scheduled never runs', () => {
    const field = focusedTextarea();
    type(field, '保证三天');
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    expect(layer!.host.isConnected).toBe(false);
  });

  test('typing no longer schedules anything', () => {
    const field = focusedTextarea();
    controller.abort();
    type(field, '保证三天');
    field.blur();
    field.focus();
    expect(vi.getTimerCount()).toBe(0);
  });
});
