// @vitest-environment happy-dom
// Our layer for hints and highlights. `viewportRect` needs layout and `frameElement`, neither of
// which happy-dom has: hints next to fields and the picker's highlight are pinned in Chromium
// (test/e2e/crm-hostile.test.ts, crm-picker.test.ts).
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { mountLayer } from './layer';

/** Shadow roots as they are attached, closed ones included (the page never gets these). */
let roots: Map<Element, ShadowRoot>;
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  roots = new Map();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.head.replaceChildren();
  document.body.replaceChildren();
});

test('a closed shadow root on a host attached to <html>, never inside the CRM’s body', () => {
  document.body.innerHTML = '<main>CRM</main>';
  const before = document.body.innerHTML;
  const { host, root } = mountLayer(document, '.hint{color:red}', controller.signal);
  expect(host.localName).toBe('lingting-layer');
  expect(host.parentElement).toBe(document.documentElement);
  expect(host.shadowRoot).toBeNull();
  expect(roots.get(host)).toBe(root);
  expect(root.mode).toBe('closed');
  expect(document.body.innerHTML).toBe(before);
  // Its own styles, reset from whatever the page inherits into it.
  expect(root.querySelector('style')?.textContent).toBe(':host{all:initial}.hint{color:red}');
});

test('page CSS cannot hide or move it: its position is inline and !important', () => {
  const sheet = document.createElement('style');
  sheet.textContent = '* { display: none !important; position: static !important; visibility: hidden !important }';
  document.head.append(sheet);
  const { host } = mountLayer(document, '', controller.signal);
  const style = getComputedStyle(host);
  expect([style.display, style.position, style.visibility]).toEqual(['block', 'fixed', 'visible']);
  expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
  expect(host.style.getPropertyPriority('z-index')).toBe('important');
  // A zero-size box that takes no clicks: the page under it stays usable.
  expect([host.style.getPropertyValue('width'), host.style.getPropertyValue('pointer-events')]).toEqual(['0px', 'none']);
});

test('removed when the signal aborts; each mount is its own', () => {
  const first = new AbortController();
  const second = new AbortController();
  const a = mountLayer(document, '', first.signal);
  const b = mountLayer(document, '', second.signal);
  first.abort();
  expect(a.host.isConnected).toBe(false);
  expect(b.host.isConnected).toBe(true);
  second.abort();
  expect(document.documentElement.querySelector('lingting-layer')).toBeNull();
});
