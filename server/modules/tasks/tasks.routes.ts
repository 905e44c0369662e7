import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { ErrorResponseSchema, IdSchema } from '../../../shared/contracts/common';
import {
  TASK_ATTACHMENT_MAX_BYTES,
  TaskAttachmentView,
  TaskCommentCreate,
  TaskCreate,
  TaskDetail,
  TaskImportQuery,
  TaskImportResult,
  TaskListQuery,
  TaskListResponse,
  TaskStatusChange,
} from '../../../shared/contracts/tasks';
import type { AppEnv, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { createRouter, json, jsonBody, requireUser, responses } from '../../lib/http';
import { ACTIVITY_IMPORT_MAX_BYTES, checkFileName, fileOf, readMultipart } from '../../lib/limits';
import { importActivity, type ActivitySource } from './tasks.import';
import { addAttachment, getAttachment } from './tasks.attachments';
import { listTasks } from './tasks.lists';
import { addComment, changeStatus } from './tasks.progress';
import { createTask, getTask } from './tasks.service';
import { contentDisposition } from '../../lib/download';

const IdParam = z.object({ id: IdSchema });
const ACTIVE_TYPES = /html|xml|javascript|ecmascript|svg/i;
const AttachmentParam = z.object({ id: IdSchema, attachmentId: IdSchema });
/** Largest import body (JSON or the two CSV files): an agency's activity, not a province's. */
export const TASK_IMPORT_MAX_BYTES = ACTIVITY_IMPORT_MAX_BYTES;

const tooLarge = (c: Context<AppEnv>, message: string) =>
  c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message, issues: [{ path: 'body.file', message }] } }, 413);
const ATTACHMENT_TOO_LARGE = 'Tệp đính kèm vượt quá 10 MB. Hãy nén hoặc chia nhỏ tệp.';

const withTooLarge = <T extends ReturnType<typeof responses>>(r: T) => ({ ...r, 413: { ...r[400], description: 'Tệp quá lớn' } });

async function fileBytes(v: unknown, path: string): Promise<{ name: string; type: string; bytes: Uint8Array } | null> {
  if (v instanceof File)
    return {
      name: checkFileName(v.name, path),
      type: /^[\w.+-]+\/[\w.+-]+(\s*;[\x20-\x7e]*)?$/.test(v.type) ? v.type : 'application/octet-stream',
      bytes: new Uint8Array(await v.arrayBuffer()),
    };
  return null;
}

export function taskRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['tasks'],
      summary: 'Danh sách công việc (của tôi, tôi giao, của đơn vị, của cơ quan) với bộ lọc',
      request: { query: TaskListQuery },
      responses: responses(TaskListResponse),
    }),
    async (c) => c.json(await listTasks(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['tasks'],
      summary: 'Giao việc (task.assign trên đơn vị của người chủ trì)',
      request: jsonBody(TaskCreate),
      responses: responses(TaskDetail),
    }),
    async (c) => c.json(await createTask(deps, requireUser(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['tasks'],
      summary: 'Nhập hoạt động từ hệ thống văn phòng điện tử khác (congvu.activity/1: JSON, hoặc tasks.csv + actions.csv); không nhập gì nếu có lỗi',
      // Body limit (200 MB): server/lib/limits.ts, counted while read, so nothing is buffered before the session check.
      request: {
        query: TaskImportQuery,
        body: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', description: 'Tài liệu congvu.activity/1' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { tasks: { type: 'string', format: 'binary' }, actions: { type: 'string', format: 'binary' } },
                required: ['tasks', 'actions'],
              },
            },
          },
        },
      },
      responses: withTooLarge(responses(TaskImportResult)),
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const type = c.req.header('content-type') ?? '';
      let source: ActivitySource;
      if (type.startsWith('multipart/form-data')) {
        const form = await readMultipart(c);
        const tasksFile = await fileBytes(fileOf(form.tasks), 'body.tasks');
        const actionsFile = await fileBytes(fileOf(form.actions), 'body.actions');
        const missing = [...(tasksFile ? [] : ['tasks']), ...(actionsFile ? [] : ['actions'])];
        if (missing.length) {
          throw new AppError('VALIDATION', 'Cần gửi cả hai tệp tasks.csv (trường "tasks") và actions.csv (trường "actions").', {
            issues: missing.map((m) => ({ path: `body.${m}`, message: `Thiếu tệp ${m}.csv.` })),
          });
        }
        source = {
          kind: 'csv',
          tasks: tasksFile!.bytes,
          actions: actionsFile!.bytes,
          names: { tasks: tasksFile!.name || 'tasks.csv', actions: actionsFile!.name || 'actions.csv' },
        };
      } else if (type.startsWith('application/json')) {
        source = { kind: 'json', text: await c.req.text() };
      } else {
        throw new AppError('VALIDATION', 'Gửi tài liệu JSON (application/json) hoặc hai tệp CSV (multipart/form-data).', {
          issues: [{ path: 'body', message: 'Kiểu nội dung không được hỗ trợ.' }],
        });
      }
      return c.json(await importActivity(deps, user, q.agencyId, source, { dryRun: q.dryRun === '1' }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['tasks'],
      summary: 'Chi tiết công việc: người tham gia, diễn biến, tệp đính kèm',
      request: { params: IdParam },
      responses: responses(TaskDetail),
    }),
    async (c) => c.json(await getTask(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags: ['tasks'],
      summary: 'Cập nhật trạng thái (nhận, đang xử lý, hoàn thành, trả lại; giao lại việc bị trả lại)',
      request: { params: IdParam, ...jsonBody(TaskStatusChange) },
      responses: responses(TaskDetail),
    }),
    async (c) => c.json(await changeStatus(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/comments',
      tags: ['tasks'],
      summary: 'Cho ý kiến, trao đổi',
      request: { params: IdParam, ...jsonBody(TaskCommentCreate) },
      responses: responses(TaskDetail),
    }),
    async (c) => c.json(await addComment(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json').body), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/attachments',
      tags: ['tasks'],
      summary: 'Đính kèm tệp (tối đa 10 MB, trường "file")',
      // The limit (10 MB + the multipart envelope) applies while reading: server/lib/limits.ts.
      request: {
        params: IdParam,
        body: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
        },
      },
      responses: withTooLarge(responses(TaskAttachmentView)),
    }),
    async (c) => {
      const user = requireUser(c);
      const id = c.req.valid('param').id;
      if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        throw new AppError('VALIDATION', 'Gửi tệp dưới dạng multipart/form-data, trường "file".', {
          issues: [{ path: 'body.file', message: 'Chưa chọn tệp.' }],
        });
      }
      const form = await readMultipart(c);
      const file = fileOf(form.file);
      if (!file) throw new AppError('VALIDATION', 'Chưa chọn tệp đính kèm (trường "file").', { issues: [{ path: 'body.file', message: 'Chưa chọn tệp.' }] });
      if (file.size > TASK_ATTACHMENT_MAX_BYTES) return tooLarge(c, ATTACHMENT_TOO_LARGE);
      const bytes = (await fileBytes(file, 'body.file'))!;
      return c.json(await addAttachment(deps, user, id, bytes), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/attachments/{attachmentId}',
      tags: ['tasks'],
      summary: 'Tải tệp đính kèm',
      request: { params: AttachmentParam },
      responses: {
        200: { description: 'Nội dung tệp', content: { 'application/octet-stream': { schema: z.string() } } },
        403: { description: 'Không có quyền', ...json(ErrorResponseSchema) },
        404: { description: 'Không tìm thấy', ...json(ErrorResponseSchema) },
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const a = await getAttachment(deps, requireUser(c), p.id, p.attachmentId);
      return c.body(new Uint8Array(a.content), 200, {
        // Never let a browser run an uploaded page or script from our origin.
        'content-type': ACTIVE_TYPES.test(a.mimeType) ? 'application/octet-stream' : a.mimeType,
        'content-disposition': contentDisposition(a.fileName),
        'x-content-sha256': a.sha256,
        'cache-control': 'private, no-store',
      });
    },
  );
  return app;
}
