import { Hono } from 'hono';
import { type CaseHistoryItem, CaseHistoryQuery, CaseHistoryResponse, phoneDigits } from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** The sidebar shows at most this many earlier complaints. */
const HISTORY_LIMIT = 50;

/**
 * GET /api/case-history?phone=: the customer's earlier complaints, matched on the phone's digits,
 * across every agent.
 *
 * Policy: an agent may read only their own cases in full (GET /api/cases), yet needs to know
 * what a caller complained about before, whoever took those calls, to avoid making them repeat
 * it. So history crosses agents but is reduced to the complaint itself (categories, status,
 * severity, summary, when): no customer details, notes, plan or who handled it. Only someone who
 * already has the number (on the call) can ask, and the answer is limited to that number.
 */
export const caseHistoryRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps), requireRole('agent', 'supervisor'))
    .get(
      '/',
      describe("A caller's earlier complaints by phone digits, summaries only", { 200: CaseHistoryResponse }),
      validate('query', CaseHistoryQuery),
      async (c) => {
        const digits = phoneDigits(c.req.valid('query').phone);
        const found = await deps.store.caseHistory.byPhoneDigits(digits, HISTORY_LIMIT);
        const cases: CaseHistoryItem[] = found.map((stored) => ({
          id: stored.id,
          receivedAt: stored.receivedAt,
          categoryIds: stored.categoryIds,
          status: stored.status,
          severity: stored.severity,
          summary: stored.summary,
        }));
        return c.json({ cases }, 200);
      },
    );
