import { Hono } from 'hono';
import {
  type CaseGroup,
  CaseGroupConfirmRequest,
  CaseGroupDetail,
  CaseGroupList,
  CaseGroupPlanRequest,
  CaseGroupQuery,
  CaseGroupResponse,
  DEFAULT_GROUP_WINDOW,
  GroupProposalList,
  type GroupWindow,
  IdParam,
  normaliseBuilding,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** Where the proposals' window comes from: the supervisors' setting once it is wired in, the default until then. */
export type GroupWindowSource = () => Promise<GroupWindow>;

const defaultWindow: GroupWindowSource = async () => DEFAULT_GROUP_WINDOW;

/**
 * Group complaints (群體利益): supervisors see the server's proposals, confirm a group with its
 * one plan and change the plan; every role looks groups up by project and building (the agent's
 * sidebar, for the owner on the phone); supervisors and trainers read a group's members.
 */
export const caseGroupRoutes = (deps: RouteDeps, groupWindow: GroupWindowSource = defaultWindow) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe("Confirmed groups of a caller's project and building", { 200: CaseGroupList }), validate('query', CaseGroupQuery), async (c) => {
      const { project, building } = c.req.valid('query');
      const normalised = normaliseBuilding(building ?? '');
      const groups = await deps.store.caseGroups.find({ project, ...(normalised ? { building: normalised } : {}) });
      return c.json({ groups }, 200);
    })
    // Before '/:id', which would otherwise take "proposals" for an id.
    .get('/proposals', describe('Groups the server proposes from recent open cases', { 200: GroupProposalList }), requireRole('supervisor'), async (c) =>
      c.json({ proposals: await deps.store.caseGroups.proposals(await groupWindow(), deps.now()) }, 200),
    )
    .post(
      '/',
      describe('Confirm a group with its plan', { 201: CaseGroupResponse, 200: CaseGroupResponse }, [409]),
      requireRole('supervisor'),
      validate('json', CaseGroupConfirmRequest),
      async (c) => {
        const body = c.req.valid('json');
        const group: CaseGroup = {
          ...body,
          building: normaliseBuilding(body.building),
          caseIds: [...new Set(body.caseIds)],
          confirmedBy: c.get('user').id,
          confirmedAt: deps.now().toISOString(),
        };
        const outcome = await deps.store.caseGroups.confirm(group);
        if (!outcome.ok) throw new ApiProblem(409, 'conflict', 'another group has this id');
        return c.json({ group: outcome.group }, outcome.created ? 201 : 200);
      },
    )
    .put(
      '/:id/plan',
      describe("Replace a group's plan", { 200: CaseGroupResponse }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      validate('json', CaseGroupPlanRequest),
      async (c) => {
        const group = await deps.store.caseGroups.setPlan(c.req.valid('param').id, c.req.valid('json').plan);
        if (!group) throw new ApiProblem(404, 'not_found', 'no such group');
        return c.json({ group }, 200);
      },
    )
    .get(
      '/:id',
      describe('A group with its members, their status and revisit', { 200: CaseGroupDetail }, [404]),
      requireRole('supervisor', 'trainer'),
      validate('param', IdParam),
      async (c) => {
        const group = await deps.store.caseGroups.get(c.req.valid('param').id);
        if (!group) throw new ApiProblem(404, 'not_found', 'no such group');
        return c.json({ group, members: await deps.store.caseGroups.members(group) }, 200);
      },
    );
