/** Routes of the province follow (issue 10 item 7), mounted under /api/reports next to reports.routes.ts. */
import { createRoute } from '@hono/zod-openapi';
import {
  Appendix1AgencyQuery,
  Appendix1AgencyResponse,
  Appendix1DeadlineRequest,
  Appendix1DeadlineSchema,
  Appendix1SubmissionSchema,
  Appendix1SubmitRequest,
  FollowQuery,
  FollowResponse,
  RemindRequest,
  RemindResponse,
} from '../../../shared/contracts/reports';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import * as follow from './province-follow';
import { fileResponses, sendFile } from './reports.download';

export function provinceFollowRoutes(deps: Deps) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'put',
      path: '/appendix1/deadlines',
      tags: ['reports'],
      summary: 'Đặt (hoặc đổi) hạn gửi Phụ lục 1 cho các cơ quan của tỉnh (Sở Nội vụ)',
      request: jsonBody(Appendix1DeadlineRequest),
      responses: responses(Appendix1DeadlineSchema),
    }),
    async (c) => c.json(await follow.setDeadline(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/appendix1/submissions',
      tags: ['reports'],
      summary: 'Gửi Phụ lục 1 của lịch đã phê duyệt lên tỉnh (Văn phòng)',
      request: jsonBody(Appendix1SubmitRequest),
      responses: responses(Appendix1SubmissionSchema),
    }),
    async (c) => c.json(await follow.submitAppendix1(deps, requireUser(c), c.req.valid('json').periodId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/appendix1/agency',
      tags: ['reports'],
      summary: 'Phụ lục 1 của cơ quan: các kỳ gần đây, hạn gửi của tỉnh, đã gửi chưa',
      request: { query: Appendix1AgencyQuery },
      responses: responses(Appendix1AgencyResponse),
    }),
    async (c) => c.json(await follow.agencyAppendix1(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/follow',
      tags: ['reports'],
      summary: 'Theo dõi phương án các cơ quan trong tuần: lịch đã duyệt, Phụ lục 1 đúng hạn / trễ hạn / chưa gửi',
      request: { query: FollowQuery },
      responses: responses(FollowResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await follow.getFollow(deps, requireUser(c), q.rootId, q.date), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/follow/export',
      tags: ['reports'],
      summary: 'Xuất bảng theo dõi phương án các cơ quan (XLSX)',
      request: { query: FollowQuery },
      responses: fileResponses('Tệp XLSX', ['xlsx']),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { data, file } = await follow.followExport(deps, requireUser(c), q.rootId, q.date);
      return sendFile(c, 'xlsx', `theo-doi-phuong-an-${data.from}`, file);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/follow/remind',
      tags: ['reports'],
      summary: 'Nhắc một cơ quan, hoặc tất cả cơ quan chưa gửi Phụ lục 1 (Văn phòng và Lãnh đạo, trong ứng dụng và e-mail)',
      request: jsonBody(RemindRequest),
      responses: responses(RemindResponse),
    }),
    async (c) => c.json(await follow.remind(deps, requireUser(c), c.req.valid('json')), 200),
  );
  return app;
}
