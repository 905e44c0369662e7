import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { APP_ROLES } from '../../../shared/domain/permissions';
import { checkRoster } from '../../../shared/domain/roster/check';
import { isWorkday, workdaysBetween } from '../../../shared/domain/calendar';
import { agencies, people, units } from '../../modules/org/org.table';
import { roleGrants, users } from '../../modules/auth/auth.table';
import { policies } from '../../modules/policy/policy.table';
import { auditLog } from '../../modules/audit/audit.table';
import { dutyAssignments, rosterPeriods, rosterVersions, rosterWishes, schedule, unitRosters } from '../../modules/roster/roster.table';
import { seedDemoIfEmpty, type DemoLogin } from './demo';
import { publishedWeek } from './test-support';

const DEPARTMENTS = ['th-sldtbxh', 'th-stttt', 'nt-snv', 'hd-stc', 'dn-sldtbxh'];
// Wednesday 25/11/2026: current week 23-27/11, next week 30/11-04/12.
const NOW = '2026-11-25T09:00:00+07:00';
const THIS_MONDAY = '2026-11-23';
const NEXT_MONDAY = '2026-11-30';

describe('demo seed', () => {
  let t: TestApp;
  let logins: DemoLogin[] | null;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    logins = await seedDemoIfEmpty(t.deps);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('creates the five agencies of the plans under the four provincial People’s Committees', async () => {
    const rows = await t.deps.db.select().from(agencies);
    const roots = rows.filter((a) => a.kind === 'province');
    expect(roots.map((r) => r.id).sort()).toEqual(['dn', 'hd', 'nt', 'th']);
    for (const r of roots) {
      expect(r.parentId).toBeNull();
      expect(r.path).toBe(`/${r.id}/`);
    }
    const deps = rows.filter((a) => a.kind === 'department');
    expect(deps.map((a) => a.id).sort()).toEqual([...DEPARTMENTS].sort());
    const byId = new Map(deps.map((a) => [a.id, a]));
    expect(byId.get('nt-snv')).toMatchObject({
      parentId: 'nt',
      path: '/nt/nt-snv/',
      code: 'SNV',
      district: 'Phan Rang-Tháp Chàm',
      name: 'Sở Nội vụ tỉnh Ninh Thuận',
    });
    expect(byId.get('th-sldtbxh')).toMatchObject({ path: '/th/th-sldtbxh/', code: 'SLĐTBXH', district: 'TP Thanh Hóa' });
    expect(byId.get('th-stttt')).toMatchObject({ path: '/th/th-stttt/', code: 'STTTT', district: 'TP Thanh Hóa' });
    expect(byId.get('hd-stc')).toMatchObject({ path: '/hd/hd-stc/', code: 'STC', district: 'TP Hải Dương' });
    expect(byId.get('dn-sldtbxh')).toMatchObject({ path: '/dn/dn-sldtbxh/', code: 'SLĐTBXH', district: 'TP Gia Nghĩa' });
  });

  it('gives every unit with people someone who may register and send its roster (Ban Giám đốc included)', async () => {
    const db = t.deps.db;
    const withPeople = await db.selectDistinct({ unitId: people.unitId }).from(people).where(eq(people.active, true));
    const registrars = new Set(
      (await db.select({ unitId: roleGrants.unitId }).from(roleGrants).where(sql`${roleGrants.role} in ('unit_head', 'unit_deputy')`)).map((g) => g.unitId),
    );
    expect(withPeople.filter((u) => !registrars.has(u.unitId))).toEqual([]);
  });

  it('gives each agency 40-150 active people in units of every kind, with the real leaders of the plans', async () => {
    const db = t.deps.db;
    for (const id of DEPARTMENTS) {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(people)
        .where(and(eq(people.agencyId, id), eq(people.active, true)));
      expect(Number(n), id).toBeGreaterThanOrEqual(40);
      expect(Number(n), id).toBeLessThanOrEqual(150);
      const kinds = new Set((await db.select({ kind: units.kind }).from(units).where(eq(units.agencyId, id))).map((u) => u.kind));
      expect([...kinds].sort(), id).toEqual(['board', 'center', 'department', 'inspectorate', 'office']);
    }
    const leader = async (agencyId: string, position: string) =>
      (
        await db
          .select({ name: people.fullName })
          .from(people)
          .where(and(eq(people.agencyId, agencyId), eq(people.position, position)))
      ).map((p) => p.name);
    expect(await leader('th-sldtbxh', 'director')).toEqual(['Vũ Thị Hương']);
    expect(await leader('th-stttt', 'director')).toEqual(['Đỗ Hữu Quyết']);
    expect(await leader('nt-snv', 'director')).toEqual(['Trần Hải']);
    expect(await leader('hd-stc', 'director')).toEqual(['Nguyễn Trọng Hưng']);
    expect(await leader('dn-sldtbxh', 'director')).toEqual(['Nguyễn Công Tự']);
    expect(await leader('dn-sldtbxh', 'deputy_director')).toContain('Nguyễn Thị Hương');
    expect(await leader('dn-sldtbxh', 'chief_of_office')).toEqual(['Hoàng Việt Nam']);
    const dnUnits = (await db.select({ name: units.name }).from(units).where(eq(units.agencyId, 'dn-sldtbxh'))).map((u) => u.name);
    expect(dnUnits).toEqual(expect.arrayContaining(['Ban Giám đốc', 'Văn phòng Sở', 'Thanh tra Sở', 'Phòng Người có công', 'Phòng Kế hoạch - Tài chính']));
    const ntUnits = (await db.select({ name: units.name }).from(units).where(eq(units.agencyId, 'nt-snv'))).map((u) => u.name);
    expect(ntUnits).toEqual(expect.arrayContaining(['Phòng Cải cách hành chính', 'Phòng Thi đua - Khen thưởng', 'Chi cục Văn thư - Lưu trữ']));
  });

  it('writes Vietnamese names with diacritics, unique ASCII usernames and e-mails, homes and about 8% not equipped for WFH', async () => {
    const rows = await t.deps.db.select().from(people);
    for (const p of rows) {
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(p.fullName.split(' ').length).toBeLessThanOrEqual(4);
      expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d*@[a-z.]+\.gov\.vn$/);
      expect(p.phone).toMatch(/^0\d{9}$/);
      expect(p.homeWorkplace).toBeTruthy();
      expect(p.residenceArea).toBeTruthy();
    }
    // Diacritics are there (not ASCII-folded names).
    expect(rows.filter((p) => /[ăâđêôơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]/i.test(p.fullName)).length).toBeGreaterThan(
      rows.length * 0.9,
    );
    const ineligible = rows.filter((p) => !p.hasComputer || !p.hasEofficeAccess).length / rows.length;
    expect(ineligible).toBeGreaterThan(0.04);
    expect(ineligible).toBeLessThan(0.14);
    const names = (await t.deps.db.select({ u: users.username }).from(users)).map((r) => r.u);
    expect(new Set(names).size).toBe(names.length);
    for (const u of names) expect(u).toMatch(/^[a-z0-9.-]+$/);
    expect(new Set(rows.map((p) => p.email)).size).toBe(rows.length);
  });

  it('gives every person an account and every role at least one account, with the right scopes', async () => {
    const db = t.deps.db;
    const [{ n: peopleCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(people);
    const accounts = await db.select().from(users);
    expect(accounts.filter((u) => u.personId).length).toBe(Number(peopleCount));
    const grants = await db.select().from(roleGrants);
    for (const role of APP_ROLES)
      expect(
        grants.some((g) => g.role === role),
        role,
      ).toBe(true);
    // Unit roles carry a unit, agency roles none.
    for (const g of grants) {
      if (g.role === 'staff' || g.role === 'unit_head' || g.role === 'unit_deputy') expect(g.unitId, g.role).not.toBeNull();
      else expect(g.unitId, g.role).toBeNull();
    }
    // Seed 002 §5: the province user is the head of Sở Nội vụ Ninh Thuận's Inspectorate, reading all four roots.
    const province = grants.filter((g) => g.role === 'province');
    expect(province.map((g) => g.agencyId).sort()).toEqual(['dn', 'hd', 'nt', 'th']);
    const provinceUser = accounts.find((u) => u.id === province[0].userId)!;
    const [pp] = await db.select().from(people).where(eq(people.id, provinceUser.personId!));
    expect(pp).toMatchObject({ agencyId: 'nt-snv', unitId: 'nt-snv-tt', position: 'head' });
    const admin = accounts.find((u) => u.username === 'admin')!;
    expect(admin.personId).toBeNull();
    expect(
      grants
        .filter((g) => g.userId === admin.id)
        .map((g) => `${g.role}:${g.agencyId}`)
        .sort(),
    ).toEqual(['admin:dn', 'admin:hd', 'admin:nt', 'admin:th']);
    // One IT person per agency.
    const it = grants.filter((g) => g.role === 'it');
    expect(it.map((g) => g.agencyId).sort()).toEqual([...DEPARTMENTS].sort());
    // Office role: Chief and Deputy Chief of Office and the clerk (văn thư).
    const officeUsers = new Set(grants.filter((g) => g.role === 'office').map((g) => g.userId));
    const officePeople = await db.select().from(people).where(eq(people.agencyId, 'dn-sldtbxh'));
    for (const p of officePeople) {
      const expected = p.position === 'chief_of_office' || p.position === 'deputy_chief_of_office' || p.title === 'Văn thư';
      expect(officeUsers.has(`u-${p.id}`), `${p.fullName} ${p.title}`).toBe(expected);
    }
  });

  it('returns demo logins for every role that actually log in, with a head and a staff member of one unit in Đắk Nông and Ninh Thuận', {
    timeout: 180_000,
  }, async () => {
    expect(logins).not.toBeNull();
    const list = logins!;
    const db = t.deps.db;
    const roleSets = new Map<string, Set<string>>();
    for (const l of list) {
      const [u] = await db.select().from(users).where(eq(users.username, l.username));
      expect(u, l.username).toBeTruthy();
      const gs = await db.select().from(roleGrants).where(eq(roleGrants.userId, u!.id));
      roleSets.set(l.username, new Set(gs.map((g) => g.role)));
      const client = t.client(`10.1.0.${list.indexOf(l) + 1}`);
      const res = await client.login(l.username, l.password);
      expect(res.status, `${l.role} ${l.username}`).toBe(200);
    }
    const covered = new Set([...roleSets.values()].flatMap((s) => [...s]));
    for (const role of APP_ROLES) expect(covered.has(role), role).toBe(true);
    expect(list.some((l) => l.role.startsWith('Văn thư'))).toBe(true);
    expect(list.some((l) => l.role.startsWith('Chánh Văn phòng'))).toBe(true);
    for (const agencyId of ['dn-sldtbxh', 'nt-snv']) {
      const mine: { unitId: string; position: string; roles: Set<string> }[] = [];
      for (const l of list) {
        const [row] = await db
          .select({ unitId: people.unitId, agencyId: people.agencyId, position: people.position })
          .from(users)
          .innerJoin(people, eq(people.id, users.personId))
          .where(eq(users.username, l.username));
        if (row?.agencyId === agencyId) mine.push({ ...row, roles: roleSets.get(l.username)! });
      }
      const pair = mine.some(
        (h) =>
          h.roles.has('unit_head') &&
          h.position === 'head' &&
          mine.some((m) => m.unitId === h.unitId && m.position === 'staff' && [...m.roles].join() === 'staff'),
      );
      expect(pair, agencyId).toBe(true);
    }
  });

  it('stores the policy of each plan, current from last week until further notice', async () => {
    const rows = await t.deps.db.select().from(policies);
    expect(rows).toHaveLength(5);
    for (const p of rows) {
      expect(p.validFrom).toBe('2026-11-16');
      expect(p.validTo).toBeNull();
      expect(p.morningStart).toBe('07:00');
      expect(p.afternoonEnd).toBe('17:00');
      expect(p.agencyReportTime).toBe('16:00');
      expect(p.provinceReportTime).toBe('17:00');
      expect(p.notes).toContain('thông báo mới');
    }
    const of = (id: string) => rows.find((p) => p.ownerAgencyId === id)!;
    expect(of('hd-stc').rules).toMatchObject({ wfhShare: { scope: 'agency', min: 0.5, target: 0.5 } });
    expect(of('hd-stc').scopeAgencyIds).toEqual(['hd-stc']);
    expect(of('dn-sldtbxh').rules).toMatchObject({
      wfhShare: { scope: 'agency', min: 0.25, target: 0.3, max: 0.3 },
      minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
      requireEligibilityForWfh: true,
    });
    expect((of('dn-sldtbxh').rules as { alwaysOnSiteRoles: string[] }).alwaysOnSiteRoles.sort()).toEqual(
      ['center_director', 'chief_of_office', 'deputy_center_director', 'deputy_chief_of_office', 'deputy_director', 'director'].sort(),
    );
    expect(of('th-stttt').rules).toMatchObject({ minAgencyLeadersOnSite: 1, minOnSitePerUnit: { people: 1 } });
    expect(of('th-sldtbxh').rules).toMatchObject({ minAgencyLeadersOnSite: 1, minOnSitePerUnit: { people: 1 } });
    expect(of('nt-snv')).toMatchObject({
      docNumber: '2215/SNV-TCBM',
      docDate: '2021-07-16',
      scopeAgencyIds: [],
      scopeDistricts: ['Phan Rang-Tháp Chàm', 'Ninh Phước'],
    });
    expect(of('nt-snv').rules).toMatchObject({ minAgencyLeadersOnSite: 1, minOnSitePerUnit: { people: 1 }, wfhShare: { target: 0.5 } });
    expect(of('dn-sldtbxh').severity).toMatchObject({ wfh_share_max: 'block', wfh_share_min: 'warn', always_onsite_role: 'block' });
  });

  it('publishes an approved roster of the current week that meets every rule of each policy', async () => {
    const db = t.deps.db;
    const workdays = workdaysBetween(THIS_MONDAY, '2026-11-27');
    for (const id of DEPARTMENTS) {
      const week = await publishedWeek(db, id, THIS_MONDAY);
      expect(week.periodStatus).toBe('approved');
      expect(week.roster.assignments.length).toBe(week.instance.people.length * workdays.length);
      expect(checkRoster(week.instance, week.roster), id).toEqual([]);
      const modes = new Set(week.roster.assignments.map((a) => a.mode));
      expect(modes.has('wfh') && modes.has('onsite'), id).toBe(true);
      // The unit rosters' cells and the approved version are the same roster as the schedule.
      const key = (a: { personId: string; date: string; mode: string }) => `${a.personId}|${a.date}|${a.mode}`;
      const published = week.roster.assignments.map(key).sort();
      expect(week.entries.map(key).sort()).toEqual(published);
      const [period] = await db
        .select()
        .from(rosterPeriods)
        .where(and(eq(rosterPeriods.agencyId, id), eq(rosterPeriods.fromDate, THIS_MONDAY)));
      expect(period.approvedVersion).toBe(1);
      expect(period.deadline?.toISOString()).toBe('2026-11-20T01:00:00.000Z'); // 08:00 Friday 20/11 in Hà Nội time
      const [version] = await db.select().from(rosterVersions).where(eq(rosterVersions.periodId, period.id));
      expect(version.version).toBe(1);
      expect(version.diff).toEqual([]);
      expect((version.assignments as { personId: string; date: string; mode: string }[]).map(key).sort()).toEqual(published);
      const urs = await db.select().from(unitRosters).where(eq(unitRosters.periodId, period.id));
      expect(urs.length).toBe(week.instance.units.length);
      expect(urs.every((u) => u.status === 'approved')).toBe(true);
    }
    // Hải Dương: at least half at home every day (seed 003).
    const hd = await publishedWeek(db, 'hd-stc', THIS_MONDAY);
    for (const d of workdays) {
      const day = hd.roster.assignments.filter((a) => a.date === d);
      const working = day.filter((a) => a.mode === 'onsite' || a.mode === 'wfh').length;
      expect(day.filter((a) => a.mode === 'wfh').length).toBeGreaterThanOrEqual(Math.ceil(working / 2));
    }
  });

  it('keeps a daily office and leader duty for both weeks, with the people on duty on site', async () => {
    const db = t.deps.db;
    const days = [...workdaysBetween(THIS_MONDAY, '2026-11-27'), ...workdaysBetween(NEXT_MONDAY, '2026-12-04')];
    const duties = await db.select().from(dutyAssignments);
    const peopleById = new Map((await db.select().from(people)).map((p) => [p.id, p]));
    const unitKind = new Map((await db.select().from(units)).map((u) => [u.id, u.kind]));
    for (const id of DEPARTMENTS) {
      for (const d of days) {
        const today = duties.filter((x) => x.agencyId === id && x.date === d);
        expect(today.map((x) => x.kind).sort(), `${id} ${d}`).toEqual(['leader', 'office']);
        const office = peopleById.get(today.find((x) => x.kind === 'office')!.personId)!;
        expect(unitKind.get(office.unitId)).toBe('office');
        const leader = peopleById.get(today.find((x) => x.kind === 'leader')!.personId)!;
        expect(['director', 'deputy_director']).toContain(leader.position);
      }
    }
    const published = await db.select().from(schedule);
    const modeOf = new Map(published.map((s) => [`${s.personId}|${s.date}`, s.mode]));
    const current = duties.filter((x) => x.date >= THIS_MONDAY && x.date <= '2026-11-27');
    expect(current.length).toBe(5 * 5 * 2);
    for (const x of current) expect(modeOf.get(`${x.personId}|${x.date}`), `${x.personId} ${x.date}`).toBe('onsite');
  });

  it('leaves next week collecting: units submitted, drafting, returned with a comment, or not started, and a few wishes', async () => {
    const db = t.deps.db;
    const periods = await db.select().from(rosterPeriods).where(eq(rosterPeriods.fromDate, NEXT_MONDAY));
    expect(periods).toHaveLength(5);
    const statuses: string[] = [];
    for (const p of periods) {
      expect(p.status).toBe('collecting');
      expect(p.approvedVersion).toBe(0);
      expect(p.deadline?.toISOString()).toBe('2026-11-27T01:00:00.000Z');
      const urs = await db.select().from(unitRosters).where(eq(unitRosters.periodId, p.id));
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.agencyId, p.agencyId));
      expect(urs.length).toBeLessThan(Number(n)); // some units have not started ("Chưa lập")
      statuses.push(...urs.map((u) => u.status));
      for (const u of urs.filter((x) => x.status === 'returned')) expect(u.returnComment).toMatch(/^Đề nghị bố trí thêm 01 người trực tại cơ quan ngày thứ Tư/);
    }
    expect(new Set(statuses)).toEqual(new Set(['submitted', 'draft', 'returned']));
    const [dnReturned] = await db
      .select()
      .from(unitRosters)
      .where(eq(unitRosters.id, `ur-dn-sldtbxh-ldvl-${NEXT_MONDAY}`));
    expect(dnReturned.status).toBe('returned');
    const wishes = await db.select().from(rosterWishes);
    expect(wishes.length).toBeGreaterThanOrEqual(5);
    for (const w of wishes) {
      expect(w.date >= NEXT_MONDAY && w.date <= '2026-12-04').toBe(true);
      expect(['wfh', 'onsite']).toContain(w.preference);
    }
  });

  it('records one audit entry per agency', async () => {
    const rows = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'seed.demo'));
    expect(rows.map((r) => r.agencyId).sort()).toEqual(['dn', 'hd', 'nt', 'th', ...DEPARTMENTS].sort());
  });

  it('does nothing the second time', async () => {
    const count = async () => (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(people))[0].n;
    const before = Number(await count());
    expect(await seedDemoIfEmpty(t.deps)).toBeNull();
    expect(Number(await count())).toBe(before);
    expect(await t.deps.db.select().from(agencies)).toHaveLength(9);
  });
});

describe('demo seed in a week with a public holiday, run on a Saturday', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Saturday 05/09/2026: the current week is 31/08-04/09, with Quốc khánh (02/09) and its adjacent day off.
    t = await createTestApp({ now: '2026-09-05T10:00:00+07:00' });
    expect(await seedDemoIfEmpty(t.deps)).not.toBeNull();
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('schedules only working days and still meets every rule', async () => {
    const workdays = workdaysBetween('2026-08-31', '2026-09-04');
    expect(workdays.length).toBeLessThan(5);
    expect(isWorkday('2026-09-02')).toBe(false);
    for (const id of DEPARTMENTS) {
      const week = await publishedWeek(t.deps.db, id, '2026-08-31');
      expect(new Set(week.roster.assignments.map((a) => a.date))).toEqual(new Set(workdays));
      expect(checkRoster(week.instance, week.roster), id).toEqual([]);
    }
    const duties = await t.deps.db.select().from(dutyAssignments).where(eq(dutyAssignments.date, '2026-09-02'));
    expect(duties).toEqual([]);
  });
});
