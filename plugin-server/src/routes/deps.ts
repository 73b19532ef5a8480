import type { Store } from '../store';

/** What every route module is built from. */
export interface RouteDeps {
  store: Store;
  /** The server's clock, injectable so tests control token expiry and timestamps. */
  now: () => Date;
  /** The admin pages' origin, when they are served from another origin than the API. */
  adminOrigin?: string;
  /** Believe `X-Forwarded-For` / `X-Forwarded-Proto`: only behind a reverse proxy that sets them. */
  trustProxy: boolean;
}
