/** Issue 8.2: the IT team cannot escalate, nor take over leaders' accounts; temporary passwords limit the session. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { auditLog } from '../audit/audit.table';

let t: TestApp;
let agencyId: string;
let unitId: string;
let itc: TestClient;
let admin: TestClient;
let itPersonId: string;
let directorPersonId: string;
let itUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const root = await buildAgency(db, { id: 'esc', name: 'UBND tỉnh' });
  agencyId = (await buildAgency(db, { id: 'esc-snv', parentId: root.id, name: 'Sở Nội vụ' })).id;
  unitId = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở' })).id;
  const itPerson = await buildPerson(db, { unitId, fullName: 'Lê Văn Kỹ' });
  itPersonId = itPerson.id;
  itUserId = (await buildUser(db, { personId: itPerson.id, username: 'esc.it', roles: ['staff', 'it'] })).id;
  const director = await buildPerson(db, { unitId, fullName: 'Trần Văn Giám', position: 'director' });
  directorPersonId = director.id;
  await buildUser(db, { personId: director.id, username: 'esc.director', roles: ['staff', 'director'] });
  await buildUser(db, { username: 'esc.admin', agencyId: root.id, roles: ['admin'] });
  itc = t.client('10.40.0.1');
  admin = t.client('10.40.0.2');
  expect((await itc.login('esc.it', TEST_PASSWORD)).status).toBe(200);
  expect((await admin.login('esc.admin', TEST_PASSWORD)).status).toBe(200);
});
afterAll(() => t.close());

describe('role grants (issue 8.2)', () => {
  it('lets IT grant staff, unit_head and unit_deputy within its agency', async () => {
    const p = await buildPerson(t.deps.db, { unitId });
    const res = await itc.put(`/api/org/people/${p.id}/account`, { username: 'esc.head', roles: ['staff', 'unit_head', 'unit_deputy'] });
    expect(res.status).toBe(200);
    expect(res.body.account.grants.map((g: { role: string }) => g.role).sort()).toEqual(['staff', 'unit_deputy', 'unit_head']);
    expect(res.body.temporaryPassword).toBeTruthy();
  });

  for (const role of ['office', 'director', 'deputy_director', 'it', 'province', 'admin'] as const) {
    it(`refuses IT granting ${role} (needs an admin) and audits the attempt`, async () => {
      const p = await buildPerson(t.deps.db, { unitId });
      const res = await itc.put(`/api/org/people/${p.id}/account`, { username: `esc.${role.replace('_', '')}`, roles: ['staff', role] });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('Chỉ quản trị hệ thống');
      const denied = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'account.grant_denied'), eq(auditLog.entityId, p.id)));
      expect(denied).toHaveLength(1);
    });
  }

  it('lets an admin grant director and audits the grant change', async () => {
    const p = await buildPerson(t.deps.db, { unitId });
    const res = await admin.put(`/api/org/people/${p.id}/account`, { username: 'esc.pgd', roles: ['staff', 'deputy_director'] });
    expect(res.status).toBe(200);
    const changed = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.grants_changed'), eq(auditLog.entityId, res.body.account.userId)));
    expect(changed).toHaveLength(1);
    expect((changed[0]!.data as { added: string[] }).added).toContain('deputy_director');
  });

  it('refuses IT changing its own grants, even to unit roles', async () => {
    const res = await itc.put(`/api/org/people/${itPersonId}/account`, { username: 'esc.it', roles: ['staff', 'it', 'unit_head'] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('chính mình');
  });

  it("refuses IT editing or disabling the Director's account", async () => {
    const res = await itc.put(`/api/org/people/${directorPersonId}/account`, { username: 'esc.director', roles: ['staff'], disabled: true });
    expect(res.status).toBe(403);
  });
});

describe('password resets (issue 8.2)', () => {
  it("refuses IT resetting the Director's password; the Director's login still works", async () => {
    const res = await itc.post(`/api/org/people/${directorPersonId}/account/reset-password`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Chỉ quản trị hệ thống');
    expect((await t.client('10.40.1.1').login('esc.director', TEST_PASSWORD)).status).toBe(200);
    const denied = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_reset_denied'));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses IT resetting the password of another IT or Office account', async () => {
    for (const role of ['it', 'office'] as const) {
      const p = await buildPerson(t.deps.db, { unitId });
      await buildUser(t.deps.db, { personId: p.id, roles: ['staff', role] });
      expect((await itc.post(`/api/org/people/${p.id}/account/reset-password`)).status).toBe(403);
    }
  });

  it("lets IT reset a staff member's password, and the temporary password gives a session that can only change it", async () => {
    const p = await buildPerson(t.deps.db, { unitId });
    const u = await buildUser(t.deps.db, { personId: p.id, username: 'esc.staff' });
    const reset = await itc.post(`/api/org/people/${p.id}/account/reset-password`);
    expect(reset.status).toBe(200);
    const temp = reset.body.temporaryPassword as string;
    const c = t.client('10.40.2.1');
    const login = await c.login(u.username, temp);
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    // Every other API answers 403 PASSWORD_CHANGE_REQUIRED.
    for (const path of ['/api/org/people', '/api/notifications', '/api/presence/me', '/api/tasks']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(res.body.error.message).toContain('mật khẩu tạm');
    }
    expect((await c.post('/api/presence/checkin', {})).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/password', { currentPassword: temp, newPassword: 'Mot-mat-khau-moi-2021' })).status).toBe(200);
    expect((await c.get('/api/notifications')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const resets = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.password_reset'), eq(auditLog.entityId, u.id)));
    expect(resets).toHaveLength(1);
  });

  it("lets an admin reset the Director's password (two-factor login is reset with it)", async () => {
    const res = await admin.post(`/api/org/people/${directorPersonId}/account/reset-password`);
    expect(res.status).toBe(200);
    const c = t.client('10.40.3.1');
    const login = await c.login('esc.director', res.body.temporaryPassword);
    expect(login.status).toBe(200);
    expect(login.body.user.totpEnabled).toBe(false);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect(itUserId).toBeTruthy();
  });
});
