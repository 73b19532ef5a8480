import { Hono } from 'hono';
import { docsPage } from '../openapi/docs-page';
import { openApiDocument } from '../openapi/document';

/** GET /api/openapi.json and GET /api/docs: built once, public like the API's shape itself. */
export const apiDocsRoutes = () => {
  const document = openApiDocument();
  const page = docsPage();
  return new Hono().get('/openapi.json', (c) => c.json(document, 200)).get('/docs', (c) => c.html(page, 200));
};
