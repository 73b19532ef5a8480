// The admin pages' only script: sends their forms to the JSON API with the session's CSRF token
// and shows the answers. Plain ES module, no build step; every text it shows goes in through
// textContent, never as markup.

const body = document.body;
const API = body.dataset.api;
const ADMIN = body.dataset.admin;
const STRINGS = JSON.parse(body.dataset.strings || '{}');
const say = (key) => STRINGS[key] || key;

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function uuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let csrfToken;
/** The session's CSRF token, read once per page from GET /api/auth/session. */
async function csrf() {
  if (csrfToken) return csrfToken;
  const res = await fetch(`${API}/auth/session`, { credentials: 'same-origin' });
  if (res.status === 401) throw new ApiFailure(401, { error: { code: 'unauthenticated', message: say('errorSessionEnded') } });
  const session = await res.json();
  csrfToken = session.csrfToken;
  return csrfToken;
}

class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** A failure already worded for the user: shown as it is. */
class Notice extends Error {}

/** A JSON request to the API; resolves to the parsed body, throws ApiFailure on a non-2xx answer. */
async function api(method, path, json, { withCsrf = true } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (withCsrf) headers['x-csrf-token'] = await csrf();
  let res;
  try {
    res = await fetch(`${API}${path}`, { method, headers, credentials: 'same-origin', body: json === undefined ? undefined : JSON.stringify(json) });
  } catch {
    throw new ApiFailure(0, { error: { code: 'network', message: say('errorNetwork') } });
  }
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiFailure(res.status, parsed);
  return parsed;
}

function statusOf(form) {
  return form.querySelector('.form-status');
}

/** Shows `message` (and the API's field issues, if any) next to the form's button. */
function showError(form, failure) {
  const target = statusOf(form) || document.querySelector('.flash');
  target.hidden = false;
  target.className = target.className.replace(/\s*\b(ok|error)\b/g, '') + ' error';
  target.replaceChildren();
  let message = say('errorGeneric');
  if (failure instanceof Notice) message = failure.message;
  else if (failure instanceof ApiFailure) {
    if (failure.status === 0) message = say('errorNetwork');
    else if (failure.status === 401) message = say('errorSessionEnded');
    else if (failure.body?.error?.message) message = failure.body.error.message;
  }
  target.append(message);
  const issues = failure instanceof ApiFailure ? failure.body?.error?.issues : undefined;
  if (issues?.length) {
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      item.textContent = `${issue.path}: ${issue.message}`;
      list.append(item);
    }
    target.append(document.createTextNode(` ${say('errorFieldsTitle')}`), list);
  }
}

function showOk(form, message) {
  const target = statusOf(form);
  target.className = target.className.replace(/\s*\b(ok|error)\b/g, '') + ' ok';
  target.textContent = message;
}

/** Disables the form's buttons while `work` runs, so a double click sends one request. */
async function busy(form, work) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach((button) => (button.disabled = true));
  const status = statusOf(form);
  if (status) {
    status.className = 'form-status';
    status.textContent = say('working');
  }
  try {
    await work();
  } catch (failure) {
    showError(form, failure);
  } finally {
    buttons.forEach((button) => (button.disabled = false));
  }
}

// --- sign in / out -------------------------------------------------------------------------

const HOME_BY_ROLE = { supervisor: 'templates', trainer: 'cases' };

function onSignIn(form) {
  return busy(form, async () => {
    const data = new FormData(form);
    try {
      const session = await api('POST', '/auth/session', { username: data.get('username'), password: data.get('password') }, { withCsrf: false });
      const home = HOME_BY_ROLE[session.user.role];
      if (!home) {
        // Agents and admins have no pages here: end the session rather than leave it lying about.
        csrfToken = session.csrfToken;
        await api('DELETE', '/auth/session');
        throw new Notice(say('errorRoleHasNoPages'));
      }
      location.assign(`${ADMIN}/${home}`);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 401) throw new Notice(say('errorSignIn'));
      if (failure instanceof ApiFailure && failure.status === 429) throw new Notice(say('errorThrottled'));
      throw failure;
    }
  });
}

async function onSignOut() {
  try {
    await api('DELETE', '/auth/session');
  } finally {
    location.assign(ADMIN);
  }
}

// --- templates -----------------------------------------------------------------------------

/** The template fields as the API wants them (TemplateFields in shared/catalogue-api.ts). */
function templateFields(form) {
  const data = new FormData(form);
  const shortcut = String(data.get('shortcut') || '').trim();
  return {
    step: data.get('step'),
    tone: data.get('tone'),
    language: data.get('language'),
    title: String(data.get('title') || ''),
    body: String(data.get('body') || ''),
    shortcut: shortcut === '' ? null : shortcut,
    categoryIds: data.getAll('categoryIds'),
    moods: data.getAll('moods'),
  };
}

/**
 * A 409 on save: the user's text stays in the form untouched; their version is shown beside it,
 * and the form now carries their version number, so saving again replaces it deliberately.
 */
function showConflict(form, current) {
  const panel = document.querySelector('[data-testid="conflict"]');
  const list = panel.querySelector('.their-version');
  list.replaceChildren();
  const add = (label, value) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  };
  add(say('version'), String(current.version));
  add(say('title'), current.title);
  add(say('body'), current.body);
  add(say('shortcut'), current.shortcut || '—');
  panel.hidden = false;
  if (current.status !== 'draft') {
    panel.querySelector('p').textContent = say('conflictNotEditable');
  } else {
    form.dataset.version = String(current.version);
    const shown = document.querySelector('[data-testid="template-version"]');
    if (shown) shown.textContent = String(current.version);
  }
  panel.scrollIntoView({ block: 'nearest' });
}

/** A 409 without the current template is the shortcut's unique index speaking. */
function shortcutClash(failure) {
  return failure instanceof ApiFailure && failure.status === 409 && !failure.body?.current ? new Notice(say('errorShortcutTaken')) : failure;
}

function onSaveTemplate(form) {
  return busy(form, async () => {
    if (form.dataset.action === 'create-template') {
      const id = uuid();
      await api('POST', '/templates', { id, ...templateFields(form) }).catch((failure) => {
        throw shortcutClash(failure);
      });
      location.assign(`${ADMIN}/templates/${id}`);
      return;
    }
    const id = form.dataset.templateId;
    try {
      const { template } = await api('PUT', `/templates/${id}`, { ...templateFields(form), version: Number(form.dataset.version) });
      form.dataset.version = String(template.version);
      const shown = document.querySelector('[data-testid="template-version"]');
      if (shown) shown.textContent = String(template.version);
      document.querySelector('[data-testid="template-heading"]').textContent = template.title;
      document.querySelector('[data-testid="conflict"]').hidden = true;
      showOk(form, say('saved'));
    } catch (failure) {
      if (!(failure instanceof ApiFailure && failure.status === 409 && failure.body?.current)) throw shortcutClash(failure);
      // The panel says it all, in the page's language; the API's English message would repeat it.
      showConflict(form, failure.body.current);
      statusOf(form).textContent = '';
    }
  });
}

function onSetStatus(button) {
  const form = document.getElementById('template-form');
  const container = button.closest('.status-actions');
  return busy(container, async () => {
    try {
      await api('POST', `/templates/${container.dataset.templateId}/status`, { status: button.dataset.status, version: Number(form.dataset.version) });
      location.reload();
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 409 && failure.body?.current) showConflict(form, failure.body.current);
      else showError(form, failure);
    }
  });
}

// --- reviews -------------------------------------------------------------------------------

const RUBRIC = ['listening', 'apology', 'solution', 'follow_through', 'attitude'];

function onReview(form) {
  return busy(form, async () => {
    const data = new FormData(form);
    const scores = Object.fromEntries(RUBRIC.map((item) => [item, Number(data.get(item))]));
    const comment = String(data.get('comment') || '');
    const reviews = `/cases/${form.dataset.caseId}/reviews`;
    if (form.dataset.reviewId) await api('PUT', `${reviews}/${form.dataset.reviewId}`, { scores, comment });
    else await api('POST', reviews, { id: uuid(), scores, comment });
    location.reload();
  });
}

// --- wiring --------------------------------------------------------------------------------

const FORM_HANDLERS = { 'sign-in': onSignIn, 'create-template': onSaveTemplate, 'update-template': onSaveTemplate, 'create-review': onReview, 'update-review': onReview };

document.addEventListener('submit', (event) => {
  const form = event.target;
  const handler = FORM_HANDLERS[form.dataset.action];
  if (!handler) return;
  event.preventDefault();
  void handler(form);
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  if (button.dataset.action === 'sign-out') void onSignOut();
  if (button.dataset.action === 'set-status') void onSetStatus(button);
});

// Lets tests (and people) know the script is wired before they click.
body.dataset.ready = 'true';
