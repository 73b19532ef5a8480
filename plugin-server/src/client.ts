// The only server module the extension imports. Type-only import of the app: nothing of the
// server (Node, SQLite, argon2) reaches the browser bundle, only `hono/client`.
import { hc } from 'hono/client';
import type { AppType } from './app';

/** Options for the typed client, e.g. `headers: { Authorization: 'Bearer …' }` or a custom `fetch`. */
type ClientOptions = Parameters<typeof hc>[1];

/** A typed client for the plugin server at `baseUrl`: `client.api.templates.$get({ query: {} })`. */
export function createClient(baseUrl: string, init?: ClientOptions) {
  return hc<AppType>(baseUrl, init);
}
