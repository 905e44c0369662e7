import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { roleGrants } from '../auth/auth.table';
import { createTransport, sendPendingEmails } from '../notifications/mailer';
import { emailOutbox, notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { rosterPeriods, rosterVersions, schedule } from '../roster/roster.table';
import { runAppendix1Tick } from './province-follow';

const DEADLINE = '2021-07-19T17:00:00+07:00';
let t: TestApp;
const C: Record<string, TestClient> = {};
const U: Record<string, string> = {};
const P: Record<string, string> = {};

async function approvedPeriod(id: string, agencyId: string, personId: string, version = 1) {
  const db = t.deps.db;
  await db.insert(rosterPeriods).values({
    id,
    agencyId,
    fromDate: '2021-07-19',
    toDate: '2021-07-30',
    status: 'approved',
    approvedVersion: version,
    approvedAt: new Date('2021-07-17T08:00:00+07:00'),
    approvedBy: 'x',
  });
  await db.insert(rosterVersions).values({
    periodId: id,
    version,
    approvedAt: new Date('2021-07-17T08:00:00+07:00'),
    approvedBy: 'x',
    assignments: [{ personId, date: '2021-07-19', mode: 'wfh' }],
    diff: [],
  });
}

const kindsOf = async (userId: string, kind: string) =>
  (
    await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
  ).length;

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-17T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'pf', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: 'pf-snv', name: 'Sở Nội vụ', parentId: 'pf' });
  await buildAgency(db, { id: 'pf-a', name: 'Sở Tài chính', parentId: 'pf' });
  await buildAgency(db, { id: 'pf-b', name: 'Sở Y tế', parentId: 'pf' });
  await buildAgency(db, { id: 'pf-c', name: 'Sở Xây dựng', parentId: 'pf' });
  await buildAgency(db, { id: 'px', name: 'UBND tỉnh Đắk Nông' });
  await buildAgency(db, { id: 'px-a', name: 'Sở LĐTBXH Đắk Nông', parentId: 'px' });
  for (const a of ['pf-snv', 'pf-a', 'pf-b', 'pf-c', 'px-a']) {
    U[a] = (await buildUnit(db, { agencyId: a, name: 'Văn phòng', kind: 'office' })).id;
    P[a] = (await buildPerson(db, { unitId: U[a], fullName: `Chánh Văn phòng ${a}`, position: 'chief_of_office' })).id;
    P[`${a}-dir`] = (await buildPerson(db, { unitId: U[a], fullName: `Giám đốc ${a}`, position: 'director' })).id;
    await db
      .update(people)
      .set({ email: `vp@${a}.gov.vn` })
      .where(eq(people.id, P[a]!));
  }
  await approvedPeriod('per-a', 'pf-a', P['pf-a']!);
  await approvedPeriod('per-b', 'pf-b', P['pf-b']!);
  // Sở Xây dựng is still collecting: no approved roster.
  await db.insert(rosterPeriods).values({ id: 'per-c', agencyId: 'pf-c', fromDate: '2021-07-19', toDate: '2021-07-30', status: 'collecting' });
  await db.insert(schedule).values([
    { personId: P['pf-a']!, date: '2021-07-19', agencyId: 'pf-a', unitId: U['pf-a']!, mode: 'wfh', periodId: 'per-a', version: 1 },
    { personId: P['pf-a-dir']!, date: '2021-07-19', agencyId: 'pf-a', unitId: U['pf-a']!, mode: 'onsite', periodId: 'per-a', version: 1 },
  ]);
  const accounts: Array<[string, string, ('staff' | 'office' | 'director')[], string?]> = [
    ['province', P['pf-snv']!, ['staff'], 'pf'],
    ['provinceX', P['px-a']!, ['staff'], 'px'],
    ['officeA', P['pf-a']!, ['staff', 'office']],
    ['directorA', P['pf-a-dir']!, ['staff', 'director']],
    ['officeB', P['pf-b']!, ['staff', 'office']],
    ['officeC', P['pf-c']!, ['staff', 'office']],
    ['directorC', P['pf-c-dir']!, ['staff', 'director']],
  ];
  for (const [key, personId, roles, province] of accounts) {
    const user = await buildUser(db, { personId, roles, username: `pf-${key.toLowerCase()}` });
    if (province) await db.insert(roleGrants).values({ id: `g-pf-${key}`, userId: user.id, role: 'province', agencyId: province, unitId: null });
    U[`user-${key}`] = user.id;
    C[key] = t.client(`10.41.0.${Object.keys(C).length + 1}`);
    expect((await C[key]!.login(user.username, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

describe('Phụ lục 1 sent to the province', () => {
  it('lets only the province set the deadline; the same deadline again changes nothing; a stale version is a conflict', async () => {
    const body = { rootId: 'pf', fromDate: '2021-07-19', toDate: '2021-07-30', deadline: DEADLINE, recipients: 'Sở Nội vụ, Sở Thông tin và Truyền thông' };
    expect((await C.officeA!.put('/api/reports/appendix1/deadlines', body)).status).toBe(404);
    expect((await C.provinceX!.put('/api/reports/appendix1/deadlines', body)).status).toBe(404);
    const set = await C.province!.put('/api/reports/appendix1/deadlines', body);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ rootId: 'pf', version: 1, deadline: new Date(DEADLINE).toISOString() });
    const again = await C.province!.put('/api/reports/appendix1/deadlines', body);
    expect(again.body).toEqual(set.body);
    expect((await C.province!.put('/api/reports/appendix1/deadlines', { ...body, deadline: '2021-07-19T18:00:00+07:00', version: 7 })).status).toBe(409);
    const bad = await C.province!.put('/api/reports/appendix1/deadlines', { ...body, toDate: '2021-07-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.toDate');
  });

  it('refuses to send the Phụ lục 1 of a roster that is not approved', async () => {
    const res = await C.officeC!.post('/api/reports/appendix1/submissions', { periodId: 'per-c' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('chưa được phê duyệt');
    // Another agency's period answers like a missing one.
    expect((await C.officeC!.post('/api/reports/appendix1/submissions', { periodId: 'per-a' })).status).toBe(404);
  });

  it('records the submission of an approved version once (repeated sending is the same answer) and tells the province', async () => {
    const before = await C.officeA!.get('/api/reports/appendix1/agency?agencyId=pf-a');
    expect(before.body.periods[0]).toMatchObject({ periodId: 'per-a', toSend: true, lastSent: null, deadline: { rootId: 'pf' } });
    const res = await C.officeA!.post('/api/reports/appendix1/submissions', { periodId: 'per-a' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ periodId: 'per-a', rosterVersion: 1, resent: false });
    expect(res.body.hash).toMatch(/^[0-9a-f]{64}$/);
    const twice = await C.officeA!.post('/api/reports/appendix1/submissions', { periodId: 'per-a' });
    expect(twice.body).toEqual(res.body);
    expect((await C.officeA!.get('/api/reports/appendix1/agency?agencyId=pf-a')).body.periods[0].toSend).toBe(false);
    expect(await kindsOf(U['user-province']!, 'appendix1_received')).toBe(1);
    expect(await kindsOf(U['user-provinceX']!, 'appendix1_received')).toBe(0);
  });

  it('tells on time, late and missing apart, lists agencies without a roster, and shows a new version re-sent', async () => {
    t.clock.set('2021-07-20T08:00:00+07:00');
    expect((await C.officeB!.post('/api/reports/appendix1/submissions', { periodId: 'per-b' })).status).toBe(200);
    let f = await C.province!.get('/api/reports/follow?rootId=pf&date=2021-07-21');
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ from: '2021-07-19', to: '2021-07-25', deadline: { recipients: 'Sở Nội vụ, Sở Thông tin và Truyền thông' } });
    const by = (id: string) => f.body.rows.find((r: any) => r.agencyId === id);
    // Every agency of the province with people is followed (Sở Nội vụ too), not the province root.
    expect(f.body.rows.map((r: any) => r.agencyId)).toEqual(['pf-a', 'pf-b', 'pf-c', 'pf-snv']);
    expect(by('pf-a')).toMatchObject({ published: true, sent: 'onTime', outdated: false, homeShare: 50 });
    expect(by('pf-b')).toMatchObject({ published: true, sent: 'late' });
    expect(by('pf-c')).toMatchObject({ published: false, sent: 'missing', lastSent: null });
    // A change approved as version 2: not sent yet, then sent again.
    await t.deps.db.update(rosterPeriods).set({ approvedVersion: 2 }).where(eq(rosterPeriods.id, 'per-a'));
    await t.deps.db.insert(rosterVersions).values({
      periodId: 'per-a',
      version: 2,
      approvedAt: new Date('2021-07-20T07:00:00+07:00'),
      approvedBy: 'x',
      assignments: [],
      diff: [],
    });
    f = await C.province!.get('/api/reports/follow?rootId=pf&date=2021-07-21');
    expect(by('pf-a')).toMatchObject({ outdated: true, lastSent: { rosterVersion: 1 } });
    const again = await C.officeA!.post('/api/reports/appendix1/submissions', { periodId: 'per-a' });
    expect(again.body).toMatchObject({ rosterVersion: 2, resent: true });
    f = await C.province!.get('/api/reports/follow?rootId=pf&date=2021-07-21');
    expect(by('pf-a')).toMatchObject({ sent: 'onTime', outdated: false, lastSent: { rosterVersion: 2, resent: true } });
  });

  it('exports the follow table to XLSX', async () => {
    const res = await C.province!.get('/api/reports/follow/export?rootId=pf&date=2021-07-21');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]![0]).toBe('THEO DÕI PHƯƠNG ÁN LÀM VIỆC TẠI NHÀ CỦA CÁC CƠ QUAN');
    expect(rows[2]![0]).toContain('Hạn gửi Phụ lục 1: 17:00 19/07/2021');
    const body = rows.slice(4);
    expect(body.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Sở Tài chính', 'Có (phiên bản 2)', 'Đúng hạn, đã gửi lại'],
      ['Sở Y tế', 'Có (phiên bản 1)', 'Trễ hạn'],
      ['Sở Xây dựng', 'Chưa có lịch', 'Chưa gửi (quá hạn)'],
      ['Sở Nội vụ', 'Chưa có lịch', 'Chưa gửi (quá hạn)'],
    ]);
    expect((await C.provinceX!.get('/api/reports/follow/export?rootId=pf&date=2021-07-21')).status).toBe(404);
  });
});

describe('reminders and the 17:00 report', () => {
  it('reminds the Office and the Director of the agencies that have not sent, and only those, by e-mail through a real SMTP server', async () => {
    const res = await C.province!.post('/api/reports/follow/remind', { rootId: 'pf', date: '2021-07-21' });
    expect(res.status).toBe(200);
    expect(res.body.agencies).toEqual(['pf-c', 'pf-snv']);
    expect(await kindsOf(U['user-officeC']!, 'appendix1_reminder')).toBe(1);
    expect(await kindsOf(U['user-directorC']!, 'appendix1_reminder')).toBe(1);
    expect(await kindsOf(U['user-officeA']!, 'appendix1_reminder')).toBe(0);
    expect(await kindsOf(U['user-officeB']!, 'appendix1_reminder')).toBe(0);
    // "Nhắc" one agency, even one that has sent; one of another province is out of reach.
    expect((await C.province!.post('/api/reports/follow/remind', { rootId: 'pf', date: '2021-07-21', agencyId: 'pf-a' })).body.agencies).toEqual(['pf-a']);
    expect(await kindsOf(U['user-directorA']!, 'appendix1_reminder')).toBe(1);
    expect((await C.province!.post('/api/reports/follow/remind', { rootId: 'pf', date: '2021-07-21', agencyId: 'px-a' })).status).toBe(404);
    expect((await C.officeA!.post('/api/reports/follow/remind', { rootId: 'pf', date: '2021-07-21' })).status).toBe(404);
    const f = await C.province!.get('/api/reports/follow?rootId=pf&date=2021-07-21');
    expect(f.body.rows.find((r: any) => r.agencyId === 'pf-c').lastRemindedAt).toBe(new Date('2021-07-20T08:00:00+07:00').toISOString());

    const received: { to: string; subject: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.server.address() as { port: number }).port;
      await sendPendingEmails(t.deps, createTransport(`smtp://127.0.0.1:${port}`));
      const mail = received.find((m) => m.to === 'vp@pf-c.gov.vn' && m.subject.includes('Phụ lục 1'))!;
      expect(mail.subject).toContain('Đã quá hạn gửi Phụ lục 1 (19/07–30/07/2021)');
      expect(mail.text).toContain('về Sở Nội vụ, Sở Thông tin và Truyền thông trước 17:00 19/07/2021');
      expect(mail.text).toContain('chưa có lịch làm việc được phê duyệt');
      expect(received.some((m) => m.to === 'vp@pf-b.gov.vn' && m.subject.includes('Phụ lục 1'))).toBe(false);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('the tick task reminds a working day before and at the deadline, each once even with two servers ticking', async () => {
    // Deadline on Monday 02/08 at 08:00: the reminder before comes on Friday 30/07 at 08:00.
    const set = await C.province!.put('/api/reports/appendix1/deadlines', {
      rootId: 'pf',
      fromDate: '2021-08-02',
      toDate: '2021-08-13',
      deadline: '2021-08-02T08:00:00+07:00',
    });
    expect(set.status).toBe(200);
    const count = () => kindsOf(U['user-officeC']!, 'appendix1_reminder');
    const start = await count();
    const startA = await kindsOf(U['user-officeA']!, 'appendix1_reminder');
    expect(await runAppendix1Tick(t.deps, new Date('2021-07-30T07:59:00+07:00'))).toEqual([]);
    const before = await Promise.all([
      runAppendix1Tick(t.deps, new Date('2021-07-30T08:00:00+07:00')),
      runAppendix1Tick(t.deps, new Date('2021-07-30T08:00:00+07:00')),
    ]);
    expect(before.flat()).toHaveLength(1);
    expect(before.flat()[0]).toContain(':before:');
    expect(await count()).toBe(start + 1);
    expect(await runAppendix1Tick(t.deps, new Date('2021-07-31T09:00:00+07:00'))).toEqual([]);
    const at = await runAppendix1Tick(t.deps, new Date('2021-08-02T08:00:30+07:00'));
    expect(at).toHaveLength(1);
    expect(at[0]).toContain(':deadline:');
    expect(await runAppendix1Tick(t.deps, new Date('2021-08-02T08:01:00+07:00'))).toEqual([]);
    expect(await count()).toBe(start + 2);
    // Every agency without Phụ lục 1 for these days is reminded (none has a period yet), the province is told who is late.
    expect(await kindsOf(U['user-officeA']!, 'appendix1_reminder')).toBe(startA + 2);
    expect(await kindsOf(U['user-province']!, 'appendix1_late')).toBe(1);
    expect(await kindsOf(U['user-provinceX']!, 'appendix1_late')).toBe(0);
    const mails = await t.deps.db.select().from(emailOutbox).where(like(emailOutbox.subject, '%Phụ lục 1 (02/08–13/08/2021)%'));
    expect(mails.map((m) => m.to)).toContain('vp@pf-c.gov.vn');
  });

  it('the 17:00 report lists the agencies without an approved roster for the day', async () => {
    const res = await C.province!.get('/api/reports/province?rootId=pf&date=2021-07-19');
    expect(res.status).toBe(200);
    expect(res.body.content.noRoster).toEqual(['pf-c', 'pf-snv']);
    // The exported province report names them too.
    const x = await C.province!.get('/api/reports/province/export?rootId=pf&date=2021-07-19&format=xlsx');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => texts.push((row.values as unknown[]).map((v) => String(v ?? '')).join(' ')));
    expect(texts.find((t) => t.includes('Cơ quan chưa có lịch làm việc được phê duyệt:'))).toBeTruthy();
    // The Đắk Nông province user sees nothing of Ninh Thuận; their own follow table lists their agencies only.
    expect((await C.provinceX!.get('/api/reports/follow?rootId=pf&date=2021-07-21')).status).toBe(404);
    const own = await C.provinceX!.get('/api/reports/follow?rootId=px&date=2021-07-21');
    expect(own.body.rows.map((r: any) => r.agencyId)).toEqual(['px-a']);
  });
});
