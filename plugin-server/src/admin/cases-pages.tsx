/** @jsxImportSource hono/jsx */
import { type Category, type Review, RubricItem, type StoredCase, type User } from '../../../shared';
import { formatInstant, Layout, type PageProps } from './layout';

type Names = { categories: Map<string, Category>; templates: Map<string, string>; users: Map<string, User> };

const categoryLabel = (names: Names, id: string, locale: PageProps['locale']) => names.categories.get(id)?.names[locale] ?? id;

/** GET /admin/cases: every case the user may read, newest first. */
export function CaseListPage(props: PageProps & { cases: StoredCase[]; names: Names; reviewCounts: Map<string, number> }) {
  const { t, locale, paths, cases, names, reviewCounts } = props;
  return (
    <Layout {...props} title={t('casesTitle')}>
      <h1>{t('casesTitle')}</h1>
      {cases.length === 0 ? (
        <p class="empty">{t('noCases')}</p>
      ) : (
        <table class="list" data-testid="case-list">
          <thead>
            <tr>
              <th>{t('received')}</th>
              <th>{t('customer')}</th>
              <th>{t('categories')}</th>
              <th>{t('summary')}</th>
              <th>{t('caseStatus')}</th>
              <th>{t('reviewsCount')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((stored) => (
              <tr data-case-id={stored.id}>
                <td>
                  <a href={`${paths.admin}/cases/${stored.id}`}>{formatInstant(stored.receivedAt, locale)}</a>
                </td>
                <td>
                  {stored.customer.name}
                  <div class="excerpt">{[stored.customer.project, stored.customer.unit].filter(Boolean).join(' ')}</div>
                </td>
                <td>{stored.categoryIds.map((id) => categoryLabel(names, id, locale)).join('、')}</td>
                <td class="excerpt">{stored.summary}</td>
                <td>{t(`caseStatus_${stored.status}`)}</td>
                <td>{reviewCounts.get(stored.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** GET /admin/cases/:id: the case as logged, its reviews, and (for trainers) the review form. */
export function CasePage(props: PageProps & { stored: StoredCase; names: Names; reviews: Review[] }) {
  const { t, locale, paths, user, stored, names, reviews } = props;
  // A trainer's own review is edited in place (only its author may change it); others are read.
  const own = reviews.find((review) => review.reviewerId === user?.id);
  const field = (label: string, value: string, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value || t('none')}</dd>
    </>
  );
  return (
    <Layout {...props} title={`${t('casesTitle')} · ${stored.customer.name}`}>
      <p>
        <a href={`${paths.admin}/cases`}>← {t('casesTitle')}</a>
      </p>
      <h1>
        {stored.customer.name} <span class="meta">{formatInstant(stored.receivedAt, locale)}</span>
      </h1>
      <div class="columns">
        <section>
          <h2>{t('customer')}</h2>
          <dl class="facts">
            {field(t('phone'), stored.customer.phone, 'customer-phone')}
            {field(t('project'), stored.customer.project)}
            {field(t('unit'), stored.customer.unit)}
            {field(t('crmRecord'), stored.customer.crmRecordId)}
            {field(t('channel'), t(`channel_${stored.channel}`))}
            {field(t('severity'), t(`severity_${stored.severity}`))}
            {field(t('mood'), t(`mood_${stored.mood}`))}
            {field(t('caseStatus'), t(`caseStatus_${stored.status}`))}
            {field(t('categories'), stored.categoryIds.map((id) => categoryLabel(names, id, locale)).join('、'), 'case-categories')}
            {field(t('agent'), names.users.get(stored.agentId)?.displayName ?? '')}
          </dl>
        </section>
        <section>
          <h2>{t('summary')}</h2>
          <p class="text" data-testid="case-summary">{stored.summary || t('none')}</p>
          <h2>{t('plan')}</h2>
          <p class="text">{stored.plan || t('none')}</p>
        </section>
      </div>
      <section>
        <h2>{t('stepLog')}</h2>
        {stored.steps.length === 0 ? (
          <p class="empty">{t('noSteps')}</p>
        ) : (
          <ul class="steps" data-testid="step-log">
            {stored.steps.map((event) => (
              <li class={event.kind}>
                <span class="step-name">{t(`step_${event.step}`)}</span>{' '}
                <span class={`badge ${event.kind}`}>{t(event.kind)}</span> <span class="meta">{formatInstant(event.at, locale)}</span>
                {event.kind === 'skipped' && (
                  <div class="reason">
                    {t('skipReason')}: {event.reason}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('templatesUsed')}</h2>
        {stored.templateUses.length === 0 ? (
          <p class="empty">{t('noTemplatesUsed')}</p>
        ) : (
          <ul data-testid="template-uses">
            {stored.templateUses.map((use) => (
              <li>
                {t(`step_${use.step}`)} · {names.templates.get(use.templateId) ?? use.templateId} ({t('version')} {use.version}) ·{' '}
                <span class="meta">{formatInstant(use.at, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('reviews')}</h2>
        {reviews.length === 0 ? (
          <p class="empty">{t('noReviews')}</p>
        ) : (
          <ul class="reviews" data-testid="reviews">
            {reviews.map((review) => (
              <li data-review-id={review.id}>
                <div class="meta">
                  {names.users.get(review.reviewerId)?.displayName ?? review.reviewerId} · {formatInstant(review.updatedAt, locale)}
                </div>
                <div class="scores">
                  {RubricItem.options.map((item) => (
                    <span class="score">
                      {t(`rubric_${item}`)} <strong>{review.scores[item]}</strong>
                    </span>
                  ))}
                </div>
                <p class="text">{review.comment}</p>
              </li>
            ))}
          </ul>
        )}
        {user?.role === 'trainer' && (
          <form
            id="review-form"
            class="editor"
            data-action={own ? 'update-review' : 'create-review'}
            data-case-id={stored.id}
            data-review-id={own?.id ?? ''}
          >
            <h3>{t('reviewForm')}</h3>
            {RubricItem.options.map((item) => (
              <fieldset class="rubric" data-rubric={item}>
                <legend>{t(`rubric_${item}`)}</legend>
                {[1, 2, 3, 4, 5].map((score) => (
                  <label class="choice">
                    <input type="radio" name={item} value={String(score)} required checked={own?.scores[item] === score} /> {score}
                  </label>
                ))}
              </fieldset>
            ))}
            <label>
              {t('comment')}
              <textarea name="comment" rows={4} maxlength={4000}>
                {own?.comment ?? ''}
              </textarea>
            </label>
            <div class="form-actions">
              <button type="submit" class="primary">
                {t('submitReview')}
              </button>
              <span class="form-status" role="status" />
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}
