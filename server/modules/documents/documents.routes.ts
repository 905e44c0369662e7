import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ErrorResponseSchema, IdSchema } from '../../../shared/contracts/common';
import {
  DelegationCreate,
  DelegationView,
  DirectorBox,
  DOCUMENT_FILE_MAX_BYTES,
  DocumentDetail,
  DocumentFileView,
  DocumentListQuery,
  DocumentListResponse,
  DocumentOptions,
  DocumentSettings,
  DocumentSettingsQuery,
  IncomingAssign,
  IncomingComplete,
  IncomingCreate,
  IncomingDirect,
  IncomingSubmit,
  OutgoingCreate,
  OutgoingIssue,
  OutgoingTransition,
  OutgoingUpdate,
  RegisterExportQuery,
} from '../../../shared/contracts/documents';
import type { AppEnv, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { createRouter, json, jsonBody, requireUser, responses } from '../../lib/http';
import { checkFileName, fileOf, readMultipart } from '../../lib/limits';
import { contentDisposition } from '../../lib/download';
import { exportRegister } from './documents.export';
import { documentOptions } from './documents.options';
import { createDelegation, getSettings, putSettings } from './documents.settings';
import { getDocument } from './documents.detail';
import { loadDocument, secretRefused } from './documents.shared';
import { directorBox, listDocuments } from './documents.lists';
import { addFile, getFile } from './documents.files';
import { assignIncoming, completeIncoming, directIncoming, registerIncoming, submitIncoming } from './documents.incoming';
import { createOutgoing, issueOutgoing, transitionOutgoing, updateOutgoing } from './documents.outgoing';
import { outgoingViewOf } from './documents.view';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const IdParam = z.object({ id: IdSchema });
const FileParam = z.object({ id: IdSchema, fileId: IdSchema });
const AgencyQuery = z.object({ agencyId: IdSchema });
const FILE_TOO_LARGE = 'Tệp văn bản vượt quá 20 MB.';
const tooLarge = (c: Context<AppEnv>) =>
  c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: FILE_TOO_LARGE, issues: [{ path: 'body.file', message: FILE_TOO_LARGE }] } }, 413);
const withTooLarge = <T extends ReturnType<typeof responses>>(r: T) => ({ ...r, 413: { ...r[400], description: 'Tệp quá lớn' } });
const with422 = <T extends ReturnType<typeof responses>>(r: T) => ({
  ...r,
  422: { description: 'Nội dung văn bản mật bị từ chối (details.reason = SECRET_CONTENT_REFUSED)', ...json(ErrorResponseSchema) },
});

export function documentRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['documents'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Văn bản đến, văn bản đi, chờ tôi xử lý / ký, văn bản mật (tìm kiếm có hoặc không dấu)',
      request: { query: DocumentListQuery },
      responses: responses(DocumentListResponse),
    }),
    async (c) => c.json(await listDocuments(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/director',
      tags,
      summary: 'Hộp văn bản của Giám đốc: chờ ký, bị chuyển lên, văn bản đến chờ chỉ đạo',
      request: { query: AgencyQuery },
      responses: responses(DirectorBox),
    }),
    async (c) => c.json(await directorBox(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/register.xlsx',
      tags,
      summary: 'Xuất sổ đăng ký văn bản (đến, đi, mật đến, mật đi) theo năm',
      request: { query: RegisterExportQuery },
      responses: {
        200: { description: 'Tệp XLSX', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
        403: { description: 'Không có quyền', ...json(ErrorResponseSchema) },
      },
    }),
    async (c) => {
      const out = await exportRegister(deps, requireUser(c), c.req.valid('query'));
      return c.body(new Uint8Array(out.bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': contentDisposition(out.fileName),
        'cache-control': 'private, no-store',
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Lựa chọn của biểu mẫu văn bản: cơ quan nhận trên Congvu, lãnh đạo cơ quan (người ký)',
      request: { query: AgencyQuery },
      responses: responses(DocumentOptions),
    }),
    async (c) => c.json(await documentOptions(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags,
      summary: 'Cấu hình văn bản của cơ quan (ngưỡng chuyển lên Giám đốc, ký hiệu đơn vị)',
      request: { query: DocumentSettingsQuery },
      responses: responses(DocumentSettings),
    }),
    async (c) => c.json(await getSettings(deps, requireUser(c), c.req.valid('query').agencyId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/settings',
      tags,
      summary: 'Sửa cấu hình văn bản (Văn phòng, Giám đốc)',
      request: jsonBody(DocumentSettings),
      responses: responses(DocumentSettings),
    }),
    async (c) => c.json(await putSettings(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/delegations',
      tags,
      summary: 'Giám đốc ủy quyền ký (TL., TUQ.) có thời hạn',
      request: jsonBody(DelegationCreate),
      responses: responses(DelegationView),
    }),
    async (c) => c.json(await createDelegation(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/incoming',
      tags,
      summary: 'Vào sổ văn bản đến (Văn phòng); văn bản mật: chỉ thông tin sổ',
      request: jsonBody(IncomingCreate),
      responses: with422(responses(DocumentDetail)),
    }),
    async (c) => c.json(await registerIncoming(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/outgoing',
      tags,
      summary: 'Tạo dự thảo văn bản đi; văn bản mật đi: chỉ vào sổ, cấp số mật',
      request: jsonBody(OutgoingCreate),
      responses: with422(responses(DocumentDetail)),
    }),
    async (c) => c.json(await createOutgoing(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'Chi tiết văn bản: diễn biến, phiên bản, tệp, công việc, số',
      request: { params: IdParam },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await getDocument(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Sửa dự thảo (phiên bản mới, lưu khác biệt)',
      request: { params: IdParam, ...jsonBody(OutgoingUpdate) },
      responses: with422(responses(DocumentDetail)),
    }),
    async (c) => c.json(await updateOutgoing(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/submit',
      tags,
      summary: 'Trình văn bản đến lên lãnh đạo (Văn phòng)',
      request: { params: IdParam, ...jsonBody(IncomingSubmit) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await submitIncoming(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/direct',
      tags,
      summary: 'Ý kiến chỉ đạo, chuyển đơn vị chủ trì và phối hợp',
      request: { params: IdParam, ...jsonBody(IncomingDirect) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await directIncoming(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assign',
      tags,
      summary: 'Giao người chủ trì xử lý và người phối hợp (công việc gắn với văn bản)',
      request: { params: IdParam, ...jsonBody(IncomingAssign) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await assignIncoming(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/complete',
      tags,
      summary: 'Hoàn thành xử lý văn bản đến',
      request: { params: IdParam, ...jsonBody(IncomingComplete) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await completeIncoming(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transition',
      tags,
      summary: 'Trình, ký nháy, thẩm định thể thức, ký, trả lại (có lý do), hủy, thu hồi',
      request: { params: IdParam, ...jsonBody(OutgoingTransition) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await transitionOutgoing(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/issue',
      tags,
      summary: 'Cấp số và ban hành (Văn phòng); gửi đến cơ quan nhận trên Congvu',
      request: { params: IdParam, ...jsonBody(OutgoingIssue) },
      responses: responses(DocumentDetail),
    }),
    async (c) => c.json(await issueOutgoing(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/files',
      tags,
      summary: 'Đính kèm tệp PDF hoặc DOCX (tối đa 20 MB, trường "file"); không nhận cho văn bản mật',
      middleware: [bodyLimit({ maxSize: DOCUMENT_FILE_MAX_BYTES + 64 * 1024, onError: (c) => tooLarge(c as Context<AppEnv>) })] as const,
      request: {
        params: IdParam,
        body: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
        },
      },
      responses: withTooLarge(responses(DocumentFileView)),
    }),
    async (c) => {
      const user = requireUser(c);
      const id = c.req.valid('param').id;
      if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        // Even a wrong request for a secret document is answered with the secret rule first.
        const doc = await loadDocument(deps.db, id);
        if (doc.secrecy !== 'none') throw secretRefused(['file']);
        throw new AppError('VALIDATION', 'Gửi tệp dưới dạng multipart/form-data, trường "file".', {
          issues: [{ path: 'body.file', message: 'Chưa chọn tệp.' }],
        });
      }
      // A malformed multipart body or a file name with control characters is a 400 (server/lib/limits.ts).
      const form = await readMultipart(c);
      const file = fileOf(form.file);
      if (!file) throw new AppError('VALIDATION', 'Chưa chọn tệp (trường "file").', { issues: [{ path: 'body.file', message: 'Chưa chọn tệp.' }] });
      if (file.size > DOCUMENT_FILE_MAX_BYTES) return tooLarge(c);
      return c.json(
        await addFile(deps, user, id, { name: checkFileName(file.name, 'body.file'), type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/files/{fileId}',
      tags,
      summary: 'Tải tệp văn bản',
      request: { params: FileParam },
      responses: {
        200: { description: 'Nội dung tệp', content: { 'application/octet-stream': { schema: z.string() } } },
        403: { description: 'Không có quyền', ...json(ErrorResponseSchema) },
        404: { description: 'Không tìm thấy', ...json(ErrorResponseSchema) },
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const f = await getFile(deps, requireUser(c), p.id, p.fileId);
      return c.body(new Uint8Array(f.content), 200, {
        'content-type': f.mimeType,
        'content-disposition': contentDisposition(f.fileName),
        'x-content-sha256': f.sha256,
        'cache-control': 'private, no-store',
      });
    },
  );
  for (const format of ['pdf', 'docx'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/{id}/render.${format}`,
        tags,
        summary: `Văn bản đi theo thể thức Nghị định 30 (${format.toUpperCase()}); dự thảo in chữ "DỰ THẢO"`,
        request: { params: IdParam },
        responses: {
          200: { description: format.toUpperCase(), content: { [format === 'pdf' ? 'application/pdf' : DOCX_MIME]: { schema: z.string() } } },
          403: { description: 'Không có quyền', ...json(ErrorResponseSchema) },
          409: { description: 'Không in được', ...json(ErrorResponseSchema) },
        },
      }),
      async (c) => {
        const view = await outgoingViewOf(deps, requireUser(c), c.req.valid('param').id);
        const { renderOutgoingDocx, renderOutgoingPdf } = await import('./render');
        const bytes = format === 'pdf' ? await renderOutgoingPdf(view) : await renderOutgoingDocx(view);
        const name = `${view.number ? `${String(view.number).padStart(2, '0')}-${view.notation}` : `du-thao-${view.notation}`}.${format}`;
        return c.body(new Uint8Array(bytes), 200, {
          'content-type': format === 'pdf' ? 'application/pdf' : DOCX_MIME,
          'content-disposition': contentDisposition(name),
          'cache-control': 'private, no-store',
        });
      },
    );
  }
  return app;
}
