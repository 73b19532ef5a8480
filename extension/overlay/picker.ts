import type { ContentRule } from '../../shared/content-protocol';
import { findTarget, innerScope, readElement } from '../capture/read';
import { ruleFor } from '../capture/selector';
import { mountLayer, viewportRect } from './layer';
import type { Catalogue } from '../../shared/i18n';

const CSS = `
  .box { position: fixed; border: 2px solid #0f766e; background: rgba(15,118,110,.12); border-radius: 3px; pointer-events: none; }
  .panel { position: fixed; left: 16px; bottom: 16px; width: 420px; padding: 12px; border-radius: 8px; background: #fff;
    color: #0f172a; box-shadow: 0 4px 16px rgba(15,23,42,.3); font: 13px/1.5 system-ui, "PingFang SC", sans-serif; pointer-events: auto; }
  .panel code { display: block; margin: 4px 0; padding: 4px 6px; background: #f1f5f9; word-break: break-all; font: 12px ui-monospace, monospace; }
  .panel .value { font-weight: 600; }
  .panel button { margin: 6px 6px 0 0; padding: 4px 10px; border: 1px solid #0f766e; border-radius: 4px; background: #fff; color: #0f766e; font: inherit; cursor: pointer; }
  .panel button.primary { background: #0f766e; color: #fff; }
  .panel .status { color: #b45309; }
`;

export interface PickOptions {
  doc: Document;
  /** What is being picked, in the supervisor's words (e.g. "房号"). */
  label: string;
  strings: Catalogue['picker'];
  /** Saves the rule (to the server, through the background); resolves to an error message or null. */
  save: (rule: ContentRule) => Promise<string | null>;
  signal: AbortSignal;
}

/** The deepest element under the pointer, through open shadow roots and same-origin frames. */
function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let element = doc.elementFromPoint(x, y);
  for (;;) {
    if (!element) return null;
    const inner = innerScope(element);
    if (!inner) return element;
    const offset = 'host' in inner ? { left: 0, top: 0 } : element.getBoundingClientRect();
    const deeper = inner.elementFromPoint(x - offset.left, y - offset.top);
    if (!deeper || deeper === element) return element;
    if ('host' in inner) {
      if (deeper === inner.host) return element;
    } else {
      x -= offset.left;
      y -= offset.top;
    }
    element = deeper;
  }
}

/**
 * "Pick from page": highlights the element under the pointer in our own layer (the page's
 * styles are never touched), turns a click into a capture rule, shows what it reads, lets the
 * supervisor test it against the page as it is now, and saves it. Ends on save, Escape or abort.
 */
export function startPicker(options: PickOptions): void {
  const { doc } = options;
  const controller = new AbortController();
  const signal = AbortSignal.any([options.signal, controller.signal]);
  const { root, host } = mountLayer(doc, CSS, signal);
  const box = doc.createElement('div');
  box.className = 'box';
  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  root.append(box, panel);
  let picked: ContentRule | null = null;

  const show = (lines: { text: string; className?: string; code?: boolean }[], buttons: [string, () => void, boolean?][]) => {
    panel.replaceChildren();
    for (const line of lines) {
      const node = doc.createElement(line.code ? 'code' : 'div');
      node.textContent = line.text;
      if (line.className) node.className = line.className;
      panel.append(node);
    }
    for (const [label, onClick, primary] of buttons) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = label;
      if (primary) button.className = 'primary';
      button.addEventListener('click', onClick);
      panel.append(button);
    }
  };
  const t = options.strings;
  const cancel: [string, () => void] = [t.cancel, () => controller.abort()];
  show([{ text: t.clickOn(options.label) }], [cancel]);

  const highlight = (element: Element | null) => {
    if (!element || element === host) return void (box.style.display = 'none');
    const rect = viewportRect(element);
    Object.assign(box.style, { display: 'block', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  };

  const test = () => {
    if (!picked) return;
    const found = findTarget(doc, picked.path);
    highlight(found);
    const value = found ? readElement(found, picked.read) : null;
    show(
      [{ text: options.label }, { text: picked.path.join('  ⟫  '), code: true }, { text: value ? t.reads(value) : t.findsNothing, className: 'value' }],
      [[t.test, test], [t.save, () => void save(), true], [t.pickAgain, () => ((picked = null), show([{ text: t.clickOn(options.label) }], [cancel]))], cancel],
    );
  };
  const save = async () => {
    if (!picked) return;
    const error = await options.save(picked);
    if (error) show([{ text: error, className: 'status' }], [[t.save, () => void save(), true], [t.test, test], cancel]);
    else controller.abort();
  };

  const isPanel = (event: Event) => event.composedPath().includes(host);
  doc.addEventListener(
    'mousemove',
    (event) => {
      if (!picked && !isPanel(event)) highlight(deepElementAt(doc, event.clientX, event.clientY));
    },
    { capture: true, signal, passive: true },
  );
  // The click that picks must not also act on the CRM (follow a link, submit a form).
  for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'] as const) {
    doc.addEventListener(
      type,
      (event) => {
        if (picked || isPanel(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (type !== 'click') return;
        const element = deepElementAt(doc, event.clientX, event.clientY);
        if (!element) return;
        picked = ruleFor(element);
        test();
      },
      { capture: true, signal },
    );
  }
  doc.defaultView?.addEventListener('keydown', (event) => event.key === 'Escape' && controller.abort(), { capture: true, signal });
}
