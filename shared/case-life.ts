import { z } from 'zod';
import { Id, Instant, plainText } from './primitives';

/**
 * A complaint's life after the call, as a hotline runs it (../shared/DOMAIN.md: 跟蹤服務, 回訪,
 * 言出必行): open → in handling (dispatched to a department) → awaiting revisit → closed, and
 * reopened when the problem comes back. Every move is logged; reopening keeps the history.
 */
export const CaseStatus = z.enum(['open', 'in_handling', 'awaiting_revisit', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Why a case was closed. Only `revisited` closes a case whose problem was handled; the others are
 * the explicit reasons a case may close without a revisit.
 */
export const CloseReason = z.enum(['revisited', 'unreachable', 'withdrawn', 'duplicate', 'invalid']);
export type CloseReason = z.infer<typeof CloseReason>;

/** How many failed revisit calls make a customer "unreachable" (the guide's follow-up rule of thumb). */
export const UNREACHABLE_AFTER_ATTEMPTS = 3;

/** One move of the case's state, with who asked for it and why (a close's reason, a reopen's note). */
export const LifeEvent = z.object({
  at: Instant,
  from: CaseStatus,
  to: CaseStatus,
  reason: CloseReason.optional(),
  note: plainText(1000).default(''),
});
export type LifeEvent = z.infer<typeof LifeEvent>;

/** Whether a promise was kept, judged at the revisit. */
export const CommitmentOutcome = z.enum(['pending', 'kept', 'broken']);
export type CommitmentOutcome = z.infer<typeof CommitmentOutcome>;

/**
 * A promise made to the customer in the plan step: what, by when, who answers for it. `dueText` is
 * what the agent typed ("3个工作日内上门查看"); `dueAt` is the instant it means on the server's
 * working-day calendar, computed when it was recorded.
 */
export const Commitment = z.object({
  id: Id,
  what: plainText(500).trim().min(1),
  dueText: plainText(100).default(''),
  dueAt: Instant,
  responsible: plainText(100).default(''),
  createdAt: Instant,
  outcome: CommitmentOutcome.default('pending'),
  outcomeAt: Instant.optional(),
});
export type Commitment = z.infer<typeof Commitment>;

/** What the department reported back. */
export const DispatchResult = z.object({
  outcome: z.enum(['done', 'not_done']),
  at: Instant,
  note: plainText(1000).default(''),
});
export type DispatchResult = z.infer<typeof DispatchResult>;

/** The case handed to a responsible department (engineering, finance …), due back by `dueAt`. */
export const Dispatch = z.object({
  id: Id,
  departmentId: z.string().min(1).max(64),
  at: Instant,
  dueAt: Instant,
  note: plainText(1000).default(''),
  result: DispatchResult.optional(),
});
export type Dispatch = z.infer<typeof Dispatch>;

/** One revisit call: reached or not; when reached, the customer's score (1–5) and words. */
export const RevisitAttempt = z.object({
  at: Instant,
  reached: z.boolean(),
  score: z.int().min(1).max(5).optional(),
  comment: plainText(1000).default(''),
});
export type RevisitAttempt = z.infer<typeof RevisitAttempt>;

/** The parts of a case its life is decided on. */
export interface CaseLife {
  status: CaseStatus;
  lifecycle: readonly LifeEvent[];
  commitments: readonly Commitment[];
  dispatches: readonly Dispatch[];
  revisits: readonly RevisitAttempt[];
}

/** Something standing between the case and the move asked for. */
export type LifeNeed =
  | 'already_closed'
  | 'not_closed'
  | 'no_revisit'
  | 'commitments_unjudged'
  | 'dispatch_unanswered'
  | 'too_few_attempts'
  | 'note'
  | 'no_such_dispatch'
  | 'no_such_commitment';

export type LifeResult<T extends CaseLife> = { ok: true; record: T } | { ok: false; needs: LifeNeed[] };

/** The revisit calls since the case was last reopened: those before belong to an earlier round. */
export function currentRevisits(life: CaseLife): RevisitAttempt[] {
  const reopened = [...life.lifecycle].reverse().find((event) => event.from === 'closed');
  return reopened ? life.revisits.filter((attempt) => Date.parse(attempt.at) >= Date.parse(reopened.at)) : [...life.revisits];
}

/** This round's revisit that reached the customer and got a score, if any (the latest one counts). */
export const completedRevisit = (life: CaseLife): RevisitAttempt | undefined =>
  currentRevisits(life)
    .reverse()
    .find((attempt) => attempt.reached && attempt.score !== undefined);

/** Failed revisit calls of this round since the last one that reached the customer. */
export function unreachableAttempts(life: CaseLife): number {
  const attempts = currentRevisits(life);
  let count = 0;
  for (let i = attempts.length - 1; i >= 0 && !attempts[i]!.reached; i--) count++;
  return count;
}

const moved = <T extends CaseLife>(record: T, to: CaseStatus, at: string, extra: Partial<LifeEvent> = {}): T =>
  record.status === to
    ? record
    : { ...record, status: to, lifecycle: [...record.lifecycle, { at, from: record.status, to, note: '', ...extra }] };

/** A closed case takes no more work until it is reopened. */
const CLOSED: { ok: false; needs: LifeNeed[] } = { ok: false, needs: ['already_closed'] };

/** The state a case that is not closed is in, read from its dispatches. */
function workingStatus(life: CaseLife): CaseStatus {
  if (!life.dispatches.length) return currentRevisits(life).length ? 'awaiting_revisit' : 'open';
  return life.dispatches.every((d) => d.result) ? 'awaiting_revisit' : 'in_handling';
}

/** Hands the case to a department: it is then in handling until every dispatch is answered. */
export function dispatchCase<T extends CaseLife>(record: T, dispatch: Dispatch): LifeResult<T> {
  if (record.status === 'closed') return CLOSED;
  const next = { ...record, dispatches: [...record.dispatches.filter((d) => d.id !== dispatch.id), dispatch] };
  return { ok: true, record: moved(next, workingStatus(next), dispatch.at) };
}

/** Records a department's answer; once every dispatch is answered the case awaits its revisit. */
export function recordDispatchResult<T extends CaseLife>(record: T, dispatchId: string, result: DispatchResult): LifeResult<T> {
  if (record.status === 'closed') return CLOSED;
  if (!record.dispatches.some((d) => d.id === dispatchId)) return { ok: false, needs: ['no_such_dispatch'] };
  const next = { ...record, dispatches: record.dispatches.map((d) => (d.id === dispatchId ? { ...d, result } : d)) };
  return { ok: true, record: moved(next, workingStatus(next), result.at) };
}

/** Logs a revisit call; a case with nothing dispatched awaits its revisit once one is tried. */
export function recordRevisit<T extends CaseLife>(record: T, attempt: RevisitAttempt): LifeResult<T> {
  if (record.status === 'closed') return CLOSED;
  const next = { ...record, revisits: [...record.revisits, attempt] };
  return { ok: true, record: moved(next, workingStatus(next), attempt.at) };
}

/** Judges a promise at the revisit: kept or broken (or back to pending, a slip of the hand). */
export function judgeCommitment<T extends CaseLife>(record: T, commitmentId: string, outcome: CommitmentOutcome, at: string): LifeResult<T> {
  if (!record.commitments.some((c) => c.id === commitmentId)) return { ok: false, needs: ['no_such_commitment'] };
  const commitments = record.commitments.map((c) =>
    c.id === commitmentId ? { ...c, outcome, outcomeAt: outcome === 'pending' ? undefined : at } : c,
  );
  return { ok: true, record: { ...record, commitments } };
}

/** What closing the case for `reason` still needs. Empty means it may close. */
export function closeNeeds(life: CaseLife, reason: CloseReason, note: string): LifeNeed[] {
  if (life.status === 'closed') return ['already_closed'];
  switch (reason) {
    case 'revisited':
      return [
        ...(completedRevisit(life) ? [] : ['no_revisit' as const]),
        ...(life.dispatches.some((d) => !d.result) ? ['dispatch_unanswered' as const] : []),
        ...(life.commitments.some((c) => c.outcome === 'pending') ? ['commitments_unjudged' as const] : []),
      ];
    case 'unreachable':
      return unreachableAttempts(life) >= UNREACHABLE_AFTER_ATTEMPTS ? [] : ['too_few_attempts'];
    // Closing without the customer's word needs the agent's own.
    case 'withdrawn':
    case 'duplicate':
    case 'invalid':
      return note.trim() ? [] : ['note'];
  }
}

/** Closes the case: only after a revisit, or with an explicit reason (see `closeNeeds`). */
export function closeCase<T extends CaseLife>(record: T, reason: CloseReason, at: string, note = ''): LifeResult<T> {
  const needs = closeNeeds(record, reason, note);
  if (needs.length) return { ok: false, needs };
  return { ok: true, record: moved(record, 'closed', at, { reason, note: note.trim() }) };
}

/**
 * Reopens a closed case: the problem came back. The history stays (earlier revisits and moves
 * remain logged); the case goes back to where its dispatches leave it, and needs a new revisit
 * before it closes again.
 */
export function reopenCase<T extends CaseLife>(record: T, at: string, note: string): LifeResult<T> {
  if (record.status !== 'closed') return { ok: false, needs: ['not_closed'] };
  if (!note.trim()) return { ok: false, needs: ['note'] };
  const status = record.dispatches.some((d) => !d.result) ? 'in_handling' : 'open';
  return { ok: true, record: moved(record, status, at, { note: note.trim() }) };
}
