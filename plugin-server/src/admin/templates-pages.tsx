/** @jsxImportSource hono/jsx */
import { type Category, LOCALES, Mood, STEP_ORDER, type Template, type TemplateStatus, Tone, type TemplateVersion } from '../../../shared';
import { formatInstant, Layout, type PageProps } from './layout';
import type { StringKey } from './strings';

const STATUSES: readonly TemplateStatus[] = ['draft', 'published', 'archived'];
const languageKey = (locale: string) => `language_${locale.replace('-', '_')}` as StringKey;

/** The list's query as the form sent it; values outside the enums are simply ignored. */
export interface TemplateListQuery {
  q?: string;
  status?: TemplateStatus;
  language?: (typeof LOCALES)[number];
}

/** GET /admin/templates: search, status and language filters, and the matching templates. */
export function TemplateListPage(props: PageProps & { query: TemplateListQuery; templates: Template[] }) {
  const { t, paths, query, templates } = props;
  return (
    <Layout {...props} title={t('navTemplates')}>
      <div class="heading">
        <h1>{t('navTemplates')}</h1>
        <a class="button primary" href={`${paths.admin}/templates/new`} data-testid="new-template">
          {t('newTemplate')}
        </a>
      </div>
      <form class="filters" method="get" action={`${paths.admin}/templates`}>
        <input type="search" name="q" value={query.q ?? ''} placeholder={t('searchPlaceholder')} aria-label={t('search')} />
        <select name="status" aria-label={t('status')}>
          <option value="">{t('anyStatus')}</option>
          {STATUSES.map((status) => (
            <option value={status} selected={query.status === status}>
              {t(`status_${status}`)}
            </option>
          ))}
        </select>
        <select name="language" aria-label={t('language')}>
          <option value="">{t('anyLanguage')}</option>
          {LOCALES.map((locale) => (
            <option value={locale} selected={query.language === locale}>
              {t(languageKey(locale))}
            </option>
          ))}
        </select>
        <button type="submit">{t('filter')}</button>
      </form>
      {templates.length === 0 ? (
        <p class="empty">{t('noTemplates')}</p>
      ) : (
        <table class="list" data-testid="template-list">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('step')}</th>
              <th>{t('language')}</th>
              <th>{t('shortcut')}</th>
              <th>{t('status')}</th>
              <th>{t('version')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr data-template-id={template.id}>
                <td>
                  <a href={`${paths.admin}/templates/${template.id}`}>{template.title}</a>
                  <div class="excerpt">{template.body}</div>
                </td>
                <td>{t(`step_${template.step}`)}</td>
                <td>{t(languageKey(template.language))}</td>
                <td>
                  <code>{template.shortcut ?? ''}</code>
                </td>
                <td>
                  <span class={`badge ${template.status}`}>{t(`status_${template.status}`)}</span>
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
  const { t, locale, paths, template, categories, versions } = props;
  const isNew = template.id === undefined;
  const editable = isNew || template.status === 'draft';
  const heading = isNew ? t('newTemplate') : template.title;
  const categoryName = (category: Category) => category.names[locale];
  return (
    <Layout {...props} title={heading}>
      <p>
        <a href={`${paths.admin}/templates`}>← {t('navTemplates')}</a>
      </p>
      <div class="heading">
        <h1 data-testid="template-heading">{heading}</h1>
        {!isNew && (
          <span class={`badge ${template.status}`} data-testid="template-status">
            {t(`status_${template.status!}`)}
          </span>
        )}
      </div>
      <section class="conflict" data-testid="conflict" hidden>
        <h2>{t('conflictTitle')}</h2>
        <p>{t('conflictBody')}</p>
        <dl class="their-version" />
      </section>
      {!isNew && (
        <div class="status-actions" data-template-id={template.id}>
          {template.status === 'draft' && (
            <button type="button" class="primary" data-action="set-status" data-status="published">
              {t('publish')}
            </button>
          )}
          {template.status === 'published' && (
            <button type="button" data-action="set-status" data-status="archived">
              {t('archive')}
            </button>
          )}
          {template.status !== 'draft' && (
            <button type="button" data-action="set-status" data-status="draft">
              {t('backToDraft')}
            </button>
          )}
          <span class="meta">
            {t('version')} <span data-testid="template-version">{template.version}</span> · {t('updatedAt')}{' '}
            {formatInstant(template.updatedAt!, locale)}
          </span>
        </div>
      )}
      {!editable && <p class="notice">{t('onlyDraftsEditable')}</p>}
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
              {t('step')}
              <select name="step">
                {STEP_ORDER.map((step) => (
                  <option value={step} selected={template.step === step}>
                    {t(`step_${step}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('tone')}
              <select name="tone">
                {Tone.options.map((tone) => (
                  <option value={tone} selected={template.tone === tone}>
                    {t(`tone_${tone}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('language')}
              <select name="language">
                {LOCALES.map((language) => (
                  <option value={language} selected={template.language === language}>
                    {t(languageKey(language))}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {t('title')}
            <input name="title" required maxlength={120} value={template.title} />
          </label>
          <label>
            {t('body')}
            <textarea name="body" required maxlength={4000} rows={6}>
              {template.body}
            </textarea>
          </label>
          <label>
            {t('shortcut')}
            <input name="shortcut" value={template.shortcut ?? ''} pattern=";[a-z0-9]{2,20}" placeholder=";qian" />
            <small>{t('shortcutHint')}</small>
          </label>
          <fieldset class="choices">
            <legend>{t('moods')}</legend>
            {Mood.options.map((mood) => (
              <label class="choice">
                <input type="checkbox" name="moods" value={mood} checked={template.moods.includes(mood)} /> {t(`mood_${mood}`)}
              </label>
            ))}
            <small>{t('moodsHint')}</small>
          </fieldset>
          <fieldset class="choices">
            <legend>{t('categories')}</legend>
            {categories.map((category) => (
              <label class={category.parentId ? 'choice child' : 'choice'}>
                <input type="checkbox" name="categoryIds" value={category.id} checked={template.categoryIds.includes(category.id)} />{' '}
                {categoryName(category)}
              </label>
            ))}
            <small>{t('categoriesHint')}</small>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="primary">
              {isNew ? t('create') : t('save')}
            </button>
            <span class="form-status" role="status" />
          </div>
        </fieldset>
      </form>
      {!isNew && (
        <section>
          <h2>{t('versionHistory')}</h2>
          {versions.length === 0 ? (
            <p class="empty">{t('noVersions')}</p>
          ) : (
            <table class="list" data-testid="version-list">
              <thead>
                <tr>
                  <th>{t('version')}</th>
                  <th>{t('publishedAt')}</th>
                  <th>{t('title')}</th>
                  <th>{t('body')}</th>
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
