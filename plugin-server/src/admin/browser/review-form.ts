import { ReviewCreateRequest, ReviewUpdateRequest } from '../../../../shared/catalogue-api';
import { newRecordId } from '../../../../shared/ids';
import { RubricItem } from '../../../../shared/review';
import { busy, checked } from './feedback';
import type { AdminPage } from './page';

/** The trainer's review form: a new review of the case, or the trainer's own one updated; then reloads. */
export function saveReview(form: HTMLFormElement, { w, api }: AdminPage) {
  return busy(form, w, async () => {
    const data = new FormData(form);
    const scores = Object.fromEntries(RubricItem.options.map((item) => [item, Number(data.get(item))]));
    const comment = String(data.get('comment') ?? '');
    const caseId = form.dataset.caseId ?? '';
    const reviewId = form.dataset.reviewId;
    if (reviewId) await api.updateReview(caseId, reviewId, checked(ReviewUpdateRequest, { scores, comment }));
    else await api.createReview(caseId, checked(ReviewCreateRequest, { id: newRecordId(), scores, comment }));
    location.reload();
  });
}
