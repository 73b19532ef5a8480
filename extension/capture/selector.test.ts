// @vitest-environment happy-dom
// The rule "pick from page" proposes for a clicked element. Rules that cross a frame are built by
// walking up `frameElement`, which happy-dom does not provide: that case is left to Chromium.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { findTarget } from './read';
import { ruleFor, selectorInScope } from './selector';

afterEach(() => document.body.replaceChildren());

const byId = (id: string) => document.getElementById(id)!;

describe('selectorInScope', () => {
  test('prefers a stable id', () => {
    document.body.innerHTML = '<div><textarea id="reply" name="remark" data-field="reply"></textarea></div>';
    expect(selectorInScope(byId('reply'), document)).toBe('#reply');
  });

  test('passes over ids that name one record or need escaping, for a naming attribute', () => {
    document.body.innerHTML = `
      <span id="cust-1024" data-field="name">王秀英</span>
      <span id="form:phone" name="phone">138 0013 8000</span>`;
    expect(selectorInScope(document.querySelector('[data-field="name"]')!, document)).toBe('span[data-field="name"]');
    expect(selectorInScope(document.querySelector('[name="phone"]')!, document)).toBe('span[name="phone"]');
  });

  test('takes naming attributes in order of stability: data-field, data-testid, data-test, name, aria-label', () => {
    document.body.innerHTML = `
      <input aria-label="电话" name="cust_tel" data-test="tel" data-testid="phone" data-field="phone">
      <input aria-label="手机" name="cust_mobile" data-test="mobile" data-testid="mobile2">
      <input aria-label="邮箱" name="email_2">`;
    const [first, second, third] = Array.from(document.querySelectorAll('input'));
    expect(selectorInScope(first!, document)).toBe('input[data-field="phone"]');
    // data-testid has a digit (one of a numbered series): the next name in line is taken.
    expect(selectorInScope(second!, document)).toBe('input[data-test="mobile"]');
    expect(selectorInScope(third!, document)).toBe('input[aria-label="邮箱"]');
  });

  test('never builds on a value with digits: the rule must read whichever customer is shown', () => {
    document.body.innerHTML = '<main><p data-id="c1" data-testid="row-3">陈美玲</p></main>';
    const selector = selectorInScope(document.querySelector('p')!, document);
    expect(selector).not.toMatch(/\d/);
    expect(selector).toBe('p');
  });

  test('an id shared by an earlier element does not point at this one, so it is not used', () => {
    document.body.innerHTML = '<b id="name">甲</b><b id="name" data-field="name">乙</b>';
    const second = document.querySelectorAll('b')[1]!;
    expect(selectorInScope(second, document)).toBe('b[data-field="name"]');
  });

  test('a shown element keeps a selector that a hidden earlier copy also matches', () => {
    document.body.innerHTML = `
      <section style="display: none"><span data-field="phone">旧号码</span></section>
      <section><span data-field="phone">138 0013 8000</span></section>`;
    const shown = document.querySelectorAll('span')[1]!;
    const selector = selectorInScope(shown, document);
    expect(selector).toBe('span[data-field="phone"]');
    expect(findTarget(document, [selector])).toBe(shown);
  });

  test('a unique tag is enough when nothing names the element', () => {
    document.body.innerHTML = '<div><h2>王秀英</h2><p>备注</p></div>';
    expect(selectorInScope(document.querySelector('h2')!, document)).toBe('h2');
  });

  test('other data-* attributes come next, short and without digits', () => {
    document.body.innerHTML = `
      <div data-role="summary" data-long="${'x'.repeat(61)}">甲</div>
      <div data-long="${'x'.repeat(61)}" data-role="detail">乙</div>`;
    const second = document.querySelectorAll('div')[1]!;
    expect(selectorInScope(second, document)).toBe('div[data-role="detail"]');
  });

  test('escapes attribute values so the selector stays valid', () => {
    document.body.innerHTML = '<span>甲</span><span aria-label=\'客户 "姓名"\'>乙</span>';
    const second = document.querySelectorAll('span')[1]!;
    const selector = selectorInScope(second, document);
    expect(findTarget(document, [selector])).toBe(second);
  });

  test('falls back to a position under the nearest named ancestor', () => {
    document.body.innerHTML = '<ul id="contacts"><li>甲</li><li>乙</li><li>丙</li></ul><ul><li>丁</li></ul>';
    const second = byId('contacts').children[1]!;
    const selector = selectorInScope(second, document);
    expect(selector).toBe('#contacts > li:nth-of-type(2)');
    expect(findTarget(document, [selector])).toBe(second);
  });
  test('a position is anchored high enough that no earlier element matches it too', () => {
    // Under the first <div> (the unique-tag anchor), `div > div:nth-of-type(2)` would first match
    // the second div inside its first child.
    document.body.innerHTML = '<div><div><div>甲</div><div>乙</div></div><div>丙</div></div>';
    const third = document.body.firstElementChild!.children[1]!;
    const selector = selectorInScope(third, document);
    expect(findTarget(document, [selector])).toBe(third);
  });

  test('whatever the page, the proposed selector finds back the shown element it was made for', () => {
    interface Node { tag: string; attributes: [string, string][]; hidden: boolean; children: Node[] }
    const attribute = fc.tuple(fc.constantFrom('id', 'data-field', 'name', 'aria-label', 'data-kind'), fc.constantFrom('a', 'b', 'c-1', 'x:y', 'r1'));
    const shallow = fc.record({
      tag: fc.constantFrom('div', 'div', 'p', 'input'),
      attributes: fc.array(attribute, { maxLength: 2 }),
      hidden: fc.boolean(),
    });
    const tree = (depth: number): fc.Arbitrary<Node> =>
      depth === 0
        ? shallow.map((node) => ({ ...node, children: [] }))
        : fc.tuple(shallow, fc.array(tree(depth - 1), { maxLength: 3 })).map(([node, children]) => ({ ...node, children }));
    const build = (node: Node, parent: Element, shown: Element[], parentShown: boolean) => {
      const element = document.createElement(node.tag);
      for (const [name, value] of node.attributes) element.setAttribute(name, value);
      if (node.hidden) element.style.display = 'none';
      parent.append(element);
      const isShown = parentShown && !node.hidden;
      if (isShown) shown.push(element);
      for (const child of node.children) build(child, element, shown, isShown);
    };
    fc.assert(
      fc.property(fc.array(tree(3), { minLength: 1, maxLength: 3 }), fc.nat(), (roots, pick) => {
        document.body.replaceChildren();
        const shown: Element[] = [];
        for (const root of roots) build(root, document.body, shown, true);
        fc.pre(shown.length > 0);
        const element = shown[pick % shown.length]!;
        expect(findTarget(document, ruleFor(element).path)).toBe(element);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ruleFor', () => {
  test('one selector per scope, down through nested open shadow roots, by names rather than positions', () => {
    const app = document.createElement('crm-app');
    const appRoot = app.attachShadow({ mode: 'open' });
    const hidden = document.createElement('customer-card');
    const card = document.createElement('customer-card');
    hidden.dataset.id = 'c1';
    card.dataset.id = 'c2';
    hidden.style.display = 'none';
    for (const [host, phone] of [[hidden, '139 0000 1111'], [card, '137 2222 3333']] as const) {
      host.attachShadow({ mode: 'open' }).innerHTML = `<h2 data-field="name">某某</h2><p>电话 <span data-field="phone">${phone}</span></p>`;
    }
    appRoot.append(hidden, card);
    document.body.append(app);
    const phone = card.shadowRoot!.querySelector('[data-field="phone"]')!;

    const rule = ruleFor(phone);
    // As the picker e2e test expects on the SPA fixture: no record id (data-id="c2") in the path.
    expect(rule).toEqual({ path: ['crm-app', 'customer-card', 'span[data-field="phone"]'], read: 'text' });
    expect(findTarget(document, rule.path)).toBe(phone);
  });

  test('reads form fields by value and everything else by text', () => {
    document.body.innerHTML = '<input name="cust_name"><textarea id="remark"></textarea><select id="project"></select><b id="name">王</b>';
    expect(ruleFor(document.querySelector('input')!).read).toBe('value');
    expect(ruleFor(byId('remark')).read).toBe('value');
    expect(ruleFor(byId('project')).read).toBe('value');
    expect(ruleFor(byId('name')).read).toBe('text');
  });
});
