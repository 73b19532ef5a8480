/** @jsxImportSource hono/jsx */
// The runtime too, not left to a tsconfig: the pages compile alike wherever the server is started or mounted.
/** @jsxRuntime automatic */
import { type Category, type Escalation, type Review, RubricItem, type StoredCase, type User } from '../../../shared';
import { formatInstant, Layout, type PageProps } from './layout';
import { stepName } from './words';

type Names = { categories: Map<string, Category>; templates: Map<string, string>; users: Map<string, User> };

/** A case's categories in the page's language, as one line of text. */
const categoryList = (names: Names, ids: readonly string[], { w, locale }: PageProps) =>
  ids.map((id) => names.categories.get(id)?.names[locale] ?? id).join(w.admin.listSeparator);

/** GET /admin/cases: every case the user may read, newest first. */
export function CaseListPage(props: PageProps & { cases: StoredCase[]; names: Names; reviewCounts: Map<string, number> }) {
  const { w, locale, paths, cases, names, reviewCounts } = props;
  return (
    <Layout {...props} title={w.admin.casesTitle}>
      <h1>{w.admin.casesTitle}</h1>
      {cases.length === 0 ? (
        <p class="empty">{w.admin.noCases}</p>
      ) : (
        <table class="list" data-testid="case-list">
          <thead>
            <tr>
              <th>{w.admin.received}</th>
              <th>{w.admin.customer}</th>
              <th>{w.admin.categories}</th>
              <th>{w.admin.summary}</th>
              <th>{w.admin.caseStatus}</th>
              <th>{w.admin.reviewsCount}</th>
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
                <td>{categoryList(names, stored.categoryIds, props)}</td>
                <td class="excerpt">{stored.summary}</td>
                <td>{w.domain.caseStatuses[stored.status]}</td>
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
export function CasePage(props: PageProps & { stored: StoredCase; names: Names; reviews: Review[]; escalations: Escalation[] }) {
  const { w, locale, paths, user, stored, names, reviews, escalations } = props;
  // A trainer's own review is edited in place (only its author may change it); others are read.
  const own = reviews.find((review) => review.reviewerId === user?.id);
  const field = (label: string, value: string, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value || w.admin.none}</dd>
    </>
  );
  return (
    <Layout {...props} title={`${w.admin.casesTitle} · ${stored.customer.name}`}>
      <p>
        <a href={`${paths.admin}/cases`}>← {w.admin.casesTitle}</a>
      </p>
      <h1>
        {stored.customer.name} <span class="meta">{formatInstant(stored.receivedAt, locale)}</span>
      </h1>
      <div class="columns">
        <section>
          <h2>{w.admin.customer}</h2>
          <dl class="facts">
            {field(w.domain.fields.phone, stored.customer.phone, 'customer-phone')}
            {field(w.domain.fields.project, stored.customer.project)}
            {field(w.domain.fields.unit, stored.customer.unit)}
            {field(w.domain.fields.crmRecordId, stored.customer.crmRecordId)}
            {field(w.admin.channel, w.domain.channels[stored.channel])}
            {field(w.admin.severity, w.domain.severities[stored.severity])}
            {field(w.admin.mood, w.domain.moods[stored.mood])}
            {field(w.admin.caseStatus, w.domain.caseStatuses[stored.status])}
            {field(w.admin.categories, categoryList(names, stored.categoryIds, props), 'case-categories')}
            {field(w.admin.agent, names.users.get(stored.agentId)?.displayName ?? '')}
          </dl>
        </section>
        <section>
          <h2>{w.admin.summary}</h2>
          <p class="text" data-testid="case-summary">{stored.summary || w.admin.none}</p>
          <h2>{w.admin.plan}</h2>
          <p class="text">{stored.plan || w.admin.none}</p>
        </section>
      </div>
      <section>
        <h2>{w.admin.escalations}</h2>
        {escalations.length === 0 ? (
          <p class="empty">{w.admin.noEscalations}</p>
        ) : (
          <ul data-testid="escalations">
            {escalations.map((escalation) => (
              <li data-escalation-id={escalation.id}>
                <strong>{w.life.escalation.kinds[escalation.kind]}</strong> <span class="meta">{formatInstant(escalation.raisedAt, locale)}</span> ·{' '}
                {escalation.acknowledgedBy ? (
                  w.life.escalation.taken(escalation.acknowledgedBy.displayName, formatInstant(escalation.acknowledgedBy.at, locale))
                ) : (
                  <>
                    {w.life.escalation.waiting}{' '}
                    {user?.role === 'supervisor' && (
                      <button type="button" class="primary" data-action="take-escalation">
                        {w.life.escalation.acknowledge}
                      </button>
                    )}
                    <span class="form-status" role="status" />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{w.admin.stepLog}</h2>
        {stored.steps.length === 0 ? (
          <p class="empty">{w.admin.noSteps}</p>
        ) : (
          <ul class="steps" data-testid="step-log">
            {stored.steps.map((event) => (
              <li class={event.kind}>
                <span class="step-name">{stepName(w, event.step)}</span>{' '}
                <span class={`badge ${event.kind}`}>{w.admin[event.kind]}</span> <span class="meta">{formatInstant(event.at, locale)}</span>
                {event.kind === 'skipped' && <div class="reason">{w.admin.skippedBecause(event.reason)}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{w.admin.templatesUsed}</h2>
        {stored.templateUses.length === 0 ? (
          <p class="empty">{w.admin.noTemplatesUsed}</p>
        ) : (
          <ul data-testid="template-uses">
            {stored.templateUses.map((use) => (
              <li>
                {stepName(w, use.step)} · {names.templates.get(use.templateId) ?? use.templateId} · {w.admin.version} {use.version} ·{' '}
                <span class="meta">{formatInstant(use.at, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{w.admin.reviews}</h2>
        {reviews.length === 0 ? (
          <p class="empty">{w.admin.noReviews}</p>
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
                      {w.domain.rubric[item]} <strong>{review.scores[item]}</strong>
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
            <h3>{w.admin.reviewForm}</h3>
            {RubricItem.options.map((item) => (
              <fieldset class="rubric" data-rubric={item}>
                <legend>{w.domain.rubric[item]}</legend>
                {[1, 2, 3, 4, 5].map((score) => (
                  <label class="choice">
                    <input type="radio" name={item} value={String(score)} required checked={own?.scores[item] === score} /> {score}
                  </label>
                ))}
              </fieldset>
            ))}
            <label>
              {w.admin.comment}
              <textarea name="comment" rows={4} maxlength={4000}>
                {own?.comment ?? ''}
              </textarea>
            </label>
            <div class="form-actions">
              <button type="submit" class="primary">
                {w.admin.submitReview}
              </button>
              <span class="form-status" role="status" />
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}
