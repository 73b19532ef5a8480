import { z } from 'zod';
import type { Case } from './case';
import { CategoryId } from './category';
import { Id, Instant, LocalizedText, plainText } from './primitives';

// The parts of a case's life that reach beyond the agent: the departments a case is handed to,
// emergency plans, escalations to supervisors and group complaints. Kept by the server; the
// sidebar caches what it shows.

/** A slug naming a department or an emergency plan, stable across languages. */
export const Slug = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower-case slug');

/** A department a case can be dispatched to, and the categories routed to it by default. */
export const Department = z.object({
  id: Slug,
  names: LocalizedText,
  /** Categories (and their subcategories) this department is responsible for. */
  categoryIds: z.array(CategoryId).max(100),
});
export type Department = z.infer<typeof Department>;

/** One step of an emergency plan's checklist. */
export const EmergencyStep = z.object({ id: Slug, text: LocalizedText });
export type EmergencyStep = z.infer<typeof EmergencyStep>;

/** An emergency type and its plan: what to tick, whom to notify, who alone speaks for the company. */
export const EmergencyPlan = z.object({
  id: Slug,
  names: LocalizedText,
  checklist: z.array(EmergencyStep).min(1).max(30),
  /** People or roles to notify at once, as the plan names them (e.g. "物业经理 138…"). */
  notify: z.array(plainText(200).trim().min(1)).max(20),
  /** The one designated spokesperson (DOMAIN.md: 对外统一口径). */
  spokesperson: plainText(200).trim(),
});
export type EmergencyPlan = z.infer<typeof EmergencyPlan>;

/** An emergency declared on a case: its plan, and each checklist step with the time it was ticked. */
export const CaseEmergency = z.object({
  planId: Slug,
  declaredAt: Instant,
  ticks: z.array(z.object({ stepId: Slug, at: Instant })).max(30),
});
export type CaseEmergency = z.infer<typeof CaseEmergency>;

/** Why a case was escalated to the supervisors. */
export const EscalationKind = z.enum(['major', 'emergency']);
export type EscalationKind = z.infer<typeof EscalationKind>;

/**
 * What a case asks of the supervisors: an emergency says more than "major" (and the sidebar
 * makes every emergency major), so it is the one raised; a case already closed asks nothing.
 */
export function escalationKindOf(c: Pick<Case, 'severity' | 'emergency' | 'status'>): EscalationKind | null {
  if (c.status === 'closed') return null;
  if (c.emergency) return 'emergency';
  return c.severity === 'major' ? 'major' : null;
}

/** One escalation: raised by the server when a case it accepts first turns major or declares an emergency. */
export const Escalation = z.object({
  id: Id,
  caseId: Id,
  kind: EscalationKind,
  agentId: Id,
  raisedAt: Instant,
  /** What the supervisor's notification says: customer name, project and the summary, as the case had them. */
  customerName: plainText(100),
  project: plainText(100),
  summary: plainText(2000),
  acknowledgedBy: z.object({ userId: Id, displayName: plainText(100), at: Instant }).nullable(),
});
export type Escalation = z.infer<typeof Escalation>;

/** When the server proposes a group complaint: `minCases` of one category, project and building within `windowHours`. */
export const GroupWindow = z.object({
  minCases: z.int().min(2).max(100).default(3),
  windowHours: z.int().min(1).max(24 * 90).default(72),
});
export type GroupWindow = z.infer<typeof GroupWindow>;
export const DEFAULT_GROUP_WINDOW: GroupWindow = GroupWindow.parse({});

/** A group complaint: owners of one project (and building) with the same problem get one plan (群體利益). */
export const CaseGroup = z.object({
  id: Id,
  project: plainText(100).trim().min(1),
  /** Empty when the cases did not name a building. */
  building: plainText(60).trim(),
  categoryId: CategoryId,
  /** The one answer every agent gives to owners of this group. */
  plan: plainText(4000).trim().min(1),
  /** The cases the supervisor confirmed; cases linked later carry `groupId`. */
  caseIds: z.array(Id).max(1000),
  confirmedBy: Id,
  confirmedAt: Instant,
});
export type CaseGroup = z.infer<typeof CaseGroup>;
