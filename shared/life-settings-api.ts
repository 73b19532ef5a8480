import { z } from 'zod';
import { Department, EmergencyPlan, GroupWindow, Slug } from './case-escalation';
import { Id, Instant, plainText } from './primitives';
import { TimeLimits } from './time-limits';
import { WorkCalendar } from './working-days';

// Request and response bodies of what a complaint's life runs on, kept by the server and edited
// by supervisors: the working calendar, time limits, the group window, departments and emergency
// plans. The sidebar reads them all in one document (GET /api/life-settings).

/** The settings kept as one document each, by their key in the `settings` table. */
export const SettingKey = z.enum(['work_calendar', 'time_limits', 'group_window']);
export type SettingKey = z.infer<typeof SettingKey>;

/** Every issue of a list holding the same date twice, at the repeated entry's index. */
const uniqueDates = z.array(z.string()).superRefine((dates, ctx) => {
  const seen = new Set<string>();
  for (const [i, date] of dates.entries()) {
    if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [i], message: 'this date is listed twice' });
    seen.add(date);
  }
});

/**
 * A whole document: each of `shape`'s fields must be named, rather than filled in by the
 * schema's defaults, so that a PUT never resets what it forgot to send. Optional here only so
 * that the missing ones are all reported, each at its path.
 */
function wholeDocument<S extends Record<string, z.ZodType>>(shape: S) {
  const optional = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof S]: z.ZodOptional<S[K]> };
  return z.object(optional).superRefine((document, ctx) => {
    for (const key of Object.keys(shape)) {
      if ((document as Record<string, unknown>)[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required' });
    }
  });
}

/**
 * PUT /api/work-calendar: the whole calendar, every field named, no date listed twice, none both
 * a holiday and a make-up working day.
 */
export const WorkCalendarDocument = wholeDocument({
  timeZone: z.string(),
  holidays: uniqueDates,
  makeUpWorkdays: uniqueDates,
  workdayStart: z.string(),
  workdayEnd: z.string(),
}).pipe(WorkCalendar);

/** PUT /api/time-limits: the whole table, which must keep the `*` row every other category falls back to. */
export const TimeLimitsDocument = TimeLimits.refine((limits) => limits['*'] !== undefined, { path: ['*'], message: 'the limits for every category (*) are required' });

/** PUT /api/group-window: both numbers named. */
export const GroupWindowDocument = wholeDocument({ minCases: z.number(), windowHours: z.number() }).pipe(GroupWindow);

/** GET /api/life-settings: everything the sidebar needs to run a complaint's life, in one read. */
export const LifeSettingsResponse = z.object({
  calendar: WorkCalendar,
  /** No holiday and no make-up day set: deadlines count only weekends as days off, and UIs say so. */
  weekendsOnly: z.boolean(),
  timeLimits: TimeLimits,
  groupWindow: GroupWindow,
  departments: z.array(Department),
  emergencyPlans: z.array(EmergencyPlan),
});
export type LifeSettingsResponse = z.infer<typeof LifeSettingsResponse>;

export const WorkCalendarResponse = z.object({ calendar: WorkCalendar, weekendsOnly: z.boolean() });
export const TimeLimitsResponse = z.object({ timeLimits: TimeLimits });
export const GroupWindowResponse = z.object({ groupWindow: GroupWindow });

/** A path parameter naming a department or an emergency plan by its slug. */
export const SlugParam = z.object({ id: Slug });

export const DepartmentList = z.object({ departments: z.array(Department) });
export const DepartmentResponse = z.object({ department: Department });
export const EmergencyPlanList = z.object({ emergencyPlans: z.array(EmergencyPlan) });
export const EmergencyPlanResponse = z.object({ emergencyPlan: EmergencyPlan });

/** GET /api/commitments: which promises to list for supervisors. */
export const CommitmentQuery = z.object({
  /** `overdue`: pending past their due time, on cases not closed; `broken`: judged broken at a revisit, on any case. */
  state: z.enum(['overdue', 'broken']),
  /** At most this many, soonest due first; 100 when absent. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type CommitmentQuery = z.infer<typeof CommitmentQuery>;

/** One promise as supervisors review it, with the case and agent it belongs to. */
export const CommitmentEntry = z.object({
  caseId: Id,
  commitmentId: Id,
  customerName: plainText(100),
  agentId: Id,
  what: plainText(500),
  dueAt: Instant,
  responsible: plainText(100),
  outcome: z.enum(['pending', 'kept', 'broken']),
});
export type CommitmentEntry = z.infer<typeof CommitmentEntry>;

export const CommitmentList = z.object({ commitments: z.array(CommitmentEntry) });
