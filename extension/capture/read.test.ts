// @vitest-environment happy-dom
// Reading a CRM page on happy-dom. What needs layout or real frames (innerText's rendering, a
// cross-origin frame, frames created late) is pinned in Chromium by test/e2e/crm-hostile.test.ts.
import { afterEach, describe, expect, test } from 'vitest';
import type { ContentSite } from '../../shared/content-protocol';
import { findTarget, readCustomer, readElement, readRule, type Scope } from './read';

afterEach(() => document.body.replaceChildren());

/** A custom element with an open shadow root holding `html`, the way web-component CRMs render. */
function shadowHost(tag: string, html: string, attributes: Record<string, string> = {}): HTMLElement {
  const host = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  // As in the SPA fixture: a hidden card is not rendered (the UA sheet does not reach custom elements here).
  host.attachShadow({ mode: 'open' }).innerHTML = `<style>:host([hidden]) { display: none; }</style>${html}`;
  return host;
}

/** The SPA fixture's shape: <crm-app> → <customer-card>s, earlier records kept as hidden copies. */
function spaPage(): { app: HTMLElement; cards: HTMLElement[] } {
  const app = shadowHost('crm-app', '<main class="records"></main>');
  const records = app.shadowRoot!.querySelector('.records')!;
  const cards = [
    shadowHost('customer-card', '<h2 data-field="name">陈美玲</h2><span data-field="phone">139 0000 1111</span>', { 'data-id': 'c1', hidden: '' }),
    shadowHost('customer-card', '<h2 data-field="name">林志强</h2><span data-field="phone">137 2222 3333</span>', { 'data-id': 'c2' }),
  ];
  records.append(...cards);
  document.body.append(app);
  return { app, cards };
}

describe('findTarget', () => {
  test('follows a path through nested open shadow roots, skipping hidden copies of earlier records', () => {
    const { cards } = spaPage();
    const name = findTarget(document, ['crm-app', 'customer-card', '[data-field="name"]']);
    expect(name).toBe(cards[1]!.shadowRoot!.querySelector('[data-field="name"]'));
  });

  test('counts only shown elements: a hidden first match gives way to the next one', () => {
    document.body.innerHTML = `
      <div class="record" style="display: none"><b data-field="name">旧记录</b></div>
      <div class="record"><b data-field="name">新记录</b></div>`;
    expect(findTarget(document, ['.record [data-field="name"]'])?.textContent).toBe('新记录');
    // Nothing shown at all: null, never the hidden copy.
    document.body.innerHTML = '<div style="display: none"><b data-field="name">旧记录</b></div>';
    expect(findTarget(document, ['[data-field="name"]'])).toBeNull();
  });

  test('steps into a same-origin frame document', () => {
    const frame = document.createElement('iframe');
    frame.name = 'main';
    frame.srcdoc = '<form><input name="cust_name" readonly value="黄伟"></form>';
    document.body.append(frame);
    const input = findTarget(document, ['iframe[name="main"]', 'input[name="cust_name"]']);
    expect(input).toBe(frame.contentDocument!.querySelector('input'));
  });

  test('finds nothing past an element that has no open shadow root and is no frame', () => {
    document.body.innerHTML = '<crm-app><span data-field="name">在外面</span></crm-app>';
    // The second step looks inside crm-app's shadow root, which it does not have: light DOM children do not count.
    expect(findTarget(document, ['crm-app', '[data-field="name"]'])).toBeNull();
  });

  test('cannot look inside a closed shadow root', () => {
    const host = document.createElement('crm-app');
    host.attachShadow({ mode: 'closed' }).innerHTML = '<span data-field="name">关着的</span>';
    document.body.append(host);
    expect(findTarget(document, ['crm-app', '[data-field="name"]'])).toBeNull();
  });

  test('an invalid selector matches nothing instead of throwing', () => {
    document.body.innerHTML = '<span data-field="name">王秀英</span>';
    expect(findTarget(document, ['[data-field="name"'])).toBeNull();
    expect(findTarget(document, ['span', ':::'])).toBeNull();
  });

  test('looks in every shown candidate of a step: the match may sit in the second host', () => {
    const first = shadowHost('customer-card', '<p>没有电话</p>');
    const second = shadowHost('customer-card', '<span data-field="phone">138 0013 8000</span>');
    document.body.append(first, second);
    expect(findTarget(document, ['customer-card', '[data-field="phone"]'])?.textContent).toBe('138 0013 8000');
  });

  test('visit sees every scope searched, so a watcher can observe each one', () => {
    const { app, cards } = spaPage();
    const visited: Scope[] = [];
    findTarget(document, ['crm-app', 'customer-card', '[data-field="name"]'], (scope) => visited.push(scope));
    // The hidden card was never entered: its changes cannot change what is read until it is shown.
    expect(visited).toEqual([document, app.shadowRoot, cards[1]!.shadowRoot]);
  });
});

describe('readElement', () => {
  test('reads text as a person reads it: whitespace runs folded, ends trimmed', () => {
    document.body.innerHTML = '<p>\n  王  秀英 \t<b>先生</b>\n</p>';
    expect(readElement(document.querySelector('p')!, 'text')).toBe('王 秀英 先生');
  });

  test('reads a form field by its value, trimmed, whatever the rule says', () => {
    document.body.innerHTML = `
      <input name="tel" readonly value="  138 0013 8000 ">
      <textarea>  备注 </textarea>
      <select><option value="a">A</option><option value=" 翠湖花园 " selected>翠湖花园</option></select>`;
    for (const read of ['value', 'text'] as const) {
      expect(readElement(document.querySelector('input')!, read)).toBe('138 0013 8000');
      expect(readElement(document.querySelector('textarea')!, read)).toBe('备注');
      expect(readElement(document.querySelector('select')!, read)).toBe('翠湖花园');
    }
  });

  test('a value rule on an element without a value reads nothing', () => {
    document.body.innerHTML = '<span>王秀英</span>';
    expect(readElement(document.querySelector('span')!, 'value')).toBeNull();
  });
});

describe('readRule', () => {
  test('null when the page does not show the element now', () => {
    document.body.innerHTML = '<span data-field="name" style="display: none">王秀英</span>';
    expect(readRule(document, { path: ['[data-field="name"]'], read: 'text' })).toBeNull();
  });
});

describe('readCustomer', () => {
  const site: ContentSite = {
    fields: {
      customerName: { path: ['crm-app', 'customer-card', '[data-field="name"]'], read: 'text' },
      phone: { path: ['crm-app', 'customer-card', '[data-field="phone"]'], read: 'text' },
      project: { path: ['#project'], read: 'text' },
      crmRecordId: { path: ['input[name="record-id"]'], read: 'value' },
    },
    replyBox: null,
  };

  test('reads every configured field the page shows, from the shown record only', () => {
    spaPage();
    document.body.insertAdjacentHTML('beforeend', '<span id="project"> 滨江一号 </span><input name="record-id" value="C-2002">');
    expect(readCustomer(document, site)).toEqual({ customerName: '林志强', phone: '137 2222 3333', project: '滨江一号', crmRecordId: 'C-2002' });
  });

  test('leaves out fields that are missing, hidden or empty', () => {
    spaPage();
    document.body.insertAdjacentHTML('beforeend', '<span id="project" style="display: none">滨江一号</span><input name="record-id" value="   ">');
    expect(readCustomer(document, site)).toEqual({ customerName: '林志强', phone: '137 2222 3333' });
  });

  test('null when the page shows neither a name nor a phone, whatever else it shows', () => {
    document.body.innerHTML = '<span id="project">滨江一号</span><input name="record-id" value="C-2002">';
    expect(readCustomer(document, site)).toBeNull();
  });

  test('a phone alone is a customer', () => {
    document.body.innerHTML = '<span data-field="phone">138 0013 8000</span>';
    const phoneOnly: ContentSite = { fields: { phone: { path: ['[data-field="phone"]'], read: 'text' } }, replyBox: null };
    expect(readCustomer(document, phoneOnly)).toEqual({ phone: '138 0013 8000' });
  });

  test('a value is cut at 4,000 characters', () => {
    document.body.innerHTML = `<p id="name">${'长'.repeat(5000)}</p>`;
    const long: ContentSite = { fields: { customerName: { path: ['#name'], read: 'text' } }, replyBox: null };
    expect(readCustomer(document, long)?.customerName).toBe('长'.repeat(4000));
  });
});
