import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
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
import { agencyHeadTitle, positionTitle } from '../../../shared/domain/org';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { agencies, people, units } from '../org/org.table';
import { appendix2Docx, appendix2Pdf, appendix2Xlsx, type ReportMeta } from './reports.export';
import * as reports from './reports.service';
import { getDashboard } from './reports.dashboard';
import { addDays } from '../../../shared/domain/dates';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
const binary = { 200: { description: 'Tệp báo cáo', content: Object.fromEntries(Object.values(TYPES).map((t) => [t, { schema: z.string() }])) } };

export function reportsRoutes(deps: Deps) {
  const app = createRouter();

  /**
   * The heading and signature of an export (Nghị định 30). An agency's report is issued by the agency,
   * signed "TL. GIÁM ĐỐC — CHÁNH VĂN PHÒNG" (seed 004); the province report by the agency of the
   * province user who exports it (Sở Nội vụ, its Inspectorate), signed by that user.
   */
  async function metaFor(user: CurrentUser, agencyId: string, date: string, kind: 'agency' | 'province'): Promise<ReportMeta> {
    const issuerId = kind === 'agency' ? agencyId : (user.agencyId ?? agencyId);
    const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, issuerId));
    const [parent] = agency?.parentId ? await deps.db.select().from(agencies).where(eq(agencies.id, agency.parentId)) : [];
    const place = agency?.province ?? (parent ?? agency)?.name.replace(/^UBND tỉnh /i, '') ?? '';
    let signer: ReportMeta['signer'];
    if (kind === 'agency') {
      const [chief] = await deps.db
        .select({ name: people.fullName, title: people.title })
        .from(people)
        .where(and(eq(people.agencyId, agencyId), eq(people.position, 'chief_of_office'), eq(people.active, true)))
        .limit(1);
      // The agency's own head and the chief's own title (a UBND huyện has a Chủ tịch and a "Chánh Văn phòng HĐND và UBND").
      if (chief) signer = { authority: `TL. ${agencyHeadTitle(agency?.kind)}`, position: chief.title ?? 'Chánh Văn phòng', name: chief.name };
    } else if (user.personId) {
      const [me] = await deps.db
        .select({ name: people.fullName, title: people.title, position: people.position, unitKind: units.kind })
        .from(people)
        .leftJoin(units, eq(units.id, people.unitId))
        .where(eq(people.id, user.personId));
      const head = agencyHeadTitle(agency?.kind);
      if (me)
        signer =
          me.position === 'director'
            ? { position: head.charAt(0) + head.slice(1).toLowerCase(), name: me.name }
            : { authority: `TL. ${head}`, position: me.title ?? positionTitle(me.position as PersonRole, me.unitKind), name: me.name };
    }
    return {
      agencyName: agency?.name ?? issuerId,
      parentName: parent?.name,
      code: agency?.code,
      place,
      date,
      title: kind === 'agency' ? 'Phụ lục 2' : 'Báo cáo',
      subject:
        kind === 'agency'
          ? 'Kết quả làm việc tại nhà của đội ngũ cán bộ, công chức, viên chức, người lao động'
          : 'Tổng hợp kết quả làm việc tại nhà của các cơ quan, đơn vị trên địa bàn tỉnh',
      recipients:
        kind === 'agency'
          ? ['- Sở Nội vụ (Thanh tra Sở);', '- Sở Thông tin và Truyền thông;', '- Lưu: VT, VP.']
          : ['- UBND tỉnh (b/c);', '- Lãnh đạo Sở Nội vụ;', '- Lưu: VT, TTr.'],
      signer,
    };
  }

  async function sendFile(
    c: { body: (data: Uint8Array, status: 200, headers: Record<string, string>) => Response },
    format: z.infer<typeof ExportFormat>,
    name: string,
    build: () => Promise<Buffer>,
  ) {
    return c.body(new Uint8Array(await build()), 200, { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name}.${format}"` });
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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/appendix2/export',
      tags: ['reports'],
      summary: 'Xuất Phụ lục 2 (XLSX, PDF, DOCX)',
      request: { query: Appendix2Query.extend({ format: ExportFormat }) },
      responses: binary,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const user = requireUser(c);
      const { report, names } = await reports.getAppendix2(deps, user, q);
      const meta = await metaFor(user, q.agencyId ?? q.rootId!, vnDateOf(deps.clock.now()), q.agencyId ? 'agency' : 'province');
      const builder = q.format === 'xlsx' ? appendix2Xlsx : q.format === 'pdf' ? appendix2Pdf : appendix2Docx;
      return sendFile(c, q.format, `phu-luc-2-${q.from}-${q.to}`, () => builder(report, names, meta));
    },
  );
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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/daily/export',
      tags: ['reports'],
      summary: 'Xuất báo cáo 16:00 đã chốt của cơ quan (XLSX, PDF, DOCX)',
      request: { query: DailyQuery.extend({ format: ExportFormat }) },
      responses: binary,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const user = requireUser(c);
      const daily = await reports.getAgencyReport(deps, user, q.agencyId, q.date);
      const meta = await metaFor(user, q.agencyId, q.date, 'agency');
      if (!daily.frozen) meta.subject += ' (bản xem trước, chưa chốt)';
      else meta.hash = daily.hash ?? undefined;
      const builder = q.format === 'xlsx' ? appendix2Xlsx : q.format === 'pdf' ? appendix2Pdf : appendix2Docx;
      return sendFile(c, q.format, `bao-cao-16h-${q.agencyId}-${q.date}`, () => builder(daily.content.appendix2, daily.content.names, meta));
    },
  );
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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/province/export',
      tags: ['reports'],
      summary: 'Xuất báo cáo tổng hợp của tỉnh (XLSX, PDF, DOCX)',
      request: { query: ProvinceQuery.extend({ format: ExportFormat }) },
      responses: binary,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const user = requireUser(c);
      const { content } = await reports.getProvinceReport(deps, user, q.rootId, q.date);
      const meta = await metaFor(user, q.rootId, q.date, 'province');
      meta.missing = content.missing.map((id) => content.names.agencies[id] ?? id);
      const builder = q.format === 'xlsx' ? appendix2Xlsx : q.format === 'pdf' ? appendix2Pdf : appendix2Docx;
      return sendFile(c, q.format, `bao-cao-tinh-${q.date}`, () => builder(content.appendix2, content.names, meta));
    },
  );
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
