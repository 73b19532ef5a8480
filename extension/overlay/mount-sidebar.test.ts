// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true,"navigation":{"disableChildFrameNavigation":true}}}
// Mounting the sidebar on a CRM page. The sidebar frame is created but its page is never loaded
// here (the options above), so the sidebar itself, its size on screen and its focus are pinned in
// Chromium (test/e2e/crm-hostile.test.ts). happy-dom lays nothing out and has no hit testing: the
// page elements moved out from under the sidebar are pinned in Chromium too (test/e2e/dock.test.ts).
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { mountSidebar } from './mount-sidebar';

const SIDEBAR_URL = 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp/sidebar.html';

/** Shadow roots as they are attached, closed ones included (the page never gets these). */
let roots: Map<Element, ShadowRoot>;
let controller: AbortController;
beforeEach(() => {
  roots = new Map();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  controller = new AbortController();
  Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'elementsFromPoint');
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function mount(options?: Parameters<typeof mountSidebar>[3]) {
  const sidebar = mountSidebar(document, SIDEBAR_URL, controller.signal, options);
  const root = roots.get(sidebar.host)!;
  return { sidebar, root, toggle: root.querySelector<HTMLButtonElement>('button.toggle')!, frame: root.querySelector('iframe')! };
}

test('on a host attached to <html>, not <body>, whose transform would make it scroll away', () => {
  document.body.style.transform = 'translateX(0)';
  const { sidebar } = mount();
  expect(sidebar.host.localName).toBe('lingting-sidebar');
  expect(sidebar.host.parentElement).toBe(document.documentElement);
  expect(document.body.contains(sidebar.host)).toBe(false);
});

test('in a closed shadow root: the page’s scripts cannot reach the frame or the button', () => {
  const { sidebar, root, frame } = mount();
  expect(sidebar.host.shadowRoot).toBeNull();
  expect(root.mode).toBe('closed');
  expect(document.querySelector('iframe, button')).toBeNull();
  expect(frame.getAttribute('src')).toBe(SIDEBAR_URL);
});

test('hostile page CSS does not hide it', () => {
  const sheet = document.createElement('style');
  sheet.textContent = 'lingting-sidebar, * { display: none !important; position: static !important; opacity: 0 !important }';
  document.head.append(sheet);
  const { sidebar } = mount();
  const style = getComputedStyle(sidebar.host);
  expect([style.display, style.position, style.opacity]).toEqual(['block', 'fixed', '1']);
  expect(sidebar.host.style.getPropertyValue('z-index')).toBe('2147483647');
});

const WORDS = { showSidebar: 'Show it', hideSidebar: 'Hide it', resizeSidebar: 'Resize it', sidebarFrame: 'The sidebar' };

test('opens expanded; the toggle collapses and expands it, and says which it is in the words it was given', () => {
  const { sidebar, toggle } = mount();
  expect(sidebar.isOpen()).toBe(true);
  expect(toggle.type).toBe('button'); // never submits a CRM form it happens to sit in
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  // Before the background's words arrive the button is named by its own text.
  expect(toggle.getAttribute('aria-label')).toBeNull();
  expect(toggle.textContent).toBeTruthy();
  sidebar.setWords(WORDS);
  expect(toggle.getAttribute('aria-label')).toBe('Hide it');

  toggle.click();
  expect(sidebar.isOpen()).toBe(false);
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(toggle.getAttribute('aria-label')).toBe('Show it');
  expect(toggle.closest('.dock')!.classList.contains('collapsed')).toBe(true);

  toggle.click();
  expect(sidebar.isOpen()).toBe(true);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(toggle.getAttribute('aria-label')).toBe('Hide it');
});

test('reveal opens a collapsed sidebar and moves the focus into its frame; the frame is titled by the words', () => {
  const { sidebar, toggle } = mount();
  sidebar.setWords(WORDS);
  const frame = toggle.closest('.dock')!.querySelector('iframe')!;
  expect(frame.title).toBe('The sidebar');
  sidebar.setOpen(false);
  sidebar.reveal();
  expect(sidebar.isOpen()).toBe(true);
  expect(toggle.getRootNode() instanceof ShadowRoot && (toggle.getRootNode() as ShadowRoot).activeElement).toBe(frame);
});

test('setOpen does what the toggle does (the keyboard command uses it)', () => {
  const { sidebar, toggle } = mount();
  sidebar.setOpen(false);
  expect([sidebar.isOpen(), toggle.getAttribute('aria-expanded')]).toEqual([false, 'false']);
  sidebar.setOpen(false);
  expect(sidebar.isOpen()).toBe(false);
  sidebar.setOpen(true);
  expect([sidebar.isOpen(), toggle.getAttribute('aria-expanded')]).toEqual([true, 'true']);
});

const pageMargin = () => document.documentElement.style.getPropertyValue('margin-right');

test('the page is docked beside it, never under it: the sidebar and its rail when open, the rail alone when collapsed', () => {
  document.documentElement.style.setProperty('margin-right', '4px');
  const { sidebar } = mount();
  expect(pageMargin()).toBe('408px'); // 380 and the 28 px rail
  expect(document.documentElement.style.getPropertyPriority('margin-right')).toBe('important');
  sidebar.setOpen(false);
  expect(pageMargin()).toBe('28px');
  controller.abort();
  expect(pageMargin()).toBe('4px'); // the page's own value, back
});

test('the grip resizes it by arrow keys within bounds; each choice is told', () => {
  const told: unknown[] = [];
  const { sidebar, root, frame } = mount({ onChange: (preference) => told.push(preference) });
  const grip = root.querySelector<HTMLElement>('[role="separator"]')!;
  sidebar.setWords(WORDS);
  expect([grip.tabIndex, grip.getAttribute('aria-label'), grip.getAttribute('aria-valuenow')]).toEqual([0, 'Resize it', '380']);
  grip.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
  expect(frame.style.width).toBe('400px');
  expect(pageMargin()).toBe('428px');
  for (let i = 0; i < 20; i++) grip.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
  expect(frame.style.width).toBe('300px'); // never narrower than its content needs
  expect(told.at(-1)).toEqual({ open: true, width: 300 });
  sidebar.setOpen(false);
  expect(told.at(-1)).toEqual({ open: false, width: 300 });
});

test('it starts as the agent left it on this CRM, without telling that back', () => {
  const told: unknown[] = [];
  const { sidebar, frame } = mount({ initial: { open: false, width: 360 }, onChange: (preference) => told.push(preference) });
  expect([sidebar.isOpen(), frame.style.width, pageMargin()]).toEqual([false, '360px', '28px']);
  expect(told).toEqual([]);
});

test('removed from the page when the signal aborts', () => {
  const { sidebar } = mount();
  controller.abort();
  expect(sidebar.host.isConnected).toBe(false);
  expect(document.documentElement.querySelector('lingting-sidebar')).toBeNull();
});
