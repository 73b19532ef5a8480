import type { Kysely, Selectable } from 'kysely';
import { Review } from '../../../../shared';
import type { Database, ReviewsTable } from '../schema';
import type { ReviewRepository } from '../types';
import { isUniqueViolation } from './errors';

const toReview = (row: Selectable<ReviewsTable>) =>
  Review.parse({
    id: row.id,
    caseId: row.case_id,
    reviewerId: row.reviewer_id,
    scores: JSON.parse(row.scores),
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/** Trainers' reviews over Kysely. */
export function createReviewRepository(db: Kysely<Database>): ReviewRepository {
  return {
    async listForCase(caseId) {
      const rows = await db.selectFrom('reviews').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toReview);
    },
    async get(id) {
      const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toReview(row);
    },
    async create(review) {
      try {
        await db
          .insertInto('reviews')
          .values({
            id: review.id,
            case_id: review.caseId,
            reviewer_id: review.reviewerId,
            scores: JSON.stringify(review.scores),
            comment: review.comment,
            created_at: review.createdAt,
            updated_at: review.updatedAt,
          })
          .execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async update(review) {
      const result = await db
        .updateTable('reviews')
        .set({ scores: JSON.stringify(review.scores), comment: review.comment, updated_at: review.updatedAt })
        .where('id', '=', review.id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
