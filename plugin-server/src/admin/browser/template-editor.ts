import { TemplateCreateRequest, TemplateUpdateRequest } from '../../../../shared/catalogue-api';
import { newRecordId } from '../../../../shared/ids';
import { ApiFailure } from './api';
import { busy, checked, clearStatus, Notice, showOk } from './feedback';
import type { AdminPage } from './page';
import { conflictingTemplate, showConflict } from './template-state';

/** The template fields as the form holds them, for the shared request schemas to read. */
function templateFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const shortcut = String(data.get('shortcut') ?? '').trim();
  return {
    step: data.get('step'),
    tone: data.get('tone'),
    language: data.get('language'),
    title: String(data.get('title') ?? ''),
    body: String(data.get('body') ?? ''),
    shortcut: shortcut === '' ? null : shortcut,
    categoryIds: data.getAll('categoryIds'),
    moods: data.getAll('moods'),
  };
}

/** A 409 without the current template is the shortcut's unique index speaking. */
function shortcutClash(failure: unknown, page: AdminPage) {
  return failure instanceof ApiFailure && failure.status === 409 ? new Notice(page.w.admin.errorShortcutTaken) : failure;
}

/** The template form: creates a draft (then opens it) or saves the draft against the version the page holds. */
export function saveTemplate(form: HTMLFormElement, page: AdminPage) {
  const { w, admin, api } = page;
  return busy(form, w, async () => {
    if (form.dataset.action === 'create-template') {
      const request = checked(TemplateCreateRequest, { id: newRecordId(), ...templateFields(form) });
      await api.createTemplate(request).catch((failure: unknown) => {
        throw shortcutClash(failure, page);
      });
      location.assign(`${admin}/templates/${request.id}`);
      return;
    }
    const request = checked(TemplateUpdateRequest, { ...templateFields(form), version: Number(form.dataset.version) });
    try {
      const template = await api.updateTemplate(form.dataset.templateId ?? '', request);
      form.dataset.version = String(template.version);
      const version = document.querySelector('[data-testid="template-version"]');
      if (version) version.textContent = String(template.version);
      const heading = document.querySelector('[data-testid="template-heading"]');
      if (heading) heading.textContent = template.title;
      document.querySelector<HTMLElement>('[data-testid="conflict"]')?.setAttribute('hidden', '');
      showOk(form, w.admin.saved);
    } catch (failure) {
      const current = conflictingTemplate(failure);
      if (!current) throw shortcutClash(failure, page);
      // The panel says it all, in the page's language; the API's English message would repeat it.
      showConflict(form, current, w);
      clearStatus(form);
    }
  });
}
