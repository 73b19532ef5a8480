import type { ContentRule } from '../../shared/content-protocol';
import { findTarget, type Scope } from './read';

/** Attributes that name an element on purpose, most stable first. */
const NAMING_ATTRIBUTES = ['data-field', 'data-testid', 'data-test', 'name', 'aria-label'];

/**
 * Values with digits usually belong to one record (`cust-1024`, `data-id="c1"`): a rule built on
 * them would read only the customer the supervisor happened to click.
 */
const RECORD_SPECIFIC = /\d/;

const css = (value: string) => CSS.escape(value);

/** Whether `selector`'s first rendered match in `scope` is `element`, as findTarget reads it. */
function pointsAt(scope: Scope, selector: string, element: Element): boolean {
  return findTarget(scope, [selector]) === element; // an invalid selector finds null: false
}

/** A selector for `element` within its own scope: ids, data-* and names first, positions last. */
export function selectorInScope(element: Element, scope: Scope): string {
  const tag = element.localName;
  if (element.id && !RECORD_SPECIFIC.test(element.id) && !/[:.]/.test(element.id)) {
    const byId = `#${css(element.id)}`;
    if (pointsAt(scope, byId, element)) return byId;
  }
  for (const name of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value || RECORD_SPECIFIC.test(value)) continue;
    const byAttribute = `${tag}[${name}="${css(value)}"]`;
    if (pointsAt(scope, byAttribute, element)) return byAttribute;
  }
  if (pointsAt(scope, tag, element)) return tag;
  for (const attribute of Array.from(element.attributes)) {
    const { name, value } = attribute;
    if (!name.startsWith('data-') || !value || value.length > 60 || RECORD_SPECIFIC.test(value)) continue;
    const byData = `${tag}[${name}="${css(value)}"]`;
    if (pointsAt(scope, byData, element)) return byData;
  }
  // Anchored on the nearest ancestor that has a stable name, then down by tag and position.
  const parent = element.parentElement;
  if (!parent) return tag;
  const sameTag = Array.from(parent.children).filter((child) => child.localName === tag);
  const step = sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(element) + 1})` : tag;
  return `${selectorInScope(parent, scope)} > ${step}`;
}

/**
 * A capture rule for an element anywhere on the page: one selector per scope, from the top
 * document through each open shadow root and same-origin frame down to the element.
 */
export function ruleFor(element: Element): ContentRule {
  const path: string[] = [];
  let current: Element | null = element;
  while (current) {
    const root = current.getRootNode() as Scope;
    path.unshift(selectorInScope(current, root));
    if ('host' in root && root.host) current = root.host;
    else current = (root as Document).defaultView?.frameElement ?? null;
  }
  const isField = /^(input|textarea|select)$/.test(element.localName);
  return { path, read: isField ? 'value' : 'text' };
}
