/** Issue 8.3 (login throttling that holds under concurrency, per account, per address, per known device) and two-factor login. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { auditLog } from '../audit/audit.table';
import { loginThrottle, totpRecoveryCodes, users } from './auth.table';
import { ARGON2_MAX_PARALLEL, argon2Stats } from './password';
import { totpCode } from './totp';

let t: TestApp;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  const agency = await buildAgency(t.deps.db, { id: 'sec' });
  unitId = (await buildUnit(t.deps.db, { agencyId: agency.id })).id;
});
afterAll(() => t.close());

const staff = async (username: string, o: { roles?: ('staff' | 'director' | 'it')[]; totp?: boolean } = {}) => {
  const p = await buildPerson(t.deps.db, { unitId });
  return buildUser(t.deps.db, { personId: p.id, username, ...o });
};
const actions = async (userId: string, action: string) =>
  (
    await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)))
  ).length;

describe('login throttling (issue 8.3)', () => {
  it('lets exactly 5 of 30 parallel wrong passwords reach argon2: 5 × 401, 25 × 429 with Retry-After', async () => {
    const u = await staff('thr.parallel');
    const before = argon2Stats.verifications;
    const c = t.client('10.50.0.1');
    const results = await Promise.all(Array.from({ length: 30 }, () => c.login(u.username, 'sai-mat-khau')));
    const verified = argon2Stats.verifications - before;
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect(verified).toBeLessThanOrEqual(5);
    const locked = results.find((r) => r.status === 429)!;
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.error.message).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\./);
    const [row] = await t.deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, 'user:thr.parallel'));
    expect(row!.attempts).toHaveLength(5);
    expect(await actions(u.id, 'auth.login_failed')).toBe(5);
    expect(await actions(u.id, 'auth.login_locked')).toBe(25);
  });

  it(`runs at most ${ARGON2_MAX_PARALLEL} argon2 verifications at once`, async () => {
    const accounts = await Promise.all(Array.from({ length: 10 }, (_, i) => staff(`thr.sem${i}`)));
    argon2Stats.maxRunning = 0;
    const results = await Promise.all(accounts.map((a, i) => t.client(`10.51.0.${i + 1}`).login(a.username, TEST_PASSWORD)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(argon2Stats.maxRunning).toBeGreaterThan(0);
    expect(argon2Stats.maxRunning).toBeLessThanOrEqual(ARGON2_MAX_PARALLEL);
  });

  it('uses a sliding window: the oldest failures leave it 15 minutes after they happened', async () => {
    const u = await staff('thr.sliding');
    const c = t.client('10.52.0.1');
    for (let i = 0; i < 3; i++) expect((await c.login(u.username, 'wrong')).status).toBe(401);
    t.clock.advance(10 * 60_000);
    for (let i = 0; i < 2; i++) expect((await c.login(u.username, 'wrong')).status).toBe(401);
    const locked = await c.login(u.username, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    // 5 minutes left before the first three leave the window.
    expect(Number(locked.headers.get('retry-after'))).toBe(300);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await c.login(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('limits an address more widely (4×) across accounts, without blocking other addresses', async () => {
    const ip = '10.53.0.1';
    const accounts = await Promise.all(Array.from({ length: 6 }, (_, i) => staff(`thr.ip${i}`)));
    // 20 failures from one address spread over 5 accounts (4 each: none of them locked).
    for (const a of accounts.slice(0, 5)) for (let i = 0; i < 4; i++) expect((await t.client(ip).login(a.username, 'wrong')).status).toBe(401);
    const sixth = accounts[5]!;
    expect((await t.client(ip).login(sixth.username, TEST_PASSWORD)).status).toBe(429);
    expect((await t.client('10.53.0.2').login(sixth.username, TEST_PASSWORD)).status).toBe(200);
    expect((await t.client('10.53.0.3').login(accounts[0]!.username, TEST_PASSWORD)).status).toBe(200);
  });

  it("does not lock out the owner's known device when failures come from other addresses", async () => {
    const u = await staff('thr.device');
    const owner = t.client('10.54.0.1');
    expect((await owner.login(u.username, TEST_PASSWORD)).status).toBe(200);
    expect(owner.deviceCookie).toMatch(/^congvu_device=/);
    expect((await owner.post('/api/auth/logout')).status).toBe(200);
    const attacker = t.client('10.54.0.2');
    for (let i = 0; i < 5; i++) expect((await attacker.login(u.username, 'wrong')).status).toBe(401);
    expect((await attacker.login(u.username, TEST_PASSWORD)).status).toBe(429);
    // A new browser on the owner's address has no device cookie: locked like any other.
    expect((await t.client('10.54.0.1').login(u.username, TEST_PASSWORD)).status).toBe(429);
    // The owner's browser (known device of this account) still logs in.
    expect((await owner.login(u.username, TEST_PASSWORD)).status).toBe(200);
    // A forged or altered device cookie is not a known device.
    const forged = t.client('10.54.0.3');
    forged.deviceCookie = owner.deviceCookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await forged.login(u.username, TEST_PASSWORD)).status).toBe(429);
  });

  it('still throttles wrong passwords from a known device, on its own window', async () => {
    const u = await staff('thr.devfail');
    const owner = t.client('10.55.0.1');
    expect((await owner.login(u.username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await owner.login(u.username, 'wrong')).status).toBe(401);
    expect((await owner.login(u.username, TEST_PASSWORD)).status).toBe(429);
  });
});

describe('two-factor login (TOTP)', () => {
  it('enrols with a QR code, gives 10 single-use recovery codes once, and stores only hashes and an encrypted secret', async () => {
    const u = await staff('tfa.enrol');
    const c = t.client('10.60.0.1');
    await c.login(u.username, TEST_PASSWORD);
    expect((await c.get('/api/auth/totp')).body).toMatchObject({ enabled: false, required: false });
    const setup = await c.post('/api/auth/totp/setup', {});
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toBe(`otpauth://totp/Congvu:tfa.enrol?secret=${setup.body.secret}&issuer=Congvu`);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    const wrong = await c.post('/api/auth/totp/confirm', { code: '000000' === (await totpCode(setup.body.secret, t.clock.now())) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toBe('body.code');
    const ok = await c.post('/api/auth/totp/confirm', { code: await totpCode(setup.body.secret, t.clock.now()) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    expect(ok.body.status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.totpSecret).toBeTruthy();
    expect(row!.totpSecret).not.toContain(setup.body.secret);
    const stored = await t.deps.db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, u.id));
    expect(stored).toHaveLength(10);
    for (const code of ok.body.recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code) || s.codeHash === code)).toBe(false);
    expect(await actions(u.id, 'auth.totp_enabled')).toBe(1);
  });

  it('asks for the code after the right password, accepts it once, then a recovery code once', async () => {
    const u = await staff('tfa.login');
    const c = t.client('10.61.0.1');
    await c.login(u.username, TEST_PASSWORD);
    const setup = await c.post('/api/auth/totp/setup', {});
    t.clock.advance(30_000);
    const confirmed = await c.post('/api/auth/totp/confirm', { code: await totpCode(setup.body.secret, t.clock.now()) });
    const recovery = confirmed.body.recoveryCodes[0] as string;
    t.clock.advance(60_000);

    const d = t.client('10.61.0.2');
    const first = await d.rawLogin({ username: u.username, password: TEST_PASSWORD });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('TOTP_REQUIRED');
    expect(first.headers.get('set-cookie') ?? '').not.toMatch(/congvu_session=[^;]+/);
    expect((await d.rawLogin({ username: u.username, password: 'wrong', totp: await totpCode(setup.body.secret, t.clock.now()) })).status).toBe(401);
    const code = await totpCode(setup.body.secret, t.clock.now());
    const ok = await d.rawLogin({ username: u.username, password: TEST_PASSWORD, totp: code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.totpEnabled).toBe(true);
    // The same code again (replay) is refused.
    const replay = await t.client('10.61.0.3').rawLogin({ username: u.username, password: TEST_PASSWORD, totp: code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.issues[0].path).toBe('body.totp');
    const rec = await t.client('10.61.0.4').rawLogin({ username: u.username, password: TEST_PASSWORD, recoveryCode: recovery.toLowerCase() });
    expect(rec.status).toBe(200);
    expect((await t.client('10.61.0.5').rawLogin({ username: u.username, password: TEST_PASSWORD, recoveryCode: recovery })).status).toBe(401);
    expect(await actions(u.id, 'auth.totp_recovery_code_used')).toBe(1);
    const left = await t.deps.db
      .select()
      .from(totpRecoveryCodes)
      .where(and(eq(totpRecoveryCodes.userId, u.id), isNull(totpRecoveryCodes.usedAt)));
    expect(left).toHaveLength(9);
  });

  it('throttles wrong codes like passwords: after 5, even the right code waits', async () => {
    const u = await staff('tfa.throttle', { roles: ['staff', 'director'] });
    const c = t.client('10.62.0.1');
    const right = await c.totpCodeOf(u.username);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await c.rawLogin({ username: u.username, password: TEST_PASSWORD, totp: wrongCode })).status).toBe(401);
    const locked = await c.rawLogin({ username: u.username, password: TEST_PASSWORD, totp: right! });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits a leader without two-factor login to enrolment, then opens everything once enrolled', async () => {
    const u = await staff('tfa.required', { roles: ['staff', 'director'], totp: false });
    const c = t.client('10.63.0.1');
    const login = await c.rawLogin({ username: u.username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ totpRequired: true, totpEnabled: false });
    const blocked = await c.get('/api/org/people');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect(blocked.body.error.message).toContain('xác thực hai bước');
    const setup = await c.post('/api/auth/totp/setup', {});
    expect(setup.status).toBe(200);
    expect((await c.post('/api/auth/totp/confirm', { code: await totpCode(setup.body.secret, t.clock.now()) })).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.user.totpEnabled).toBe(true);
    expect((await c.get('/api/org/people')).status).toBe(200);
  });

  it('refuses to disable two-factor login for a required role; an optional one disables it with password and code', async () => {
    const leader = await staff('tfa.nodisable', { roles: ['staff', 'director'] });
    const lc = t.client('10.64.0.1');
    await lc.login(leader.username, TEST_PASSWORD);
    t.clock.advance(30_000);
    const res = await lc.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: (await lc.totpCodeOf(leader.username))! });
    expect(res.status).toBe(403);

    const u = await staff('tfa.disable', { totp: true });
    const c = t.client('10.64.0.2');
    expect((await c.login(u.username, TEST_PASSWORD)).status).toBe(200);
    t.clock.advance(30_000);
    const code = (await c.totpCodeOf(u.username))!;
    expect((await c.post('/api/auth/totp/disable', { password: 'wrong', code })).status).toBe(400);
    const off = await c.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code });
    expect(off.status).toBe(200);
    expect(off.body.enabled).toBe(false);
    expect(await actions(u.id, 'auth.totp_disabled')).toBe(1);
    expect((await t.client('10.64.0.3').rawLogin({ username: u.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('rejects a malformed code with 400 and the field path', async () => {
    const res = await t.client('10.65.0.1').rawLogin({ username: 'x', password: 'y', totp: '12ab' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('body.totp');
  });
});
