import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { auditLog } from '../audit/audit.table';
import { users } from '../auth/auth.table';
import { emailOutbox, notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { policies } from '../policy/policy.table';
import { schedule } from '../roster/roster.table';
import { checkins, healthDeclarations } from './presence.table';

/**
 * Sở Tài chính tỉnh Hải Dương under "làm việc tại nhà đến khi có thông báo mới" (seed 003), hours of
 * seed 000 (07:00-11:30, 13:30-17:00). Tuesday 20/07/2021: a1, a2, the deputy head of unit A and b1 at
 * home; a3 on leave; heads, the director and the Office on site.
 */
const AG = 'hd-stc';
const DAY = '2021-07-20';
let t: TestApp;
let unitA: string;
let unitB: string;
const p: Record<string, string> = {};
const c: Record<string, TestClient> = {};

const at = (hhmm: string, date = DAY) => t.clock.set(`${date}T${hhmm}:00+07:00`);

beforeAll(async () => {
  t = await createTestApp({ now: `${DAY}T06:00:00+07:00`, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'hd', name: 'UBND tỉnh Hải Dương' });
  await buildAgency(db, { id: AG, name: 'Sở Tài chính tỉnh Hải Dương', parentId: 'hd' });
  const board = (await buildUnit(db, { agencyId: AG, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: AG, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { agencyId: AG, name: 'Phòng Quản lý ngân sách' })).id;
  unitB = (await buildUnit(db, { agencyId: AG, name: 'Phòng Tài chính doanh nghiệp' })).id;
  const make = async (key: string, unitId: string, fullName: string, position: PersonRole = 'staff') => {
    p[key] = (await buildPerson(db, { unitId, fullName, position })).id;
  };
  await make('director', board, 'Nguyễn Trọng Hưng', 'director');
  await make('chief', vp, 'Phạm Thị Hoa', 'chief_of_office');
  await make('headA', unitA, 'Trần Văn Bình', 'head');
  await make('deputyA', unitA, 'Lê Thị Cúc', 'deputy_head');
  await make('a1', unitA, 'Nguyễn Thị An');
  await make('a2', unitA, 'Đỗ Minh Châu');
  await make('a3', unitA, 'Hồ Văn Dũng');
  await make('headB', unitB, 'Võ Thị Em', 'head');
  await make('b1', unitB, 'Bùi Văn Giang');
  await make('retired', unitB, 'Hoàng Văn Nghỉ');
  await db.update(people).set({ active: false }).where(eq(people.id, p.retired!));
  await db.update(people).set({ email: 'an.nt@stc.haiduong.gov.vn' }).where(eq(people.id, p.a1!));

  await db.insert(policies).values({
    id: 'pol-stc',
    ownerAgencyId: AG,
    title: 'Thực hiện biện pháp cấp bách phòng, chống dịch COVID-19',
    docNumber: '/STC-VP',
    validFrom: '2021-05-25',
    validTo: null,
    scopeAgencyIds: [AG],
    rules: { wfhShare: { scope: 'agency', min: 0.5 } },
  });
  const modes: Record<string, string> = {
    director: 'onsite',
    chief: 'onsite',
    headA: 'onsite',
    deputyA: 'wfh',
    a1: 'wfh',
    a2: 'wfh',
    a3: 'leave',
    headB: 'onsite',
    b1: 'wfh',
  };
  const personRows = await db
    .select()
    .from(people)
    .where(
      inArray(
        people.id,
        Object.keys(modes).map((k) => p[k]!),
      ),
    );
  await db.insert(schedule).values(
    Object.entries(modes).map(([key, mode]) => {
      const row = personRows.find((r) => r.id === p[key])!;
      return { personId: row.id, date: DAY, agencyId: AG, unitId: row.unitId, mode, periodId: 'per-test', version: 1 };
    }),
  );

  const accounts: [string, string | null, AppRole[]][] = [
    ['director', p.director!, ['staff', 'director']],
    ['office', p.chief!, ['staff', 'office']],
    ['headA', p.headA!, ['staff', 'unit_head']],
    ['deputyA', p.deputyA!, ['staff', 'unit_deputy']],
    ['a1', p.a1!, ['staff']],
    ['a2', p.a2!, ['staff']],
    ['a3', p.a3!, ['staff']],
    ['headB', p.headB!, ['staff', 'unit_head']],
    ['b1', p.b1!, ['staff']],
  ];
  for (const [name, personId] of accounts)
    await buildUser(db, { personId: personId!, username: `pr.${name.toLowerCase()}`, roles: accounts.find((a) => a[0] === name)![2] });
  await buildUser(db, { username: 'pr.province', agencyId: 'hd', roles: ['province'] });
  await buildUser(db, { username: 'pr.admin', agencyId: 'hd', roles: ['admin'] });
  let ip = 1;
  for (const name of [...accounts.map((a) => a[0]), 'province', 'admin']) {
    c[name] = t.client(`10.60.0.${ip++}`);
    expect((await c[name]!.login(`pr.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

const checkinRows = (personId: string) => t.deps.db.select().from(checkins).where(eq(checkins.personId, personId));
async function notificationsOf(personId: string, kind: string) {
  return t.deps.db
    .select({ title: notifications.title, body: notifications.body, readAt: notifications.readAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.personId, personId), eq(notifications.kind, kind)));
}

describe('check-in of people at home', () => {
  it('refuses a check-in more than 30 minutes before the session starts', async () => {
    at('06:00');
    const res = await c.a1!.post('/api/presence/checkin', { place: 'registered' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('06:30');
    expect(await checkinRows(p.a1!)).toEqual([]);
  });

  it('refuses on a day the person works on site or is on leave, with a clear Vietnamese message', async () => {
    at('07:00');
    const onsite = await c.headA!.post('/api/presence/checkin', { place: 'registered' });
    expect(onsite.status).toBe(409);
    expect(onsite.body.error.message).toBe('Hôm nay bạn làm việc tại cơ quan, không cần điểm danh tại nhà.');
    const leave = await c.a3!.post('/api/presence/checkin', { place: 'registered' });
    expect(leave.status).toBe(409);
    expect(leave.body.error.message).toBe('Hôm nay bạn nghỉ phép, không cần điểm danh.');
    // No schedule row at all for the next day.
    at('07:00', '2021-07-21');
    const none = await c.a1!.post('/api/presence/checkin', { place: 'registered' });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('không có lịch làm việc tại nhà');
  });

  it('checks in on a home day for the current session, on time from 30 minutes before the start', async () => {
    at('06:50');
    const res = await c.a2!.post('/api/presence/checkin', { place: 'registered' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ personId: p.a2, date: DAY, session: 'morning', place: 'registered', otherPlace: null, reason: null, lateMinutes: 0 });
    expect(res.body.at).toBe('2021-07-19T23:50:00.000Z');
  });

  it('records the minutes late', async () => {
    at('07:05');
    const res = await c.a1!.post('/api/presence/checkin', { place: 'registered' });
    expect(res.status).toBe(200);
    expect(res.body.session).toBe('morning');
    expect(res.body.lateMinutes).toBe(5);
    // A check-in at the registered place is its own append-only record, not an audit entry.
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    expect(audit).toHaveLength(0);
  });

  it('requires a reason for another place and accepts no location other than typed words (no GPS)', async () => {
    at('07:06');
    const noReason = await c.b1!.post('/api/presence/checkin', { place: 'other', otherPlace: 'Nhà bố mẹ ở Cẩm Giàng' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues.map((i: any) => i.path)).toEqual(['body.reason']);
    const gps = await c.b1!.post('/api/presence/checkin', { place: 'registered', latitude: 20.94, longitude: 106.33 });
    expect(gps.status).toBe(400);
    expect(gps.body.error.issues[0].path).toMatch(/^body\.(latitude|longitude)$/);
    const contradiction = await c.b1!.post('/api/presence/checkin', { place: 'registered', otherPlace: 'Quán cà phê' });
    expect(contradiction.status).toBe(400);
    expect(await checkinRows(p.b1!)).toEqual([]);
  });

  it('is idempotent: a second check-in for the same session returns the first one', async () => {
    at('07:20');
    const first = (await checkinRows(p.a1!))[0]!;
    const again = await c.a1!.post('/api/presence/checkin', { place: 'other', otherPlace: 'Nhà riêng khác', reason: 'Mất điện' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.id);
    expect(again.body.place).toBe('registered');
    expect(again.body.lateMinutes).toBe(5);
    expect(await checkinRows(p.a1!)).toHaveLength(1);
  });

  it('keeps one check-in when two requests race', async () => {
    at('07:10');
    const [r1, r2] = await Promise.all([
      c.deputyA!.post('/api/presence/checkin', { place: 'registered' }),
      c.deputyA!.post('/api/presence/checkin', { place: 'registered' }),
    ]);
    expect(r1.status).toBe(200);
    expect(r2.status).toBe(200);
    expect(r1.body.id).toBe(r2.body.id);
    expect(await checkinRows(p.deputyA!)).toHaveLength(1);
  });
});

describe('availability status and the board', () => {
  it('shows a status set by the person on the board of the unit', async () => {
    at('07:40');
    const set = await c.a1!.put('/api/presence/status', { status: 'in_meeting', note: 'Họp trực tuyến với Sở Kế hoạch và Đầu tư' });
    expect(set.status).toBe(200);
    expect(set.body.status).toBe('in_meeting');
    expect((await c.a1!.put('/api/presence/status', { status: 'busy' })).status).toBe(400);
    const board = await c.headA!.get(`/api/presence/board?unitId=${unitA}`);
    expect(board.status).toBe(200);
    expect(board.body.units).toHaveLength(1);
    const byId = Object.fromEntries(board.body.units[0].people.map((x: any) => [x.personId, x]));
    expect(byId[p.a1!].status).toMatchObject({ status: 'in_meeting', note: 'Họp trực tuyến với Sở Kế hoạch và Đầu tư' });
    expect(byId[p.a2!].status).toBeNull();
    expect(byId[p.a1!].mode).toBe('wfh');
    expect(byId[p.a1!].sessions[0]).toMatchObject({ session: 'morning', state: 'checked_in', lateMinutes: 5, place: 'registered' });
    expect(byId[p.a1!].sessions[1]).toMatchObject({ session: 'afternoon', state: 'upcoming', at: null });
    expect(byId[p.headA!]).toMatchObject({ mode: 'onsite' });
    expect(byId[p.headA!].sessions[0].state).toBe('not_required');
    expect(byId[p.a3!].mode).toBe('leave');
    expect(board.body.units[0].people.map((x: any) => x.fullName)).toEqual(['Trần Văn Bình', 'Lê Thị Cúc', 'Nguyễn Thị An', 'Đỗ Minh Châu', 'Hồ Văn Dũng']);
    expect(board.body.counts).toEqual({
      people: 5,
      atHome: 3,
      onSite: 1,
      leave: 1,
      businessTrip: 0,
      unscheduled: 0,
      checkedIn: 3,
      notCheckedIn: 0,
      referenceSession: 'morning',
    });
  });

  it('gives the Office and the Director the whole agency with counts', async () => {
    for (const who of ['office', 'director']) {
      const res = await c[who]!.get(`/api/presence/board?agencyId=${AG}`);
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({
        people: 9,
        atHome: 4,
        onSite: 4,
        leave: 1,
        businessTrip: 0,
        unscheduled: 0,
        checkedIn: 3,
        notCheckedIn: 1,
        referenceSession: 'morning',
      });
      const b = res.body.units.find((u: any) => u.unitId === unitB);
      expect(b.people.map((x: any) => x.personId)).toEqual([p.headB, p.b1]); // the inactive person is not listed
      expect(b.people[1].sessions[0].state).toBe('late');
    }
  });

  it.each([
    ['a1', `unitId=UNIT_A`, 403],
    ['headA', `unitId=UNIT_B`, 404],
    ['headA', `agencyId=${AG}`, 403],
    ['deputyA', `unitId=UNIT_A`, 200],
    ['province', `agencyId=${AG}`, 200],
    ['admin', `agencyId=${AG}`, 200],
  ])('board for %s with %s → %i', async (who, query, status) => {
    const res = await c[who]!.get(`/api/presence/board?${query.replace('UNIT_A', unitA).replace('UNIT_B', unitB)}`);
    expect(res.status).toBe(status);
  });

  it('needs a unit or an agency', async () => {
    const res = await c.office!.get('/api/presence/board');
    expect(res.status).toBe(400);
  });
});

describe("the unit head's list of people not checked in", () => {
  it('lists no one before 30 minutes after the start', async () => {
    at('07:29');
    const res = await c.headB!.get(`/api/presence/missing?unitId=${unitB}`);
    expect(res.status).toBe(200);
    expect(res.body.people).toEqual([]);
  });

  it('lists people at home not checked in 30 minutes after the start, in the unit and the agency', async () => {
    at('07:40');
    const unit = await c.headB!.get(`/api/presence/missing?unitId=${unitB}`);
    expect(unit.status).toBe(200);
    expect(unit.body.people).toEqual([
      {
        personId: p.b1,
        fullName: 'Bùi Văn Giang',
        unitId: unitB,
        unitName: 'Phòng Tài chính doanh nghiệp',
        session: 'morning',
        sessionStart: '07:00',
        minutesLate: 40,
      },
    ]);
    expect((await c.headA!.get(`/api/presence/missing?unitId=${unitA}`)).body.people).toEqual([]);
    const agency = await c.office!.get(`/api/presence/missing?agencyId=${AG}`);
    expect(agency.body.people.map((x: any) => x.personId)).toEqual([p.b1]);
  });

  it.each([
    ['a1', 'UNIT_A', 403],
    ['headA', 'UNIT_B', 404],
    ['b1', 'UNIT_B', 403],
  ])('missing list for %s on %s → %i', async (who, unit, status) => {
    const res = await c[who]!.get(`/api/presence/missing?unitId=${unit === 'UNIT_A' ? unitA : unitB}`);
    expect(res.status).toBe(status);
  });
});

describe('the end of a session and the afternoon', () => {
  it('refuses a morning check-in after the morning ends, and no session between the two', async () => {
    at('11:40');
    const closed = await c.b1!.post('/api/presence/checkin', { session: 'morning', place: 'registered' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toBe('Buổi sáng đã kết thúc lúc 11:30, không thể điểm danh.');
    at('12:00');
    const between = await c.b1!.post('/api/presence/checkin', { place: 'registered' });
    expect(between.status).toBe(409);
    expect(between.body.error.message).toContain('13:00');
    const early = await c.b1!.post('/api/presence/checkin', { session: 'afternoon', place: 'registered' });
    expect(early.status).toBe(409);
  });

  it('checks in for the afternoon from another place with a reason; "my day" shows both sessions', async () => {
    at('13:20');
    const res = await c.b1!.post('/api/presence/checkin', { place: 'other', otherPlace: 'Nhà bố mẹ ở Cẩm Giàng', reason: 'Chăm bố ốm' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ session: 'afternoon', place: 'other', otherPlace: 'Nhà bố mẹ ở Cẩm Giàng', reason: 'Chăm bố ốm', lateMinutes: 0 });
    // A check-in elsewhere is audited with its reason, once, even when repeated.
    const again = await c.b1!.post('/api/presence/checkin', { place: 'other', otherPlace: 'Nhà bố mẹ ở Cẩm Giàng', reason: 'Chăm bố ốm' });
    expect(again.body.id).toBe(res.body.id);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'presence.checkin_elsewhere'), eq(auditLog.entityId, res.body.id)));
    expect(audits).toHaveLength(1);
    expect((audits[0]!.data as any).reason).toBe('Chăm bố ốm');
    const me = await c.b1!.get('/api/presence/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ date: DAY, personId: p.b1, mode: 'wfh', checkinRequired: true, currentSession: 'afternoon' });
    expect(me.body.hours).toEqual({ morningStart: '07:00', morningEnd: '11:30', afternoonStart: '13:30', afternoonEnd: '17:00' });
    expect(me.body.sessions.map((s: any) => [s.session, s.state])).toEqual([
      ['morning', 'missed'],
      ['afternoon', 'checked_in'],
    ]);
    expect(me.body.sessions[1].checkin.id).toBe(res.body.id);
    const onsite = await c.headA!.get('/api/presence/me');
    expect(onsite.body).toMatchObject({ mode: 'onsite', checkinRequired: false, currentSession: null });
    expect(onsite.body.sessions.map((s: any) => s.state)).toEqual(['not_required', 'not_required']);
    // The status set in the morning is today's; it is not shown on another day.
    expect((await c.a1!.get('/api/presence/me')).body.status.status).toBe('in_meeting');
    expect((await c.a1!.get('/api/presence/me?date=2021-07-21')).body.status).toBeNull();
  });
});

describe('summons (triệu tập)', () => {
  let summonsId: string;

  it('lets the unit head call a person at home to the office; the person is notified in the app and by e-mail', async () => {
    at('14:00');
    const body = { personId: p.a1, reason: 'Xử lý hồ sơ quyết toán khẩn', requiredAt: `${DAY}T15:00:00+07:00` };
    const res = await c.headA!.post('/api/presence/summons', body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      personId: p.a1,
      personName: 'Nguyễn Thị An',
      unitId: unitA,
      reason: 'Xử lý hồ sơ quyết toán khẩn',
      status: 'pending',
      calledByName: 'Trần Văn Bình',
      acknowledgedAt: null,
    });
    expect(res.body.requiredAt).toBe('2021-07-20T08:00:00.000Z');
    summonsId = res.body.id;
    const notes = await notificationsOf(p.a1!, 'summons');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toBe('Triệu tập về cơ quan lúc 15:00 ngày 20/07/2021');
    const mails = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'an.nt@stc.haiduong.gov.vn'));
    expect(mails).toHaveLength(1);
    // A repeated request (double click) returns the same summons.
    const again = await c.headA!.post('/api/presence/summons', body);
    expect(again.body.id).toBe(summonsId);
    expect(await notificationsOf(p.a1!, 'summons')).toHaveLength(1);
  });

  it("refuses summons outside the caller's scope, for unknown or inactive people, in the past", async () => {
    const body = (personId: string, requiredAt = `${DAY}T15:00:00+07:00`) => ({ personId, reason: 'Họp gấp', requiredAt });
    expect((await c.headB!.post('/api/presence/summons', body(p.a1!))).status).toBe(404);
    expect((await c.a2!.post('/api/presence/summons', body(p.a1!))).status).toBe(403);
    expect((await c.office!.post('/api/presence/summons', body(p.a1!))).status).toBe(403);
    expect((await c.headB!.post('/api/presence/summons', body('p-khong-co'))).status).toBe(404);
    const inactive = await c.headB!.post('/api/presence/summons', body(p.retired!));
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.message).toContain('không còn công tác');
    const past = await c.headB!.post('/api/presence/summons', body(p.b1!, `${DAY}T13:00:00+07:00`));
    expect(past.status).toBe(400);
    expect(past.body.error.issues[0].path).toBe('body.requiredAt');
    expect((await c.headB!.post('/api/presence/summons', { personId: p.b1, reason: 'Họp', requiredAt: 'chiều nay' })).status).toBe(400);
  });

  it('shows the open summons to the person and on the board', async () => {
    const me = await c.a1!.get('/api/presence/me');
    expect(me.body.summons.map((s: any) => s.id)).toEqual([summonsId]);
    const board = await c.headA!.get(`/api/presence/board?unitId=${unitA}`);
    const a1 = board.body.units[0].people.find((x: any) => x.personId === p.a1);
    expect(a1.summons.map((s: any) => s.status)).toEqual(['pending']);
  });

  it('is acknowledged by the summoned person only (idempotent); the caller is told', async () => {
    at('14:05');
    expect((await c.a2!.post(`/api/presence/summons/${summonsId}/ack`)).status).toBe(404);
    expect((await c.headA!.post(`/api/presence/summons/${summonsId}/ack`)).status).toBe(403);
    const ack = await c.a1!.post(`/api/presence/summons/${summonsId}/ack`);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.acknowledgedAt).toBe('2021-07-20T07:05:00.000Z');
    at('14:10');
    const again = await c.a1!.post(`/api/presence/summons/${summonsId}/ack`);
    expect(again.status).toBe(200);
    expect(again.body.acknowledgedAt).toBe('2021-07-20T07:05:00.000Z');
    expect(await notificationsOf(p.headA!, 'summons_acknowledged')).toHaveLength(1);
    // The summons' own notification is answered: no longer unread in the person's bell.
    expect((await notificationsOf(p.a1!, 'summons')).map((n) => n.readAt?.toISOString())).toEqual(['2021-07-20T07:05:00.000Z']);
    expect((await c.headA!.post('/api/presence/summons/khong-co/ack')).status).toBe(404);
  });

  it('is cancelled by the caller or the unit head only; a cancelled summons cannot be acknowledged', async () => {
    const s = await c.director!.post('/api/presence/summons', { personId: p.a2, reason: 'Báo cáo tình hình giải ngân', requiredAt: `${DAY}T16:00:00+07:00` });
    expect(s.status).toBe(200);
    // The summoned person sees the summons: 403, not the hidden 404.
    expect((await c.a2!.post(`/api/presence/summons/${s.body.id}/cancel`)).status).toBe(403);
    expect((await c.headB!.post(`/api/presence/summons/${s.body.id}/cancel`)).status).toBe(404);
    expect((await c.deputyA!.post(`/api/presence/summons/${s.body.id}/cancel`)).status).toBe(403);
    const cancel = await c.headA!.post(`/api/presence/summons/${s.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    expect((await c.director!.post(`/api/presence/summons/${s.body.id}/cancel`)).body.status).toBe('cancelled');
    const ack = await c.a2!.post(`/api/presence/summons/${s.body.id}/ack`);
    expect(ack.status).toBe(409);
    expect(await notificationsOf(p.a2!, 'summons_cancelled')).toHaveLength(1);
  });

  it("lists my summons and the unit's for those who read the unit's presence", async () => {
    const mine = await c.a1!.get('/api/presence/summons?mine=1');
    expect(mine.status).toBe(200);
    expect(mine.body.summons.map((s: any) => s.id)).toEqual([summonsId]);
    const unit = await c.headA!.get(`/api/presence/summons?unitId=${unitA}`);
    expect(unit.body.summons.map((s: any) => s.status).sort()).toEqual(['acknowledged', 'cancelled']);
    expect((await c.headA!.get(`/api/presence/summons?unitId=${unitA}&status=cancelled`)).body.summons).toHaveLength(1);
    expect((await c.a1!.get(`/api/presence/summons?unitId=${unitA}`)).status).toBe(403);
    expect((await c.headB!.get(`/api/presence/summons?unitId=${unitA}`)).status).toBe(404);
    expect((await c.a1!.get('/api/presence/summons')).status).toBe(400);
  });

  it('can be answered "không thể đến" with a reason by the summoned person; the caller is told why, the board shows it', async () => {
    at('14:20');
    const s = await c.headB!.post('/api/presence/summons', { personId: p.b1, reason: 'Ký hồ sơ thanh toán', requiredAt: `${DAY}T16:30:00+07:00` });
    expect(s.status).toBe(200);
    const url = `/api/presence/summons/${s.body.id}/decline`;
    const noReason = await c.b1!.post(url, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('body.reason');
    expect((await c.a1!.post(url, { reason: 'Đang cách ly tại nhà' })).status).toBe(404);
    expect((await c.headB!.post(url, { reason: 'Đang cách ly tại nhà' })).status).toBe(403);
    const declined = await c.b1!.post(url, { reason: 'Đang cách ly y tế tại nhà theo yêu cầu của phường' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declinedAt: '2021-07-20T07:20:00.000Z',
      declineReason: 'Đang cách ly y tế tại nhà theo yêu cầu của phường',
    });
    at('14:25');
    const again = await c.b1!.post(url, { reason: 'Lý do khác' });
    expect(again.body).toMatchObject({
      status: 'declined',
      declinedAt: '2021-07-20T07:20:00.000Z',
      declineReason: 'Đang cách ly y tế tại nhà theo yêu cầu của phường',
    });
    const told = await notificationsOf(p.headB!, 'summons_declined');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain('không thể đến cơ quan lúc 16:30');
    expect(told[0]!.body).toContain('Đang cách ly y tế tại nhà theo yêu cầu của phường');
    expect((await notificationsOf(p.b1!, 'summons')).every((n) => n.readAt)).toBe(true);
    const board = await c.headB!.get(`/api/presence/board?unitId=${unitB}`);
    const b1 = board.body.units[0].people.find((x: any) => x.personId === p.b1);
    expect(b1.summons.map((x: any) => x.status)).toContain('declined');
    // Not after a cancellation.
    const other = await c.headB!.post('/api/presence/summons', { personId: p.b1, reason: 'Họp giao ban', requiredAt: `${DAY}T16:45:00+07:00` });
    await c.headB!.post(`/api/presence/summons/${other.body.id}/cancel`);
    expect((await c.b1!.post(`/api/presence/summons/${other.body.id}/decline`, { reason: 'Bận việc gia đình' })).status).toBe(409);
  });
});

describe('health declarations (sensitive personal data)', () => {
  it('declares once a day and replaces on repeat', async () => {
    at('08:00');
    const first = await c.a1!.put('/api/presence/health', { symptoms: false, contact: false });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ personId: p.a1, date: DAY, symptoms: false, contact: false, note: null });
    // Open-ended policy: kept 30 days (HEALTH_RETENTION_DAYS) after the declaration.
    expect(first.body.deleteAfter).toBe('2021-08-19');
    const second = await c.a1!.put('/api/presence/health', { symptoms: true, contact: false, note: 'Sốt nhẹ 37,8 độ' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ symptoms: true, note: 'Sốt nhẹ 37,8 độ' });
    const rows = await t.deps.db.select().from(healthDeclarations).where(eq(healthDeclarations.personId, p.a1!));
    expect(rows).toHaveLength(1);
    expect((await c.a1!.put('/api/presence/health', { symptoms: false, contact: false, note: 'x'.repeat(301) })).status).toBe(400);
    expect((await c.a1!.put('/api/presence/health', { symptoms: false, contact: false, date: '2021-07-21' })).status).toBe(400);
    expect((await c.a1!.put('/api/presence/health', { symptoms: false, contact: false, temperature: 37.8 })).status).toBe(400);
    expect((await c.province!.put('/api/presence/health', { symptoms: false, contact: false })).status).toBe(404);
  });

  it.each([
    ['a1', 200],
    ['headA', 200],
    ['office', 200],
    ['deputyA', 403],
    ['director', 403],
    ['headB', 404],
    ['a2', 403],
    ['province', 403],
    ['admin', 403],
  ])("a1's declarations read by %s → %i", async (who, status) => {
    const res = await c[who]!.get(`/api/presence/health?personId=${p.a1}&from=${DAY}&to=${DAY}`);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.declarations.map((d: any) => [d.personId, d.symptoms, d.note])).toEqual([[p.a1, true, 'Sốt nhẹ 37,8 độ']]);
  });

  it('lets the unit head and the Office read a unit; not the deputy or another unit head', async () => {
    await c.a2!.put('/api/presence/health', { symptoms: false, contact: true });
    const head = await c.headA!.get(`/api/presence/health?unitId=${unitA}&from=${DAY}&to=${DAY}`);
    expect(head.status).toBe(200);
    expect(head.body.declarations.map((d: any) => d.personId).sort()).toEqual([p.a1, p.a2].sort());
    expect((await c.office!.get(`/api/presence/health?unitId=${unitA}`)).status).toBe(200);
    expect((await c.deputyA!.get(`/api/presence/health?unitId=${unitA}`)).status).toBe(403);
    expect((await c.headB!.get(`/api/presence/health?unitId=${unitA}`)).status).toBe(404);
    expect((await c.director!.get(`/api/presence/health?unitId=${unitA}`)).status).toBe(403);
  });

  it("audits reads of other people's declarations without the health data; own reads are not audited", async () => {
    const before = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'health.read'));
    await c.a1!.get('/api/presence/health');
    await c.headA!.get(`/api/presence/health?personId=${p.a1}`);
    const after = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'health.read'));
    expect(after.length - before.length).toBe(1);
    const last = after[after.length - 1]!;
    expect(last).toMatchObject({ entity: 'person', entityId: p.a1, agencyId: AG });
    expect(last.data).toEqual({ from: '2021-06-21', to: DAY, count: 1 });
    const all = JSON.stringify(await t.deps.db.select({ data: auditLog.data }).from(auditLog));
    expect(all).not.toContain('Sốt nhẹ');
    expect(all).not.toContain('symptoms');
  });
});
