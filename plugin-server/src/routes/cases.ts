import { Hono } from 'hono';
import {
  CaseEscalations,
  CaseListQuery,
  CaseListResponse,
  CaseResponse,
  Id,
  IdParam,
  type Review,
  ReviewCreateRequest,
  ReviewList,
  ReviewResponse,
  ReviewUpdateRequest,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import { canSee, caseScope, presentCase } from '../policy/cases';
import type { CaseFilter } from '../store';
import type { RouteDeps } from './deps';

const ReviewParam = IdParam.extend({ reviewId: Id });

/**
 * GET /api/cases and /api/cases/:id, filtered and masked per role (see policy/cases.ts); admins
 * manage users, not cases. Trainers' reviews of a case live under /api/cases/:id/reviews.
 */
export const caseRoutes = (deps: RouteDeps) => {
  async function requireCase(id: string) {
    if (!(await deps.store.cases.get(id))) throw new ApiProblem(404, 'not_found', 'no such case');
  }

  return new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get(
      '/',
      describe('Cases with filters, full-text search and a cursor: agents their own, trainers with phones masked', { 200: CaseListResponse }),
      requireRole('agent', 'supervisor', 'trainer'),
      validate('query', CaseListQuery),
      async (c) => {
        const user = c.var.user;
        const { q, overdue, ...rest } = c.req.valid('query');
        // The scope comes last: an agent's own id overrides any agentId asked for.
        const filter: CaseFilter = { ...rest, ...(overdue === 'true' ? { overdueAt: deps.now() } : {}), ...caseScope(user) };
        const page = q ? await deps.store.cases.search(q, filter) : await deps.store.cases.list(filter);
        return c.json({ cases: page.cases.map((stored) => presentCase(user, stored)), nextCursor: page.nextCursor }, 200);
      },
    )
    .get(
      '/:id',
      describe('One case', { 200: CaseResponse }, [404]),
      requireRole('agent', 'supervisor', 'trainer'),
      validate('param', IdParam),
      async (c) => {
        const user = c.var.user;
        const stored = await deps.store.cases.get(c.req.valid('param').id);
        // Someone else's case answers exactly like a missing one: its existence is not disclosed.
        if (!stored || !canSee(user, stored)) throw new ApiProblem(404, 'not_found', 'no such case');
        return c.json({ case: presentCase(user, stored) }, 200);
      },
    )
    .get(
      '/:id/escalations',
      describe("A case's escalations and who took them", { 200: CaseEscalations }, [404]),
      requireRole('agent', 'supervisor', 'trainer'),
      validate('param', IdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const stored = await deps.store.cases.get(id);
        if (!stored || !canSee(c.var.user, stored)) throw new ApiProblem(404, 'not_found', 'no such case');
        return c.json({ escalations: await deps.store.escalations.ofCase(id) }, 200);
      },
    )
    .get(
      '/:id/reviews',
      describe("Trainers' reviews of a case", { 200: ReviewList }, [404]),
      requireRole('trainer', 'supervisor'),
      validate('param', IdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        await requireCase(id);
        return c.json({ reviews: await deps.store.reviews.listForCase(id) }, 200);
      },
    )
    .post(
      '/:id/reviews',
      describe('Review a case', { 201: ReviewResponse }, [404, 409]),
      requireRole('trainer'),
      validate('param', IdParam),
      validate('json', ReviewCreateRequest),
      async (c) => {
        const { id: caseId } = c.req.valid('param');
        await requireCase(caseId);
        const at = deps.now().toISOString();
        const review: Review = { ...c.req.valid('json'), caseId, reviewerId: c.var.user.id, createdAt: at, updatedAt: at };
        if (!(await deps.store.reviews.create(review))) throw new ApiProblem(409, 'conflict', 'a review with this id exists');
        return c.json({ review }, 201);
      },
    )
    .put(
      '/:id/reviews/:reviewId',
      describe('Edit your review', { 200: ReviewResponse }, [404]),
      requireRole('trainer'),
      validate('param', ReviewParam),
      validate('json', ReviewUpdateRequest),
      async (c) => {
        const { id: caseId, reviewId } = c.req.valid('param');
        const existing = await deps.store.reviews.get(reviewId);
        if (!existing || existing.caseId !== caseId) throw new ApiProblem(404, 'not_found', 'no such review');
        // A review is its author's judgement: another trainer writes their own rather than edit it.
        if (existing.reviewerId !== c.var.user.id) throw new ApiProblem(403, 'forbidden', 'only the review’s author may edit it');
        const review: Review = { ...existing, ...c.req.valid('json'), updatedAt: deps.now().toISOString() };
        await deps.store.reviews.update(review);
        return c.json({ review }, 200);
      },
    );
};
