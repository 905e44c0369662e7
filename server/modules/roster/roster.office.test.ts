/**
 * The Office is never stuck at "Tổng hợp, trình phê duyệt" (issue 11, item 1): it sees which units block,
 * reminds them (their leaders are notified in the app and by e-mail) and may send a unit's roster on its
 * behalf, recorded as such (audit, a comment on the roster, the unit's leaders told) — with the same rules.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { auditLog } from '../audit/audit.table';
import { users } from '../auth/auth.table';
import { emailOutbox, notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { rosterComments } from './roster.table';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];
let t: TestApp;
let agencyId: string;
const U: Record<string, string> = {};
const P: Record<string, string> = {};
const C: Record<string, TestClient> = {};
let periodId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'hd', name: 'UBND tỉnh Hải Dương' });
  agencyId = (await buildAgency(db, { id: 'hd-stc', name: 'Sở Tài chính', parentId: 'hd' })).id;
  U.vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
  U.ns = (await buildUnit(db, { agencyId, name: 'Phòng Quản lý ngân sách', kind: 'department' })).id;
  U.gc = (await buildUnit(db, { agencyId, name: 'Phòng Quản lý giá, công sản', kind: 'department' })).id;
  U.empty = (await buildUnit(db, { agencyId, name: 'Phòng Tin học, thống kê', kind: 'department' })).id;
  P.chief = (await buildPerson(db, { unitId: U.vp, fullName: 'Đinh Thị Hoa', position: 'chief_of_office' })).id;
  P.headNs = (await buildPerson(db, { unitId: U.ns, fullName: 'Vũ Văn Khánh', position: 'head' })).id;
  P.ns1 = (await buildPerson(db, { unitId: U.ns, fullName: 'Nguyễn Thu Trang' })).id;
  P.headGc = (await buildPerson(db, { unitId: U.gc, fullName: 'Phạm Quốc Tuấn', position: 'head' })).id;
  P.gc1 = (await buildPerson(db, { unitId: U.gc, fullName: 'Lê Hồng Nhung' })).id;
  for (const [key, personId, roles] of [
    ['office', P.chief, ['staff', 'office']],
    ['headNs', P.headNs, ['staff', 'unit_head']],
    ['headGc', P.headGc, ['staff', 'unit_head']],
  ] as const) {
    const u = await buildUser(db, { personId: personId!, roles: [...roles], username: `o-${key.toLowerCase()}` });
    C[key] = t.client(`10.40.0.${Object.keys(C).length + 1}`);
    expect((await C[key]!.login(u.username, TEST_PASSWORD)).status).toBe(200);
  }
  await db.update(people).set({ email: 'khanh.vv@stc.haiduong.gov.vn' }).where(eq(people.id, P.headNs!));
  periodId = (await C.office!.post('/api/roster/periods', { agencyId, fromDate: DAYS[0], toDate: DAYS[4] })).body.id;
  // The budget unit drafts its roster; the office and the prices unit do nothing yet.
  const cells = [P.headNs!, P.ns1!].flatMap((personId) => DAYS.map((date) => ({ personId, date, mode: 'onsite' })));
  expect((await C.headNs!.put(`/api/roster/periods/${periodId}/units/${U.ns}/cells`, { version: 0, cells })).status).toBe(200);
});
afterAll(() => t.close());

async function notesOf(personId: string, kind: string) {
  return t.deps.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.personId, personId), eq(notifications.kind, kind)));
}

describe('the Office moves a period forward when units have not sent', () => {
  it('compiling names the units that block', async () => {
    const status = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    const res = await C.office!.post(`/api/roster/periods/${periodId}/compile`, { version: status.body.period.version });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Văn phòng Sở');
    expect(res.body.error.message).toContain('Phòng Quản lý ngân sách');
    expect(res.body.error.message).not.toContain('Phòng Tin học, thống kê');
  });

  it('reminds the units not sent: their leaders get a notification and an e-mail; units without people are skipped', async () => {
    expect((await C.headNs!.post(`/api/roster/periods/${periodId}/remind`, {})).status).toBe(403);
    const res = await C.office!.post(`/api/roster/periods/${periodId}/remind`, {});
    expect(res.status).toBe(200);
    expect(res.body.reminded.map((r: { unitName: string }) => r.unitName).sort()).toEqual([
      'Phòng Quản lý giá, công sản',
      'Phòng Quản lý ngân sách',
      'Văn phòng Sở',
    ]);
    // The office itself has no unit head account: reminded, nobody to tell.
    expect(res.body.reminded.find((r: { unitId: string }) => r.unitId === U.vp).recipients).toBe(0);
    const told = await notesOf(P.headNs!, 'roster_reminder');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe('Văn phòng nhắc gửi lịch làm việc của Phòng Quản lý ngân sách');
    expect(told[0]!.body).toContain('19/07/2021 – 23/07/2021');
    const mails = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'khanh.vv@stc.haiduong.gov.vn'));
    expect(mails.map((m) => m.subject)).toEqual(['[Congvu] Văn phòng nhắc gửi lịch làm việc của Phòng Quản lý ngân sách']);
    // One unit only.
    const one = await C.office!.post(`/api/roster/periods/${periodId}/remind`, { unitIds: [U.gc] });
    expect(one.body.reminded.map((r: { unitId: string }) => r.unitId)).toEqual([U.gc]);
    expect(await notesOf(P.headGc!, 'roster_reminder')).toHaveLength(2);
    expect((await C.office!.post(`/api/roster/periods/${periodId}/remind`, { unitIds: ['khong-co'] })).status).toBe(404);
  });

  it('sends a drafted unit roster on its behalf, recorded as such; a unit head cannot use it; the rules still hold', async () => {
    const grid = (await C.office!.get(`/api/roster/periods/${periodId}/units/${U.ns}`)).body;
    expect((await C.headGc!.post(`/api/roster/periods/${periodId}/units/${U.ns}/submit-on-behalf`, { version: grid.version })).status).toBe(404);
    expect((await C.headNs!.post(`/api/roster/periods/${periodId}/units/${U.ns}/submit-on-behalf`, { version: grid.version })).status).toBe(403);
    const sent = await C.office!.post(`/api/roster/periods/${periodId}/units/${U.ns}/submit-on-behalf`, { version: grid.version });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('submitted');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'roster.unit_submitted_on_behalf'));
    expect(audit).toHaveLength(1);
    const comments = await t.deps.db.select().from(rosterComments).where(eq(rosterComments.kind, 'on_behalf'));
    expect(comments.map((c) => c.body)).toEqual(['Văn phòng (Đinh Thị Hoa) gửi thay đơn vị.']);
    const told = await notesOf(P.headNs!, 'roster_submitted_on_behalf');
    expect(told.map((n) => n.title)).toEqual(['Văn phòng đã gửi thay lịch làm việc của Phòng Quản lý ngân sách']);
    // A unit that has not drafted anything cannot be sent on its behalf.
    expect((await C.office!.post(`/api/roster/periods/${periodId}/units/${U.gc}/submit-on-behalf`, { version: 1 })).status).toBe(409);
  });
});
