import type { ContentRule } from '../../shared/content-protocol';
import type { Scope } from './read';

/** Attributes that name an element on purpose, most stable first. */
const NAMING_ATTRIBUTES = ['data-field', 'data-testid', 'data-test', 'data-id', 'name', 'aria-label'];

const css = (value: string) => CSS.escape(value);

/** Whether `selector` finds exactly `element` (first match) in its scope. */
function pointsAt(scope: Scope, selector: string, element: Element): boolean {
  try {
    return scope.querySelector(selector) === element;
  } catch {
    return false;
  }
}

/** A selector for `element` within its own scope: ids, data-* and names first, positions last. */
export function selectorInScope(element: Element, scope: Scope): string {
  const tag = element.localName;
  if (element.id && !/^\d|[:.]/.test(element.id)) {
    const byId = `#${css(element.id)}`;
    if (pointsAt(scope, byId, element)) return byId;
  }
  for (const name of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value) continue;
    const byAttribute = `${tag}[${name}="${css(value)}"]`;
    if (pointsAt(scope, byAttribute, element)) return byAttribute;
  }
  for (const attribute of Array.from(element.attributes)) {
    if (!attribute.name.startsWith('data-') || !attribute.value || attribute.value.length > 60) continue;
    const byData = `${tag}[${attribute.name}="${css(attribute.value)}"]`;
    if (pointsAt(scope, byData, element)) return byData;
  }
  if (pointsAt(scope, tag, element)) return tag;
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
