import type { z } from 'zod';
import type { Catalogue } from '../../../../shared/i18n';
import { ApiFailure } from './api';

/** One field a request was refused for, as the API's 400 lists them. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A failure already worded for the user (and the fields it is about): shown as it is. */
export class Notice extends Error {
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** `value` as the shared schema of a request reads it; what fails is reported like the API's own 400. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Notice('', result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
}

/** What to tell the user about `failure`, in the page's words where we have them. */
function describe(failure: unknown, w: Catalogue): { message: string; issues: readonly FieldIssue[] } {
  if (failure instanceof Notice) return { message: failure.message, issues: failure.issues };
  if (failure instanceof ApiFailure) {
    if (failure.status === 0) return { message: w.admin.errorNetwork, issues: [] };
    if (failure.status === 401) return { message: w.admin.errorSessionEnded, issues: [] };
    return { message: failure.error?.message ?? w.admin.errorGeneric, issues: failure.error?.issues ?? [] };
  }
  // Not a refusal but a fault of the page itself: worth a line in the console.
  console.error(failure);
  return { message: w.admin.errorGeneric, issues: [] };
}

const statusOf = (container: Element) => container.querySelector<HTMLElement>('.form-status');

function setTone(target: HTMLElement, tone: 'ok' | 'error') {
  target.classList.remove('ok', 'error');
  target.classList.add(tone);
}

/** Shows why `failure` happened (and the API's field issues, if any) next to the container's button, or at the top. */
export function showError(container: Element, failure: unknown, w: Catalogue) {
  const target = statusOf(container) ?? document.querySelector<HTMLElement>('.flash');
  if (!target) return;
  const { message, issues } = describe(failure, w);
  target.hidden = false;
  setTone(target, 'error');
  target.replaceChildren([message, issues.length ? w.admin.errorFieldsTitle : ''].filter(Boolean).join(' '));
  if (issues.length) {
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      item.textContent = `${issue.path}: ${issue.message}`;
      list.append(item);
    }
    target.append(list);
  }
}

/** Says that the form's work is done. */
export function showOk(form: Element, message: string) {
  const target = statusOf(form);
  if (!target) return;
  setTone(target, 'ok');
  target.textContent = message;
}

/** Clears the form's status line, when something else on the page says it all. */
export function clearStatus(form: Element) {
  const target = statusOf(form);
  if (target) target.textContent = '';
}

/** Disables the container's buttons while `work` runs (a double click sends one request) and shows what went wrong. */
export async function busy(container: Element, w: Catalogue, work: () => Promise<void>) {
  const buttons = container.querySelectorAll('button');
  buttons.forEach((button) => (button.disabled = true));
  const status = statusOf(container);
  if (status) {
    status.className = 'form-status';
    status.textContent = w.admin.working;
  }
  try {
    await work();
  } catch (failure) {
    showError(container, failure, w);
  } finally {
    buttons.forEach((button) => (button.disabled = false));
  }
}
