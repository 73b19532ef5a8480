import { z } from 'zod';
import { CategoryId } from './category';
import { Mood } from './case';
import { Id, Instant, label, Locale, plainText } from './primitives';
import { StepId, Tone } from './steps';

export const TemplateStatus = z.enum(['draft', 'published', 'archived']);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

/**
 * Which status a template may move to from which: publish a draft, archive or withdraw (back to
 * draft) a published one, restore an archived one as a draft. Only drafts are edited, so what
 * agents read is always exactly a published version row.
 */
export const TEMPLATE_TRANSITIONS: Readonly<Record<TemplateStatus, readonly TemplateStatus[]>> = {
  draft: ['published'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

/** Whether a template in status `from` may be moved to `to`. */
export const canMoveTemplate = (from: TemplateStatus, to: TemplateStatus): boolean => TEMPLATE_TRANSITIONS[from].includes(to);

/** The statuses a template may be moved to `to` from. */
export const templateStatusesBefore = (to: TemplateStatus): TemplateStatus[] =>
  TemplateStatus.options.filter((from) => canMoveTemplate(from, to));

/** The statuses in which a template's fields may be edited: drafts only (see above). */
export const EDITABLE_TEMPLATE_STATUSES: readonly TemplateStatus[] = ['draft'];

/** Whether a template in `status` may have its fields edited. */
export const isTemplateEditable = (status: TemplateStatus): boolean => EDITABLE_TEMPLATE_STATUSES.includes(status);

/** Typed inside a CRM field, e.g. `;qian`, then Space or Tab, to expand the template. */
export const Shortcut = z.string().regex(/^;[a-z0-9]{2,20}$/, 'a semicolon and 2–20 lower-case letters or digits');

/** Approved wording for one step. `body` is plain text with `{{variable}}` placeholders. */
export const Template = z.object({
  id: Id,
  step: StepId,
  tone: Tone,
  /** Empty means it fits every category. */
  categoryIds: z.array(CategoryId).max(20),
  /** Empty means it fits every mood. */
  moods: z.array(Mood).max(3),
  language: Locale,
  title: label(120),
  body: plainText(4000).trim().min(1),
  shortcut: Shortcut.nullable(),
  status: TemplateStatus,
  /** Bumped on every accepted edit: the basis of optimistic concurrency. */
  version: z.int().min(1),
  updatedAt: Instant,
});
export type Template = z.infer<typeof Template>;
