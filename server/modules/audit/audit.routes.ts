/** /api/audit: the audit log screen (list, export, actors) and the verification of the hash chains. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AuditActorList, AuditActorsQuery, AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResult } from '../../../shared/contracts/audit';
import type { Deps } from '../../lib/context';
import { createRouter, requireUser, responses } from '../../lib/http';
import { auditCsv, auditXlsx, exportAuditRows, listAudit, searchActors, verifyAudit } from './audit.service';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function auditRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['audit'],
      summary: 'Nhật ký hệ thống (mới nhất trước, phân trang theo con trỏ)',
      request: { query: AuditQuery },
      responses: responses(AuditPage),
    }),
    async (c) => c.json(await listAudit(deps, requireUser(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['audit'],
      summary: 'Xuất nhật ký đã lọc (CSV hoặc XLSX, tối đa 50.000 dòng)',
      request: { query: AuditExportQuery },
      responses: {
        ...responses(z.string()),
        200: { description: 'Tệp nhật ký', content: Object.fromEntries(Object.values(TYPES).map((t) => [t, { schema: z.string() }])) },
      },
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const { entries, truncated } = await exportAuditRows(deps, requireUser(c), q);
      const name = `nhat-ky-${deps.clock.now().toISOString().slice(0, 10)}.${format}`;
      const headers = {
        'content-type': TYPES[format],
        'content-disposition': `attachment; filename="${name}"`,
        'x-congvu-rows': String(entries.length),
        ...(truncated ? { 'x-congvu-truncated': '1' } : {}),
      };
      if (format === 'csv') return c.body(auditCsv(entries), 200, headers);
      return c.body(await auditXlsx(entries), 200, headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/actors',
      tags: ['audit'],
      summary: 'Tìm người thực hiện (tài khoản) để lọc nhật ký',
      request: { query: AuditActorsQuery },
      responses: responses(AuditActorList),
    }),
    async (c) => c.json(await searchActors(deps, requireUser(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/verify',
      tags: ['audit'],
      summary: 'Kiểm tra toàn vẹn chuỗi băm của nhật ký (quản trị)',
      responses: responses(AuditVerifyResult),
    }),
    async (c) => c.json(await verifyAudit(deps, requireUser(c)), 200),
  );

  return app;
}
