// @vitest-environment happy-dom
// "Pick from page" on happy-dom. happy-dom has no layout, so `document.elementFromPoint` is
// answered from a table of what lies under each point the test uses. Picking inside shadow roots
// and frames (which asks their own `elementFromPoint`, absent here) and the highlight's
// geometry are pinned in Chromium by test/e2e/crm-picker.test.ts.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentRule } from '../../shared/content-protocol';
import { startPicker, type PickOptions } from './picker';

/** The panel's words: the test's own, so it does not depend on the catalogue. */
const STRINGS: PickOptions['strings'] = {
  clickOn: (field) => `click the ${field}`,
  reads: (value) => `reads ${value}`,
  findsNothing: 'finds nothing',
  test: 'Test',
  save: 'Save',
  pickAgain: 'Pick again',
  cancel: 'Cancel',
};

let controller: AbortController;
let layer: ShadowRoot | undefined;
let saved: ContentRule[];
let saveAnswer: string | null;
/** What lies under each point, as a browser's hit testing would say. */
let underPoint: Map<string, Element>;

beforeEach(() => {
  controller = new AbortController();
  layer = undefined;
  saved = [];
  saveAnswer = null;
  underPoint = new Map();
  vi.spyOn(document, 'elementFromPoint').mockImplementation((x, y) => underPoint.get(`${x},${y}`) ?? null);
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.localName === 'lingting-layer') layer = root;
    return root;
  });
  document.body.innerHTML = `
    <form action="/submit">
      <a href="/customers/c1" id="link"><span data-field="name">陈美玲</span></a>
      <p>电话 <b class="tel">139 0000 1111</b></p>
      <input name="cust_id" value=" C-2001 " readonly>
    </form>`;
  const at = (selector: string, point: string) => underPoint.set(point, document.querySelector(selector)!);
  at('[data-field="name"]', '10,10');
  at('.tel', '20,20');
  at('input', '30,30');
  startPicker({ doc: document, label: 'phone', strings: STRINGS, save: async (rule) => (saved.push(rule), saveAnswer), signal: controller.signal });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const panel = () => layer!.querySelector<HTMLElement>('.panel')!;
const box = () => layer!.querySelector<HTMLElement>('.box')!;
const lines = () => Array.from(panel().children, (child) => child.textContent);
const button = (label: string) => Array.from(panel().querySelectorAll('button')).find((b) => b.textContent === label)!;

/** A real click as the browser sends it: pointerdown, mousedown, mouseup, click, at one point. */
function clickAt(x: number, y: number): MouseEvent[] {
  const target = underPoint.get(`${x},${y}`) ?? document.body;
  return ['pointerdown', 'mousedown', 'mouseup', 'click'].map((type) => {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
    const event = type === 'pointerdown' ? new PointerEvent(type, init) : new MouseEvent(type, init);
    target.dispatchEvent(event);
    return event;
  });
}

function moveTo(x: number, y: number) {
  (underPoint.get(`${x},${y}`) ?? document.body).dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true, clientX: x, clientY: y }));
}

test('asks for the field in a dialog of its own, outside the CRM’s DOM', () => {
  expect(panel().getAttribute('role')).toBe('dialog');
  expect(lines()).toEqual(['click the phone', 'Cancel']);
  expect(layer!.host.parentElement).toBe(document.documentElement);
  expect(layer!.host.shadowRoot).toBeNull();
});

test('highlights what is under the pointer, and nothing where there is nothing', () => {
  moveTo(20, 20);
  expect(box().style.display).toBe('block');
  moveTo(99, 99);
  expect(box().style.display).toBe('none');
});

describe('a click on the page', () => {
  test('never reaches the CRM: no link followed, no handler run', () => {
    const pageSaw: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) document.getElementById('link')!.addEventListener(type, () => pageSaw.push(type));
    const events = clickAt(10, 10);
    expect(events.map((event) => event.defaultPrevented)).toEqual([true, true, true, true]);
    expect(pageSaw).toEqual([]);
  });

  test('becomes a rule, shown with what it reads on the page now', () => {
    clickAt(20, 20);
    expect(lines()).toEqual(['phone', 'b', 'reads 139 0000 1111', 'Test', 'Save', 'Pick again', 'Cancel']);
    expect(panel().querySelector('code')?.textContent).toBe('b');
  });

  test('on a form field, a rule that reads its value', async () => {
    clickAt(30, 30);
    expect(lines()).toContain('reads C-2001');
    button('Save').click();
    await vi.waitFor(() => expect(saved).toEqual([{ path: ['input[name="cust_id"]'], read: 'value' }]));
  });

  test('once a value is picked, the pointer no longer moves the highlight and clicks reach the page again', () => {
    clickAt(20, 20);
    expect(box().style.display).toBe('block'); // on what the rule finds
    moveTo(99, 99);
    expect(box().style.display).toBe('block');
    const events = clickAt(10, 10);
    expect(events.some((event) => event.defaultPrevented)).toBe(false);
    expect(lines()[1]).toBe('b'); // the pick stands
  });
});

describe('the panel', () => {
  test('its own buttons work: clicks inside our layer are not taken for a pick', () => {
    clickAt(20, 20);
    button('Pick again').click();
    expect(lines()).toEqual(['click the phone', 'Cancel']);
    clickAt(10, 10);
    expect(lines()[1]).toBe('span[data-field="name"]');
  });

  test('Test reads the page as it is now', () => {
    clickAt(20, 20);
    document.querySelector('.tel')!.textContent = '137 2222 3333';
    button('Test').click();
    expect(lines()[2]).toBe('reads 137 2222 3333');
    document.querySelector('.tel')!.remove();
    button('Test').click();
    expect(lines()[2]).toBe('finds nothing');
    expect(box().style.display).toBe('none');
  });

  test('Save sends the rule and ends the picker', async () => {
    clickAt(20, 20);
    button('Save').click();
    await vi.waitFor(() => expect(layer!.host.isConnected).toBe(false));
    expect(saved).toEqual([{ path: ['b'], read: 'text' }]);
    // The page is the CRM again: clicks and moves are its own.
    expect(clickAt(10, 10).some((event) => event.defaultPrevented)).toBe(false);
  });

  test('a refused save shows why and keeps the pick, so it can be saved again', async () => {
    saveAnswer = 'Only supervisors may change capture rules.';
    clickAt(20, 20);
    button('Save').click();
    await vi.waitFor(() => expect(lines()).toEqual(['Only supervisors may change capture rules.', 'Save', 'Test', 'Cancel']));
    expect(panel().querySelector('.status')).not.toBeNull();
    expect(layer!.host.isConnected).toBe(true);
    saveAnswer = null;
    button('Save').click();
    await vi.waitFor(() => expect(layer!.host.isConnected).toBe(false));
    expect(saved).toHaveLength(2);
  });
});

describe('ends, saving nothing, and gives the page back', () => {
  test.each([
    ['on Cancel', () => button('Cancel').click()],
    ['on Escape', () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))],
    ['when the content script stops', () => controller.abort()],
  ])('%s', (_name, end) => {
    end();
    expect(layer!.host.isConnected).toBe(false);
    expect(clickAt(10, 10).some((event) => event.defaultPrevented)).toBe(false);
    expect(saved).toEqual([]);
  });

  test('other keys do not end it', () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(layer!.host.isConnected).toBe(true);
  });
});
