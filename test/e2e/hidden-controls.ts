/**
 * Every control of the page (through open shadow roots) that is drawn but, once scrolled into
 * view, is not the element found at its own centre or reaches under the sidebar: what the
 * sidebar would hide from the agent. Runs inside the page (Playwright's or Puppeteer's
 * `evaluate`), so it uses nothing from outside itself.
 */
export function hiddenControls(): string[] {
  const selector = 'a[href], button, input, select, textarea, iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
  const controls: Element[] = [];
  const collect = (root: Document | ShadowRoot) => {
    controls.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) collect(element.shadowRoot);
  };
  collect(document);
  const hidden: string[] = [];
  // Where the sidebar begins: all of a control stays left of it, not only its centre, unless the
  // control is wider than the page's whole width (a 60-column textarea in Firefox's font).
  const edge = innerWidth - (parseFloat(document.documentElement.style.getPropertyValue('margin-right')) || 0);
  for (const control of controls) {
    if (control.localName === 'lingting-sidebar') continue;
    control.scrollIntoView({ block: 'center', inline: 'nearest' });
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(control).visibility === 'hidden') continue;
    const hit = (control.getRootNode() as Document | ShadowRoot).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const underSidebar = box.right > edge + 0.5 && box.width <= edge;
    if (!hit || !(hit === control || control.contains(hit)) || underSidebar)
      hidden.push(`${control.localName}${control.id ? `#${control.id}` : ''} "${control.textContent?.trim().slice(0, 12) ?? ''}" under ${hit?.localName ?? 'nothing'}`);
  }
  return hidden;
}
