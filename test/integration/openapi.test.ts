import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

interface Operation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  'x-roles': unknown;
  parameters: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const operations = (doc: Document) => Object.values(doc.paths).flatMap((methods) => Object.values(methods));

describe('GET /api/openapi.json', () => {
  // The admin pages (HTML under /admin) are not API operations; the role matrix covers them.
  it('is an OpenAPI 3.1 document covering every API route of the app, and only those', async () => {
    const res = await server.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Document;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(documented).toEqual(apiRoutes(server.app));
  });

  // A route without `describe(...)` beside its handler would still appear when it validates
  // something, but with neither summary nor success response.
  it('gives every operation a unique id, a summary, a success response and its access', async () => {
    const doc = (await (await server.app.request('/api/openapi.json')).json()) as Document;
    const ops = operations(doc);
    expect(new Set(ops.map((op) => op.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(op.summary, op.operationId).toMatch(/\w/);
      // 101: the live feed's upgrade to a WebSocket is its success.
      expect(Object.keys(op.responses).some((status) => /^(2\d\d|101)$/.test(status)), op.operationId).toBe(true);
      const roles = op['x-roles'];
      if (roles === 'public') expect(op.security, op.operationId).toBeUndefined();
      else {
        expect(op.security, op.operationId).toEqual([{ bearer: [] }, { session: [] }]);
        expect(new Set(roles as string[]).size, op.operationId).toBe((roles as string[]).length);
        expect(Object.keys(op.responses), op.operationId).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });

  it('describes parameters, bodies and responses from the shared zod schemas', async () => {
    const doc = (await (await server.app.request('/api/openapi.json')).json()) as Document;
    const put = doc.paths['/api/templates/{id}']!.put!;
    expect(put.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    const body = JSON.stringify(put.requestBody);
    expect(body).toContain('"version"');
    expect(body).toContain('"shortcut"');
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '409', '400', '401', '403', '404']));
    expect(JSON.stringify(put.responses['409'])).toContain('"current"');
    const history = doc.paths['/api/case-history']!.get!;
    expect(history.parameters).toEqual([expect.objectContaining({ name: 'phone', in: 'query' })]);
  });
});

describe('GET /api/docs', () => {
  it('is a self-contained page listing every operation, loading nothing from elsewhere', async () => {
    const res = await server.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const route of apiRoutes(server.app)) {
      const [method, path] = route.split(' ') as [string, string];
      expect(html).toContain(`<td class="m">${method}</td><td><code>${path.replace(/:(\w+)/g, '{$1}')}</code>`);
    }
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });
});
