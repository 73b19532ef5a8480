import { z } from 'zod';
import { CaseStatus, Commitment, Dispatch, LifeEvent, RevisitAttempt } from './case-life';
import { CaseEmergency } from './case-escalation';
import { CategoryId } from './category';
import { Id, Instant, Locale, plainText } from './primitives';
import { StepEvent, StepId } from './steps';

/** Where the complaint came in (DOMAIN.md: hotline, relayed by the property company, web, mail, walk-in). */
export const Channel = z.enum(['hotline', 'property_relay', 'website', 'mailbox', 'walk_in']);
export type Channel = z.infer<typeof Channel>;

/** A major complaint goes at once to the supervisor and the first responsible person. */
export const Severity = z.enum(['normal', 'major']);
export type Severity = z.infer<typeof Severity>;

/** An invalid complaint switches the agent to appropriate-refusal wording. */
export const Validity = z.enum(['unassessed', 'valid', 'invalid']);
export type Validity = z.infer<typeof Validity>;

export const Mood = z.enum(['calm', 'upset', 'angry']);
export type Mood = z.infer<typeof Mood>;

export { CaseStatus } from './case-life';

/** A CRM page address: http(s) only, so a stored value can never run script when opened. */
export const RecordUrl = z.url({ protocol: /^https?$/ }).max(2000);

/**
 * The customer as read from the CRM page at the time of the complaint. Every field is text the
 * CRM showed, bounded and control-character free; none is trusted as markup.
 */
export const CustomerSnapshot = z.object({
  name: plainText(100).trim(),
  phone: plainText(40).trim(),
  project: plainText(100).trim().default(''),
  unit: plainText(60).trim().default(''),
  /** The building, when the CRM shows it apart from the unit: group complaints match on it. */
  building: plainText(60).trim().optional(),
  crmRecordId: plainText(100).trim().default(''),
  /** The CRM page the customer was read on: a case opened later from a list brings it up. */
  recordUrl: RecordUrl.optional(),
});
export type CustomerSnapshot = z.infer<typeof CustomerSnapshot>;

/** How wording reached the CRM: the sidebar's Insert, or a shortcut typed in a CRM field. */
export const InsertionPath = z.enum(['sidebar', 'shortcut']);
export type InsertionPath = z.infer<typeof InsertionPath>;

/**
 * A template the agent inserted, with the version that was live then. `text` is what actually
 * went into the CRM (values filled, edits made); cases logged before it was recorded lack it.
 */
export const TemplateUse = z.object({
  templateId: Id,
  version: z.int().min(1),
  step: StepId,
  at: Instant,
  via: InsertionPath.optional(),
  text: plainText(8000).optional(),
});
export type TemplateUse = z.infer<typeof TemplateUse>;

/**
 * The agent's restatement of the problem in three parts; it yields both the sentence read back
 * to the customer and the case's structured summary. Defaults keep older cases parseable.
 */
export const Restatement = z.object({
  what: plainText(500).default(''),
  where: plainText(200).default(''),
  since: plainText(100).default(''),
});
export type Restatement = z.infer<typeof Restatement>;

/** One complaint interaction: written first in the extension, synced to the server. */
export const Case = z.object({
  id: Id,
  customer: CustomerSnapshot,
  channel: Channel,
  categoryIds: z.array(CategoryId).max(20),
  severity: Severity,
  validity: Validity,
  mood: Mood,
  language: Locale,
  steps: z.array(StepEvent).max(200),
  templateUses: z.array(TemplateUse).max(500),
  summary: plainText(2000),
  restatement: Restatement.default({ what: '', where: '', since: '' }),
  plan: plainText(4000),
  notes: plainText(8000),
  status: CaseStatus,
  /** Every move of `status`, oldest first; defaults keep cases logged before it parseable. */
  lifecycle: z.array(LifeEvent).max(200).default([]),
  /** The promises made in the plan step (言出必行), each judged kept or broken at the revisit. */
  commitments: z.array(Commitment).max(50).default([]),
  /** Hand-overs to the responsible departments, with what each reported back. */
  dispatches: z.array(Dispatch).max(20).default([]),
  /** The revisit calls after the fix (回訪). */
  revisits: z.array(RevisitAttempt).max(50).default([]),
  /** An emergency declared on the case, with its plan's checklist as ticked. */
  emergency: CaseEmergency.optional(),
  /** The group complaint the agent linked the case to: it then gets the group's plan and halved limits. */
  groupId: Id.optional(),
  receivedAt: Instant,
  createdAt: Instant,
  /** Set by the client on every edit; the server keeps the newest version of a case. */
  updatedAt: Instant,
});
export type Case = z.infer<typeof Case>;

/** A case as the server stores it: who logged it, and when it was last accepted. */
export const StoredCase = Case.extend({
  agentId: Id,
  serverUpdatedAt: Instant,
});
export type StoredCase = z.infer<typeof StoredCase>;
