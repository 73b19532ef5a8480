import type { PullRepository, Store } from '../../../plugin-server/src/store';

/** How long a pull is retried, in tries 50 ms apart. */
const TRIES = 200;

/**
 * Pulls until `ready` holds (or gives up, returning the last answer for the test to fail on).
 * On PostgreSQL a pull holds back changes while an older writing transaction anywhere on the
 * cluster is still open, and other test files share the cluster: delivery is awaited, never
 * assumed from a single pull. A change that is skipped never arrives.
 */
export async function pullUntil<T>(pull: () => Promise<T>, ready: (pulled: T) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const pulled = await pull();
    if (ready(pulled) || attempt === TRIES) return pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An agent's cases after `after`, once at least `count` of them are there to pull. */
export function pullCases(store: Store, query: Parameters<PullRepository['cases']>[0], count: number) {
  return pullUntil(() => store.pull.cases(query), (pulled) => pulled.length >= count);
}
