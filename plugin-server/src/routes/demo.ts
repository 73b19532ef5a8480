import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { describe } from '../openapi/describe';

// Read once when the server starts: the page is static, and a missing file should stop the
// server at boot rather than fail the first newcomer who opens it.
const CRM_HTML = readFileSync(new URL('../demo/crm.html', import.meta.url), 'utf8');

/** GET /demo/crm: the demo CRM page a newcomer tries the extension on. */
export const demoRoutes = () => new Hono().get('/crm', describe('The demo CRM page', { 200: 'html' }), (c) => c.html(CRM_HTML, 200));
