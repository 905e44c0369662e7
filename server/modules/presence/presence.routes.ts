import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IsoDateSchema } from '../../../shared/contracts/common';
import {
  BoardResponse,
  CheckinRequest,
  CheckinView,
  HealthList,
  HealthPut,
  HealthQuery,
  HealthView,
  MeResponse,
  MissingResponse,
  ScopeQuery,
  StatusRequest,
  StatusView,
  SummonsCreate,
  SummonsList,
  SummonsDecline,
  SummonsParam,
  SummonsQuery,
  SummonsView,
} from '../../../shared/contracts/presence';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import * as presence from './presence.service';

/** Mounted at /api/presence. */
export function presenceRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['presence'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/checkin',
      tags,
      summary: 'Điểm danh đầu buổi làm việc tại nhà (idempotent)',
      request: jsonBody(CheckinRequest),
      responses: responses(CheckinView),
    }),
    async (c) => c.json(await presence.checkin(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/status',
      tags,
      summary: 'Trạng thái: sẵn sàng / đang họp / tạm vắng',
      request: jsonBody(StatusRequest),
      responses: responses(StatusView),
    }),
    async (c) => c.json(await presence.setStatus(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags,
      summary: 'Điểm danh, trạng thái và triệu tập của tôi trong ngày',
      request: { query: z.object({ date: IsoDateSchema.optional() }) },
      responses: responses(MeResponse),
    }),
    async (c) => c.json(await presence.myPresence(deps, requireUser(c), c.req.valid('query').date), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/board',
      tags,
      summary: 'Ai đang ở đâu (đơn vị hoặc cơ quan)',
      request: { query: ScopeQuery },
      responses: responses(BoardResponse),
    }),
    async (c) => c.json(await presence.board(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/missing',
      tags,
      summary: 'Người làm việc tại nhà chưa điểm danh sau 30 phút',
      request: { query: ScopeQuery },
      responses: responses(MissingResponse),
    }),
    async (c) => c.json(await presence.missing(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/summons',
      tags,
      summary: 'Triệu tập người làm việc tại nhà về cơ quan',
      request: jsonBody(SummonsCreate),
      responses: responses(SummonsView),
    }),
    async (c) => c.json(await presence.createSummons(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/summons',
      tags,
      summary: 'Lệnh triệu tập của tôi (mine=1) hoặc của đơn vị',
      request: { query: SummonsQuery },
      responses: responses(SummonsList),
    }),
    async (c) => c.json({ summons: await presence.listSummons(deps, requireUser(c), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/summons/{id}/ack',
      tags,
      summary: 'Xác nhận đã nhận lệnh triệu tập (idempotent)',
      request: { params: SummonsParam },
      responses: responses(SummonsView),
    }),
    async (c) => c.json(await presence.acknowledgeSummons(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/summons/{id}/decline',
      tags,
      summary: 'Trả lời không thể đến, với lý do (idempotent)',
      request: { params: SummonsParam, ...jsonBody(SummonsDecline) },
      responses: responses(SummonsView),
    }),
    async (c) => c.json(await presence.declineSummons(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/summons/{id}/cancel',
      tags,
      summary: 'Hủy lệnh triệu tập',
      request: { params: SummonsParam },
      responses: responses(SummonsView),
    }),
    async (c) => c.json(await presence.cancelSummons(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/health',
      tags,
      summary: 'Khai báo y tế hằng ngày (thay thế khai báo cùng ngày)',
      request: jsonBody(HealthPut),
      responses: responses(HealthView),
    }),
    async (c) => c.json(await presence.declareHealth(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags,
      summary: 'Xem khai báo y tế (bản thân, Trưởng phòng, Văn phòng)',
      request: { query: HealthQuery },
      responses: responses(HealthList),
    }),
    async (c) => c.json(await presence.readHealth(deps, requireUser(c), c.req.valid('query')), 200),
  );
  return app;
}
