import { Hono } from 'hono';
import { z } from 'zod';
import { describe } from '../openapi/describe';

/** GET /api/health: the process is up and serving (no database round trip, no auth). */
export const healthRoutes = () =>
  new Hono().get('/', describe('The process is up', { 200: z.object({ ok: z.literal(true) }) }), (c) => c.json({ ok: true as const }, 200));
