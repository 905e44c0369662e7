import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { createDeniedAudit, REDACTED } from '../../lib/audit';
import { auditCsv } from './audit.service';
import { auditLog } from './audit.table';

let t: TestApp;
let agencyA: string;
let agencyB: string;
let unitA: string;
const C: Record<string, TestClient> = {};
const U: Record<string, { id: string; username: string; personId: string | null }> = {};

async function login(name: string, user: { username: string }, ip: string) {
  const c = t.client(ip);
  const res = await c.login(user.username, TEST_PASSWORD);
  expect(res.status).toBe(200);
  C[name] = c;
}

async function rowsOf(action: string) {
  return t.deps.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await buildAgency(t.deps.db, { name: 'UBND tỉnh Thử nghiệm' });
  agencyA = (await buildAgency(t.deps.db, { parentId: root.id, name: 'Sở Nội vụ' })).id;
  agencyB = (await buildAgency(t.deps.db, { parentId: root.id, name: 'Sở Tài chính' })).id;
  unitA = (await buildUnit(t.deps.db, { agencyId: agencyA, name: 'Văn phòng Sở' })).id;
  const unitB = (await buildUnit(t.deps.db, { agencyId: agencyB })).id;
  const officeA = await buildPerson(t.deps.db, { unitId: unitA, fullName: 'Trần Thị Văn Phòng' });
  const officeB = await buildPerson(t.deps.db, { unitId: unitB, fullName: 'Lê Văn Tài Chính' });
  const staffA = await buildPerson(t.deps.db, { unitId: unitA, fullName: 'Phạm Văn Nhân Viên' });
  U.officeA = await buildUser(t.deps.db, { personId: officeA.id, roles: ['office'], username: 'vanphong.snv' });
  U.officeB = await buildUser(t.deps.db, { personId: officeB.id, roles: ['office'] });
  U.staffA = await buildUser(t.deps.db, { personId: staffA.id, roles: ['staff'] });
  U.admin = await buildUser(t.deps.db, { roles: ['admin'], agencyId: root.id, displayName: 'Quản trị tỉnh' });
  await login('officeA', U.officeA!, '10.8.0.1');
  await login('officeB', U.officeB!, '10.8.0.2');
  await login('staffA', U.staffA!, '10.8.0.3');
  await login('admin', U.admin!, '10.8.0.4');
  // Changes written through the app: two units in A by its Office, one in B by B's Office.
  expect((await C.officeA!.post(`/api/org/agencies/${agencyA}/units`, { name: 'Phòng Công chức', kind: 'department' })).status).toBe(200);
  t.clock.advance(60_000);
  expect((await C.officeA!.post(`/api/org/agencies/${agencyA}/units`, { name: 'Phòng Tổ chức', kind: 'department' })).status).toBe(200);
  expect((await C.officeB!.post(`/api/org/agencies/${agencyB}/units`, { name: 'Phòng Ngân sách', kind: 'department' })).status).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('shows an Office only the rows of its agency, newest first, with actor, label and agency', async () => {
    const res = await C.officeA!.get('/api/audit');
    expect(res.status).toBe(200);
    const entries = res.body.entries as Array<Record<string, any>>;
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.agencyId === agencyA)).toBe(true);
    const created = entries.filter((e) => e.action === 'org.unit_created');
    expect(created.map((e) => e.data.name)).toEqual(['Phòng Tổ chức', 'Phòng Công chức']);
    expect(created[0]).toMatchObject({
      actionLabel: 'Tạo đơn vị',
      entity: 'unit',
      agencyName: 'Sở Nội vụ',
      actor: { userId: U.officeA!.id, username: 'vanphong.snv', displayName: 'Trần Thị Văn Phòng' },
    });
    const ids = entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('shows an Office the sign-ins of its own people (and not those of another agency)', async () => {
    const res = await C.officeA!.get('/api/audit?action=auth.login&limit=200');
    expect(res.status).toBe(200);
    const who = new Set((res.body.entries as Array<{ actor: { userId: string } | null; agencyId: string }>).map((e) => e.actor?.userId));
    expect(who.has(U.staffA!.id)).toBe(true);
    expect(who.has(U.officeB!.id)).toBe(false);
    expect((res.body.entries as Array<{ agencyId: string }>).every((e) => e.agencyId === agencyA)).toBe(true);
  });

  it('hides another agency from an Office (404 as for a missing one), refuses the log to a staff member (403)', async () => {
    expect((await C.officeA!.get(`/api/audit?agencyId=${agencyB}`)).status).toBe(404);
    const staff = await C.staffA!.get('/api/audit');
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('FORBIDDEN');
  });

  it('shows an admin every agency of its subtree and the rows without agency (logins)', async () => {
    const res = await C.admin!.get('/api/audit?limit=200');
    expect(res.status).toBe(200);
    const agenciesSeen = new Set((res.body.entries as Array<{ agencyId: string | null }>).map((e) => e.agencyId));
    expect(agenciesSeen.has(agencyA)).toBe(true);
    expect(agenciesSeen.has(agencyB)).toBe(true);
    expect(agenciesSeen.has(null)).toBe(true);
  });

  it('filters by person, action (exact or group) and dates, and pages with the cursor', async () => {
    const byPerson = await C.admin!.get(`/api/audit?personId=${U.officeB!.personId}&action=org.unit_created`);
    expect(byPerson.body.entries.map((e: { data: { name: string } }) => e.data.name)).toEqual(['Phòng Ngân sách']);
    const byUser = await C.admin!.get(`/api/audit?userId=${U.officeA!.id}&action=org.`);
    expect(byUser.body.entries).toHaveLength(2);
    const group = await C.admin!.get(`/api/audit?action=auth.&agencyId=${agencyA}`);
    expect(group.body.entries.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    // The clock of the app is 16/07/2021: nothing on 17/07, everything on 16/07.
    expect((await C.officeA!.get('/api/audit?from=2021-07-17')).body.entries).toHaveLength(0);
    expect((await C.officeA!.get('/api/audit?from=2021-07-16&to=2021-07-16&action=org.unit_created')).body.entries).toHaveLength(2);
    const first = await C.officeA!.get('/api/audit?action=org.unit_created&limit=1');
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.entries[0].id);
    const second = await C.officeA!.get(`/api/audit?action=org.unit_created&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.entries[0].data.name).toBe('Phòng Công chức');
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers a bad filter with 400, a Vietnamese message and the field path', async () => {
    const res = await C.officeA!.get('/api/audit?from=16/07/2021');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('query.from');
    expect(res.body.error.message).toContain('Ngày không hợp lệ');
    const order = await C.officeA!.get('/api/audit?from=2021-07-17&to=2021-07-16');
    expect(order.status).toBe(400);
    expect(order.body.error.issues[0].path).toBe('query.to');
  });

  it('exports the filtered list as CSV (with BOM and Vietnamese header) and as XLSX', async () => {
    const csv = await C.officeA!.get('/api/audit/export?format=csv&action=org.unit_created');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = csv.body as string; // the BOM is removed by the text decoder: see auditCsv below
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Người thực hiện');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Phòng Tổ chức');
    expect(lines[1]).toContain('16/07/2021');
    expect(text).not.toContain('Phòng Ngân sách');
    const xlsx = await C.officeA!.get('/api/audit/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const bytes = xlsx.body as Uint8Array;
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('finds actors by name without diacritics, within the reader scope', async () => {
    const res = await C.officeA!.get('/api/audit/actors?q=van phong');
    expect(res.status).toBe(200);
    expect(res.body.actors.map((a: { userId: string }) => a.userId)).toContain(U.officeA!.id);
    const other = await C.officeA!.get('/api/audit/actors?q=tai chinh');
    expect(other.body.actors).toEqual([]);
  });
});

describe('auditCsv', () => {
  it('starts with a BOM (Excel) and neutralises spreadsheet formulas', () => {
    const csv = auditCsv([
      {
        id: '1',
        at: '2021-07-16T02:00:00.000Z',
        actor: null,
        action: 'x',
        actionLabel: '=HYPERLINK("a")',
        entity: 'e',
        entityId: null,
        agencyId: null,
        agencyName: null,
        data: null,
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('16/07/2021 09:00:00');
    expect(csv).toContain(`"'=HYPERLINK(""a"")"`);
  });
});

describe('what never goes into the log', () => {
  it('replaces passwords, TOTP secrets, tokens and health answers in audit data', async () => {
    await t.deps.db.transaction((tx) =>
      t.deps.audit(tx, {
        action: 'test.secrets',
        entity: 'user',
        agencyId: agencyA,
        data: {
          username: 'a',
          password: 'Mat-khau-1',
          passwordHash: '$argon2id$x',
          nested: { totpSecret: 'JBSWY3DP', recoveryCodes: ['a'] },
          symptoms: true,
          contact: false,
          note: 'giữ',
          mustChangePassword: true,
          recoveryCodesLeft: 9,
        },
      }),
    );
    const [row] = await rowsOf('test.secrets');
    expect(row!.data).toEqual({
      username: 'a',
      password: REDACTED,
      passwordHash: REDACTED,
      nested: { totpSecret: REDACTED, recoveryCodes: REDACTED },
      symptoms: REDACTED,
      contact: REDACTED,
      note: 'giữ',
      mustChangePassword: true,
      recoveryCodesLeft: 9,
    });
    // The chain still verifies: the hash is over what was stored.
    const verify = await C.admin!.get('/api/audit/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('has no password hash or secret in any row written by the app so far', async () => {
    const all = await t.deps.db.select({ data: auditLog.data }).from(auditLog);
    const text = JSON.stringify(all.map((r) => r.data));
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(TEST_PASSWORD);
  });
});

describe('refused requests are audited', () => {
  it('writes a 403 to the log with method, path, user, address and code', async () => {
    const before = (await rowsOf('access.denied')).length;
    expect((await C.staffA!.post(`/api/org/agencies/${agencyA}/units`, { name: 'Phòng Lạ', kind: 'department' })).status).toBe(403);
    const rows = await rowsOf('access.denied');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorUserId: U.staffA!.id,
      agencyId: agencyA,
      entity: 'request',
      data: { method: 'POST', path: `/api/org/agencies/${agencyA}/units`, code: 'FORBIDDEN', status: 403, ip: '10.8.0.3' },
    });
  });

  it('writes a hidden 404 (a record of another agency, answered like a missing one) to the log', async () => {
    const res = await C.staffA!.get(`/api/org/agencies/${agencyB}/units`);
    expect(res.status).toBe(404);
    expect(res.body.error).not.toHaveProperty('details');
    const rows = await rowsOf('access.hidden');
    expect(rows.at(-1)).toMatchObject({
      actorUserId: U.staffA!.id,
      data: { method: 'GET', path: `/api/org/agencies/${agencyB}/units`, code: 'NOT_FOUND', status: 404 },
    });
  });

  it('writes a CSRF refusal (missing token) to the log', async () => {
    const c = t.client('10.8.0.9');
    await c.login(U.staffA!.username, TEST_PASSWORD);
    c.csrf = '';
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    const rows = await rowsOf('csrf.refused');
    expect(rows.at(-1)).toMatchObject({ actorUserId: U.staffA!.id, data: { method: 'POST', path: '/api/auth/logout', code: 'CSRF', ip: '10.8.0.9' } });
  });

  it('writes a write without session (401) but not a failed read', async () => {
    const anon = t.client('10.8.0.10');
    expect((await anon.post(`/api/org/agencies/${agencyA}/units`, { name: 'Phòng Ẩn danh', kind: 'department' })).status).toBe(401);
    expect((await rowsOf('access.unauthenticated')).at(-1)).toMatchObject({
      actorUserId: null,
      agencyId: null,
      data: { ip: '10.8.0.10', code: 'UNAUTHENTICATED' },
    });
    const count = (await rowsOf('access.unauthenticated')).length;
    expect((await anon.get('/api/audit')).status).toBe(401);
    expect((await rowsOf('access.unauthenticated')).length).toBe(count);
  });

  it('coalesces a flood: one row per user, path and minute, the count in the next row', async () => {
    const path = `/api/org/agencies/${agencyA}/units`;
    t.clock.advance(61_000); // a new minute: the earlier refusal of the same path does not count
    const mine = async () => (await rowsOf('access.denied')).filter((r) => (r.data as { path: string }).path === path && r.actorUserId === U.staffA!.id);
    const before = (await mine()).length;
    for (let i = 0; i < 25; i++) expect((await C.staffA!.post(path, { name: 'Phòng Lạ', kind: 'department' })).status).toBe(403);
    expect(await mine()).toHaveLength(before + 1);
    t.clock.advance(61_000);
    expect((await C.staffA!.post(path, { name: 'Phòng Lạ', kind: 'department' })).status).toBe(403);
    const rows = await mine();
    expect(rows).toHaveLength(before + 2);
    expect((rows.at(-1)!.data as { coalescedBefore: number }).coalescedBefore).toBe(24);
  });

  it('caps the rows written per minute and counts the dropped ones', async () => {
    const written: unknown[] = [];
    const fakeAudit = async (_tx: unknown, e: unknown) => void written.push(e);
    const denied = createDeniedAudit({ db: t.deps.db, clock: t.clock, audit: fakeAudit as never }, { perMinute: 3 });
    for (let i = 0; i < 10; i++)
      await denied({ code: 'FORBIDDEN', status: 403, method: 'GET', path: `/api/x/${i}`, userId: null, agencyId: null, ip: '10.9.9.9' });
    expect(written).toHaveLength(3);
    expect(denied.stats).toEqual({ written: 3, coalesced: 0, dropped: 7 });
    t.clock.advance(60_000);
    await denied({ code: 'FORBIDDEN', status: 403, method: 'GET', path: '/api/x/0', userId: null, agencyId: null, ip: '10.9.9.9' });
    expect(written.at(-1)).toMatchObject({ action: 'access.denied', data: { droppedBefore: 7, coalescedBefore: 0 } });
  });
});

describe('Origin check and security headers', () => {
  it('refuses a cross-site Origin even with a valid CSRF token, and audits it', async () => {
    const res = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Giả mạo', kind: 'department' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    expect(res.body.error.message).toContain('Origin');
    const rows = await rowsOf('csrf.refused');
    expect(rows.at(-1)).toMatchObject({ actorUserId: U.officeA!.id, data: { path: `/api/org/agencies/${agencyA}/units` } });
    const nullOrigin = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Giả mạo', kind: 'department' },
      { origin: 'null' },
    );
    expect(nullOrigin.status).toBe(403);
  });

  it('refuses Sec-Fetch-Site: cross-site when there is no Origin, also on login', async () => {
    const res = await t
      .client('10.8.0.11')
      .request('POST', '/api/auth/login', { username: U.staffA!.username, password: TEST_PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
  });

  it('accepts the same origin (the Host it was sent to, or PUBLIC_URL)', async () => {
    const host = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Một', kind: 'department' },
      { origin: 'http://congvu.local:8080', host: 'congvu.local:8080', 'sec-fetch-site': 'same-origin' },
    );
    expect(host.status).toBe(200);
    const pub = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Hai', kind: 'department' },
      { origin: 'http://localhost:3000', host: 'internal-app-1:3000' },
    );
    expect(pub.status).toBe(200);
    const proxied = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Ba', kind: 'department' },
      { origin: 'https://congvu.tinh.gov.vn', host: '127.0.0.1:3000', 'x-forwarded-host': 'congvu.tinh.gov.vn' },
    );
    expect(proxied.status).toBe(200);
    const other = await C.officeA!.request(
      'POST',
      `/api/org/agencies/${agencyA}/units`,
      { name: 'Phòng Bốn', kind: 'department' },
      { origin: 'https://evil.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'congvu.tinh.gov.vn' },
    );
    expect(other.status).toBe(403);
  });

  it('sends a CSP with base-uri none, form-action self and object-src none', async () => {
    const res = await t.app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('GET /api/audit/verify', () => {
  it('is for the admin only', async () => {
    expect((await C.officeA!.get('/api/audit/verify')).status).toBe(403);
  });

  it('names the first row changed behind the app (trigger disabled) with expected and stored hashes', async () => {
    const ok = await C.admin!.get('/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, broken: [] });
    expect(ok.body.rows).toBeGreaterThan(5);
    const [target] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'org.unit_created')).orderBy(auditLog.id).limit(1);
    await t.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await t.deps.db.execute(sql`update audit_log set data = jsonb_set(data, '{name}', '"Phòng Đã Sửa"') where id = ${target!.id}`);
    } finally {
      await t.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
    const res = await C.admin!.get('/api/audit/verify');
    expect(res.body.ok).toBe(false);
    expect(res.body.broken).toHaveLength(1);
    expect(res.body.broken[0]).toMatchObject({ id: String(target!.id), agencyId: agencyA, reason: 'hash', storedHash: target!.hash });
    expect(res.body.broken[0].expectedHash).not.toBe(target!.hash);
    // The table still refuses an UPDATE through the ordinary path.
    await expect(t.deps.db.execute(sql`update audit_log set action = 'x' where id = ${target!.id}`)).rejects.toThrow();
  });
});
