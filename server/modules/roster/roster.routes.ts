import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../../shared/contracts/common';
import {
  CheckRequest,
  InterchangeExport,
  RosterAssignmentsSchema,
  CheckResponse,
  DiffResponse,
  GenerateResponse,
  ImportAssignmentsResult,
  MyScheduleResponse,
  PeriodCreate,
  PeriodList,
  PeriodStatusResponse,
  PeriodView,
  RemindRequest,
  RemindResponse,
  ReturnRequest,
  SaveCellsRequest,
  SaveResult,
  TodayResponse,
  UnitGridResponse,
  VersionRequest,
  WishesRequest,
  WishesResponse,
} from '../../../shared/contracts/roster';
import { addDays, vnDateOf } from '../../../shared/domain/dates';
import { checkRoster } from '../../../shared/domain/roster/check';
import { parseInstance, parseRoster, resolveWorkdays } from '../../../shared/domain/roster/parse';
import type { Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import { fileResponses, sendFile } from '../reports/reports.download';
import { appendix1Docx, appendix1Xlsx, buildAppendix1 } from './appendix1';
import { exportPeriod, importAssignments } from './roster.interchange';
import { generateRoster } from './roster.generate';
import { approvePeriod, compilePeriod, getDiff, getPeriodStatus, returnPeriod } from './roster.agency';
import { createPeriod, listPeriods } from './roster.periods';
import * as roster from './roster.service';
import { getWishes, mySchedule, setWishes, whoIsWhere } from './schedule.service';

const PeriodParam = z.object({ id: IdSchema });
const UnitParam = z.object({ id: IdSchema, unitId: IdSchema });
const SourceQuery = z.object({ source: z.enum(['approved', 'draft']).optional() });

/** Parses a body in the roster format; format errors become VALIDATION with JSON paths. */
function parseOrThrow<T>(result: { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] }, prefix: string): T {
  if (result.ok) return result.value;
  const issues = result.issues.map((i) => ({ path: `${prefix}${i.path.replace(/^\$/, '')}`, message: i.message }));
  throw new AppError('VALIDATION', issues[0]?.message ?? 'Dữ liệu không hợp lệ.', { issues });
}

export function rosterRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods',
      tags: ['roster'],
      summary: 'Các kỳ đăng ký lịch của cơ quan',
      request: { query: z.object({ agencyId: IdSchema }) },
      responses: responses(PeriodList),
    }),
    async (c) => c.json({ periods: await listPeriods(deps, requireUser(c), c.req.valid('query').agencyId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods',
      tags: ['roster'],
      summary: 'Mở kỳ đăng ký lịch',
      request: jsonBody(PeriodCreate),
      responses: responses(PeriodView),
    }),
    async (c) => c.json(await createPeriod(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/status',
      tags: ['roster'],
      summary: 'Tình hình đăng ký của các đơn vị',
      request: { params: PeriodParam },
      responses: responses(PeriodStatusResponse),
    }),
    async (c) => c.json(await getPeriodStatus(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/compile',
      tags: ['roster'],
      summary: 'Văn phòng tổng hợp, trình phê duyệt',
      request: { params: PeriodParam, ...jsonBody(VersionRequest) },
      responses: responses(PeriodStatusResponse),
    }),
    async (c) => c.json(await compilePeriod(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/approve',
      tags: ['roster'],
      summary: 'Giám đốc phê duyệt, công bố lịch',
      request: { params: PeriodParam, ...jsonBody(VersionRequest.extend({ comment: z.string().max(2000).optional() })) },
      responses: responses(PeriodStatusResponse),
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await approvePeriod(deps, requireUser(c), c.req.valid('param').id, body.version, body.comment), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/return',
      tags: ['roster'],
      summary: 'Lãnh đạo trả lại lịch đã tổng hợp',
      request: { params: PeriodParam, ...jsonBody(ReturnRequest) },
      responses: responses(PeriodStatusResponse),
    }),
    async (c) => c.json(await returnPeriod(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/diff',
      tags: ['roster'],
      summary: 'Thay đổi so với bản đã phê duyệt',
      request: { params: PeriodParam },
      responses: responses(DiffResponse),
    }),
    async (c) => c.json(await getDiff(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/units/{unitId}',
      tags: ['roster'],
      summary: 'Lịch làm việc của đơn vị',
      request: { params: UnitParam },
      responses: responses(UnitGridResponse),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.getUnitGrid(deps, requireUser(c), p.id, p.unitId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/periods/{id}/units/{unitId}/cells',
      tags: ['roster'],
      summary: 'Lưu các ô của lịch',
      request: { params: UnitParam, ...jsonBody(SaveCellsRequest) },
      responses: responses(SaveResult),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.saveCells(deps, requireUser(c), p.id, p.unitId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/units/{unitId}/copy-previous',
      tags: ['roster'],
      summary: 'Sao chép lịch kỳ trước',
      request: { params: UnitParam, ...jsonBody(z.object({ version: z.number().int().min(0) }).strict()) },
      responses: responses(SaveResult),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.copyPrevious(deps, requireUser(c), p.id, p.unitId, c.req.valid('json').version), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/units/{unitId}/generate',
      tags: ['roster'],
      summary: 'Tạo lịch tự động cho đơn vị (bản nháp)',
      request: { params: UnitParam, ...jsonBody(z.object({ version: z.number().int().min(0) }).strict()) },
      responses: responses(GenerateResponse),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await generateRoster(deps, requireUser(c), p.id, { unitId: p.unitId, version: c.req.valid('json').version }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/generate',
      tags: ['roster'],
      summary: 'Tạo lịch tự động cho các đơn vị chưa gửi (Văn phòng)',
      request: { params: PeriodParam, ...jsonBody(VersionRequest) },
      responses: responses(GenerateResponse),
    }),
    async (c) => c.json(await generateRoster(deps, requireUser(c), c.req.valid('param').id, { version: c.req.valid('json').version }), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/units/{unitId}/submit',
      tags: ['roster'],
      summary: 'Gửi Văn phòng',
      request: { params: UnitParam, ...jsonBody(VersionRequest) },
      responses: responses(SaveResult),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.submitUnit(deps, requireUser(c), p.id, p.unitId, c.req.valid('json').version), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/units/{unitId}/submit-on-behalf',
      tags: ['roster'],
      summary: 'Văn phòng gửi thay đơn vị (ghi nhận là gửi thay)',
      request: { params: UnitParam, ...jsonBody(VersionRequest) },
      responses: responses(SaveResult),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.submitUnit(deps, requireUser(c), p.id, p.unitId, c.req.valid('json').version, { onBehalf: true }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/remind',
      tags: ['roster'],
      summary: 'Nhắc các đơn vị chưa gửi lịch (Văn phòng)',
      request: { params: PeriodParam, ...jsonBody(RemindRequest) },
      responses: responses(RemindResponse),
    }),
    async (c) => {
      return c.json(await roster.remindUnits(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').unitIds), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/units/{unitId}/return',
      tags: ['roster'],
      summary: 'Trả lại lịch của đơn vị',
      request: { params: UnitParam, ...jsonBody(ReturnRequest) },
      responses: responses(SaveResult),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await roster.returnUnit(deps, requireUser(c), p.id, p.unitId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/appendix1.xlsx',
      tags: ['roster'],
      summary: 'Xuất Phụ lục 1 (XLSX)',
      request: { params: PeriodParam, query: SourceQuery },
      responses: fileResponses('Phụ lục 1', ['xlsx']),
    }),
    async (c) => {
      const a = await buildAppendix1(deps, requireUser(c), c.req.valid('param').id, c.req.valid('query').source ?? 'approved');
      return sendFile(c, 'xlsx', `phu-luc-1-${a.fromDate}`, await appendix1Xlsx(a));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/appendix1.docx',
      tags: ['roster'],
      summary: 'Xuất Phụ lục 1 (DOCX)',
      request: { params: PeriodParam, query: SourceQuery },
      responses: fileResponses('Phụ lục 1', ['docx']),
    }),
    async (c) => {
      const a = await buildAppendix1(deps, requireUser(c), c.req.valid('param').id, c.req.valid('query').source ?? 'approved');
      return sendFile(c, 'docx', `phu-luc-1-${a.fromDate}`, await appendix1Docx(a, vnDateOf(deps.clock.now())));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/periods/{id}/export',
      tags: ['roster'],
      summary: 'Xuất theo định dạng trao đổi (congvu.roster/1 + congvu.assignments/1)',
      request: { params: PeriodParam },
      responses: responses(InterchangeExport),
    }),
    async (c) => c.json(await exportPeriod(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/periods/{id}/import',
      tags: ['roster'],
      summary: 'Nhập lịch (congvu.assignments/1) làm bản nháp',
      request: { params: PeriodParam, ...jsonBody(RosterAssignmentsSchema) },
      responses: responses(ImportAssignmentsResult),
    }),
    async (c) => {
      const parsed = parseOrThrow(parseRoster(c.req.valid('json')), 'body');
      return c.json(await importAssignments(deps, requireUser(c), c.req.valid('param').id, parsed), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/check',
      tags: ['roster'],
      summary: 'Kiểm tra lịch theo định dạng trao đổi (không lưu)',
      request: jsonBody(CheckRequest),
      responses: responses(CheckResponse),
    }),
    async (c) => {
      requireUser(c);
      const body = c.req.valid('json');
      const instance = parseOrThrow(parseInstance(body.instance), 'body.instance');
      const rosterValue = parseOrThrow(parseRoster(body.roster), 'body.roster');
      return c.json({ violations: checkRoster(resolveWorkdays(instance), rosterValue) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/my-schedule',
      tags: ['roster'],
      summary: 'Lịch của tôi',
      request: { query: z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() }) },
      responses: responses(MyScheduleResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const today = vnDateOf(deps.clock.now());
      const from = q.from ?? addDays(today, -7);
      return c.json(await mySchedule(deps, requireUser(c), from, q.to ?? addDays(from, 27)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/today',
      tags: ['roster'],
      summary: 'Ai ở đâu hôm nay',
      request: { query: z.object({ unitId: IdSchema.optional(), agencyId: IdSchema.optional(), date: IsoDateSchema.optional() }) },
      responses: responses(TodayResponse),
    }),
    async (c) => c.json(await whoIsWhere(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/wishes', tags: ['roster'], summary: 'Nguyện vọng của tôi', responses: responses(WishesResponse) }),
    async (c) => c.json(await getWishes(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/wishes',
      tags: ['roster'],
      summary: 'Đăng ký nguyện vọng',
      request: jsonBody(WishesRequest),
      responses: responses(WishesResponse),
    }),
    async (c) => c.json(await setWishes(deps, requireUser(c), c.req.valid('json').wishes), 200),
  );
  return app;
}
