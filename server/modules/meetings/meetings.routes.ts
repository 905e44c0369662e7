import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/contracts/common';
import {
  AttendanceMark,
  FeedParam,
  FeedTokenView,
  InviteeOptions,
  MeetingCancel,
  MeetingCreate,
  MeetingList,
  MeetingListQuery,
  MeetingParam,
  MeetingReportCreate,
  MeetingRespond,
  MeetingUpdate,
  MeetingView,
} from '../../../shared/contracts/meetings';
import type { Deps } from '../../lib/context';
import { HIDDEN_MESSAGE } from '../../lib/scope';
import { createRouter, json, jsonBody, requireUser, responses } from '../../lib/http';
import { fileReport, markAttendance, respond } from './meetings.answers';
import { feedCalendar, getFeedToken, regenerateFeedToken } from './meetings.ics';
import { cancelMeeting, createMeeting, getMeeting, invitees, listMeetings, updateMeeting } from './meetings.service';

/** Mounted at /api/meetings. Static paths first: /feed/…, /feed-token and /invitees are not meeting ids. */
export function meetingsRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['meetings'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/feed/{token}',
      tags,
      summary: 'Lịch họp dạng iCalendar (METHOD:PUBLISH) để Outlook, điện thoại đăng ký; không cần đăng nhập, đường dẫn có mã bí mật',
      request: { params: FeedParam },
      responses: {
        200: { description: 'Tệp iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        404: { description: 'Không tìm thấy', ...json(ErrorResponseSchema) },
      },
    }),
    async (c) => {
      const text = await feedCalendar(deps, c.req.valid('param').token);
      if (text === null) return c.json({ error: { code: 'NOT_FOUND', message: HIDDEN_MESSAGE, issues: [] } }, 404);
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="lich-hop.ics"',
        'cache-control': 'private, no-store',
        'x-robots-tag': 'noindex',
      });
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/feed-token', tags, summary: 'Đường dẫn đăng ký lịch họp của tôi', responses: responses(FeedTokenView) }),
    async (c) => c.json(await getFeedToken(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/feed-token',
      tags,
      summary: 'Tạo đường dẫn đăng ký lịch mới (đường dẫn cũ ngừng hoạt động)',
      responses: responses(FeedTokenView),
    }),
    async (c) => c.json(await regenerateFeedToken(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/invitees', tags, summary: 'Người có thể mời họp, theo đơn vị', responses: responses(InviteeOptions) }),
    async (c) => c.json(await invitees(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Lịch họp: của tôi (mặc định) hoặc mọi cuộc họp trong phạm vi (mine=0)',
      request: { query: MeetingListQuery },
      responses: responses(MeetingList),
    }),
    async (c) => c.json(await listMeetings(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Mời họp (gửi thư mời kèm tệp ICS)',
      request: jsonBody(MeetingCreate),
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await createMeeting(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết cuộc họp', request: { params: MeetingParam }, responses: responses(MeetingView) }),
    async (c) => c.json(await getMeeting(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary: 'Sửa cuộc họp (SEQUENCE mới, gửi lại ICS)',
      request: { params: MeetingParam, ...jsonBody(MeetingUpdate) },
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await updateMeeting(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/cancel',
      tags,
      summary: 'Hủy cuộc họp (ICS METHOD:CANCEL; idempotent)',
      request: { params: MeetingParam, ...jsonBody(MeetingCancel) },
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await cancelMeeting(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/respond',
      tags,
      summary: 'Trả lời lời mời: tham dự / không tham dự (idempotent)',
      request: { params: MeetingParam, ...jsonBody(MeetingRespond) },
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await respond(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/attendance',
      tags,
      summary: 'Điểm danh cuộc họp (người mời họp, người chủ trì)',
      request: { params: MeetingParam, ...jsonBody(AttendanceMark) },
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await markAttendance(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/report',
      tags,
      summary: 'Báo cáo kết quả sau hội nghị, cuộc họp bên ngoài gửi Giám đốc',
      request: { params: MeetingParam, ...jsonBody(MeetingReportCreate) },
      responses: responses(MeetingView),
    }),
    async (c) => c.json(await fileReport(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
