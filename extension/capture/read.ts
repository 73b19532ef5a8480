import type { CapturedField } from '../../shared';
import type { ContentRule, ContentSite } from '../../shared/content-protocol';
import { frameDocument } from '../insert/editable';

/** Where the next selector of a path looks: a document, or an element's open shadow root. */
export type Scope = Document | ShadowRoot;

/** The scope inside `element` for the next selector: its open shadow root or its iframe's document. */
export function innerScope(element: Element): Scope | null {
  return element.shadowRoot ?? frameDocument(element); // null for a cross-origin frame
}

/**
 * Whether the element is rendered: CRMs keep hidden copies of earlier records in the page. An
 * element inside a frame is judged in its own document, which `checkVisibility` does.
 */
function isShown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/**
 * Finds the element a rule points at: the first shown match of each step of its path.
 * `visit` sees every scope searched (so a watcher can observe changes inside them).
 */
export function findTarget(root: Scope, path: readonly string[], visit?: (scope: Scope) => void): Element | null {
  let scopes: Scope[] = [root];
  for (const [index, selector] of path.entries()) {
    const last = index === path.length - 1;
    const next: Scope[] = [];
    for (const scope of scopes) {
      visit?.(scope);
      let matches: Element[];
      try {
        matches = Array.from(scope.querySelectorAll(selector));
      } catch {
        return null; // an invalid selector matches nothing, and says so by returning null
      }
      for (const element of matches) {
        if (!isShown(element)) continue;
        if (last) return element;
        const inner = innerScope(element);
        if (inner) next.push(inner);
      }
    }
    scopes = next;
  }
  return null;
}

/** Whether an element carries a form value (input, textarea, select) whatever its realm. */
function hasValue(element: Element): element is HTMLInputElement {
  return 'value' in element && typeof (element as HTMLInputElement).value === 'string' && /^(input|textarea|select)$/.test(element.localName);
}

/** Text as a person reads it: whitespace runs folded to one space, ends trimmed. */
function readableText(element: Element): string {
  const text = 'innerText' in element ? (element as HTMLElement).innerText : (element.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads the value an element shows: a form field's value (read-only ones too) or its text. */
export function readElement(element: Element, read: ContentRule['read']): string | null {
  if (read === 'value' || hasValue(element)) return hasValue(element) ? element.value.trim() : null;
  return readableText(element);
}

/** Reads the value a rule points at, or null when the page does not show it now. */
export function readRule(root: Scope, rule: ContentRule, visit?: (scope: Scope) => void): string | null {
  const element = findTarget(root, rule.path, visit);
  return element ? readElement(element, rule.read) : null;
}

/** The values a page shows for a site's fields, raw; null when it shows neither name nor phone. */
export type Captured = Partial<Record<CapturedField, string>>;

/**
 * Reads every field of the site's rules. The result is unparsed: the background parses it with
 * the shared CustomerSnapshot schema (the content script carries no schema library).
 */
export function readCustomer(root: Document, site: ContentSite, visit?: (scope: Scope) => void): Captured | null {
  const captured: Captured = {};
  for (const [field, rule] of Object.entries(site.fields)) {
    const value = readRule(root, rule, visit);
    if (value) captured[field as CapturedField] = value.slice(0, 4000);
  }
  return captured.customerName || captured.phone ? captured : null;
}
