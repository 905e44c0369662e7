import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { type ZodType, z } from 'zod';
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
import { decideRequest } from './leave.decide';
import { listRequests } from './leave.lists';
import { cancelRequest, createRequest, getRequest, verifyRequest } from './leave.service';

const IdParam = z.object({ id: IdSchema });
const PersonParam = z.object({ personId: IdSchema });
const AgencyQuery = z.object({ agencyId: IdSchema }).strict();

const tags = ['leave'];

/** A leave route: the request's parts (params, query, JSON body) and the standard answers of `schema` (200 and the error shapes). */
function leaveRoute<M extends 'get' | 'post' | 'put', P extends string, R extends NonNullable<RouteConfig['request']>, S extends ZodType>(
  method: M,
  path: P,
  summary: string,
  request: R,
  schema: S,
) {
  return createRoute({ method, path, tags, summary, request, responses: responses(schema) });
}

/** Mounted at /api/leave. */
export function leaveRoutes(deps: Deps) {
  const app = createRouter();

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
    leaveRoute('get', '/requests', 'Danh sách đơn: của tôi, chờ tôi duyệt, của đơn vị, của cơ quan', { query: RequestListQuery }, RequestListResponse),
    async (c) => c.json(await listRequests(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(leaveRoute('get', '/requests/{id}', 'Xem một đơn', { params: IdParam }, RequestView), async (c) =>
    c.json(await getRequest(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    leaveRoute(
      'post',
      '/requests/{id}/decision',
      'Duyệt hoặc không duyệt bước đang chờ (idempotent, ký số)',
      { params: IdParam, ...jsonBody(RequestDecision) },
      RequestView,
    ),
    async (c) => c.json(await decideRequest(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    leaveRoute('post', '/requests/{id}/cancel', 'Hủy đơn đang chờ duyệt (người làm đơn)', { params: IdParam, ...jsonBody(RequestCancel) }, RequestView),
    async (c) => c.json(await cancelRequest(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    leaveRoute('get', '/requests/{id}/verify', 'Kiểm tra chữ ký số của các quyết định trên đơn', { params: IdParam }, RequestVerifyResponse),
    async (c) => c.json(await verifyRequest(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    leaveRoute('get', '/balances', 'Ngày phép năm: của tôi, của đơn vị, của cơ quan', { query: LeaveBalanceQuery }, LeaveBalanceListResponse),
    async (c) => c.json(await listBalances(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(leaveRoute('get', '/settings', 'Quy định chuyển ngày phép của cơ quan', { query: AgencyQuery }, LeaveSettingsView), async (c) =>
    c.json(await getSettings(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    leaveRoute(
      'put',
      '/settings',
      'Sửa quy định chuyển ngày phép (Văn phòng, Giám đốc)',
      { query: AgencyQuery, ...jsonBody(LeaveSettingsUpdate) },
      LeaveSettingsView,
    ),
    async (c) => c.json(await putSettings(deps, requireUser(c), c.req.valid('query').agencyId, c.req.valid('json')), 200),
  );
  app.openapi(
    leaveRoute(
      'put',
      '/profiles/{personId}',
      'Ngày bắt đầu công tác và số dư phép đầu kỳ của một người (Văn phòng)',
      { params: PersonParam, ...jsonBody(LeaveProfileUpdate) },
      LeaveBalanceView,
    ),
    async (c) => c.json(await putProfile(deps, requireUser(c), c.req.valid('param').personId, c.req.valid('json')), 200),
  );
  app.openapi(
    leaveRoute('get', '/acting', 'Ủy quyền: của tôi (ủy quyền hoặc được ủy quyền) hoặc của cơ quan', { query: ActingListQuery }, ActingListResponse),
    async (c) => c.json(await listActing(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(leaveRoute('post', '/acting', 'Ủy quyền cho cấp phó trong thời gian vắng', jsonBody(ActingCreate), ActingView), async (c) =>
    c.json(await createActing(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(leaveRoute('post', '/acting/{id}/revoke', 'Thu hồi ủy quyền (idempotent)', { params: IdParam }, ActingView), async (c) =>
    c.json(await revokeActing(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  return app;
}
