/**
 * Every roster step reaches the right people (issue 10 item 6: "today submitting, returning or approving a
 * roster notifies nobody"): submitted → the Office; returned with its reason → the unit's leaders;
 * compiled → the Director; sent back → the Office; approved → the Office, unit heads and everyone on the
 * schedule; changed after approval → the Director and the Office, and the people whose days changed, by name of day.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { users } from '../auth/auth.table';
import { people } from '../org/org.table';
import { emailOutbox, notifications } from './notifications.table';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];
let t: TestApp;
let agencyId: string;
let periodId: string;
const U: Record<string, string> = {};
const P: Record<string, string> = {};
const C: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  agencyId = (await buildAgency(db, { name: 'Sở Công Thương' })).id;
  U.vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
  U.ql = (await buildUnit(db, { agencyId, name: 'Phòng Quản lý thương mại' })).id;
  P.director = (await buildPerson(db, { unitId: U.vp, fullName: 'Lâm Quang Đạt', position: 'director' })).id;
  P.chief = (await buildPerson(db, { unitId: U.vp, fullName: 'Kiều Thị Nhàn', position: 'chief_of_office' })).id;
  P.head = (await buildPerson(db, { unitId: U.ql, fullName: 'Tạ Văn Phúc', position: 'head' })).id;
  P.staff = (await buildPerson(db, { unitId: U.ql, fullName: 'Mai Thị Quế' })).id;
  for (const [key, roles] of [
    ['director', ['staff', 'director']],
    ['chief', ['staff', 'office', 'unit_head']],
    ['head', ['staff', 'unit_head']],
    ['staff', ['staff']],
  ] as const) {
    await db
      .update(people)
      .set({ email: `${key}@sct.gov.vn` })
      .where(eq(people.id, P[key]!));
    const u = await buildUser(db, { personId: P[key]!, roles: [...roles], username: `rn-${key}` });
    C[key] = t.client(`10.62.0.${Object.keys(C).length + 1}`);
    expect((await C[key]!.login(u.username, TEST_PASSWORD)).status).toBe(200);
  }
  periodId = (await C.chief!.post('/api/roster/periods', { agencyId, fromDate: DAYS[0], toDate: DAYS[4] })).body.id;
});
afterAll(() => t.close());

async function notesOf(personId: string, kind: string) {
  return t.deps.db
    .select({ title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.personId, personId), eq(notifications.kind, kind)));
}
const mailsTo = async (key: string) =>
  (
    await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, `${key}@sct.gov.vn`))
  ).map((m) => m.subject);
const grid = async (unitId: string) => (await C.chief!.get(`/api/roster/periods/${periodId}/units/${unitId}`)).body;
const periodVersion = async () => (await C.chief!.get(`/api/roster/periods/${periodId}/status`)).body.period.version;
const onsite = (ids: string[]) => ids.flatMap((personId) => DAYS.map((date) => ({ personId, date, mode: 'onsite' })));

async function fill(client: TestClient, unitId: string, cells: { personId: string; date: string; mode: string }[]) {
  const res = await client.put(`/api/roster/periods/${periodId}/units/${unitId}/cells`, { version: (await grid(unitId)).version ?? 0, cells });
  expect(res.status).toBe(200);
}
async function submit(client: TestClient, unitId: string) {
  const res = await client.post(`/api/roster/periods/${periodId}/units/${unitId}/submit`, { version: (await grid(unitId)).version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('roster step notifications', () => {
  it('a unit submits → the Office is told (app and e-mail); the Office returns it → the unit head gets the reason', async () => {
    await fill(C.head!, U.ql!, onsite([P.head!, P.staff!]));
    await submit(C.head!, U.ql!);
    const told = await notesOf(P.chief!, 'roster_submitted');
    expect(told).toEqual([
      {
        title: 'Phòng Quản lý thương mại đã gửi lịch làm việc kỳ 19/07/2021 – 23/07/2021',
        body: 'Tạ Văn Phúc đã gửi lịch của đơn vị. Văn phòng kiểm tra và tổng hợp, trình phê duyệt.',
        link: `/roster/agency?period=${periodId}`,
      },
    ]);
    expect(await mailsTo('chief')).toContain('[Congvu] Phòng Quản lý thương mại đã gửi lịch làm việc kỳ 19/07/2021 – 23/07/2021');
    // Nobody else of the agency hears of it.
    expect(await notesOf(P.director!, 'roster_submitted')).toEqual([]);

    const ret = await C.chief!.post(`/api/roster/periods/${periodId}/units/${U.ql}/return`, {
      version: (await grid(U.ql!)).version,
      comment: 'Thiếu người trực ngày 21/07/2021',
    });
    expect(ret.status).toBe(200);
    const back = await notesOf(P.head!, 'roster_returned');
    expect(back).toHaveLength(1);
    expect(back[0]!.title).toBe('Lịch làm việc kỳ 19/07/2021 – 23/07/2021 của Phòng Quản lý thương mại bị trả lại');
    expect(back[0]!.body).toBe('Kiều Thị Nhàn trả lại, lý do: Thiếu người trực ngày 21/07/2021');
    expect(await mailsTo('head')).toContain('[Congvu] Lịch làm việc kỳ 19/07/2021 – 23/07/2021 của Phòng Quản lý thương mại bị trả lại');
    expect(await notesOf(P.staff!, 'roster_returned')).toEqual([]);
  });

  it('compiled → the Director; sent back by the Director → the Office with the reason', async () => {
    await submit(C.head!, U.ql!);
    await fill(C.chief!, U.vp!, onsite([P.director!, P.chief!]));
    await submit(C.chief!, U.vp!);
    expect((await C.chief!.post(`/api/roster/periods/${periodId}/compile`, { version: await periodVersion() })).status).toBe(200);
    const toApprove = await notesOf(P.director!, 'roster_compiled');
    expect(toApprove.map((n) => [n.title, n.link])).toEqual([['Lịch làm việc kỳ 19/07/2021 – 23/07/2021 chờ phê duyệt', `/approvals?period=${periodId}`]]);
    expect(await mailsTo('director')).toEqual(['[Congvu] Lịch làm việc kỳ 19/07/2021 – 23/07/2021 chờ phê duyệt']);

    const back = await C.director!.post(`/api/roster/periods/${periodId}/return`, { version: await periodVersion(), comment: 'Cân đối lại ngày 23/07' });
    expect(back.status).toBe(200);
    const office = await notesOf(P.chief!, 'roster_period_returned');
    expect(office.map((n) => n.body)).toEqual(['Lâm Quang Đạt trả lại lịch tổng hợp, lý do: Cân đối lại ngày 23/07']);
  });

  it('approved → the Office, unit heads, and every person on the schedule', async () => {
    expect((await C.chief!.post(`/api/roster/periods/${periodId}/compile`, { version: await periodVersion() })).status).toBe(200);
    expect((await C.director!.post(`/api/roster/periods/${periodId}/approve`, { version: await periodVersion() })).status).toBe(200);
    expect((await notesOf(P.chief!, 'roster_approved')).map((n) => n.title)).toEqual(['Lịch làm việc kỳ 19/07/2021 – 23/07/2021 đã được phê duyệt']);
    expect(await notesOf(P.head!, 'roster_approved')).toHaveLength(1);
    const mine = await notesOf(P.staff!, 'roster_schedule_approved');
    expect(mine.map((n) => [n.title, n.link])).toEqual([['Lịch làm việc của bạn kỳ 19/07/2021 – 23/07/2021 đã được phê duyệt', '/my-schedule']]);
    expect(await notesOf(P.staff!, 'roster_approved')).toEqual([]);
  });

  it('changed after approval → the Director and the Office when reopened; at the new approval the changed person hears of the day', async () => {
    await fill(C.head!, U.ql!, [{ personId: P.staff!, date: '2021-07-20', mode: 'wfh' }]);
    expect((await notesOf(P.director!, 'roster_reopened')).map((n) => n.title)).toEqual(['Lịch đã phê duyệt kỳ 19/07/2021 – 23/07/2021 đang được sửa']);
    expect(await notesOf(P.chief!, 'roster_reopened')).toHaveLength(1);
    await submit(C.head!, U.ql!);
    expect((await C.chief!.post(`/api/roster/periods/${periodId}/compile`, { version: await periodVersion() })).status).toBe(200);
    expect((await C.director!.post(`/api/roster/periods/${periodId}/approve`, { version: await periodVersion() })).status).toBe(200);
    const changed = await notesOf(P.staff!, 'roster_schedule_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.title).toBe('Lịch làm việc của bạn kỳ 19/07/2021 – 23/07/2021 đã thay đổi');
    expect(changed[0]!.body).toBe('Đã phê duyệt lại (phiên bản 2). 20/07/2021: làm việc tại cơ quan → làm việc tại nhà.');
    expect(await mailsTo('staff')).toEqual(['[Congvu] Lịch làm việc của bạn kỳ 19/07/2021 – 23/07/2021 đã thay đổi']);
    // The unit head's own days did not change.
    expect(await notesOf(P.head!, 'roster_schedule_changed')).toEqual([]);
    expect((await notesOf(P.chief!, 'roster_changed')).map((n) => n.body)).toEqual(['Lâm Quang Đạt đã phê duyệt phiên bản 2: 1 ô lịch của 1 người thay đổi.']);
  });
});
