import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AccountResult,
  AccountUpsert,
  AccountView,
  AgencyCreate,
  AgencyList,
  AgencyUpdate,
  AgencyView,
  ImportResult,
  PeopleQuery,
  PersonCreate,
  PersonList,
  PersonUpdate,
  PersonView,
  UnitCreate,
  UnitList,
  UnitUpdate,
  UnitView,
} from '../../../shared/contracts/org';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import { getAccount, resetPassword, upsertAccount } from '../auth/account.service';
import * as org from './org.service';
import { exportPeopleXlsx, importPeopleXlsx } from './org.xlsx';

const IdParam = z.object({ id: z.string().min(1).max(100) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function orgRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({ method: 'get', path: '/agencies', tags: ['org'], summary: 'Danh sách cơ quan được xem', responses: responses(AgencyList) }),
    async (c) => c.json({ agencies: await org.listAgencies(deps, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/agencies',
      tags: ['org'],
      summary: 'Thêm cơ quan',
      request: jsonBody(AgencyCreate),
      responses: responses(AgencyView),
    }),
    async (c) => c.json(await org.createAgency(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}',
      tags: ['org'],
      summary: 'Thông tin cơ quan',
      request: { params: IdParam },
      responses: responses(AgencyView),
    }),
    async (c) => c.json(await org.getAgency(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/agencies/{id}',
      tags: ['org'],
      summary: 'Sửa cơ quan',
      request: { params: IdParam, ...jsonBody(AgencyUpdate) },
      responses: responses(AgencyView),
    }),
    async (c) => c.json(await org.updateAgency(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}/units',
      tags: ['org'],
      summary: 'Đơn vị của cơ quan',
      request: { params: IdParam },
      responses: responses(UnitList),
    }),
    async (c) => c.json({ units: await org.listUnits(deps, requireUser(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/agencies/{id}/units',
      tags: ['org'],
      summary: 'Thêm đơn vị',
      request: { params: IdParam, ...jsonBody(UnitCreate) },
      responses: responses(UnitView),
    }),
    async (c) => c.json(await org.createUnit(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/units/{id}',
      tags: ['org'],
      summary: 'Sửa đơn vị',
      request: { params: IdParam, ...jsonBody(UnitUpdate) },
      responses: responses(UnitView),
    }),
    async (c) => c.json(await org.updateUnit(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/people',
      tags: ['org'],
      summary: 'Danh sách cán bộ',
      request: { query: PeopleQuery },
      responses: responses(PersonList),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await org.listPeople(deps, requireUser(c), { ...q, includeInactive: q.includeInactive === '1' }), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/people', tags: ['org'], summary: 'Thêm cán bộ', request: jsonBody(PersonCreate), responses: responses(PersonView) }),
    async (c) => c.json(await org.createPerson(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/people/{id}',
      tags: ['org'],
      summary: 'Thông tin cán bộ',
      request: { params: IdParam },
      responses: responses(PersonView),
    }),
    async (c) => c.json(await org.getPerson(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/people/{id}',
      tags: ['org'],
      summary: 'Sửa thông tin cán bộ',
      request: { params: IdParam, ...jsonBody(PersonUpdate) },
      responses: responses(PersonView),
    }),
    async (c) => c.json(await org.updatePerson(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/agencies/{id}/people.xlsx',
      tags: ['org'],
      summary: 'Xuất danh sách cán bộ (XLSX)',
      request: { params: IdParam },
      responses: { 200: { description: 'XLSX', content: { [XLSX_TYPE]: { schema: z.string() } } } },
    }),
    async (c) => {
      const { filename, buffer } = await exportPeopleXlsx(deps, requireUser(c), c.req.valid('param').id);
      return c.body(new Uint8Array(buffer), 200, { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${filename}"` });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/agencies/{id}/people/import',
      tags: ['org'],
      summary: 'Nhập danh sách cán bộ từ XLSX (không nhập gì nếu có lỗi)',
      request: { params: IdParam, query: z.object({ dryRun: z.enum(['0', '1']).optional() }) },
      responses: responses(ImportResult),
    }),
    async (c) => {
      const buffer = Buffer.from(await c.req.arrayBuffer());
      const result = await importPeopleXlsx(deps, requireUser(c), c.req.valid('param').id, buffer, { dryRun: c.req.valid('query').dryRun === '1' });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/people/{id}/account',
      tags: ['org'],
      summary: 'Tài khoản của cán bộ',
      request: { params: IdParam },
      responses: responses(z.object({ account: AccountView.nullable() })),
    }),
    async (c) => c.json({ account: await getAccount(deps, requireUser(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/people/{id}/account',
      tags: ['org'],
      summary: 'Tạo/sửa tài khoản và vai trò',
      request: { params: IdParam, ...jsonBody(AccountUpsert) },
      responses: responses(AccountResult),
    }),
    async (c) => c.json(await upsertAccount(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/people/{id}/account/reset-password',
      tags: ['org'],
      summary: 'Cấp lại mật khẩu tạm',
      request: { params: IdParam },
      responses: responses(AccountResult),
    }),
    async (c) => c.json(await resetPassword(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  return app;
}
