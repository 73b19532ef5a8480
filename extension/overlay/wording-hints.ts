import type { ContentWordingRule } from '../../shared/content-protocol';
import { matchPhrases } from '../../shared/wording-match';
import { deepActiveElement, isEditable, isTextField } from '../insert/editable';
import { mountLayer, viewportRect } from './layer';

/** How long typing must pause before the field is checked: no flicker on every keystroke. */
const DEBOUNCE_MS = 250;

// Written compactly: this string ships in every CRM page.
const CSS =
  `.hint{position:fixed;max-width:320px;padding:6px 10px;border-radius:6px;background:#fffbeb;color:#78350f;border:1px solid #f59e0b;box-shadow:0 2px 8px rgba(15,23,42,.2);font:13px/1.4 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;pointer-events:auto;}` +
  `.hint[hidden]{display:none;}` +
  `.hint b{font-weight:600;}` +
  `.hint .alt{display:block;margin-top:2px;color:#14532d;}`;

/** Where the wording script (entrypoints/wording.ts), loaded on demand, leaves its entry for the content script. */
export interface WordingHintsGlobal {
  lingtingWording?: typeof flagWordingAsTyped;
}

interface WordingOptions {
  doc: Document;
  /** Every document to listen in: the top one and same-origin frames as they are found. */
  documents: (listener: (doc: Document) => void) => void;
  rules: () => readonly ContentWordingRule[];
  isOwn: (element: Element) => boolean;
  /** Labels in the agent's language. */
  labels: { forbidden: string; unapproved_promise: string; instead: string };
  signal: AbortSignal;
}

/**
 * Flags forbidden phrases and unapproved promises in the CRM field the agent types in, with a
 * hint in our own shadow root next to the field showing the approved alternative. The CRM's
 * DOM and styles are never touched. Removed when `signal` aborts.
 */
export function flagWordingAsTyped(options: WordingOptions): { check(): void } {
  const { doc, signal } = options;
  const { root } = mountLayer(doc, CSS, signal);
  const hint = doc.createElement('div');
  hint.className = 'hint';
  hint.setAttribute('role', 'status');
  hint.hidden = true;
  root.append(hint);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    const field = deepActiveElement(doc);
    if (!field || options.isOwn(field) || !isEditable(field)) return void (hint.hidden = true);
    const text = isTextField(field) ? field.value : field.innerText;
    const [first, ...others] = matchPhrases(text, options.rules());
    if (!first) return void (hint.hidden = true);
    const { rule } = first;
    hint.replaceChildren();
    const title = doc.createElement('b');
    title.textContent = `⚠ ${options.labels[rule.kind]}: 「${rule.phrase}」${others.length ? ` (+${others.length})` : ''}`;
    hint.append(title);
    if (rule.alternative) {
      const alternative = doc.createElement('span');
      alternative.className = 'alt';
      alternative.textContent = `${options.labels.instead}: ${rule.alternative}`;
      hint.append(alternative);
    }
    hint.dataset.kind = rule.kind;
    const rect = viewportRect(field);
    const view = doc.defaultView!;
    hint.style.left = `${Math.max(4, Math.min(rect.left, view.innerWidth - 330))}px`;
    hint.style.top = `${Math.min(rect.bottom + 4, view.innerHeight - 60)}px`;
    hint.hidden = false;
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  };
  options.documents((target) => {
    target.addEventListener('input', schedule, { capture: true, signal });
    target.addEventListener('focusin', schedule, { capture: true, signal });
  });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return { check: schedule };
}
