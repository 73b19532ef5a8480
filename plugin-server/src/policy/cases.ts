import type { StoredCase, User } from '../../../shared';
import type { CaseFilter } from '../store';
import { maskPhone } from './mask-phone';

/**
 * Which cases a user may read: agents their own, everyone else all of them. Trainers review
 * the team's cases but never need to call the customer, so they see phones masked.
 */
export function caseScope(user: User): CaseFilter {
  return user.role === 'agent' ? { agentId: user.id } : {};
}

/** Whether `user` may read this case at all. */
export function canSee(user: User, stored: StoredCase): boolean {
  const { agentId } = caseScope(user);
  return agentId === undefined || agentId === stored.agentId;
}

/** The case as `user` is allowed to see it. */
export function presentCase(user: User, stored: StoredCase): StoredCase {
  if (user.role !== 'trainer') return stored;
  return { ...stored, customer: { ...stored.customer, phone: maskPhone(stored.customer.phone) } };
}
