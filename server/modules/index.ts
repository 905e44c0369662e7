/** Every module's router, mounted under /api/<prefix>. Add a module here. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../lib/context';

import { orgRoutes } from './org/org.routes';
import { dutyRoutes } from './roster/duty.routes';
import { policyRoutes } from './policy/policy.routes';
import { calendarRoutes } from './calendar/calendar.routes';

type RouteFactory = (deps: Deps) => OpenAPIHono<AppEnv>;

export const MODULE_ROUTES: Array<[string, RouteFactory]> = [
  ['/org', orgRoutes],
  ['/calendar', calendarRoutes],
  ['/policies', policyRoutes],
  ['/duty', dutyRoutes],
];
