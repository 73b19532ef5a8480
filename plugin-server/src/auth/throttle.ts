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

/**
 * Sign-in throttling, counted in the store so that every instance on the same database agrees.
 * A throttled attempt is refused before its password is checked and is not itself counted.
 */
export function signInThrottle(deps: { store: Store; now: () => Date }) {
  const since = () => new Date(deps.now().getTime() - THROTTLE.windowMs);

  async function retryAfterSeconds(key: string, limit: number): Promise<number | undefined> {
    const { failures, earliest } = await deps.store.signInFailures.count(key, since());
    if (failures < limit || !earliest) return undefined;
    const freeAt = earliest.getTime() + THROTTLE.windowMs;
    return Math.max(1, Math.ceil((freeAt - deps.now().getTime()) / 1000));
  }

  return {
    /** Throws 429 too_many_requests (with `retryAfter` seconds) when either limit is reached. */
    async check(username: string, address: string): Promise<void> {
      const waits = await Promise.all([
        retryAfterSeconds(accountKey(username), THROTTLE.perAccount),
        retryAfterSeconds(addressKey(address), THROTTLE.perAddress),
      ]);
      const wait = Math.max(...waits.map((w) => w ?? 0));
      if (wait > 0) throw new TooManySignIns(wait);
    },
    async failed(username: string, address: string): Promise<void> {
      await deps.store.signInFailures.record([accountKey(username), addressKey(address)], deps.now(), since());
    },
    /**
     * Clears the account's failures. The address's stay: otherwise an attacker holding one valid
     * account could reset the per-address limit between guesses at others.
     */
    async succeeded(username: string): Promise<void> {
      await deps.store.signInFailures.clear(accountKey(username));
    },
  };
}

/** 429 with the seconds to wait, sent as Retry-After by the app's error handler. */
export class TooManySignIns extends ApiProblem {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_requests', `too many failed sign-ins; try again in ${retryAfter} s`);
  }
}
