/** @jsxImportSource hono/jsx */
// The runtime too, not left to a tsconfig: the pages compile alike wherever the server is started or mounted.
/** @jsxRuntime automatic */
import {
  canMoveTemplate,
  type Catalogue,
  type Category,
  isTemplateEditable,
  LOCALES,
  Mood,
  STEP_ORDER,
  type Template,
  TemplateStatus,
  Tone,
  type TemplateVersion,
} from '../../../shared';
import { formatInstant, Layout, type PageProps } from './layout';
import { stepName } from './words';

/** The button that moves a template to each status, named for what it does, in the order of its life. */
const MOVE_TO = { published: 'publish', archived: 'archive', draft: 'backToDraft' } as const satisfies Record<TemplateStatus, keyof Catalogue['admin']>;
const MOVES = Object.entries(MOVE_TO).map(([to, label]) => ({ to: TemplateStatus.parse(to), label }));

/** The list's query as the form sent it; values outside the enums are simply ignored. */
export interface TemplateListQuery {
  q?: string;
  status?: TemplateStatus;
  language?: (typeof LOCALES)[number];
}

/** GET /admin/templates: search, status and language filters, and the matching templates. */
export function TemplateListPage(props: PageProps & { query: TemplateListQuery; templates: Template[] }) {
  const { w, paths, query, templates } = props;
  return (
    <Layout {...props} title={w.admin.navTemplates}>
      <div class="heading">
        <h1>{w.admin.navTemplates}</h1>
        <a class="button primary" href={`${paths.admin}/templates/new`} data-testid="new-template">
          {w.admin.newTemplate}
        </a>
      </div>
      <form class="filters" method="get" action={`${paths.admin}/templates`}>
        <input type="search" name="q" value={query.q ?? ''} placeholder={w.admin.searchPlaceholder} aria-label={w.admin.search} />
        <select name="status" aria-label={w.admin.status}>
          <option value="">{w.admin.anyStatus}</option>
          {TemplateStatus.options.map((status) => (
            <option value={status} selected={query.status === status}>
              {w.domain.templateStatuses[status]}
            </option>
          ))}
        </select>
        <select name="language" aria-label={w.admin.language}>
          <option value="">{w.admin.anyLanguage}</option>
          {LOCALES.map((locale) => (
            <option value={locale} selected={query.language === locale}>
              {w.domain.languages[locale]}
            </option>
          ))}
        </select>
        <button type="submit">{w.admin.filter}</button>
      </form>
      {templates.length === 0 ? (
        <p class="empty">{w.admin.noTemplates}</p>
      ) : (
        <table class="list" data-testid="template-list">
          <thead>
            <tr>
              <th>{w.admin.title}</th>
              <th>{w.admin.step}</th>
              <th>{w.admin.language}</th>
              <th>{w.admin.shortcut}</th>
              <th>{w.admin.status}</th>
              <th>{w.admin.version}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr data-template-id={template.id}>
                <td>
                  <a href={`${paths.admin}/templates/${template.id}`}>{template.title}</a>
                  <div class="excerpt">{template.body}</div>
                </td>
                <td>{stepName(w, template.step)}</td>
                <td>{w.domain.languages[template.language]}</td>
                <td>
                  <code>{template.shortcut ?? ''}</code>
                </td>
                <td>
                  <span class={`badge ${template.status}`}>{w.domain.templateStatuses[template.status]}</span>
                </td>
                <td>{template.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The fields of a template the form starts from: a new draft's defaults, or the stored one. */
type FormTemplate = Pick<Template, 'step' | 'tone' | 'categoryIds' | 'moods' | 'language' | 'title' | 'body' | 'shortcut'> &
  Partial<Pick<Template, 'id' | 'status' | 'version' | 'updatedAt'>>;

/** GET /admin/templates/new and /admin/templates/:id: the editor, status actions and published versions. */
export function TemplateEditPage(props: PageProps & { template: FormTemplate; categories: Category[]; versions: TemplateVersion[] }) {
  const { w, locale, paths, template, categories, versions } = props;
  const isNew = template.id === undefined;
  const { status } = template;
  const editable = status === undefined || isTemplateEditable(status);
  const heading = isNew ? w.admin.newTemplate : template.title;
  const categoryName = (category: Category) => category.names[locale];
  return (
    <Layout {...props} title={heading}>
      <p>
        <a href={`${paths.admin}/templates`}>← {w.admin.navTemplates}</a>
      </p>
      <div class="heading">
        <h1 data-testid="template-heading">{heading}</h1>
        {status && (
          <span class={`badge ${status}`} data-testid="template-status">
            {w.domain.templateStatuses[status]}
          </span>
        )}
      </div>
      <section class="conflict" data-testid="conflict" hidden>
        <h2>{w.admin.conflictTitle}</h2>
        <p>{w.admin.conflictBody}</p>
        <dl class="their-version" />
      </section>
      {status && (
        <div class="status-actions" data-template-id={template.id}>
          {/* One button per status; those the current status may not move to are hidden, and the
              page script shows the right ones again if a conflict reveals another status. */}
          {MOVES.map(({ to, label }) => (
            <button
              type="button"
              class={to === 'published' ? 'primary' : undefined}
              data-action="set-status"
              data-status={to}
              hidden={!canMoveTemplate(status, to)}
            >
              {w.admin[label]}
            </button>
          ))}
          <span class="meta">
            {w.admin.version} <span data-testid="template-version">{template.version}</span> · {w.admin.updatedAt}{' '}
            {formatInstant(template.updatedAt!, locale)}
          </span>
        </div>
      )}
      {!editable && <p class="notice">{w.admin.onlyDraftsEditable}</p>}
      <form
        id="template-form"
        class="editor"
        data-action={isNew ? 'create-template' : 'update-template'}
        data-template-id={template.id ?? ''}
        data-version={template.version ?? ''}
      >
        <fieldset disabled={!editable}>
          <div class="row">
            <label>
              {w.admin.step}
              <select name="step">
                {STEP_ORDER.map((step) => (
                  <option value={step} selected={template.step === step}>
                    {stepName(w, step)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {w.admin.tone}
              <select name="tone">
                {Tone.options.map((tone) => (
                  <option value={tone} selected={template.tone === tone}>
                    {w.domain.tones[tone]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {w.admin.language}
              <select name="language">
                {LOCALES.map((language) => (
                  <option value={language} selected={template.language === language}>
                    {w.domain.languages[language]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {w.admin.title}
            <input name="title" required maxlength={120} value={template.title} />
          </label>
          <label>
            {w.admin.body}
            <textarea name="body" required maxlength={4000} rows={6}>
              {template.body}
            </textarea>
          </label>
          <label>
            {w.admin.shortcut}
            <input name="shortcut" value={template.shortcut ?? ''} pattern=";[a-z0-9]{2,20}" placeholder=";qian" />
            <small>{w.admin.shortcutHint}</small>
          </label>
          <fieldset class="choices">
            <legend>{w.admin.moods}</legend>
            {Mood.options.map((mood) => (
              <label class="choice">
                <input type="checkbox" name="moods" value={mood} checked={template.moods.includes(mood)} /> {w.domain.moods[mood]}
              </label>
            ))}
            <small>{w.admin.moodsHint}</small>
          </fieldset>
          <fieldset class="choices">
            <legend>{w.admin.categories}</legend>
            {categories.map((category) => (
              <label class={category.parentId ? 'choice child' : 'choice'}>
                <input type="checkbox" name="categoryIds" value={category.id} checked={template.categoryIds.includes(category.id)} />{' '}
                {categoryName(category)}
              </label>
            ))}
            <small>{w.admin.categoriesHint}</small>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="primary">
              {isNew ? w.admin.create : w.admin.save}
            </button>
            <span class="form-status" role="status" />
          </div>
        </fieldset>
      </form>
      {!isNew && (
        <section>
          <h2>{w.admin.versionHistory}</h2>
          {versions.length === 0 ? (
            <p class="empty">{w.admin.noVersions}</p>
          ) : (
            <table class="list" data-testid="version-list">
              <thead>
                <tr>
                  <th>{w.admin.version}</th>
                  <th>{w.admin.publishedAt}</th>
                  <th>{w.admin.title}</th>
                  <th>{w.admin.body}</th>
                </tr>
              </thead>
              <tbody>
                {[...versions].reverse().map((version) => (
                  <tr>
                    <td>{version.version}</td>
                    <td>{formatInstant(version.publishedAt, locale)}</td>
                    <td>{version.template.title}</td>
                    <td class="excerpt">{version.template.body}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Layout>
  );
}

/** A blank draft: the first step, in the page's language. */
export function blankTemplate(language: Template['language']): FormTemplate {
  return { step: 'vent', tone: 'empathy', categoryIds: [], moods: [], language, title: '', body: '', shortcut: null };
}
