import { z } from 'zod';
import { CaseStatus } from './case-life';
import { CaseGroup } from './case-escalation';
import { CategoryId } from './category';
import { Id, Instant, plainText } from './primitives';

// Request and response bodies of /api/case-groups: the server's proposals, a supervisor's
// confirmation and plan, the sidebar's lookup by project and building, and a group's members.

/** A group the server proposes: `minCases` or more open cases of one category, project and building within the window. */
export const GroupProposal = z.object({
  project: plainText(100),
  /** Empty: the cases named no building and were grouped by project alone. */
  building: plainText(60),
  categoryId: CategoryId,
  caseIds: z.array(Id).min(1),
  firstReceivedAt: Instant,
  lastReceivedAt: Instant,
});
export type GroupProposal = z.infer<typeof GroupProposal>;

export const GroupProposalList = z.object({ proposals: z.array(GroupProposal) });
export type GroupProposalList = z.infer<typeof GroupProposalList>;

/** POST /api/case-groups: a supervisor confirms a group (usually a proposal) with its one plan; the id is the client's. */
export const CaseGroupConfirmRequest = CaseGroup.pick({ id: true, project: true, building: true, categoryId: true, plan: true }).extend({
  caseIds: z.array(Id).min(1).max(1000),
});
export type CaseGroupConfirmRequest = z.infer<typeof CaseGroupConfirmRequest>;

/** PUT /api/case-groups/:id/plan. */
export const CaseGroupPlanRequest = CaseGroup.pick({ plan: true });
export type CaseGroupPlanRequest = z.infer<typeof CaseGroupPlanRequest>;

/** GET /api/case-groups: the confirmed groups a caller of this project (and building) may belong to. */
export const CaseGroupQuery = z.object({
  project: plainText(100).trim().min(1),
  /** Absent or blank: every group of the project. */
  building: plainText(60).trim().optional(),
});
export type CaseGroupQuery = z.infer<typeof CaseGroupQuery>;

export const CaseGroupResponse = z.object({ group: CaseGroup });
export const CaseGroupList = z.object({ groups: z.array(CaseGroup) });
export type CaseGroupList = z.infer<typeof CaseGroupList>;

/** Where a member's revisit stands in the current round: none tried, tried without a score, done. */
export const MemberRevisit = z.object({
  state: z.enum(['none', 'attempted', 'done']),
  /** The customer's score when done. */
  score: z.int().min(1).max(5).nullable(),
  /** The latest attempt of the round. */
  at: Instant.nullable(),
});
export type MemberRevisit = z.infer<typeof MemberRevisit>;

/** One case of a group: confirmed with it, or linked later by an agent (`groupId`). */
export const GroupMember = z.object({ caseId: Id, status: CaseStatus, revisit: MemberRevisit });
export type GroupMember = z.infer<typeof GroupMember>;

/** GET /api/case-groups/:id: the group and every member the server holds, the group's revisit per owner. */
export const CaseGroupDetail = z.object({ group: CaseGroup, members: z.array(GroupMember) });
export type CaseGroupDetail = z.infer<typeof CaseGroupDetail>;
