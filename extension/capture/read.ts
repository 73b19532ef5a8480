import { CustomerSnapshot, type CaptureRule, type CrmSite } from '../../shared';

/** Where the next selector of a path looks: a document, or an element's open shadow root. */
type Scope = Document | ShadowRoot;

/** The scope inside `element` for the next selector: its open shadow root or its iframe's document. */
function innerScope(element: Element): Scope | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (element instanceof HTMLIFrameElement) {
    try {
      return element.contentDocument; // null or throws for a cross-origin frame
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether the element is rendered: CRMs keep hidden copies of earlier records in the page. */
function isShown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** Finds the element a rule points at: the first shown match of each step of its path. */
export function findTarget(root: Scope, path: readonly string[]): Element | null {
  let scopes: Scope[] = [root];
  for (const [index, selector] of path.entries()) {
    const last = index === path.length - 1;
    const next: Scope[] = [];
    for (const scope of scopes) {
      let matches: Element[];
      try {
        matches = Array.from(scope.querySelectorAll(selector));
      } catch {
        return null; // an invalid selector matches nothing, and says so by returning null
      }
      for (const element of matches.filter(isShown)) {
        if (last) return element;
        const inner = innerScope(element);
        if (inner) next.push(inner);
      }
    }
    scopes = next;
  }
  return null;
}

/** Text as a person reads it: whitespace runs folded to one space, ends trimmed. */
function readableText(element: Element): string {
  const text = element instanceof HTMLElement ? element.innerText : (element.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads the value a rule points at, or null when the page does not show it now. */
export function readRule(root: Scope, rule: CaptureRule): string | null {
  const element = findTarget(root, rule.path);
  if (!element) return null;
  if (rule.read === 'value') {
    return 'value' in element && typeof element.value === 'string' ? element.value.trim() : null;
  }
  return readableText(element);
}

/**
 * The customer the page shows, parsed with the shared schema, or null when there is none (no
 * name and no phone) or what the page shows is not acceptable as a customer.
 */
export function readCustomer(root: Document, site: CrmSite): CustomerSnapshot | null {
  const read = (field: keyof CrmSite['fields']) => {
    const rule = site.fields[field];
    return rule ? (readRule(root, rule) ?? '') : '';
  };
  const raw = {
    name: read('customerName'),
    phone: read('phone'),
    project: read('project'),
    unit: read('unit'),
    crmRecordId: read('crmRecordId'),
  };
  if (!raw.name && !raw.phone) return null;
  const parsed = CustomerSnapshot.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
