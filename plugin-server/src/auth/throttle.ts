import { randomUUID } from 'node:crypto';
import { ApiProblem } from '../http/problem';
import type { Store } from '../store';

/** Failed sign-ins tolerated per window: per account, and per client address. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 20,
} as const;

const accountKey = (username: string) => `account:${username}`;
const addressKey = (address: string) => `address:${address}`;

/** A password check the throttle let through: counted as a failure until it says otherwise. */
export interface SignInAttempt {
  /** The password was right: the account's failures are forgotten, this attempt is not one. */
  succeeded(): Promise<void>;
  /** The check itself broke (not a wrong password): the attempt is taken back. */
  abandoned(): Promise<void>;
}

/**
 * Sign-in throttling, counted in the store so that every instance on the same database agrees.
 * Each attempt is reserved before its password is checked, in one step with the count, so that
 * attempts checked in parallel, on any instance, can never check more passwords than the limits.
 * A throttled attempt is refused before its password is checked and is not itself counted.
 */
export function signInThrottle(deps: { store: Store; now: () => Date }) {
  return {
    /** Reserves one attempt; throws 429 too_many_requests (with `retryAfter` seconds) when either limit is reached. */
    async reserve(username: string, address: string): Promise<SignInAttempt> {
      const now = deps.now();
      const since = new Date(now.getTime() - THROTTLE.windowMs);
      const account = accountKey(username);
      const limits = [
        { key: account, limit: THROTTLE.perAccount },
        { key: addressKey(address), limit: THROTTLE.perAddress },
      ];
      const attemptId = randomUUID();
      const reservation = await deps.store.signInFailures.reserve(attemptId, limits, now, since);
      if (!reservation.granted) {
        const freeAt = Math.max(...reservation.blocked.map(({ earliest }) => earliest.getTime() + THROTTLE.windowMs));
        throw new TooManySignIns(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
      }
      const keys = limits.map(({ key }) => key);
      return {
        // The address's failures stay: otherwise an attacker holding one valid account could
        // reset the per-address limit between guesses at others.
        async succeeded() {
          await deps.store.signInFailures.clear(account, since);
          await deps.store.signInFailures.release(attemptId, keys);
        },
        abandoned: () => deps.store.signInFailures.release(attemptId, keys),
      };
    },
  };
}

/** 429 with the seconds to wait, sent as Retry-After by the app's error handler. */
export class TooManySignIns extends ApiProblem {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_requests', `too many failed sign-ins; try again in ${retryAfter} s`);
  }
}
