import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { policies } from '../policy/policy.table';
import { dutyAssignments, schedule } from './roster.table';
import { verifyAuditChain } from '../../lib/audit';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];
let t: TestApp;
let agencyId: string;
let unitA: string;
let unitB: string;
const P: Record<string, string> = {};
const C: Record<string, TestClient> = {};
let periodId: string;

async function login(name: string, username: string) {
  C[name] = t.client(`10.20.0.${Object.keys(C).length + 1}`);
  const res = await C[name]!.login(username, TEST_PASSWORD);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  agencyId = (await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt', district: 'Phan Rang-Tháp Chàm' })).id;
  const board = (await buildUnit(db, { agencyId, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức, biên chế', kind: 'department' })).id;
  unitB = (await buildUnit(db, { agencyId, name: 'Phòng Cải cách hành chính', kind: 'department' })).id;
  P.director = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id;
  P.chief = (await buildPerson(db, { unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' })).id;
  P.headA = (await buildPerson(db, { unitId: unitA, fullName: 'Phạm Văn Bình', position: 'head' })).id;
  P.a1 = (await buildPerson(db, { unitId: unitA, fullName: 'Nguyễn Thị An' })).id;
  P.a2 = (await buildPerson(db, { unitId: unitA, fullName: 'Đỗ Minh Châu' })).id;
  P.a3 = (await buildPerson(db, { unitId: unitA, fullName: 'Hồ Văn Dũng', hasComputer: false })).id;
  P.headB = (await buildPerson(db, { unitId: unitB, fullName: 'Võ Thị Em', position: 'head' })).id;
  P.b1 = (await buildPerson(db, { unitId: unitB, fullName: 'Bùi Văn Giang' })).id;
  await db.insert(policies).values({
    id: 'pol-2215',
    ownerAgencyId: 'nt-snv',
    title: 'Phân công làm việc tại nhà',
    docNumber: '2215/SNV-TCBM',
    docDate: '2021-07-16',
    issuer: 'Sở Nội vụ tỉnh Ninh Thuận',
    validFrom: '2021-07-19',
    validTo: null,
    scopeDistricts: ['Phan Rang-Tháp Chàm', 'Ninh Phước'],
    rules: {
      wfhShare: { scope: 'agency', min: 0.3, target: 0.3 },
      minOnSitePerUnit: { people: 1 },
      requireEligibilityForWfh: true,
      alwaysOnSiteRoles: ['director', 'chief_of_office'],
    },
    severity: {},
  });
  await buildUser(db, { personId: P.director, username: 'hai.tran', roles: ['staff', 'director'] });
  await buildUser(db, { personId: P.chief, username: 'thu.le', roles: ['staff', 'office'] });
  await buildUser(db, { personId: P.headA, username: 'binh.pv', roles: ['staff', 'unit_head'] });
  await buildUser(db, { personId: P.headB, username: 'em.vt', roles: ['staff', 'unit_head'] });
  await buildUser(db, { personId: P.a1, username: 'an.nt', roles: ['staff'] });
  await login('director', 'hai.tran');
  await login('office', 'thu.le');
  await login('headA', 'binh.pv');
  await login('headB', 'em.vt');
  await login('staff', 'an.nt');
});
afterAll(() => t.close());

const cellsFor = (people: string[], mode: (p: string, d: string) => string) =>
  people.flatMap((p) => DAYS.map((date) => ({ personId: p, date, mode: mode(p, date) })));
const unitAPeople = () => [P.headA!, P.a1!, P.a2!, P.a3!];

describe('roster workflow', () => {
  it('lets the Office open a period with a default deadline; staff cannot', async () => {
    expect((await C.staff!.post('/api/roster/periods', { agencyId, fromDate: DAYS[0], toDate: '2021-07-25' })).status).toBe(403);
    const res = await C.office!.post('/api/roster/periods', { agencyId, fromDate: DAYS[0], toDate: '2021-07-25' });
    expect(res.status).toBe(200);
    expect(res.body.workdays).toEqual(DAYS);
    expect(res.body.deadline).toBe('2021-07-16T01:00:00.000Z'); // 08:00 Friday 16/07 in Vietnam
    expect(res.body.policyId).toBe('pol-2215');
    periodId = res.body.id;
  });

  it('takes wishes before the deadline and shows the open period with its working days', async () => {
    const put = await C.staff!.put('/api/roster/wishes', { wishes: [{ date: DAYS[2], preference: 'wfh', note: 'Con nhỏ ốm' }] });
    expect(put.status).toBe(200);
    const get = await C.staff!.get('/api/roster/wishes');
    expect(get.body.wishes).toEqual([{ date: DAYS[2], preference: 'wfh', note: 'Con nhỏ ốm' }]);
    expect(get.body.period).toMatchObject({ id: periodId, workdays: DAYS });
    expect((await C.staff!.put('/api/roster/wishes', { wishes: [{ date: '2021-08-02', preference: 'wfh' }] })).status).toBe(400);
    const grid = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    expect(grid.body.wishes).toEqual([{ personId: P.a1, date: DAYS[2], preference: 'wfh' }]);
    // Cleared again, so that the rest of the scenario is unaffected.
    await C.staff!.put('/api/roster/wishes', { wishes: [{ date: DAYS[2], preference: null }] });
  });

  it('shows a unit head their own unit only', async () => {
    const grid = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    expect(grid.status).toBe(200);
    expect(grid.body.status).toBe('none');
    expect(grid.body.editable).toBe(true);
    expect(grid.body.wfhShareScope).toBe('agency');
    expect(grid.body.people.map((p: any) => p.fullName)).toEqual(['Phạm Văn Bình', 'Nguyễn Thị An', 'Đỗ Minh Châu', 'Hồ Văn Dũng']);
    expect((await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitB}`)).status).toBe(404);
    expect((await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitB}/cells`, { version: 0, cells: [] })).status).toBe(404);
    expect((await C.staff!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, { version: 0, cells: [] })).status).toBe(403);
  });

  it('computes violations live and refuses to submit while a blocking rule is broken', async () => {
    const save = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, { version: 0, cells: cellsFor(unitAPeople(), () => 'onsite') });
    expect(save.status).toBe(200);
    expect(save.body.version).toBe(1);
    const rules = new Set(save.body.violations.map((v: any) => v.rule));
    expect(rules).toEqual(new Set(['wfh_share_min']));
    expect(save.body.violations[0].message).toContain('19/07/2021');
    // The agency-wide share is advice inside a unit; the unit minimum is blocking.
    expect(save.body.violations.every((v: any) => v.severity === 'warn')).toBe(true);
    const allHome = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, {
      version: 1,
      cells: cellsFor(unitAPeople(), (p) => (p === P.a3 ? 'leave' : 'wfh')),
    });
    expect(allHome.body.violations.filter((v: any) => v.severity === 'block').map((v: any) => v.rule)).toEqual(Array(5).fill('unit_min_people_onsite'));
    // The web in English asks in English (Accept-Language): the same violations, worded in English.
    const en = await C.headA!.request('GET', `/api/roster/periods/${periodId}/units/${unitA}`, undefined, { 'accept-language': 'en' });
    const vi = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    expect(en.body.violations.map((v: any) => v.rule)).toEqual(vi.body.violations.map((v: any) => v.rule));
    expect(en.body.violations[0].message).toMatch(/ on 19\/07\/2021: .*at the office/);
    expect(vi.body.violations[0].message).toMatch(/ ngày 19\/07\/2021: .*tại cơ quan/);
    const status = await C.office!.request('GET', `/api/roster/periods/${periodId}/status`, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).toContain('on 19/07/2021');
    const submit = await C.headA!.post(`/api/roster/periods/${periodId}/units/${unitA}/submit`, { version: 2 });
    expect(submit.status).toBe(422);
    expect(submit.body.error.code).toBe('RULE_VIOLATION');
    expect(submit.body.error.details.violations.length).toBe(5);
  });

  it('flags an ineligible person at home, then submits a fixed roster (idempotent on repeat)', async () => {
    const bad = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, {
      version: 2,
      cells: [{ personId: P.a3, date: DAYS[0], mode: 'wfh' }],
    });
    expect(bad.body.violations.some((v: any) => v.rule === 'wfh_not_eligible' && v.personId === P.a3)).toBe(true);
    const fixed = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, {
      version: 3,
      cells: cellsFor(unitAPeople(), (p) => (p === P.a1 || p === P.a2 ? 'wfh' : 'onsite')),
    });
    expect(fixed.body.violations).toEqual([]);
    const stale = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, { version: 3, cells: [] });
    expect(stale.status).toBe(409);
    const s1 = await C.headA!.post(`/api/roster/periods/${periodId}/units/${unitA}/submit`, { version: 4 });
    expect(s1.status).toBe(200);
    expect(s1.body.status).toBe('submitted');
    const again = await C.headA!.post(`/api/roster/periods/${periodId}/units/${unitA}/submit`, { version: 4 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(s1.body.version);
  });

  it('lists late units after the deadline and cannot compile before every unit has sent its roster', async () => {
    t.clock.set('2021-07-16T08:30:00+07:00');
    const status = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    expect(status.status).toBe(200);
    const byName = Object.fromEntries(status.body.units.map((u: any) => [u.unitName, u]));
    expect(byName['Phòng Tổ chức, biên chế'].status).toBe('submitted');
    expect(byName['Phòng Cải cách hành chính'].status).toBe('none');
    expect(status.body.late.map((u: any) => u.unitName)).toContain('Phòng Cải cách hành chính');
    expect(status.body.late.map((u: any) => u.unitName)).not.toContain('Phòng Tổ chức, biên chế');
    const compile = await C.office!.post(`/api/roster/periods/${periodId}/compile`, { version: status.body.period.version });
    expect(compile.status).toBe(409);
    expect(compile.body.error.message).toContain('chưa gửi lịch');
  });

  it('lets the Office return a unit roster with a comment; the unit fixes and resubmits', async () => {
    // Board and office (leaders always on site) and unit B.
    for (const [unit, ids] of [[unitB, [P.headB!, P.b1!]]] as const) {
      const s = await C.headB!.put(`/api/roster/periods/${periodId}/units/${unit}/cells`, {
        version: 0,
        cells: cellsFor([...ids], (p) => (p === P.b1 ? 'wfh' : 'onsite')),
      });
      expect(s.body.violations).toEqual([]);
      expect((await C.headB!.post(`/api/roster/periods/${periodId}/units/${unit}/submit`, { version: 1 })).status).toBe(200);
    }
    expect((await C.headB!.post(`/api/roster/periods/${periodId}/units/${unitB}/return`, { version: 2, comment: 'Không được' })).status).toBe(403);
    const ret = await C.office!.post(`/api/roster/periods/${periodId}/units/${unitB}/return`, { version: 2, comment: 'Đề nghị bố trí lại ngày thứ Sáu.' });
    expect(ret.status).toBe(200);
    const grid = await C.headB!.get(`/api/roster/periods/${periodId}/units/${unitB}`);
    expect(grid.body.status).toBe('returned');
    expect(grid.body.returnComment).toBe('Đề nghị bố trí lại ngày thứ Sáu.');
    const edit = await C.headB!.put(`/api/roster/periods/${periodId}/units/${unitB}/cells`, {
      version: 3,
      cells: [
        { personId: P.b1, date: DAYS[4], mode: 'onsite' },
        { personId: P.headB, date: DAYS[4], mode: 'wfh' },
      ],
    });
    expect(edit.body.violations).toEqual([]);
    expect(edit.status).toBe(200);
    expect((await C.headB!.post(`/api/roster/periods/${periodId}/units/${unitB}/submit`, { version: 4 })).status).toBe(200);
  });

  it('compiles, blocks edits while waiting, and the Director (only) approves and publishes', async () => {
    // The Office fills the rosters of the board and the office by importing an interchange file.
    const exp = await C.office!.get(`/api/roster/periods/${periodId}/export`);
    const leaders = exp.body.instance.people.filter((p: any) => p.role === 'director' || p.role === 'chief_of_office');
    const imp = await C.office!.post(`/api/roster/periods/${periodId}/import`, {
      format: 'congvu.assignments/1',
      assignments: [...exp.body.roster.assignments, ...leaders.flatMap((p: any) => DAYS.map((date) => ({ personId: p.id, date, mode: 'onsite' })))],
    });
    expect(imp.status).toBe(200);
    // Import makes the touched units drafts again; their heads resubmit.
    const st = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    expect(st.body.units.filter((u: any) => u.people > 0).every((u: any) => u.status === 'draft')).toBe(true);
    for (const [client, unit] of [
      [C.headA!, unitA],
      [C.headB!, unitB],
    ] as const) {
      const g = await client.get(`/api/roster/periods/${periodId}/units/${unit}`);
      expect((await client.post(`/api/roster/periods/${periodId}/units/${unit}/submit`, { version: g.body.version })).status).toBe(200);
    }
    // The board and the office are still drafts: compile refuses.
    let status = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    expect((await C.office!.post(`/api/roster/periods/${periodId}/compile`, { version: status.body.period.version })).status).toBe(409);
    // Give the board and the office a unit head account each and submit.
    const boardUnit = status.body.units.find((u: any) => u.unitKind === 'board').unitId;
    const officeUnit = status.body.units.find((u: any) => u.unitKind === 'office').unitId;
    await buildUser(t.deps.db, { personId: P.director, username: 'hai.board', roles: ['unit_head'] });
    await buildUser(t.deps.db, { personId: P.chief, username: 'thu.head', roles: ['unit_head'] });
    await login('boardHead', 'hai.board');
    await login('officeHead', 'thu.head');
    for (const [client, unit] of [
      [C.boardHead!, boardUnit],
      [C.officeHead!, officeUnit],
    ] as const) {
      const g = await client.get(`/api/roster/periods/${periodId}/units/${unit}`);
      expect(g.body.violations.filter((v: any) => v.severity === 'block')).toEqual([]);
      expect((await client.post(`/api/roster/periods/${periodId}/units/${unit}/submit`, { version: g.body.version })).status).toBe(200);
    }
    status = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    expect(status.body.violations.filter((v: any) => v.severity === 'block')).toEqual([]);
    const compile = await C.office!.post(`/api/roster/periods/${periodId}/compile`, { version: status.body.period.version });
    expect(compile.status).toBe(200);
    expect(compile.body.period.status).toBe('compiled');
    const blocked = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, { version: 99, cells: [] });
    expect([409]).toContain(blocked.status);
    expect((await C.staff!.post(`/api/roster/periods/${periodId}/approve`, { version: compile.body.period.version })).status).toBe(403);
    expect((await C.office!.post(`/api/roster/periods/${periodId}/approve`, { version: compile.body.period.version })).status).toBe(403);
    const approve = await C.director!.post(`/api/roster/periods/${periodId}/approve`, { version: compile.body.period.version });
    expect(approve.status).toBe(200);
    expect(approve.body.period.status).toBe('approved');
    expect(approve.body.period.approvedVersion).toBe(1);
    const repeat = await C.director!.post(`/api/roster/periods/${periodId}/approve`, { version: compile.body.period.version });
    expect(repeat.status).toBe(200);
    expect(repeat.body.period.approvedVersion).toBe(1);
    const rows = await t.deps.db.select().from(schedule).where(eq(schedule.agencyId, agencyId));
    expect(rows.length).toBe(8 * 5);
  });

  it('shows each person their own schedule ("Lịch của tôi") and who is where today', async () => {
    const mine = await C.staff!.get(`/api/roster/my-schedule?from=${DAYS[0]}&to=${DAYS[4]}`);
    expect(mine.status).toBe(200);
    expect(mine.body.days.map((d: any) => d.mode)).toEqual(['wfh', 'wfh', 'wfh', 'wfh', 'wfh']);
    expect(mine.body.hours).toEqual({ morningStart: '07:00', morningEnd: '11:30', afternoonStart: '13:30', afternoonEnd: '17:00' });
    const today = await C.headA!.get(`/api/roster/today?unitId=${unitA}&date=${DAYS[1]}`);
    expect(today.status).toBe(200);
    const modes = Object.fromEntries(today.body.units[0].people.map((p: any) => [p.fullName, p.mode]));
    expect(modes).toEqual({ 'Phạm Văn Bình': 'onsite', 'Nguyễn Thị An': 'wfh', 'Đỗ Minh Châu': 'wfh', 'Hồ Văn Dũng': 'onsite' });
    expect((await C.headA!.get(`/api/roster/today?unitId=${unitB}`)).status).toBe(404);
    expect((await C.staff!.get(`/api/roster/today?agencyId=${agencyId}`)).status).toBe(403);
  });

  it('makes a change after approval a new version that needs approval again, with the difference', async () => {
    const g = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    expect(g.body.status).toBe('approved');
    const change = await C.headA!.put(`/api/roster/periods/${periodId}/units/${unitA}/cells`, {
      version: g.body.version,
      cells: [
        { personId: P.a1, date: DAYS[2], mode: 'leave' },
        { personId: P.headA, date: DAYS[2], mode: 'wfh' },
      ],
    });
    expect(change.status).toBe(200);
    const diff = await C.office!.get(`/api/roster/periods/${periodId}/diff`);
    expect(diff.body.baseVersion).toBe(1);
    expect(diff.body.diff).toEqual([expect.objectContaining({ fullName: expect.any(String), date: DAYS[2] }), expect.objectContaining({ date: DAYS[2] })]);
    expect(diff.body.diff.map((d: any) => `${d.from}>${d.to}`).sort()).toEqual(['onsite>wfh', 'wfh>leave']);
    // The published schedule is unchanged until the new version is approved.
    const [before] = await t.deps.db
      .select()
      .from(schedule)
      .where(and(eq(schedule.personId, P.a1!), eq(schedule.date, DAYS[2]!)));
    expect(before!.mode).toBe('wfh');
    const g2 = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    await C.headA!.post(`/api/roster/periods/${periodId}/units/${unitA}/submit`, { version: g2.body.version });
    const st = await C.office!.get(`/api/roster/periods/${periodId}/status`);
    expect(st.body.period.status).toBe('collecting');
    const compiled = await C.office!.post(`/api/roster/periods/${periodId}/compile`, { version: st.body.period.version });
    expect(compiled.status).toBe(200);
    const approved = await C.director!.post(`/api/roster/periods/${periodId}/approve`, { version: compiled.body.period.version });
    expect(approved.body.period.approvedVersion).toBe(2);
    const [after] = await t.deps.db
      .select()
      .from(schedule)
      .where(and(eq(schedule.personId, P.a1!), eq(schedule.date, DAYS[2]!)));
    expect(after!.mode).toBe('leave');
    const history = await C.office!.get(`/api/roster/periods/${periodId}/diff`);
    expect(history.body.versions.map((v: any) => v.changes)).toEqual([40, 2]);
    expect(history.body.diff).toEqual([]);
  });

  it('exports Phụ lục 1 as XLSX and DOCX with, for each date, the people at home (one name per line)', async () => {
    const x = await C.office!.get(`/api/roster/periods/${periodId}/appendix1.xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r, n) => n >= 5 && rows.push([String(r.getCell(1).value), String(r.getCell(2).value), String(r.getCell(3).value)]));
    expect(rows).toEqual([
      ['1', 'Ngày 19/7/2021', 'Nguyễn Thị An\nĐỗ Minh Châu\nBùi Văn Giang'],
      ['2', 'Ngày 20/7/2021', 'Nguyễn Thị An\nĐỗ Minh Châu\nBùi Văn Giang'],
      ['3', 'Ngày 21/7/2021', 'Phạm Văn Bình\nĐỗ Minh Châu\nBùi Văn Giang'],
      ['4', 'Ngày 22/7/2021', 'Nguyễn Thị An\nĐỗ Minh Châu\nBùi Văn Giang'],
      ['5', 'Ngày 23/7/2021', 'Võ Thị Em\nNguyễn Thị An\nĐỗ Minh Châu'],
    ]);
    const d = await C.office!.get(`/api/roster/periods/${periodId}/appendix1.docx`);
    expect(d.status).toBe(200);
    const zip = await JSZip.loadAsync(d.body as Uint8Array);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('PHỤ LỤC 1');
    expect(text).toContain('Ngày 23/7/2021');
    expect(text).toContain('Bùi Văn Giang');
    expect((await C.staff!.get(`/api/roster/periods/${periodId}/appendix1.xlsx`)).status).toBe(403);
  });

  it('marks duty days: a person on duty at home is a violation', async () => {
    await t.deps.db.insert(dutyAssignments).values({ id: 'd1', agencyId, date: DAYS[3]!, kind: 'office', personId: P.a2! });
    const g = await C.headA!.get(`/api/roster/periods/${periodId}/units/${unitA}`);
    expect(g.body.duties).toEqual([{ personId: P.a2, date: DAYS[3], kind: 'office' }]);
    expect(g.body.violations.some((v: any) => v.rule === 'duty_not_onsite' && v.personId === P.a2 && v.date === DAYS[3])).toBe(true);
  });

  it('checks interchange files without saving, with JSON paths for bad input', async () => {
    const exp = await C.office!.get(`/api/roster/periods/${periodId}/export`);
    const ok = await C.staff!.post('/api/roster/check', { instance: exp.body.instance, roster: exp.body.roster });
    expect(ok.status).toBe(200);
    expect(ok.body.violations.map((v: any) => v.rule)).toEqual(['duty_not_onsite']);
    const bad = await C.staff!.post('/api/roster/check', {
      instance: { ...exp.body.instance, people: [{ ...exp.body.instance.people[0], role: 'boss' }] },
      roster: exp.body.roster,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.instance.people[0].role');
  });

  it('records every workflow step in the audit chain', async () => {
    const chain = await verifyAuditChain(t.deps.db, agencyId);
    expect(chain.ok).toBe(true);
    expect(chain.rows).toBeGreaterThan(15);
  });
});
