import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { PDFParse } from 'pdf-parse';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { policies } from '../policy/policy.table';
import { schedule } from '../roster/roster.table';
import { taskActions, tasks } from '../tasks/tasks.table';
import { people } from '../org/org.table';
import { dailyReports } from './reports.table';
import { jobRuns } from '../jobs/jobs.table';
import { runOnce, tick } from '../jobs/scheduler';
import { hashContent } from './reports.service';
import { createTransport, sendPendingEmails } from '../notifications/mailer';

const D1 = '2021-07-19';
const D2 = '2021-07-20';
let t: TestApp;
const P: Record<string, string> = {};
const C: Record<string, TestClient> = {};

async function task(id: string, assigneeId: string, agencyId: string, unitId: string, assignedAt: string, finishedAt?: string) {
  const at = new Date(assignedAt);
  await t.deps.db.insert(tasks).values({
    id,
    agencyId,
    unitId,
    title: `Nhiệm vụ ${id}`,
    assigneeId,
    assignedAt: at,
    finishedAt: finishedAt ? new Date(finishedAt) : null,
    createdAt: at,
    updatedAt: at,
  });
}
async function action(taskId: string, personId: string, agencyId: string, at: string, kind: string) {
  const d = new Date(at);
  await t.deps.db
    .insert(taskActions)
    .values({ taskId, personId, agencyId, at: d, day: new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10), kind });
}

beforeAll(async () => {
  t = await createTestApp({ now: `${D1}T15:00:00+07:00`, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt' });
  await buildAgency(db, { id: 'nt-stc', name: 'Sở Tài chính', parentId: 'nt' });
  const u = (await buildUnit(db, { id: 'nt-snv-tcbm', agencyId: 'nt-snv', name: 'Phòng Tổ chức, biên chế' })).id;
  const vp = (await buildUnit(db, { id: 'nt-snv-vp', agencyId: 'nt-snv', name: 'Văn phòng Sở', kind: 'office' })).id;
  const tt = (await buildUnit(db, { id: 'nt-snv-tt', agencyId: 'nt-snv', name: 'Thanh tra Sở', kind: 'inspectorate' })).id;
  const stcUnit = (await buildUnit(db, { id: 'nt-stc-ns', agencyId: 'nt-stc', name: 'Phòng Ngân sách' })).id;
  P.an = (await buildPerson(db, { id: 'p-an', unitId: u, fullName: 'Nguyễn Thị An' })).id;
  P.binh = (await buildPerson(db, { id: 'p-binh', unitId: u, fullName: 'Trần Văn Bình' })).id;
  P.chau = (await buildPerson(db, { id: 'p-chau', unitId: u, fullName: 'Lê Minh Châu' })).id;
  P.chief = (await buildPerson(db, { id: 'p-chief', unitId: vp, fullName: 'Phạm Thị Dung', position: 'chief_of_office' })).id;
  P.inspector = (await buildPerson(db, { id: 'p-insp', unitId: tt, fullName: 'Lê Công Nghĩa', position: 'head' })).id;
  P.stc = (await buildPerson(db, { id: 'p-stc', unitId: stcUnit, fullName: 'Hồ Thị Giang' })).id;
  await db.update(people).set({ email: 'nghia.lc@snv.ninhthuan.gov.vn' }).where(eq(people.id, P.inspector));
  for (const [id, agencyId, reportTime] of [
    ['pol-snv', 'nt-snv', '16:00'],
    ['pol-stc', 'nt-stc', '17:30'],
  ] as const) {
    await db.insert(policies).values({
      id,
      ownerAgencyId: agencyId,
      title: 'Phương án',
      validFrom: '2021-07-01',
      scopeAgencyIds: [agencyId],
      rules: {},
      agencyReportTime: reportTime,
      provinceReportTime: '17:00',
    });
  }
  const sched = (personId: string, agencyId: string, unitId: string, date: string, mode: string) => ({
    personId,
    agencyId,
    unitId,
    date,
    mode,
    periodId: 'per',
    version: 1,
  });
  await db
    .insert(schedule)
    .values([
      sched(P.an, 'nt-snv', u, D1, 'wfh'),
      sched(P.binh, 'nt-snv', u, D1, 'wfh'),
      sched(P.chau, 'nt-snv', u, D1, 'onsite'),
      sched(P.an, 'nt-snv', u, D2, 'wfh'),
      sched(P.binh, 'nt-snv', u, D2, 'onsite'),
      sched(P.stc, 'nt-stc', stcUnit, D1, 'wfh'),
    ]);
  // An: 2 tasks, processes one on her home day; Bình: 1 task, only views it → "xem xét xử lý".
  await task('t1', P.an, 'nt-snv', u, '2021-07-16T08:00:00+07:00');
  await task('t2', P.an, 'nt-snv', u, '2021-07-19T09:00:00+07:00');
  await task('t3', P.binh, 'nt-snv', u, '2021-07-15T08:00:00+07:00');
  await task('t4', P.chau, 'nt-snv', u, '2021-07-15T08:00:00+07:00');
  await action('t1', P.an, 'nt-snv', '2021-07-19T10:00:00+07:00', 'comment');
  await action('t2', P.an, 'nt-snv', '2021-07-19T11:00:00+07:00', 'view');
  await action('t3', P.binh, 'nt-snv', '2021-07-19T14:00:00+07:00', 'view');
  await action('t1', P.an, 'nt-snv', '2021-07-20T09:00:00+07:00', 'finish');
  const users: Array<[string, string, ('staff' | 'office' | 'province')[], string?]> = [
    ['office', P.chief, ['staff', 'office']],
    ['staff', P.an, ['staff']],
    ['province', P.inspector, ['staff', 'province'], 'nt'],
    ['stcOffice', P.stc, ['staff', 'office']],
  ];
  for (const [key, personId, roles, provinceAgency] of users) {
    const user = await buildUser(db, { personId, roles: roles.filter((r) => r !== 'province'), username: `r-${key.toLowerCase()}` });
    if (provinceAgency) {
      const { roleGrants } = await import('../auth/auth.table');
      await db.insert(roleGrants).values({ id: `g-prov-${key}`, userId: user.id, role: 'province', agencyId: provinceAgency, unitId: null });
    }
    C[key] = t.client(`10.40.0.${Object.keys(C).length + 1}`);
    expect((await C[key]!.login(user.username, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

describe('daily reports', () => {
  it('previews the agency report before 16:00, computed from the system, and lets the Office add a note', async () => {
    const res = await C.office!.get(`/api/reports/daily?agencyId=nt-snv&date=${D1}`);
    expect(res.status).toBe(200);
    expect(res.body.frozen).toBe(false);
    const rows = res.body.content.appendix2.agencies[0].rows;
    expect(rows.map((r: any) => [r.personId, r.assigned, r.processed, r.processedRatio])).toEqual([
      ['p-an', 2, 1, 50],
      ['p-binh', 1, 0, 0],
    ]);
    expect(res.body.content.flags.noProcessing.map((f: any) => f.personId)).toEqual(['p-binh']);
    expect(res.body.content.flags.noProcessing[0].openTasks.map((x: any) => x.id)).toEqual(['t3']);
    expect((await C.staff!.get(`/api/reports/daily?agencyId=nt-snv&date=${D1}`)).status).toBe(403);
    expect((await C.stcOffice!.get(`/api/reports/daily?agencyId=nt-snv&date=${D1}`)).status).toBe(404);
    expect((await C.office!.put(`/api/reports/notes/nt-snv/${D1}`, { note: 'Nhầm' })).status).toBe(200);
    expect((await C.office!.put(`/api/reports/notes/nt-snv/${D1}`, { note: '' })).status).toBe(200);
    expect((await C.office!.get(`/api/reports/daily?agencyId=nt-snv&date=${D1}`)).body.content.note).toBeNull();
    expect((await C.office!.put(`/api/reports/notes/nt-snv/${D1}`, { note: 'Phòng TCBM có 01 đồng chí nghỉ ốm.' })).status).toBe(200);
    expect((await C.staff!.put(`/api/reports/notes/nt-snv/${D1}`, { note: 'x' })).status).toBe(403);
  });

  it('freezes the agency report at 16:00 exactly once, even when ticks run at the same time', async () => {
    t.clock.set(`${D1}T15:59:00+07:00`);
    expect((await tick(t.deps)).ran).toEqual([]);
    t.clock.set(`${D1}T16:00:30+07:00`);
    const [a, b] = await Promise.all([tick(t.deps), tick(t.deps)]);
    expect([...a.ran, ...b.ran]).toEqual([`agency-report:nt-snv:${D1}`]);
    expect((await tick(t.deps)).ran).toEqual([]);
    const rows = await t.deps.db.select().from(dailyReports).where(eq(dailyReports.kind, 'agency'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toBe(hashContent(rows[0]!.content));
    expect((rows[0]!.content as any).note).toBe('Phòng TCBM có 01 đồng chí nghỉ ốm.');
    expect((rows[0]!.content as any).late).toBe(false);
    const late = await C.office!.put(`/api/reports/notes/nt-snv/${D1}`, { note: 'Sửa sau 16:00' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Báo cáo ngày này đã chốt lúc 16:00; không thể sửa ghi chú.');
    // The export of the 16:00 report is the frozen snapshot, with its check code.
    const x = await C.office!.get(`/api/reports/daily/export?agencyId=nt-snv&date=${D1}&format=xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => text.push(row.values ? JSON.stringify(row.values) : ''));
    expect(text.join('\n')).toContain(rows[0]!.hash);
    expect(text.join('\n')).toContain('Nguyễn Thị An');
    const notes = await C.province!.get('/api/notifications');
    expect(notes.body.notifications.map((n: any) => n.title)).toContain('Sở Nội vụ đã gửi báo cáo ngày 19/07/2021');
  });

  it('runs a job again after a failure rolled it back', async () => {
    await expect(
      runOnce(t.deps, 'test:failing', async () => {
        throw new Error('hỏng');
      }),
    ).rejects.toThrow('hỏng');
    expect(await t.deps.db.select().from(jobRuns).where(eq(jobRuns.key, 'test:failing'))).toHaveLength(0);
    expect(await runOnce(t.deps, 'test:failing', async () => 'ok')).toBe(true);
    expect(await runOnce(t.deps, 'test:failing', async () => 'ok')).toBe(false);
  });

  it('compiles the province report at 17:00 and lists agencies that sent nothing', async () => {
    t.clock.set(`${D1}T17:00:10+07:00`);
    const r = await tick(t.deps);
    expect(r.ran).toEqual([`province-report:nt:${D1}`]);
    const res = await C.province!.get(`/api/reports/province?rootId=nt&date=${D1}`);
    expect(res.status).toBe(200);
    expect(res.body.frozen).toBe(true);
    expect(res.body.content.received.map((x: any) => x.agencyId)).toEqual(['nt-snv']);
    expect(res.body.content.missing).toEqual(['nt-stc']);
    expect(res.body.content.appendix2.totals).toMatchObject({ wfhDays: 2, assigned: 3, processed: 1 });
    expect((await C.office!.get(`/api/reports/province?rootId=nt&date=${D1}`)).status).toBe(404);
    const subs = await C.province!.get(`/api/reports/submissions?rootId=nt&date=${D1}`);
    expect(subs.body.agencies.map((a: any) => [a.agencyId, a.sentAt !== null])).toEqual([
      ['nt-snv', true],
      ['nt-stc', false],
    ]);
  });

  it('exports the province report as XLSX with the seed’s merged header, and as PDF and DOCX', async () => {
    const x = await C.province!.get(`/api/reports/province/export?rootId=nt&date=${D1}&format=xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('D5').value).toBe('Kết quả xử lý công việc tại nhà trong kỳ báo cáo');
    expect(ws.getCell('D6').value).toBe('Có xử lý công việc trên TDO');
    expect(ws.getCell('F6').value).toBe('Không xử lý công việc trên TDO');
    expect([ws.getCell('D7').value, ws.getCell('E7').value]).toEqual(['Số lượng', 'Tỷ lệ']);
    expect(ws.getCell('E6').isMerged && ws.getCell('E6').master.address).toBe('D6');
    const lines: unknown[][] = [];
    ws.eachRow((row, n) => n >= 8 && lines.push([1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value)));
    expect(lines.slice(0, 4)).toEqual([
      ['1', 'Sở Nội vụ', 3, 1, '33,3%', 2, '66,7%'],
      ['1.1', 'Nguyễn Thị An', 2, 1, '50,0%', 1, '50,0%'],
      ['1.2', 'Trần Văn Bình', 1, 0, '0,0%', 1, '100,0%'],
      ['', 'Tổng cộng', 3, 1, '33,3%', 2, '66,7%'],
    ]);
    expect(JSON.stringify(lines)).toContain('Sở Tài chính');
    const pdf = await C.province!.get(`/api/reports/province/export?rootId=nt&date=${D1}&format=pdf`);
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: pdf.body as Uint8Array });
    const text = (await parser.getText()).text;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Nguyễn Thị An');
    expect(text).toContain('Tổng cộng');
    const docx = await C.province!.get(`/api/reports/province/export?rootId=nt&date=${D1}&format=docx`);
    const xml = await (await JSZip.loadAsync(docx.body as Uint8Array)).file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('Có xử lý công việc trên TDO');
    expect(plain).toContain('Trần Văn Bình');
    expect(plain).toContain('Cơ quan chưa gửi báo cáo: Sở Tài chính');
    // Issued by the province's agency (the report's root), not the exporting user's Sở Nội vụ; signed by the
    // exporting user for the Chairman (Nghị định 30). "Sở Nội vụ" is still a line of the table, never the heading.
    expect(plain).toContain('UBND TỈNH NINH THUẬN');
    expect(plain).not.toContain('SỞ NỘI VỤ');
    expect(plain).toContain('TL. CHỦ TỊCH');
    expect(plain).toContain('CHÁNH THANH TRA');
    expect(plain).toContain('Lê Công Nghĩa');
    expect(ws.getCell('A3').value).toBe(`UBND tỉnh Ninh Thuận — ngày ${D1.split('-').reverse().join('/')}`);
  });

  it('catches up after a restart: a day missed while no server ran is produced late', async () => {
    t.clock.set('2021-07-21T08:00:00+07:00');
    const r = await tick(t.deps);
    expect(r.ran).toEqual([`agency-report:nt-stc:${D1}`, `agency-report:nt-snv:${D2}`, `province-report:nt:${D2}`]);
    const [rep] = await t.deps.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.kind, 'agency'), eq(dailyReports.date, D2)));
    expect((rep!.content as any).late).toBe(true);
    expect((rep!.content as any).appendix2.agencies[0].rows).toEqual([expect.objectContaining({ personId: 'p-an', assigned: 2, processed: 1 })]);
    // nt-stc's report of D1 (due 17:30, after the jump) is made late; the frozen province report of D1 keeps it missing.
    const [stc] = await t.deps.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.agencyId, 'nt-stc'), eq(dailyReports.date, D1)));
    expect((stc!.content as any).late).toBe(true);
    const province = await C.province!.get(`/api/reports/province?rootId=nt&date=${D1}`);
    expect(province.body.content.missing).toEqual(['nt-stc']);
  });

  it('exports Phụ lục 2 for a period computed live', async () => {
    const res = await C.office!.get(`/api/reports/appendix2?agencyId=nt-snv&from=${D1}&to=${D2}`);
    expect(res.status).toBe(200);
    expect(res.body.report.totals).toMatchObject({ wfhDays: 3, assigned: 3, processed: 1 });
    const x = await C.office!.get(`/api/reports/appendix2/export?agencyId=nt-snv&from=${D1}&to=${D2}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell('A3').value)).toContain('từ 19/07/2021 đến 20/07/2021');
  });

  it('shows the dashboard: home share against the policy, check-in rate and processing ratio per day', async () => {
    const { checkins } = await import('../presence/presence.table');
    await t.deps.db.insert(checkins).values({
      id: 'ci1',
      personId: 'p-an',
      agencyId: 'nt-snv',
      unitId: 'nt-snv-tcbm',
      date: D1,
      session: 'morning',
      at: new Date(`${D1}T07:02:00+07:00`),
      place: 'registered',
    });
    const res = await C.office!.get(`/api/reports/dashboard?agencyId=nt-snv&from=${D1}&to=${D2}`);
    expect(res.status).toBe(200);
    expect(res.body.days[0]).toMatchObject({
      date: D1,
      working: 3,
      atHome: 2,
      homeShare: 66.7,
      checkedIn: 1,
      checkinRate: 50,
      assigned: 3,
      processed: 1,
      processedRatio: 33.3,
    });
    expect(res.body.days[1]).toMatchObject({ date: D2, working: 2, atHome: 1, homeShare: 50 });
    expect((await C.staff!.get(`/api/reports/dashboard?agencyId=nt-snv`)).status).toBe(403);
  });

  it('e-mails the province report notification through a real SMTP server', async () => {
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
    const port = (server.server.address() as { port: number }).port;
    try {
      const transport = createTransport(`smtp://127.0.0.1:${port}`);
      const result = await sendPendingEmails(t.deps, transport);
      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(received.map((m) => m.to)).toContain('nghia.lc@snv.ninhthuan.gov.vn');
      const mail = received.find((m) => m.subject.includes('Báo cáo tổng hợp ngày 19/07/2021'))!;
      expect(mail.text).toContain('1 cơ quan đã gửi báo cáo, 1 cơ quan chưa gửi');
      expect((await sendPendingEmails(t.deps, transport)).sent).toBe(0);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
