import type { StoredCase, User } from '../../../shared';
import type { CaseFilter } from '../store';
import { maskedCase } from './trainer-view';

/**
 * Which cases a user may read: agents their own, everyone else all of them. Trainers review
 * the team's cases but never need to call the customer, so they see phone numbers masked, and
 * search only the text as they see it.
 */
export function caseScope(user: User): CaseFilter {
  if (user.role === 'agent') return { agentId: user.id };
  return user.role === 'trainer' ? { searchMasked: true } : {};
}

/** Whether `user` may read this case at all. */
export function canSee(user: User, stored: StoredCase): boolean {
  const { agentId } = caseScope(user);
  return agentId === undefined || agentId === stored.agentId;
}

/** The case as `user` is allowed to see it. */
export function presentCase(user: User, stored: StoredCase): StoredCase {
  return user.role === 'trainer' ? maskedCase(stored) : stored;
}
