import type { Store } from '../store';

/** What every route module is built from. */
export interface RouteDeps {
  store: Store;
  /** The server's clock, injectable so tests control token expiry and timestamps. */
  now: () => Date;
}
