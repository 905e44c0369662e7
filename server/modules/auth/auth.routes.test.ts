import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildPerson, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { sessions } from './auth.table';
import { verifyAuditChain } from '../../lib/audit';
import { auditLog } from '../audit/audit.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('auth', () => {
  it('logs in with the right password, sets an httpOnly SameSite cookie and returns a CSRF token', async () => {
    const p = await buildPerson(t.deps.db, { fullName: 'Trần Thị Lan' });
    const u = await buildUser(t.deps.db, { personId: p.id, username: 'lan.tt' });
    const c = t.client();
    const res = await c.login(u.username, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/congvu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user.displayName).toBe('Trần Thị Lan');
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('lan.tt');
    expect(me.body.grants[0].role).toBe('staff');
  });

  it('refuses a wrong password with a Vietnamese message and no session', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const c = t.client('10.1.1.1');
    const res = await c.login(u.username, 'sai-mat-khau');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits login after 5 failures for an account, even with the right password, until the window passes', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const c = t.client('10.2.2.2');
    for (let i = 0; i < 5; i++) expect((await c.login(u.username, 'wrong')).status).toBe(401);
    const blocked = await c.login(u.username, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await c.login(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('requires the CSRF token on state-changing requests once logged in', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const c = t.client('10.3.3.3');
    await c.login(u.username, TEST_PASSWORD);
    const token = c.csrf;
    c.csrf = '';
    const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Mot-mat-khau-dai-hon' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    c.csrf = token;
    const form = await c.request('POST', '/api/auth/logout', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const a = t.client('10.4.4.4');
    const b = t.client('10.4.4.5');
    await a.login(u.username, TEST_PASSWORD);
    await b.login(u.username, TEST_PASSWORD);
    const short = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].path).toBe('body.newPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Lam-viec-tai-nha-2021' });
    expect(ok.status).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await t.client('10.4.4.6').login(u.username, TEST_PASSWORD)).status).toBe(401);
    expect((await t.client('10.4.4.7').login(u.username, 'Lam-viec-tai-nha-2021')).status).toBe(200);
  });

  it('ends a session after the idle timeout and on logout', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const c = t.client('10.5.5.5');
    await c.login(u.username, TEST_PASSWORD);
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    await c.login(u.username, TEST_PASSWORD);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const left = await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(left).toHaveLength(0);
  });

  it('keeps an active session alive: each use moves the idle timer (written in the background)', async () => {
    const u = await buildUser(t.deps.db, { personId: (await buildPerson(t.deps.db)).id });
    const c = t.client('10.5.5.9');
    await c.login(u.username, TEST_PASSWORD);
    t.clock.advance(20 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500)); // the batched write of the idle timer
    t.clock.advance(25 * 60_000); // 45 min after login, 25 min after the last use
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('rejects unknown fields and malformed JSON with 400, never 500', async () => {
    const c = t.client('10.6.6.6');
    const extra = await c.post('/api/auth/login', { username: 'a', password: 'b', remember: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues[0].path).toBe('body.remember');
    const bad = await c.request('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
  });

  it('keeps an append-only, hash-chained audit log of logins', async () => {
    // Sign-ins go to the chain of the person's agency (its Office reads them); accounts without a person to the null chain.
    const chains = await t.deps.db.selectDistinct({ agencyId: auditLog.agencyId }).from(auditLog);
    let rows = 0;
    for (const { agencyId } of chains) {
      const chain = await verifyAuditChain(t.deps.db, agencyId);
      expect(chain.ok).toBe(true);
      rows += chain.rows;
    }
    expect(rows).toBeGreaterThan(3);
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'))).every((r) => r.agencyId !== null)).toBe(true);
    await expect(t.deps.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
