import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ApiProblem, codeForStatus, errorBody } from './http/problem';
import { authRoutes } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { categoryRoutes } from './routes/categories';
import { demoRoutes } from './routes/demo';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { syncRoutes } from './routes/sync';
import { templateRoutes } from './routes/templates';
import type { Store } from './store';

/** Largest request body accepted: a full sync batch of 200 cases fits comfortably. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppDeps {
  store: Store;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /**
   * Origins allowed to call the API from a browser (CORS), e.g. `chrome-extension://<id>`.
   * Absent: any `chrome-extension://` or `moz-extension://` origin, because an unpacked
   * extension's id is not known until it is loaded (and Firefox makes one up per install).
   * Tokens still guard every route; issue 3 will make the list mandatory.
   */
  extensionOrigins?: readonly string[];
  bodyLimitBytes?: number;
  /** Where unexpected errors are reported; the client only ever sees a generic 500. */
  reportError?: (error: unknown) => void;
}

const ANY_EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

function isAllowedOrigin(origin: string, allowed: readonly string[] | undefined): boolean {
  return allowed ? allowed.includes(origin) : ANY_EXTENSION_ORIGIN.test(origin);
}

/** The plugin server's HTTP app, built from its dependencies; serve it or call `app.request` in tests. */
export function createApp(deps: AppDeps) {
  const routeDeps = { store: deps.store, now: deps.clock ?? (() => new Date()) };
  const reportError = deps.reportError ?? ((error: unknown) => console.error(error));

  const app = new Hono()
    .use(secureHeaders())
    .use(
      '/api/*',
      cors({
        origin: (origin) => (isAllowedOrigin(origin, deps.extensionOrigins) ? origin : null),
        allowHeaders: ['Authorization', 'Content-Type'],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        maxAge: 600,
      }),
    )
    .use(
      '/api/*',
      bodyLimit({
        maxSize: deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
        onError: (c) => c.json(errorBody('payload_too_large', 'the request body is too large'), 413),
      }),
    )
    // Chained, so that AppType (and the extension's typed client) knows every route.
    .route('/api/health', healthRoutes())
    .route('/api/auth', authRoutes(routeDeps))
    .route('/api/me', meRoutes(routeDeps))
    .route('/api/categories', categoryRoutes(routeDeps))
    .route('/api/templates', templateRoutes(routeDeps))
    .route('/api/sync', syncRoutes(routeDeps))
    .route('/api/cases', caseRoutes(routeDeps))
    .route('/demo', demoRoutes());

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.onError((error, c) => {
    if (error instanceof ApiProblem) return c.json(error.toBody(), error.status);
    // Raised by Hono itself, e.g. malformed JSON in a validated body.
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody(codeForStatus(error.status), error.message || 'bad request'), error.status);
    }
    reportError(error);
    return c.json(errorBody('internal', 'something went wrong on the server'), 500);
  });

  return app;
}

/** The app's type: the typed client (`client.ts`) is derived from it. */
export type AppType = ReturnType<typeof createApp>;
