import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { OkSchema } from '../../../shared/contracts/common';
import {
  AgencyDailyResponse,
  Appendix2Query,
  DashboardQuery,
  DashboardResponse,
  Appendix2Response,
  DailyQuery,
  ExportFormat,
  NoteRequest,
  ProvinceDailyResponse,
  ProvinceQuery,
  SubmissionsResponse,
} from '../../../shared/contracts/reports';
import { IdSchema, IsoDateSchema } from '../../../shared/contracts/common';
import type { CurrentUser, Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import { vnDateOf } from '../../../shared/domain/dates';
import { fileResponses, sendFile } from './reports.download';
import { appendix2Docx, appendix2Pdf, appendix2Xlsx } from './reports.export';
import { exportMeta } from './reports.meta';
import * as reports from './reports.service';
import { getDashboard } from './reports.dashboard';
import { addDays } from '../../../shared/domain/dates';

/** The Phụ lục 2 table (of an agency, a day, the province) in each export format. */
const APPENDIX2 = { xlsx: appendix2Xlsx, pdf: appendix2Pdf, docx: appendix2Docx } as const;

export function reportsRoutes(deps: Deps) {
  const app = createRouter();

  /** The heading and signature of an export (reports.meta.ts). */
  const metaFor = (user: CurrentUser, agencyId: string, date: string, kind: 'agency' | 'province') => exportMeta(deps, user, agencyId, date, kind);

  /**
   * A Phụ lục 2 export: GET `path` with the report's `query` and a `format` (XLSX, PDF, DOCX); `load` gives, for the
   * signed-in user, the file's name (without extension) and the table with its heading.
   */
  function exportRoute<Q extends z.ZodObject>(
    path: string,
    summary: string,
    query: Q,
    load: (user: CurrentUser, q: z.output<Q>) => Promise<{ name: string; table: Parameters<typeof appendix2Xlsx> }>,
  ) {
    app.openapi(
      createRoute({
        method: 'get',
        path,
        tags: ['reports'],
        summary,
        request: { query: query.extend({ format: ExportFormat }) },
        responses: fileResponses('Tệp báo cáo'),
      }),
      async (c) => {
        const q = c.req.valid('query') as z.output<Q> & { format: z.infer<typeof ExportFormat> };
        const { name, table } = await load(requireUser(c), q);
        return sendFile(c, q.format, name, await APPENDIX2[q.format](...table));
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/appendix2',
      tags: ['reports'],
      summary: 'Phụ lục 2 của cơ quan hoặc của tỉnh cho một kỳ (tính từ hệ thống)',
      request: { query: Appendix2Query },
      responses: responses(Appendix2Response),
    }),
    async (c) => c.json(await reports.getAppendix2(deps, requireUser(c), c.req.valid('query')), 200),
  );
  exportRoute('/appendix2/export', 'Xuất Phụ lục 2 (XLSX, PDF, DOCX)', Appendix2Query, async (user, q) => {
    const { report, names } = await reports.getAppendix2(deps, user, q);
    const meta = await metaFor(user, q.agencyId ?? q.rootId!, vnDateOf(deps.clock.now()), q.agencyId ? 'agency' : 'province');
    return { name: `phu-luc-2-${q.from}-${q.to}`, table: [report, names, meta] };
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/daily',
      tags: ['reports'],
      summary: 'Báo cáo 16:00 của cơ quan (bản đã chốt, hoặc xem trước)',
      request: { query: DailyQuery },
      responses: responses(AgencyDailyResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await reports.getAgencyReport(deps, requireUser(c), q.agencyId, q.date), 200);
    },
  );
  exportRoute('/daily/export', 'Xuất báo cáo 16:00 đã chốt của cơ quan (XLSX, PDF, DOCX)', DailyQuery, async (user, q) => {
    const daily = await reports.getAgencyReport(deps, user, q.agencyId, q.date);
    const meta = await metaFor(user, q.agencyId, q.date, 'agency');
    if (!daily.frozen) meta.subject += ' (bản xem trước, chưa chốt)';
    else meta.hash = daily.hash ?? undefined;
    return { name: `bao-cao-16h-${q.agencyId}-${q.date}`, table: [daily.content.appendix2, daily.content.names, meta] };
  });
  app.openapi(
    createRoute({
      method: 'put',
      path: '/notes/{agencyId}/{date}',
      tags: ['reports'],
      summary: 'Ghi chú của Văn phòng cho báo cáo trong ngày (trước 16:00)',
      request: { params: z.object({ agencyId: IdSchema, date: IsoDateSchema }), ...jsonBody(NoteRequest) },
      responses: responses(OkSchema),
    }),
    async (c) => {
      const p = c.req.valid('param');
      await reports.saveNote(deps, requireUser(c), p.agencyId, p.date, c.req.valid('json').note);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/province',
      tags: ['reports'],
      summary: 'Báo cáo tổng hợp của tỉnh (17:00)',
      request: { query: ProvinceQuery },
      responses: responses(ProvinceDailyResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await reports.getProvinceReport(deps, requireUser(c), q.rootId, q.date), 200);
    },
  );
  exportRoute('/province/export', 'Xuất báo cáo tổng hợp của tỉnh (XLSX, PDF, DOCX)', ProvinceQuery, async (user, q) => {
    const { content } = await reports.getProvinceReport(deps, user, q.rootId, q.date);
    const meta = await metaFor(user, q.rootId, q.date, 'province');
    meta.missing = content.missing.map((id) => content.names.agencies[id] ?? id);
    meta.noRoster = (content.noRoster ?? []).map((id) => content.names.agencies[id] ?? id);
    return { name: `bao-cao-tinh-${q.date}`, table: [content.appendix2, content.names, meta] };
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/submissions',
      tags: ['reports'],
      summary: 'Cơ quan đã gửi / chưa gửi báo cáo 16:00',
      request: { query: ProvinceQuery },
      responses: responses(SubmissionsResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await reports.getSubmissions(deps, requireUser(c), q.rootId, q.date), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['reports'],
      summary: 'Bảng điều hành: tỷ lệ làm việc tại nhà, điểm danh, xử lý công việc',
      request: { query: DashboardQuery },
      responses: responses(DashboardResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const today = vnDateOf(deps.clock.now());
      const to = q.to ?? today;
      return c.json(await getDashboard(deps, requireUser(c), { agencyId: q.agencyId, from: q.from ?? addDays(to, -13), to, today }), 200);
    },
  );
  return app;
}
