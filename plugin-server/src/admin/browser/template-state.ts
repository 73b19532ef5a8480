import { canMoveTemplate, isTemplateEditable, type Template, TemplateStatus } from '../../../../shared/template';
import { TemplateConflict } from '../../../../shared/catalogue-api';
import type { Catalogue } from '../../../../shared/i18n';
import { ApiFailure } from './api';

/** The template as it is now, when `failure` is a 409 that carries it (someone else moved it on). */
export function conflictingTemplate(failure: unknown): Template | undefined {
  if (!(failure instanceof ApiFailure) || failure.status !== 409) return undefined;
  return TemplateConflict.safeParse(failure.body).data?.current;
}

/**
 * Brings the page's status line up to `current`: its status badge, version, the status buttons
 * the shared transitions allow from there, and whether the form may still be saved. The form
 * then carries their version, so acting again replaces it deliberately.
 */
function showTemplateState(form: HTMLFormElement, current: Template, w: Catalogue) {
  form.dataset.version = String(current.version);
  const version = document.querySelector('[data-testid="template-version"]');
  if (version) version.textContent = String(current.version);
  const badge = document.querySelector('[data-testid="template-status"]');
  if (badge) {
    badge.className = `badge ${current.status}`;
    badge.textContent = w.domain.templateStatuses[current.status];
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('.status-actions button[data-status]')) {
    const to = TemplateStatus.safeParse(button.dataset.status);
    button.hidden = !(to.success && canMoveTemplate(current.status, to.data));
  }
  const fields = form.querySelector('fieldset');
  if (fields) fields.disabled = !isTemplateEditable(current.status);
}

/**
 * A 409 on a template: the user's text stays in the form untouched; their version is shown
 * beside it and the page's status line follows theirs.
 */
export function showConflict(form: HTMLFormElement, current: Template, w: Catalogue) {
  const panel = document.querySelector<HTMLElement>('[data-testid="conflict"]');
  const list = panel?.querySelector('.their-version');
  if (!panel || !list) return;
  list.replaceChildren();
  const add = (label: string, value: string) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  };
  add(w.admin.version, String(current.version));
  add(w.admin.title, current.title);
  add(w.admin.body, current.body);
  add(w.admin.shortcut, current.shortcut ?? w.admin.none);
  const explanation = panel.querySelector('p');
  if (explanation) explanation.textContent = isTemplateEditable(current.status) ? w.admin.conflictBody : w.admin.conflictNotEditable;
  panel.hidden = false;
  showTemplateState(form, current, w);
  panel.scrollIntoView({ block: 'nearest' });
}
