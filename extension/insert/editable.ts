/** Input types an agent types prose into; others (checkbox, date, …) never receive a template. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', '']);

export type TextField = HTMLTextAreaElement | HTMLInputElement;

// Checks go by tag name, not `instanceof`: a field inside a same-origin frame belongs to the
// frame's realm, whose HTMLInputElement is not the top page's.

/** A textarea or a text-like input, in any frame. */
export function isTextField(element: Element | null): element is TextField {
  if (!element) return false;
  if (element.localName === 'textarea') return true;
  return element.localName === 'input' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
}

/** An element that takes typing through the EditContext API (Monaco in Chromium), not contenteditable. */
export function hasEditContext(element: Element): boolean {
  return (element as { editContext?: unknown }).editContext != null;
}

/** A field that accepts typed text: a textarea, a text-like input, a contenteditable element or an EditContext. */
export function isEditable(element: Element | null): element is HTMLElement {
  if (!element) return false;
  if (isTextField(element)) return !element.readOnly && !element.disabled;
  return (element as HTMLElement).isContentEditable === true || hasEditContext(element);
}

/**
 * The hidden input of a code editor that draws its own text (Monaco's 1-pixel textarea or its
 * EditContext element): what it holds is not what the agent sees, so text reaches the editor
 * through the editor's own paste handling and is checked in what the editor draws.
 */
export function isProxyField(element: HTMLElement): boolean {
  if (hasEditContext(element)) return true;
  if (!isTextField(element)) return false;
  // Drawn, but a pixel or two wide (an element not drawn at all has no box and is no proxy).
  const box = element.getBoundingClientRect();
  return box.width * box.height > 0 && (box.width <= 2 || box.height <= 2);
}

/** The same-origin document inside a frame element, or null. */
export function frameDocument(element: Element): Document | null {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** The deepest focused element, through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    const inner = active?.shadowRoot?.activeElement ?? (active ? frameDocument(active)?.activeElement : null);
    if (!inner || inner === active) return active;
    active = inner;
  }
}
