import { createRoute } from '@hono/zod-openapi';
import { DutyDay, DutyList, DutyParams, DutyPut, DutyQuery } from '../../../shared/contracts/duty';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import * as duty from './duty.service';

/** Mounted at /api/duty. */
export function dutyRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['duty'],
      summary: 'Lịch trực của cơ quan trong khoảng ngày',
      request: { query: DutyQuery },
      responses: responses(DutyList),
    }),
    async (c) => c.json(await duty.listDuties(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/{agencyId}/{date}',
      tags: ['duty'],
      summary: 'Đặt lịch trực của một ngày (thay thế toàn bộ)',
      request: { params: DutyParams, ...jsonBody(DutyPut) },
      responses: responses(DutyDay),
    }),
    async (c) => {
      const { agencyId, date } = c.req.valid('param');
      return c.json(await duty.replaceDuties(deps, requireUser(c), agencyId, date, c.req.valid('json')), 200);
    },
  );
  return app;
}
