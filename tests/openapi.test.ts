import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI description', () => {
  it('describes every module’s API', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/auth/login',
      '/org/people',
      '/roster/periods/{id}/units/{unitId}',
      '/policies',
      '/calendar/{year}',
      '/duty',
      '/presence/checkin',
      '/tasks',
      '/reports/appendix2',
      '/notifications',
    ]) {
      expect(paths.map((x) => x.replace(/^\/api/, ''))).toContain(p);
    }
  });
});
