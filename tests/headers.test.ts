/** Response headers every answer carries (docs/SECURITY.md, V3/V14): HSTS for a year, API answers never cached. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('asks for HTTPS for a year, with subdomains', async () => {
    const res = await t.app.request('/api/health');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('marks API answers no-store (they hold personal data), logged in or not, errors too', async () => {
    expect((await t.app.request('/api/health')).headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    const person = await buildPerson(t.deps.db, { fullName: 'Hoàng Thị Mai' });
    const u = await buildUser(t.deps.db, { personId: person.id, roles: ['staff'] });
    const c = t.client('10.9.0.1');
    expect((await c.login(u.username, TEST_PASSWORD)).status).toBe(200);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});
