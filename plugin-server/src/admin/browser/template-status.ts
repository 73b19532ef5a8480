import { TemplateStatusRequest } from '../../../../shared/catalogue-api';
import { busy, checked, showError } from './feedback';
import type { AdminPage } from './page';
import { conflictingTemplate, showConflict } from './template-state';

/** A status button (publish, archive, back to draft): moves the template from the version the page holds, then reloads. */
export function setTemplateStatus(button: HTMLButtonElement, { w, api }: AdminPage) {
  const form = document.getElementById('template-form');
  const actions = button.closest<HTMLElement>('.status-actions');
  if (!(form instanceof HTMLFormElement) || !actions) return Promise.resolve();
  return busy(actions, w, async () => {
    const request = checked(TemplateStatusRequest, { status: button.dataset.status, version: Number(form.dataset.version) });
    try {
      await api.setTemplateStatus(actions.dataset.templateId ?? '', request);
      location.reload();
    } catch (failure) {
      const current = conflictingTemplate(failure);
      if (current) showConflict(form, current, w);
      else showError(form, failure, w);
    }
  });
}
