import { Hono } from 'hono';
import { z } from 'zod';
import { describe } from '../openapi/describe';
import { docsPage } from '../openapi/docs-page';
import { type ApiDocument, openApiDocument } from '../openapi/document';

/**
 * GET /api/openapi.json and GET /api/docs, public like the API's shape itself: generated from
 * `app`'s routes on the first request (the app is complete only once this is mounted in it),
 * then reused.
 */
export const apiDocsRoutes = (app: () => Hono) => {
  let built: Promise<{ document: ApiDocument; page: string }> | undefined;
  const build = () => (built ??= openApiDocument(app()).then((document) => ({ document, page: docsPage(document) })));
  return new Hono()
    .get('/openapi.json', describe('This document', { 200: z.object({}).loose() }), async (c) => c.json((await build()).document, 200))
    .get('/docs', describe('A page listing the operations', { 200: 'html' }), async (c) => c.html((await build()).page, 200));
};
