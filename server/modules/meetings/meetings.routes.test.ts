import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { auditLog } from '../audit/audit.table';
import { documents } from '../documents/documents.table';
import { actingAssignments } from '../leave/leave.table';
import { createTransport, sendPendingEmails } from '../notifications/mailer';
import { notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { policies } from '../policy/policy.table';
import { runMeetingsTick } from './meetings.jobs';

/**
 * Sở Nội vụ (a WFH policy in force), Tuesday 20/07/2021. The head of unit A invites people to meetings;
 * invitations go out through a real SMTP server and their `invite.ics` is read back with ical.js.
 */
const AG = 'mt-snv';
const DAY = '2021-07-20';
let t: TestApp;
const p: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const unitOf: Record<string, string> = {};
const EMAIL: Record<string, string> = {
  a1: 'an.nt@snv.gov.vn',
  a2: 'chau.dm@snv.gov.vn',
  b1: 'giang.bv@snv.gov.vn',
  headA: 'binh.tv@snv.gov.vn',
  director: 'hung.nt@snv.gov.vn',
  deputyDir: 'lan.pt@snv.gov.vn',
};

interface Received {
  to: string;
  subject: string;
  ics: string | null;
  icsType: string | null;
}
const received: Received[] = [];
let smtp: SMTPServer;
let transport: ReturnType<typeof createTransport>;

const at = (iso: string) => t.clock.set(iso);
async function flushMail(): Promise<Received[]> {
  const before = received.length;
  await sendPendingEmails(t.deps, transport, { batch: 100 });
  return received.slice(before);
}
function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return { comp, events: comp.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })) };
}

beforeAll(async () => {
  t = await createTestApp({ now: `${DAY}T08:00:00+07:00`, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'mt', name: 'UBND tỉnh' });
  await buildAgency(db, { id: AG, name: 'Sở Nội vụ', parentId: 'mt' });
  const other = await buildAgency(db, { id: 'mt-stc', name: 'Sở Tài chính', parentId: 'mt' });
  const board = (await buildUnit(db, { agencyId: AG, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: AG, name: 'Văn phòng Sở', kind: 'office' })).id;
  const unitA = (await buildUnit(db, { agencyId: AG, name: 'Phòng Công chức' })).id;
  const unitB = (await buildUnit(db, { agencyId: AG, name: 'Phòng Tổ chức' })).id;
  const otherUnit = (await buildUnit(db, { agencyId: other.id, name: 'Phòng Ngân sách' })).id;
  unitOf.A = unitA;
  unitOf.B = unitB;
  const make = async (key: string, unitId: string, fullName: string, position: PersonRole, roles: AppRole[]) => {
    p[key] = (await buildPerson(db, { unitId, fullName, position })).id;
    if (EMAIL[key]) await db.update(people).set({ email: EMAIL[key] }).where(eq(people.id, p[key]!));
    const u = await buildUser(db, { personId: p[key], roles, username: key.toLowerCase() });
    c[key] = t.client();
    expect((await c[key]!.login(u.username, TEST_PASSWORD)).status).toBe(200);
  };
  await make('director', board, 'Nguyễn Trọng Hưng', 'director', ['director']);
  await make('deputyDir', board, 'Phạm Thị Lan', 'deputy_director', ['deputy_director']);
  await make('chief', vp, 'Phạm Thị Hoa', 'chief_of_office', ['office']);
  await make('headA', unitA, 'Trần Văn Bình', 'head', ['unit_head']);
  await make('a1', unitA, 'Nguyễn Thị An', 'staff', ['staff']);
  await make('a2', unitA, 'Đỗ Minh Châu', 'staff', ['staff']);
  await make('b1', unitB, 'Bùi Văn Giang', 'staff', ['staff']);
  await make('headB', unitB, 'Võ Thị Em', 'head', ['unit_head']);
  await make('outsider', otherUnit, 'Lý Văn Khác', 'head', ['unit_head']);
  await db.insert(policies).values({
    id: 'pol-mt',
    ownerAgencyId: AG,
    title: 'Phương án làm việc tại nhà phòng, chống dịch COVID-19',
    validFrom: '2021-07-01',
    validTo: null,
    scopeAgencyIds: [AG],
    rules: {},
  });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: mail.subject ?? '',
          ics: ics ? ics.content.toString('utf8') : null,
          icsType: ics ? ics.contentType : null,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  transport = createTransport(`smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await t.close();
});

const online = (over: Record<string, unknown> = {}) => ({
  title: 'Họp giao ban trực tuyến; tuần 29, năm 2021',
  kind: 'online',
  startAt: `${DAY}T14:00:00+07:00`,
  endAt: `${DAY}T15:30:00+07:00`,
  onlineUrl: 'https://meet.snv.gov.vn/giao-ban-29',
  agenda: 'Tình hình làm việc tại nhà, lịch trực tuần sau',
  attendeePersonIds: [p.a1, p.a2, p.b1],
  chairPersonId: p.headA,
  ...over,
});

describe('meetings: invitation, ICS by e-mail, update, cancel', () => {
  let id = '';
  let version = 0;

  it('a unit head invites: each attendee is notified and e-mailed an invite.ics that ical.js reads (UID, SEQUENCE 0, DTSTART instant, ATTENDEE, VALARM)', async () => {
    const res = await c.headA!.post('/api/meetings', online());
    expect(res.status).toBe(200);
    id = res.body.id;
    version = res.body.version;
    expect(res.body).toMatchObject({ kind: 'online', status: 'scheduled', sequence: 0, myRole: 'organizer', canEdit: true });
    expect(res.body.attendees.map((a: { response: string }) => a.response)).toEqual(['pending', 'pending', 'pending']);
    const mails = await flushMail();
    expect(mails.map((m) => m.to).sort()).toEqual([EMAIL.a1, EMAIL.a2, EMAIL.b1].sort());
    const mail = mails.find((m) => m.to === EMAIL.a1)!;
    expect(mail.subject).toContain('Mời họp: Họp giao ban trực tuyến');
    expect(mail.icsType).toMatch(/^text\/calendar/);
    const { comp, events } = parseIcs(mail.ics!);
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const { v, e } = events[0]!;
    expect(e.uid).toBe(`${id}@congvu`);
    expect(e.sequence).toBe(0);
    expect(e.startDate.toJSDate().toISOString()).toBe('2021-07-20T07:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2021-07-20T08:30:00.000Z');
    expect(e.summary).toBe('Họp giao ban trực tuyến; tuần 29, năm 2021');
    expect(v.getFirstPropertyValue('url')).toBe('https://meet.snv.gov.vn/giao-ban-29');
    const attendees = e.attendees.map((a) => a.getFirstValue());
    expect(attendees).toEqual(expect.arrayContaining([`mailto:${EMAIL.a1}`, `mailto:${EMAIL.a2}`, `mailto:${EMAIL.b1}`]));
    expect(e.attendees[0]!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(v.getFirstProperty('organizer')!.getFirstValue()).toBe(`mailto:${EMAIL.headA}`);
    const alarm = v.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT15M');
    const [n] = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'meeting.invite'), eq(notifications.link, `/meetings/${id}`)));
    expect(n).toBeDefined();
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'meeting.create'), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
  });

  it('attendees see their meeting, others of the agency outside the unit and other agencies get 404, staff cannot invite', async () => {
    expect((await c.a1!.get(`/api/meetings/${id}`)).body).toMatchObject({ myRole: 'attendee', myResponse: 'pending', canEdit: false });
    expect((await c.a1!.get('/api/meetings')).body.meetings.map((m: { id: string }) => m.id)).toContain(id);
    expect((await c.director!.get(`/api/meetings/${id}`)).status).toBe(200); // meeting.read on the agency
    expect((await c.outsider!.get(`/api/meetings/${id}`)).status).toBe(404);
    expect((await c.outsider!.post(`/api/meetings/${id}/respond`, { answer: 'accept' })).status).toBe(404);
    expect((await c.a1!.post('/api/meetings', online())).status).toBe(403);
    // A person of another agency cannot be invited: 400 with the path of the bad id.
    const bad = await c.headA!.post('/api/meetings', online({ attendeePersonIds: [p.a1, p.outsider] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.attendeePersonIds[1]');
  });

  it('an attendee accepts (twice: same result) and declines only with a reason', async () => {
    const first = await c.a1!.post(`/api/meetings/${id}/respond`, { answer: 'accept' });
    expect(first.status).toBe(200);
    expect(first.body.myResponse).toBe('accepted');
    const again = await c.a1!.post(`/api/meetings/${id}/respond`, { answer: 'accept' });
    expect(again.body.myResponse).toBe('accepted');
    expect(again.body.version).toBe(first.body.version);
    const noReason = await c.b1!.post(`/api/meetings/${id}/respond`, { answer: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('body.reason');
    expect((await c.b1!.post(`/api/meetings/${id}/respond`, { answer: 'decline', reason: 'Đi công tác huyện Ninh Hải' })).body.myResponse).toBe('declined');
    const responses = (
      await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'meeting.respond'), eq(auditLog.entityId, id)))
    ).length;
    expect(responses).toBe(2);
  });

  it('an update needs the current version and sends the ICS again with SEQUENCE 1; a stale version is 409', async () => {
    const later = online({ startAt: `${DAY}T14:30:00+07:00`, endAt: `${DAY}T16:00:00+07:00`, version });
    const res = await c.headA!.put(`/api/meetings/${id}`, later);
    expect(res.status).toBe(200);
    expect(res.body.sequence).toBe(1);
    expect((await c.headA!.put(`/api/meetings/${id}`, later)).status).toBe(409);
    version = res.body.version;
    const mails = await flushMail();
    const mail = mails.find((m) => m.to === EMAIL.a1)!;
    expect(mail.subject).toContain('Thay đổi cuộc họp');
    const { comp, events } = parseIcs(mail.ics!);
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events[0]!.e.uid).toBe(`${id}@congvu`);
    expect(events[0]!.e.sequence).toBe(1);
    expect(events[0]!.e.startDate.toJSDate().toISOString()).toBe('2021-07-20T07:30:00.000Z');
    // A new time asks everyone again.
    expect((await c.a1!.get(`/api/meetings/${id}`)).body.myResponse).toBe('pending');
  });

  it('the reminder fires once, 15 minutes before the start, to those who accepted or did not answer', async () => {
    await c.a1!.post(`/api/meetings/${id}/respond`, { answer: 'accept' });
    await c.a2!.post(`/api/meetings/${id}/respond`, { answer: 'decline', reason: 'Nghỉ phép năm' });
    at(`${DAY}T14:14:00+07:00`);
    expect(await runMeetingsTick(t.deps, t.clock.now())).toEqual({ reminded: 0 });
    at(`${DAY}T14:15:00+07:00`);
    expect(await runMeetingsTick(t.deps, t.clock.now())).toEqual({ reminded: 2 }); // a1 accepted, b1 pending again
    at(`${DAY}T14:16:00+07:00`);
    expect(await runMeetingsTick(t.deps, t.clock.now())).toEqual({ reminded: 0 });
    const reminders = await t.deps.db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.kind, 'meeting.reminder'), eq(notifications.link, `/meetings/${id}`)));
    expect(reminders).toHaveLength(2);
    expect(reminders[0]!.title).toContain('bắt đầu lúc 14:30');
  });

  it('attendance: only once started, only by the organiser or the chair, only for invited people', async () => {
    at(`${DAY}T14:20:00+07:00`);
    const early = await c.headA!.post(`/api/meetings/${id}/attendance`, { marks: [{ personId: p.a1, attendance: 'present' }] });
    expect(early.status).toBe(409);
    at(`${DAY}T14:40:00+07:00`);
    expect((await c.a1!.post(`/api/meetings/${id}/attendance`, { marks: [{ personId: p.a1, attendance: 'present' }] })).status).toBe(403);
    const stranger = await c.headA!.post(`/api/meetings/${id}/attendance`, { marks: [{ personId: p.director, attendance: 'present' }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.issues[0].path).toBe('body.marks[0].personId');
    const ok = await c.headA!.post(`/api/meetings/${id}/attendance`, {
      marks: [
        { personId: p.a1, attendance: 'present' },
        { personId: p.a2, attendance: 'excused' },
      ],
    });
    expect(ok.status).toBe(200);
    const byId = Object.fromEntries(ok.body.attendees.map((a: { personId: string; attendance: string }) => [a.personId, a.attendance]));
    expect(byId).toMatchObject({ [p.a1!]: 'present', [p.a2!]: 'excused', [p.b1!]: null });
  });

  it('who is where: during the meeting the presence board shows attendees "Đang họp", with the title only for viewers who may read the meeting', async () => {
    at(`${DAY}T14:45:00+07:00`);
    const boardA = await c.headA!.get(`/api/presence/board?unitId=${unitOf.A}`);
    expect(boardA.status).toBe(200);
    const a1 = boardA.body.units[0].people.find((x: { personId: string }) => x.personId === p.a1);
    expect(a1.status).toMatchObject({ status: 'meeting', note: 'Họp giao ban trực tuyến; tuần 29, năm 2021' });
    const a2 = boardA.body.units[0].people.find((x: { personId: string }) => x.personId === p.a2);
    expect(a2.status).toBeNull(); // declined: not in the meeting
    // The head of unit B sees b1 in a meeting of unit A, without its title.
    const boardB = await c.headB!.get(`/api/presence/board?unitId=${unitOf.B}`);
    const b1 = boardB.body.units[0].people.find((x: { personId: string }) => x.personId === p.b1);
    expect(b1.status).toMatchObject({ status: 'meeting', note: null });
    // Who is where (the roster's view of the day) lists each person's meetings of the day, titled by the same rule.
    const todayA = await c.headA!.get(`/api/roster/today?unitId=${unitOf.A}&date=${DAY}`);
    expect(todayA.status).toBe(200);
    const inA = (id: string) => todayA.body.units[0].people.find((x: { personId: string }) => x.personId === id);
    expect(inA(p.a1!).meetings).toEqual([expect.objectContaining({ title: 'Họp giao ban trực tuyến; tuần 29, năm 2021' })]);
    expect(new Date(inA(p.a1!).meetings[0].endAt) > new Date(`${DAY}T14:45:00+07:00`)).toBe(true);
    expect(inA(p.a2!).meetings).toEqual([]); // declined
    const todayB = await c.headB!.get(`/api/roster/today?unitId=${unitOf.B}&date=${DAY}`);
    expect(todayB.body.units[0].people.find((x: { personId: string }) => x.personId === p.b1).meetings).toEqual([expect.objectContaining({ title: null })]);
    at(`${DAY}T16:05:00+07:00`);
    const after = await c.headA!.get(`/api/presence/board?unitId=${unitOf.A}`);
    expect(after.body.units[0].people.find((x: { personId: string }) => x.personId === p.a1).status).toBeNull();
  });

  it('cancelling sends METHOD:CANCEL with the same UID and a higher SEQUENCE; cancelling again returns the same meeting', async () => {
    at(`${DAY}T09:00:00+07:00`);
    const res = await c.headA!.post(`/api/meetings/${id}/cancel`, { version, reason: 'Lãnh đạo đi công tác đột xuất' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.sequence).toBe(2);
    const again = await c.headA!.post(`/api/meetings/${id}/cancel`, { version, reason: 'Lãnh đạo đi công tác đột xuất' });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(res.body.version);
    const mails = await flushMail();
    const mail = mails.find((m) => m.to === EMAIL.a1)!;
    expect(mail.subject).toContain('Hủy cuộc họp');
    const { comp, events } = parseIcs(mail.ics!);
    expect(comp.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]!.e.uid).toBe(`${id}@congvu`);
    expect(events[0]!.e.sequence).toBe(2);
    expect(events[0]!.v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect((await c.a1!.post(`/api/meetings/${id}/respond`, { answer: 'accept' })).status).toBe(409);
  });
});

describe('meetings: rules, feed, outside meeting report, acting', () => {
  it('during a WFH policy an in-person meeting at the agency needs a reason (khẩn cấp / phòng chống dịch)', async () => {
    at(`${DAY}T08:00:00+07:00`);
    const body = online({ kind: 'internal', onlineUrl: undefined, place: 'Phòng họp tầng 2' });
    const res = await c.headA!.post('/api/meetings', body);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('body.inPersonReason');
    expect(res.body.error.message).toContain('phương án làm việc tại nhà');
    const ok = await c.headA!.post('/api/meetings', { ...body, inPersonReason: 'urgent', inPersonNote: 'Xử lý hồ sơ thi tuyển gấp' });
    expect(ok.status).toBe(200);
    expect(ok.body.inPersonReason).toBe('urgent');
    // An online meeting without its https link is refused with the field path.
    const noUrl = await c.headA!.post('/api/meetings', online({ onlineUrl: 'http://meet.snv.gov.vn/x' }));
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.error.issues[0].path).toBe('body.onlineUrl');
  });

  it('a secret document cannot be linked to a meeting (400 with the path)', async () => {
    const now = t.clock.now();
    await t.deps.db.insert(documents).values({
      id: 'doc-mat-1',
      agencyId: AG,
      direction: 'in',
      register: 'mat_den',
      status: 'registered',
      secrecy: 'mat',
      createdAt: now,
      updatedAt: now,
    });
    const res = await c.chief!.post('/api/meetings', online({ documentIds: ['doc-mat-1'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('body.documentIds[0]');
  });

  it('the calendar feed: a secret URL without a session gives the person’s meetings (METHOD:PUBLISH); a new URL makes the old one 404', async () => {
    at(`${DAY}T08:00:00+07:00`);
    const created = await c.headA!.post(
      '/api/meetings',
      online({ title: 'Họp chuyên đề cải cách hành chính', startAt: `${DAY}T16:00:00+07:00`, endAt: `${DAY}T17:00:00+07:00` }),
    );
    expect(created.status).toBe(200);
    expect((await c.a1!.get('/api/meetings/feed-token')).body.httpsUrl).toBeNull();
    const token = await c.a1!.post('/api/meetings/feed-token', {});
    expect(token.status).toBe(200);
    expect(token.body.webcalUrl).toMatch(/^webcal:\/\//);
    const path = new URL(token.body.httpsUrl).pathname;
    expect((await c.a1!.get('/api/meetings/feed-token')).body.httpsUrl).toBe(token.body.httpsUrl);
    const anonymous = t.client();
    const feed = await anonymous.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const { comp, events } = parseIcs(feed.body as string);
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    const uids = events.map((x) => x.e.uid);
    expect(uids).toContain(`${created.body.id}@congvu`);
    // Only the holder's meetings: b1's feed token is separate; and no attendee addresses.
    expect(events.every((x) => x.e.attendees.length === 0)).toBe(true);
    const renewed = await c.a1!.post('/api/meetings/feed-token', {});
    expect(renewed.body.httpsUrl).not.toBe(token.body.httpsUrl);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await anonymous.get(new URL(renewed.body.httpsUrl).pathname)).status).toBe(200);
    expect((await anonymous.get('/api/meetings/feed/%00%ff.ics')).status).toBe(404);
    expect((await anonymous.get('/api/meetings/feed/abc')).status).toBe(404);
  });

  it('after an outside meeting the attendee reports; the Director is notified and sees the report on the meeting page', async () => {
    at(`${DAY}T08:00:00+07:00`);
    const res = await c.chief!.post('/api/meetings', {
      title: 'Hội nghị trực tuyến toàn quốc về cải cách hành chính',
      kind: 'outside',
      startAt: `${DAY}T09:00:00+07:00`,
      endAt: `${DAY}T11:00:00+07:00`,
      place: 'Điểm cầu UBND tỉnh',
      attendeePersonIds: [p.a2],
    });
    expect(res.status).toBe(200);
    const id = res.body.id;
    const report = { summary: 'Hội nghị quán triệt kế hoạch cải cách hành chính năm 2021.', conclusions: 'Giao Sở Nội vụ tham mưu kế hoạch triển khai.' };
    expect((await c.a2!.post(`/api/meetings/${id}/report`, report)).status).toBe(409); // not held yet
    at(`${DAY}T11:05:00+07:00`);
    expect((await c.a1!.post(`/api/meetings/${id}/report`, report)).status).toBe(404); // a1 is not invited (same unit, staff)
    const filed = await c.a2!.post(`/api/meetings/${id}/report`, report);
    expect(filed.status).toBe(200);
    expect(filed.body.reports).toHaveLength(1);
    const [directorUser] = await t.deps.db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.kind, 'meeting.report'), eq(notifications.link, `/meetings/${id}`)));
    expect(directorUser?.title).toContain('Báo cáo kết quả');
    const seen = await c.director!.get(`/api/meetings/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.reports[0]).toMatchObject({ personId: p.a2, conclusions: report.conclusions });
  });

  it('an invitation to a leader whose acting deputy (scope all) is in force that day also goes to the deputy', async () => {
    at(`${DAY}T08:00:00+07:00`);
    await t.deps.db.insert(actingAssignments).values({
      id: 'act-1',
      leaderPersonId: p.director!,
      deputyPersonId: p.deputyDir!,
      agencyId: AG,
      fromDate: DAY,
      toDate: DAY,
      scope: 'all',
      createdByUserId: 'system',
      createdAt: t.clock.now(),
    });
    const res = await c.chief!.post('/api/meetings', online({ title: 'Họp Ban Giám đốc', attendeePersonIds: [p.director] }));
    expect(res.status).toBe(200);
    const deputy = res.body.attendees.find((a: { personId: string }) => a.personId === p.deputyDir);
    expect(deputy).toMatchObject({ actingForName: 'Nguyễn Trọng Hưng' });
    const mails = await flushMail();
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([EMAIL.director, EMAIL.deputyDir]));
  });
});
