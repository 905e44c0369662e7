import { createRoute } from '@hono/zod-openapi';
import { OkSchema } from '../../../shared/contracts/common';
import { CalendarOverridePut, CalendarOverrideView, DateParam, YearCalendarView, YearParam } from '../../../shared/contracts/calendar';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import * as calendar from './calendar.service';

/** Mounted at /api/calendar. */
export function calendarRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{year}',
      tags: ['calendar'],
      summary: 'Lịch năm: ngày nghỉ lễ, nghỉ bù, làm bù và ngày làm việc (đã áp dụng điều chỉnh)',
      request: { params: YearParam },
      responses: responses(YearCalendarView),
    }),
    async (c) => {
      requireUser(c);
      return c.json(await calendar.getYearCalendar(deps, Number(c.req.valid('param').year)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/overrides/{date}',
      tags: ['calendar'],
      summary: 'Đặt điều chỉnh lịch cho một ngày (nghỉ lễ, nghỉ bù, làm bù, làm việc bình thường)',
      request: { params: DateParam, ...jsonBody(CalendarOverridePut) },
      responses: responses(CalendarOverrideView),
    }),
    async (c) => c.json(await calendar.putOverride(deps, requireUser(c), c.req.valid('param').date, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/overrides/{date}',
      tags: ['calendar'],
      summary: 'Xóa điều chỉnh lịch của một ngày',
      request: { params: DateParam },
      responses: responses(OkSchema),
    }),
    async (c) => {
      await calendar.deleteOverride(deps, requireUser(c), c.req.valid('param').date);
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
