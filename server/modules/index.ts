/** Every module's router, mounted under /api/<prefix>. Add a module here. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../lib/context';

import { orgRoutes } from './org/org.routes';
import { rosterRoutes } from './roster/roster.routes';
import { policyRoutes } from './policy/policy.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { dutyRoutes } from './roster/duty.routes';
import { taskRoutes } from './tasks/tasks.routes';
import { presenceRoutes } from './presence/presence.routes';
import { reportsRoutes } from './reports/reports.routes';
import { provinceFollowRoutes } from './reports/province-follow.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { documentRoutes } from './documents/documents.routes';
import { documentSigningRoutes } from './documents/documents.signing.routes';
import { auditRoutes } from './audit/audit.routes';
import { leaveRoutes } from './leave/leave.routes';
import { meetingsRoutes } from './meetings/meetings.routes';

type RouteFactory = (deps: Deps) => OpenAPIHono<AppEnv>;

export const MODULE_ROUTES: Array<[string, RouteFactory]> = [
  ['/org', orgRoutes],
  ['/roster', rosterRoutes],
  ['/policies', policyRoutes],
  ['/calendar', calendarRoutes],
  ['/duty', dutyRoutes],
  ['/tasks', taskRoutes],
  ['/presence', presenceRoutes],
  ['/reports', reportsRoutes],
  ['/reports', provinceFollowRoutes],
  ['/notifications', notificationsRoutes],
  // Before the documents router: /ca.pem and /verify are not document ids.
  ['/documents', documentSigningRoutes],
  ['/documents', documentRoutes],
  ['/audit', auditRoutes],
  ['/leave', leaveRoutes],
  ['/meetings', meetingsRoutes],
];
