import { Hono } from 'hono';

/** GET /api/health: the process is up and serving (no database round trip, no auth). */
export const healthRoutes = () => new Hono().get('/', (c) => c.json({ ok: true as const }, 200));
