import type { Store } from '../store';

/** What every route module is built from. */
export interface RouteDeps {
  store: Store;
  /** The server's clock, injectable so tests control token expiry and timestamps. */
  now: () => Date;
  /** Whether an Origin is one our own pages are opened at (never judged by the Host header). */
  isPageOrigin: (origin: string) => boolean;
  /** Believe `X-Forwarded-For` / `X-Forwarded-Proto`: only behind a reverse proxy that sets them. */
  trustProxy: boolean;
}
