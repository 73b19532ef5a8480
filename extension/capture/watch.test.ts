// @vitest-environment happy-dom
// Watching a CRM page for the customer it shows, on happy-dom with fake timers (only our own:
// happy-dom's internal timers, which fire frame `load` events, stay real). WXT's
// `wxt:locationchange` polling and real client-side routers are pinned in Chromium by
// test/e2e/crm-hostile.test.ts.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentSite } from '../../shared/content-protocol';
import type { Captured } from './read';
import { watchCustomer } from './watch';

const SETTLE_MS = 120;
const GRACE_MS = 2000;

const site: ContentSite = {
  fields: {
    customerName: { path: ['crm-app', 'customer-card', '[data-field="name"]'], read: 'text' },
    phone: { path: ['crm-app', 'customer-card', '[data-field="phone"]'], read: 'text' },
  },
  replyBox: null,
};

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});

/** A <crm-app> whose shadow root holds the records, as the SPA fixture renders them. */
function crmApp(): ShadowRoot {
  const app = document.createElement('crm-app');
  const root = app.attachShadow({ mode: 'open' });
  document.body.append(app);
  return root;
}

function showCard(into: ShadowRoot, name: string, phone: string): HTMLElement {
  const card = document.createElement('customer-card');
  card.attachShadow({ mode: 'open' }).innerHTML =
    `<style>:host([hidden]) { display: none; }</style><h2 data-field="name">${name}</h2><span data-field="phone">${phone}</span>`;
  into.prepend(card);
  return card;
}

/** Starts watching; returns what was reported, in order, and the page's navigation trigger. */
function watch(options: { site?: ContentSite; onFrameDocument?: (doc: Document) => void } = {}) {
  const seen: (Captured | null)[] = [];
  const locationListeners: (() => void)[] = [];
  watchCustomer({
    doc: document,
    site: options.site ?? site,
    onCustomer: (captured) => seen.push(captured),
    onLocationChange: (listener) => locationListeners.push(listener),
    ...(options.onFrameDocument ? { onFrameDocument: options.onFrameDocument } : {}),
    signal: controller.signal,
  });
  return { seen, navigate: () => locationListeners.forEach((listener) => listener()) };
}

/** Lets mutation observers run, then moves our timers on by `ms`. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('watchCustomer', () => {
  test('reports what the page shows at once, then a burst of changes once, a little after it starts', async () => {
    const root = crmApp();
    const card = showCard(root, '陈美玲', '139 0000 1111');
    const { seen } = watch();
    expect(seen).toEqual([{ customerName: '陈美玲', phone: '139 0000 1111' }]);

    // A record renders in bursts: the changes of one burst are read together.
    const name = card.shadowRoot!.querySelector('[data-field="name"]')!;
    name.textContent = '林';
    await wait(SETTLE_MS / 2);
    name.textContent = '林志';
    await wait(SETTLE_MS / 2 - 1);
    expect(seen).toHaveLength(1);
    await wait(1);
    expect(seen).toEqual([
      { customerName: '陈美玲', phone: '139 0000 1111' },
      { customerName: '林志', phone: '139 0000 1111' },
    ]);
    // A change after the read is read on its own.
    name.textContent = '林志强';
    await wait(SETTLE_MS);
    expect(seen.at(-1)).toEqual({ customerName: '林志强', phone: '139 0000 1111' });
    expect(seen).toHaveLength(3);
  });

  test('a re-render that shows the same values is not reported again', async () => {
    const root = crmApp();
    showCard(root, '陈美玲', '139 0000 1111');
    const { seen } = watch();
    root.replaceChildren();
    showCard(root, '陈美玲', '139 0000 1111');
    await wait(SETTLE_MS);
    expect(seen).toHaveLength(1);
  });

  test('sees changes inside each shadow root the rules pass through', async () => {
    const root = crmApp();
    const card = showCard(root, '陈美玲', '139 0000 1111');
    const { seen } = watch();
    // Two shadow roots deep: a MutationObserver on the document alone would never hear this.
    card.shadowRoot!.querySelector('[data-field="phone"]')!.textContent = '137 2222 3333';
    await wait(SETTLE_MS);
    expect(seen.at(-1)).toEqual({ customerName: '陈美玲', phone: '137 2222 3333' });
  });

  test('an earlier record hidden and the next one shown: the shown one is reported', async () => {
    const root = crmApp();
    const first = showCard(root, '陈美玲', '139 0000 1111');
    const { seen } = watch();
    first.hidden = true;
    const second = showCard(root, '林志强', '137 2222 3333');
    second.hidden = true;
    await wait(SETTLE_MS);
    expect(seen.at(-1)).toBeNull(); // no navigation: an empty page means no customer
    second.hidden = false;
    await wait(SETTLE_MS);
    expect(seen.at(-1)).toEqual({ customerName: '林志强', phone: '137 2222 3333' });
  });

  describe('same-origin frames', () => {
    const framed: ContentSite = {
      fields: { customerName: { path: ['iframe[name="main"]', 'input[name="cust_name"]'], read: 'value' } },
      replyBox: null,
    };
    const frame = (html: string) => {
      const element = document.createElement('iframe');
      element.name = 'main';
      element.srcdoc = html;
      return element;
    };

    test('a frame created after load is read, observed, and announced once', async () => {
      const frames: Document[] = [];
      const { seen } = watch({ site: framed, onFrameDocument: (doc) => frames.push(doc) });
      expect(seen).toEqual([null]);
      const main = frame('<input name="cust_name" value="黄伟">');
      document.body.append(main);
      await wait(SETTLE_MS);
      expect(seen.at(-1)).toEqual({ customerName: '黄伟' });
      expect(frames).toEqual([main.contentDocument]);

      // Changes inside the frame's own document are heard too.
      main.contentDocument!.querySelector('input')!.setAttribute('value', '黄伟明');
      await wait(SETTLE_MS);
      expect(seen.at(-1)).toEqual({ customerName: '黄伟明' });
      expect(frames).toHaveLength(1);
    });

    test('a frame that loads a new document is read again', async () => {
      const frames: Document[] = [];
      const main = frame('<input name="cust_name" value="黄伟">');
      document.body.append(main);
      const { seen } = watch({ site: framed, onFrameDocument: (doc) => frames.push(doc) });
      expect(seen).toEqual([{ customerName: '黄伟' }]);

      const loaded = new Promise((resolve) => main.addEventListener('load', resolve, { once: true }));
      main.srcdoc = '<input name="cust_name" value="吴建华">';
      await loaded;
      await wait(SETTLE_MS);
      expect(seen.at(-1)).toEqual({ customerName: '吴建华' });
      expect(frames).toHaveLength(2);
      expect(frames[1]).toBe(main.contentDocument);
    });
  });

  describe('after a navigation', () => {
    test('the empty page between two records is not reported while the next one loads', async () => {
      const root = crmApp();
      const first = showCard(root, '陈美玲', '139 0000 1111');
      const { seen, navigate } = watch();
      history.pushState(null, '', '/?c=c2');
      navigate();
      first.hidden = true;
      await wait(GRACE_MS - 500);
      expect(seen).toHaveLength(1);
      showCard(root, '林志强', '137 2222 3333');
      await wait(SETTLE_MS);
      expect(seen).toEqual([
        { customerName: '陈美玲', phone: '139 0000 1111' },
        { customerName: '林志强', phone: '137 2222 3333' },
      ]);
    });

    test('a page that never shows another record is reported empty once the grace ends', async () => {
      const root = crmApp();
      const first = showCard(root, '陈美玲', '139 0000 1111');
      const { seen, navigate } = watch();
      navigate();
      first.hidden = true;
      await wait(GRACE_MS - 1);
      expect(seen).toHaveLength(1);
      await wait(SETTLE_MS + 1);
      expect(seen).toEqual([{ customerName: '陈美玲', phone: '139 0000 1111' }, null]);
    });

    test.each([
      ['popstate', () => window.dispatchEvent(new PopStateEvent('popstate'))],
      ['hashchange', () => window.dispatchEvent(new HashChangeEvent('hashchange'))],
      // pushState fires no event the content script hears at once: the changed URL tells.
      ['a URL changed by pushState', () => history.pushState(null, '', '/?c=c3')],
    ])('%s counts as a navigation', async (_name, navigateBy) => {
      const root = crmApp();
      const first = showCard(root, '陈美玲', '139 0000 1111');
      const { seen } = watch();
      navigateBy();
      first.hidden = true;
      await wait(SETTLE_MS);
      expect(seen).toHaveLength(1);
      await wait(GRACE_MS + SETTLE_MS);
      expect(seen).toEqual([{ customerName: '陈美玲', phone: '139 0000 1111' }, null]);
    });
  });

  test('stops on abort: no report, no timer, no listener left', async () => {
    const root = crmApp();
    const card = showCard(root, '陈美玲', '139 0000 1111');
    const { seen, navigate } = watch();
    card.shadowRoot!.querySelector('[data-field="name"]')!.textContent = '林志强';
    await wait(0); // the change is heard and a read is scheduled…
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(); // …and dropped
    expect(vi.getTimerCount()).toBe(0);
    await wait(SETTLE_MS);
    // Nothing the page does schedules a read any more.
    card.shadowRoot!.querySelector('[data-field="name"]')!.textContent = '周晓燕';
    await wait(0);
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(vi.getTimerCount()).toBe(0);
    await wait(GRACE_MS);
    expect(seen).toHaveLength(1);
    navigate(); // the page's own navigation listener is WXT's to remove (ctx.addEventListener)
    await wait(SETTLE_MS);
    expect(seen).toHaveLength(1);
  });
});
