import { createNodeWebSocket } from '@hono/node-ws';
import type { Server } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_PUSH_BYTES } from '../../shared';
import { TooManySignIns } from './auth/throttle';
import { limitBody } from './http/body';
import { exactOriginCors } from './http/cors';
import { ApiProblem, codeForStatus, errorBody } from './http/problem';
import { PINNED_EXTENSION_ORIGINS } from './origins';
import { adminRoutes } from './admin/routes';
import { apiDocsRoutes } from './routes/api-docs';
import { authRoutes } from './routes/auth';
import { caseGroupRoutes } from './routes/case-groups';
import { caseHistoryRoutes } from './routes/case-history';
import { reminderRoutes } from './routes/reminders';
import { caseRoutes } from './routes/cases';
import { categoryRoutes } from './routes/categories';
import { commitmentRoutes } from './routes/commitments';
import { crmSiteRoutes } from './routes/crm-sites';
import { escalationRoutes } from './routes/escalations';
import { createEscalationFeed } from './live/escalation-feed';
import { departmentRoutes, emergencyPlanRoutes } from './routes/departments';
import { groupWindowRoutes, lifeSettingsRoutes, timeLimitRoutes, workCalendarRoutes } from './routes/life-settings';
import { demoRoutes } from './routes/demo';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { syncRoutes } from './routes/sync';
import { sessionRoutes } from './routes/session';
import { templateRoutes } from './routes/templates';
import { userRoutes } from './routes/users';
import { wordingRuleRoutes } from './routes/wording-rules';
import { InvalidCursorError, type Store } from './store';

/** Largest request body accepted: the push limit the extension packs its batches under (a push is the largest body). */
export const DEFAULT_BODY_LIMIT_BYTES = MAX_PUSH_BYTES;

export interface AppDeps {
  store: Store;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /**
   * Browser-extension origins allowed to call the API (CORS). Defaults to the pinned Chrome
   * build's origin (`PINNED_EXTENSION_ORIGINS`); Firefox's per-install origins only when listed.
   */
  extensionOrigins?: readonly string[];
  /**
   * The origins this server's own pages are opened at: its listen address (`listenOrigins`, read
   * once listening, since the port may be the OS's pick). With `adminOrigin`, the only origins
   * cookie writes are accepted from: the request's Host header is never taken for one, as a
   * DNS-rebinding page sends its own name there.
   */
  ownOrigins?: () => readonly string[];
  /**
   * The origin the admin pages are opened at when it is not the listen address: another origin
   * than the API's, a public name behind a reverse proxy, or the CRM's when the app is mounted in
   * it. Allowed by the CSRF check, and by CORS with credentials (the only origin that gets them).
   */
  adminOrigin?: string;
  /**
   * Behind a reverse proxy: take the client address from `X-Forwarded-For` and HTTPS from
   * `X-Forwarded-Proto` (for sign-in throttling and the cookie's Secure flag). Off by default,
   * since any client can send those headers.
   */
  trustProxy?: boolean;
  bodyLimitBytes?: number;
  /** Where unexpected errors are reported; the client only ever sees a generic 500. */
  reportError?: (error: unknown) => void;
}

/**
 * API answers and admin pages carry customer data and credentials: no browser or proxy may keep
 * a copy. Set before the handler, like the CORS headers (see http/cors.ts for why).
 */
const noStore: MiddlewareHandler = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

/** The plugin server's HTTP app, built from its dependencies; serve it or call `app.request` in tests. */
export function createApp(deps: AppDeps) {
  return createServerApp(deps).app;
}

/**
 * The app and what a Node server adds to it: the escalations' live feed, a WebSocket that
 * `attachLive` hooks onto the HTTP server's upgrades, and `closeLive` to end its connections
 * (on shutdown; the HTTP server's close does not wait for upgraded sockets).
 */
export function createServerApp(deps: AppDeps) {
  const isPageOrigin = (origin: string) => origin === deps.adminOrigin || (deps.ownOrigins?.() ?? []).includes(origin);
  const routeDeps = {
    store: deps.store,
    now: deps.clock ?? (() => new Date()),
    isPageOrigin,
    trustProxy: deps.trustProxy ?? false,
  };
  const corsOrigins = new Set([...(deps.extensionOrigins ?? PINNED_EXTENSION_ORIGINS), ...(deps.adminOrigin ? [deps.adminOrigin] : [])]);
  const formCsrf = csrf({ origin: (origin) => isPageOrigin(origin) || corsOrigins.has(origin) });
  const reportError = deps.reportError ?? ((error: unknown) => console.error(error));

  // Routes are added to this very instance below; the WebSocket helper answers upgrades through it.
  const root = new Hono();
  const sockets = createNodeWebSocket({ app: root });
  const feed = createEscalationFeed(deps.store, { reportError });

  const app = root
    .use(secureHeaders())
    .use('/api/*', noStore)
    .use('/admin/*', noStore)
    .use(
      '/api/*',
      exactOriginCors({
        origins: corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'X-CSRF-Token'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        // The admin origin's pages send the session cookie; the extension signs with a bearer
        // token, so its origins get no credentials.
        credentialOrigins: new Set(deps.adminOrigin ? [deps.adminOrigin] : []),
        maxAge: 600,
      }),
    )
    .use('/api/*', async (c, next) => {
      // Form-encoded cross-site posts (which skip CORS preflight) are refused outright; cookie
      // requests are further checked per request in auth/middleware.ts (Origin + X-CSRF-Token).
      // Exempt: bearer requests (a page cannot make the browser add that header) and requests
      // with neither Origin nor Sec-Fetch-Site, which no browser sends on a cross-site POST.
      const fromBrowser = c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined;
      if (c.req.header('authorization') !== undefined || !fromBrowser) return next();
      return formCsrf(c, next);
    })
    .use(
      '/api/*',
      limitBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, (c) =>
        c.json(errorBody('payload_too_large', 'the request body is too large'), 413),
      ),
    )
    // Chained, so that AppType (and the extension's typed client) knows every route.
    .route('/api/health', healthRoutes())
    .route('/api/auth/session', sessionRoutes(routeDeps))
    .route('/api/auth', authRoutes(routeDeps))
    .route('/api/me', meRoutes(routeDeps))
    .route('/api/categories', categoryRoutes(routeDeps))
    .route('/api/templates', templateRoutes(routeDeps))
    .route('/api/sync', syncRoutes(routeDeps))
    .route('/api/cases', caseRoutes(routeDeps))
    .route('/api/case-history', caseHistoryRoutes(routeDeps))
    .route('/api/case-groups', caseGroupRoutes(routeDeps))
    .route('/api/escalations', escalationRoutes(routeDeps, { feed, upgradeWebSocket: sockets.upgradeWebSocket, reportError }))
    .route('/api/reminders', reminderRoutes(routeDeps))
    .route('/api/wording-rules', wordingRuleRoutes(routeDeps))
    .route('/api/crm-sites', crmSiteRoutes(routeDeps))
    .route('/api/life-settings', lifeSettingsRoutes(routeDeps))
    .route('/api/work-calendar', workCalendarRoutes(routeDeps))
    .route('/api/time-limits', timeLimitRoutes(routeDeps))
    .route('/api/group-window', groupWindowRoutes(routeDeps))
    .route('/api/departments', departmentRoutes(routeDeps))
    .route('/api/emergency-plans', emergencyPlanRoutes(routeDeps))
    .route('/api/commitments', commitmentRoutes(routeDeps))
    .route('/api/users', userRoutes(routeDeps))
    // Generated from this very app's routes, read on the first request, when the app is whole.
    .route('/api', apiDocsRoutes((): Hono => app))
    .route('/demo', demoRoutes())
    .route('/admin', adminRoutes(routeDeps));

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.onError((error, c) => {
    if (error instanceof TooManySignIns) c.header('Retry-After', String(error.retryAfter));
    if (error instanceof ApiProblem) return c.json(error.toBody(), error.status);
    if (error instanceof InvalidCursorError) return c.json(errorBody('bad_request', 'the cursor is not one this server gave out'), 400);
    // Raised by Hono itself, e.g. malformed JSON in a validated body.
    if (error instanceof HTTPException && error.status < 500) {
      const code = codeForStatus(error.status);
      return c.json(errorBody(code, error.message || code.replaceAll('_', ' ')), error.status);
    }
    reportError(error);
    return c.json(errorBody('internal', 'something went wrong on the server'), 500);
  });

  return {
    app,
    attachLive: (server: Server) => sockets.injectWebSocket(server),
    closeLive() {
      feed.close();
      for (const client of sockets.wss.clients) client.close(1001, 'server shutting down');
    },
  };
}

/** The app's type: the typed client (`client.ts`) is derived from it. */
export type AppType = ReturnType<typeof createApp>;
