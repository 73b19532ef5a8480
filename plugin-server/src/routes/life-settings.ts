import { Hono } from 'hono';
import {
  calendarIsWeekendsOnly,
  GroupWindowDocument,
  GroupWindowResponse,
  LifeSettingsResponse,
  TimeLimitsDocument,
  TimeLimitsResponse,
  WorkCalendarDocument,
  WorkCalendarResponse,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { validate } from '../http/validate';
import { describe } from '../openapi/describe';
import type { RouteDeps } from './deps';

/** GET /api/life-settings: the one document the sidebar fetches to run a complaint's life; every signed-in role. */
export const lifeSettingsRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .get('/', describe('Working calendar, time limits, group window, departments and emergency plans', { 200: LifeSettingsResponse }), async (c) => {
      const { settings, departments, emergencyPlans } = deps.store;
      const [calendar, timeLimits, groupWindow, departmentList, planList] = await Promise.all([
        settings.get('work_calendar'),
        settings.get('time_limits'),
        settings.get('group_window'),
        departments.list(),
        emergencyPlans.list(),
      ]);
      return c.json(
        { calendar, weekendsOnly: calendarIsWeekendsOnly(calendar), timeLimits, groupWindow, departments: departmentList, emergencyPlans: planList },
        200,
      );
    });

/** PUT /api/work-calendar: supervisors replace the whole calendar (holidays and make-up working days). */
export const workCalendarRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .put(
      '/',
      describe('Replace the working calendar', { 200: WorkCalendarResponse }),
      requireRole('supervisor'),
      validate('json', WorkCalendarDocument),
      async (c) => {
        const calendar = c.req.valid('json');
        await deps.store.settings.put('work_calendar', calendar, deps.now());
        return c.json({ calendar, weekendsOnly: calendarIsWeekendsOnly(calendar) }, 200);
      },
    );

/** PUT /api/time-limits: supervisors replace the whole table of limits per category and kind. */
export const timeLimitRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .put('/', describe('Replace the time limits', { 200: TimeLimitsResponse }), requireRole('supervisor'), validate('json', TimeLimitsDocument), async (c) => {
      const timeLimits = c.req.valid('json');
      await deps.store.settings.put('time_limits', timeLimits, deps.now());
      return c.json({ timeLimits }, 200);
    });

/** PUT /api/group-window: supervisors set when the server proposes a group complaint. */
export const groupWindowRoutes = (deps: RouteDeps) =>
  new Hono<AuthEnv>()
    .use(authenticate(deps))
    .put('/', describe('Replace the group-complaint window', { 200: GroupWindowResponse }), requireRole('supervisor'), validate('json', GroupWindowDocument), async (c) => {
      const groupWindow = c.req.valid('json');
      await deps.store.settings.put('group_window', groupWindow, deps.now());
      return c.json({ groupWindow }, 200);
    });
