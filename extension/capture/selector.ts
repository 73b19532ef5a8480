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
  return namedSelector(element, scope) ?? positionalSelector(element, scope);
}

/** A selector by the element's id, names, tag or data-*, when one points at it; null otherwise. */
function namedSelector(element: Element, scope: Scope): string | null {
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
  return null;
}

/**
 * Anchored on the nearest named ancestor, then down by tag and position. The anchor is checked
 * with the steps below it: `div > p:nth-of-type(2)` also matches inside any earlier div, so a
 * named parent is not always enough. In a document the climb ends at `html`, and a path by
 * position from there matches the element alone.
 */
function positionalSelector(element: Element, scope: Scope): string {
  let steps = positionStep(element);
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    const anchor = namedSelector(ancestor, scope);
    const anchored = anchor && `${anchor} > ${steps}`;
    if (anchored && pointsAt(scope, anchored, element)) return anchored;
    steps = `${positionStep(ancestor)} > ${steps}`;
  }
  // Reached the top of a shadow root: no selector checked here anchors on the root itself, so the
  // path by position is the best there is (the picker shows what it reads before it is saved).
  return steps;
}

/** The element's tag, with its position among its siblings of that tag when there are several. */
function positionStep(element: Element): string {
  const tag = element.localName;
  const siblings = element.parentNode ? Array.from(element.parentNode.children) : [element];
  const sameTag = siblings.filter((sibling) => sibling.localName === tag);
  return sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(element) + 1})` : tag;
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
