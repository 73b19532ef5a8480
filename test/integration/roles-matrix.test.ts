import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, SessionResponse } from '../../shared';
import type { ApiDocument } from '../../plugin-server/src/openapi/document';
import { appRoutes, isAdminPage, startServer, type TestServer } from './helpers';

type Access = 'public' | readonly Role[];
const ALL: readonly Role[] = ['agent', 'supervisor', 'trainer', 'admin'];

/**
 * Who may call what: the policy, written down independently of the code. Every route of the app
 * must appear here (a new route without an entry fails the first test).
 * agent: own cases, published templates, reads of rules/sites/categories, sync push, history.
 * supervisor: templates, rules, categories, site configs, the team's cases.
 * trainer: reads cases (phones masked) and template versions, writes reviews. admin: users.
 */
const MATRIX: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /demo/crm': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/session': 'public',
  'GET /api/auth/session': ALL,
  'DELETE /api/auth/session': ALL,
  'POST /api/auth/sign-out': ALL,
  'GET /api/me': ALL,
  'POST /api/me/password': ALL,
  'GET /api/categories': ALL,
  'POST /api/categories': ['supervisor'],
  'PATCH /api/categories/:id': ['supervisor'],
  'DELETE /api/categories/:id': ['supervisor'],
  'GET /api/templates': ALL,
  'GET /api/templates/:id': ALL,
  'POST /api/templates': ['supervisor'],
  'PUT /api/templates/:id': ['supervisor'],
  'POST /api/templates/:id/status': ['supervisor'],
  'GET /api/templates/:id/versions': ['supervisor', 'trainer'],
  'GET /api/wording-rules': ALL,
  'POST /api/wording-rules': ['supervisor'],
  'PUT /api/wording-rules/:id': ['supervisor'],
  'DELETE /api/wording-rules/:id': ['supervisor'],
  'GET /api/crm-sites': ALL,
  'POST /api/crm-sites': ['supervisor'],
  'PUT /api/crm-sites/:id': ['supervisor'],
  'DELETE /api/crm-sites/:id': ['supervisor'],
  'GET /api/life-settings': ALL,
  'PUT /api/work-calendar': ['supervisor'],
  'PUT /api/time-limits': ['supervisor'],
  'PUT /api/group-window': ['supervisor'],
  'GET /api/departments': ALL,
  'POST /api/departments': ['supervisor'],
  'PUT /api/departments/:id': ['supervisor'],
  'DELETE /api/departments/:id': ['supervisor'],
  'GET /api/emergency-plans': ALL,
  'POST /api/emergency-plans': ['supervisor'],
  'PUT /api/emergency-plans/:id': ['supervisor'],
  'DELETE /api/emergency-plans/:id': ['supervisor'],
  'GET /api/commitments': ['supervisor', 'trainer'],
  // Signed in by the first WebSocket message (FeedHello), supervisors only: a plain GET is 426.
  'GET /api/escalations/live': 'public',
  'GET /api/escalations': ['supervisor'],
  'POST /api/escalations/:id/ack': ['supervisor'],
  'POST /api/sync/push': ['agent', 'supervisor'],
  'GET /api/sync/pull': ['agent', 'supervisor'],
  'GET /api/cases': ['agent', 'supervisor', 'trainer'],
  'GET /api/cases/:id': ['agent', 'supervisor', 'trainer'],
  'GET /api/cases/:id/escalations': ['agent', 'supervisor', 'trainer'],
  'GET /api/cases/:id/reviews': ['trainer', 'supervisor'],
  'POST /api/cases/:id/reviews': ['trainer'],
  'PUT /api/cases/:id/reviews/:reviewId': ['trainer'],
  'GET /api/case-history': ['agent', 'supervisor'],
  // Group complaints: the sidebar looks groups up for any caller; supervisors propose and confirm.
  'GET /api/case-groups': ALL,
  'GET /api/case-groups/proposals': ['supervisor'],
  'POST /api/case-groups': ['supervisor'],
  'PUT /api/case-groups/:id/plan': ['supervisor'],
  'GET /api/case-groups/:id': ['supervisor', 'trainer'],
  'GET /api/reminders': ['agent'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  // Admin pages: anonymous visitors are sent to the sign-in page (303) instead of a 401.
  'GET /admin': 'public',
  'GET /admin/assets/admin.js': 'public',
  'GET /admin/assets/admin.css': 'public',
  'GET /admin/templates': ['supervisor'],
  'GET /admin/templates/new': ['supervisor'],
  'GET /admin/templates/:id': ['supervisor'],
  'GET /admin/cases': ['supervisor', 'trainer'],
  'GET /admin/cases/:id': ['supervisor', 'trainer'],
};

/** Credentials a route needs: cookie-session routes get a cookie, all others a bearer token. */
const COOKIE_ROUTES = new Set(['GET /api/auth/session', 'DELETE /api/auth/session']);
/** Routes that end the credential they are called with: each call gets a fresh one. */
const CONSUMING_ROUTES = new Set(['POST /api/auth/sign-out', 'DELETE /api/auth/session']);

let server: TestServer;
const tokens = new Map<Role, string>();
beforeAll(async () => {
  server = await startServer();
  for (const role of ALL) tokens.set(role, await server.signIn(role));
});
afterAll(() => server.close());

async function cookieSession(role: Role) {
  const password = server.credentials.find((c) => c.role === role)!.password;
  const res = await server.app.request('/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ username: role, password }),
  });
  const { csrfToken } = SessionResponse.parse(await res.json());
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}

/** Calls the route as `role` (null: anonymous) with placeholder params and an empty JSON body. */
async function callAs(route: string, role: Role | null): Promise<number> {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern.replace(/:\w+/g, () => randomUUID());
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['content-type'] = 'application/json';
  if (role && (COOKIE_ROUTES.has(route) || isAdminPage(route))) {
    const { cookie, csrfToken } = await cookieSession(role);
    Object.assign(headers, { cookie, origin: 'http://localhost', 'x-csrf-token': csrfToken });
  } else if (role) {
    const token = CONSUMING_ROUTES.has(route) ? await server.signIn(role) : tokens.get(role)!;
    headers.authorization = `Bearer ${token}`;
  }
  const res = await server.app.request(path, { method, headers, body: method === 'GET' ? undefined : '{}' });
  return res.status;
}

describe('the role × route matrix', () => {
  it('lists every route of the app, and nothing else', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(appRoutes(server.app));
  });

  for (const [route, access] of Object.entries(MATRIX)) {
    it(`${route}: ${access === 'public' ? 'anyone' : access.join(', ')}`, async () => {
      const anonymous = await callAs(route, null);
      if (access === 'public') expect(anonymous, 'anonymous').not.toBeOneOf([401, 403, 303]);
      else expect(anonymous, 'anonymous').toBe(isAdminPage(route) ? 303 : 401);
      for (const role of ALL) {
        const status = await callAs(route, role);
        if (access === 'public' || access.includes(role)) expect(status, role).not.toBeOneOf([401, 403]);
        else expect(status, role).toBe(403);
        expect(status, `${role} never causes a server error`).toBeLessThan(500);
      }
    });
  }

  it('is what the OpenAPI document declares, read from the same middleware that enforces it', async () => {
    const doc = (await (await server.app.request('/api/openapi.json')).json()) as ApiDocument;
    const declared: Record<string, Access> = Object.fromEntries(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op['x-roles']]),
      ),
    );
    const normalise = (access: Access) => (access === 'public' ? access : [...access].sort());
    expect(Object.fromEntries(Object.entries(declared).map(([k, v]) => [k, normalise(v)]))).toEqual(
      Object.fromEntries(Object.entries(MATRIX).filter(([k]) => !isAdminPage(k)).map(([k, v]) => [k, normalise(v)])),
    );
  });
});
