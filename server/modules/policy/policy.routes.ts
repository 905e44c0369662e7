import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ActivePolicyQuery,
  ActivePolicyResult,
  PolicyCreate,
  PolicyEnd,
  PolicyList,
  PolicyListQuery,
  PolicyUpdate,
  PolicyView,
} from '../../../shared/contracts/policy';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import * as policy from './policy.service';

const IdParam = z.object({ id: z.string().min(1).max(100) });

/** Mounted at /api/policies. */
export function policyRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['policy'],
      summary: 'Danh sách phương án làm việc tại nhà được xem',
      request: { query: PolicyListQuery },
      responses: responses(PolicyList),
    }),
    async (c) => c.json({ policies: await policy.listPolicies(deps, requireUser(c), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/', tags: ['policy'], summary: 'Thêm phương án', request: jsonBody(PolicyCreate), responses: responses(PolicyView) }),
    async (c) => c.json(await policy.createPolicy(deps, requireUser(c), c.req.valid('json')), 200),
  );
  // Before /{id}: "active" is not an id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/active',
      tags: ['policy'],
      summary: 'Phương án áp dụng cho cơ quan vào một ngày (mặc định hôm nay)',
      request: { query: ActivePolicyQuery },
      responses: responses(ActivePolicyResult),
    }),
    async (c) => c.json(await policy.getActivePolicy(deps, requireUser(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['policy'],
      summary: 'Thông tin phương án',
      request: { params: IdParam },
      responses: responses(PolicyView),
    }),
    async (c) => c.json(await policy.getPolicy(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['policy'],
      summary: 'Sửa phương án',
      request: { params: IdParam, ...jsonBody(PolicyUpdate) },
      responses: responses(PolicyView),
    }),
    async (c) => c.json(await policy.updatePolicy(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/end',
      tags: ['policy'],
      summary: 'Kết thúc phương án (đặt ngày hết hiệu lực)',
      request: { params: IdParam, ...jsonBody(PolicyEnd) },
      responses: responses(PolicyView),
    }),
    async (c) => c.json(await policy.endPolicy(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
