// The admin pages' only script, built by `npm run build:admin` into /admin/assets/admin.js: it
// wires each page's forms and buttons to the behaviour modules beside it. Every text it shows
// goes in through textContent, never as markup.
import './jitless';
import { takeEscalation } from './escalation-take';
import { readPage, type AdminPage } from './page';
import { saveReview } from './review-form';
import { signIn, signOut } from './sign-in';
import { saveTemplate } from './template-editor';
import { setTemplateStatus } from './template-status';

const page = readPage(document);

/** What each form's `data-action` does on submit. */
const FORM_ACTIONS = new Map<string, (form: HTMLFormElement, page: AdminPage) => Promise<void>>([
  ['sign-in', signIn],
  ['create-template', saveTemplate],
  ['update-template', saveTemplate],
  ['create-review', saveReview],
  ['update-review', saveReview],
]);

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const action = FORM_ACTIONS.get(form.dataset.action ?? '');
  if (!action) return;
  event.preventDefault();
  void action(form, page);
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  if (button.dataset.action === 'sign-out') void signOut(page);
  if (button.dataset.action === 'set-status') void setTemplateStatus(button, page);
  if (button.dataset.action === 'take-escalation') void takeEscalation(button, page);
});

// Lets tests (and people) know the script is wired before they click.
document.body.dataset.ready = 'true';
