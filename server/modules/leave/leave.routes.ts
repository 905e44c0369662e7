import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorResponseSchema, IdSchema } from '../../../shared/contracts/common';
import {
  ActingCreate,
  ActingListQuery,
  ActingListResponse,
  ActingView,
  LeaveBalanceListResponse,
  LeaveBalanceQuery,
  LeaveBalanceView,
  LeaveProfileUpdate,
  LeaveSettingsUpdate,
  LeaveSettingsView,
  RequestCancel,
  RequestCreate,
  RequestDecision,
  RequestListQuery,
  RequestListResponse,
  RequestVerifyResponse,
  RequestView,
} from '../../../shared/contracts/leave';
import type { Deps } from '../../lib/context';
import { createRouter, json, jsonBody, requireUser, responses } from '../../lib/http';
import { createActing, listActing, revokeActing } from './acting';
import { getSettings, listBalances, putProfile, putSettings } from './leave.balance';
import { cancelRequest, createRequest, decideRequest, getRequest, listRequests, verifyRequest } from './leave.service';

const IdParam = z.object({ id: IdSchema });
const PersonParam = z.object({ personId: IdSchema });
const AgencyQuery = z.object({ agencyId: IdSchema }).strict();

/** Mounted at /api/leave. */
export function leaveRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['leave'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/requests',
      tags,
      summary: 'Lập đơn nghỉ phép, đi công tác hoặc đăng ký lên cơ quan',
      request: jsonBody(RequestCreate),
      responses: {
        ...responses(RequestView),
        201: { description: 'Đã lập đơn', ...json(RequestView) },
        422: { description: 'Không đủ ngày phép năm', ...json(ErrorResponseSchema) },
      },
    }),
    async (c) => c.json(await createRequest(deps, requireUser(c), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/requests',
      tags,
      summary: 'Danh sách đơn: của tôi, chờ tôi duyệt, của đơn vị, của cơ quan',
      request: { query: RequestListQuery },
      responses: responses(RequestListResponse),
    }),
    async (c) => c.json(await listRequests(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/requests/{id}', tags, summary: 'Xem một đơn', request: { params: IdParam }, responses: responses(RequestView) }),
    async (c) => c.json(await getRequest(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/requests/{id}/decision',
      tags,
      summary: 'Duyệt hoặc không duyệt bước đang chờ (idempotent, ký số)',
      request: { params: IdParam, ...jsonBody(RequestDecision) },
      responses: responses(RequestView),
    }),
    async (c) => c.json(await decideRequest(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/requests/{id}/cancel',
      tags,
      summary: 'Hủy đơn đang chờ duyệt (người làm đơn)',
      request: { params: IdParam, ...jsonBody(RequestCancel) },
      responses: responses(RequestView),
    }),
    async (c) => c.json(await cancelRequest(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/requests/{id}/verify',
      tags,
      summary: 'Kiểm tra chữ ký số của các quyết định trên đơn',
      request: { params: IdParam },
      responses: responses(RequestVerifyResponse),
    }),
    async (c) => c.json(await verifyRequest(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/balances',
      tags,
      summary: 'Ngày phép năm: của tôi, của đơn vị, của cơ quan',
      request: { query: LeaveBalanceQuery },
      responses: responses(LeaveBalanceListResponse),
    }),
    async (c) => c.json(await listBalances(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags,
      summary: 'Quy định chuyển ngày phép của cơ quan',
      request: { query: AgencyQuery },
      responses: responses(LeaveSettingsView),
    }),
    async (c) => c.json(await getSettings(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/settings',
      tags,
      summary: 'Sửa quy định chuyển ngày phép (Văn phòng, Giám đốc)',
      request: { query: AgencyQuery, ...jsonBody(LeaveSettingsUpdate) },
      responses: responses(LeaveSettingsView),
    }),
    async (c) => c.json(await putSettings(deps, requireUser(c), c.req.valid('query').agencyId, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/profiles/{personId}',
      tags,
      summary: 'Ngày bắt đầu công tác và số dư phép đầu kỳ của một người (Văn phòng)',
      request: { params: PersonParam, ...jsonBody(LeaveProfileUpdate) },
      responses: responses(LeaveBalanceView),
    }),
    async (c) => c.json(await putProfile(deps, requireUser(c), c.req.valid('param').personId, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/acting',
      tags,
      summary: 'Ủy quyền: của tôi (ủy quyền hoặc được ủy quyền) hoặc của cơ quan',
      request: { query: ActingListQuery },
      responses: responses(ActingListResponse),
    }),
    async (c) => c.json(await listActing(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/acting',
      tags,
      summary: 'Ủy quyền cho cấp phó trong thời gian vắng',
      request: jsonBody(ActingCreate),
      responses: responses(ActingView),
    }),
    async (c) => c.json(await createActing(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/acting/{id}/revoke',
      tags,
      summary: 'Thu hồi ủy quyền (idempotent)',
      request: { params: IdParam },
      responses: responses(ActingView),
    }),
    async (c) => c.json(await revokeActing(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  return app;
}
