import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitGridResponse } from '../../../shared/contracts/roster';
import type { ResolvedInstance } from '../../../shared/domain/roster/format';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { policies } from '../../../server/modules/policy/policy.table';
import { dutyAssignments } from '../../../server/modules/roster/roster.table';
import { cellKey, cellMapOf, setModes, togglePin } from './grid';
import { AGENCY_SHARE_NOTE, groupViolations, isAgencyScopedShare, liveCheck, severityBy, unitDayCounts, violationCells } from './liveCheck';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];

describe('live check in the browser = the server check of a unit', () => {
  let t: TestApp;
  let head: TestClient;
  let periodId: string;
  let unitId: string;
  const P: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: '2021-07-15T09:00:00+07:00' });
    const db = t.deps.db;
    await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
    const agencyId = (await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt', district: 'Phan Rang-Tháp Chàm' })).id;
    const vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
    unitId = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức, biên chế', kind: 'department' })).id;
    P.chief = (await buildPerson(db, { unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' })).id;
    P.head = (await buildPerson(db, { unitId, fullName: 'Phạm Văn Bình', position: 'head' })).id;
    P.a1 = (await buildPerson(db, { unitId, fullName: 'Nguyễn Thị An' })).id;
    P.a2 = (await buildPerson(db, { unitId, fullName: 'Đỗ Minh Châu' })).id;
    P.a3 = (await buildPerson(db, { unitId, fullName: 'Hồ Văn Dũng', hasComputer: false })).id;
    await db.insert(policies).values({
      id: 'pol-live',
      ownerAgencyId: 'nt-snv',
      title: 'Phân công làm việc tại nhà',
      docNumber: '2215/SNV-TCBM',
      docDate: '2021-07-16',
      issuer: 'Sở Nội vụ tỉnh Ninh Thuận',
      validFrom: '2021-07-19',
      validTo: null,
      scopeDistricts: ['Phan Rang-Tháp Chàm'],
      rules: {
        wfhShare: { scope: 'agency', min: 0.3, max: 0.5, target: 0.4 },
        minOnSitePerUnit: { people: 2, leaders: 1 },
        requireEligibilityForWfh: true,
        minOnSiteShareByRole: { head: 0.6 },
      },
      severity: { unit_min_people_onsite: 'warn' },
    });
    await db.insert(dutyAssignments).values({ id: 'd1', agencyId, date: DAYS[1]!, kind: 'office', personId: P.a1! });
    await buildUser(db, { personId: P.chief, username: 'thu.le', roles: ['staff', 'office'] });
    await buildUser(db, { personId: P.head, username: 'binh.pv', roles: ['staff', 'unit_head'] });
    const office = t.client('10.9.0.1');
    expect((await office.login('thu.le', TEST_PASSWORD)).status).toBe(200);
    periodId = (await office.post('/api/roster/periods', { agencyId, fromDate: DAYS[0], toDate: DAYS[4] })).body.id;
    head = t.client('10.9.0.2');
    expect((await head.login('binh.pv', TEST_PASSWORD)).status).toBe(200);
  });
  afterAll(() => t?.close());

  const grid = async () => {
    const res = await head.get<UnitGridResponse>(`/api/roster/periods/${periodId}/units/${unitId}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const browserCheck = (g: UnitGridResponse, cells = cellMapOf(g.cells)) =>
    liveCheck(g.instance as ResolvedInstance, cells, g.severity, isAgencyScopedShare({ wfhShare: { scope: 'agency' } }));

  it('gives the same violations on an empty grid', async () => {
    const g = await grid();
    expect(g.violations.length).toBeGreaterThan(0);
    expect(browserCheck(g)).toEqual(g.violations);
  });

  it('speaks English when the UI is in English: the same violations (rules, days, people), English messages', async () => {
    const g = await grid();
    const vi = browserCheck(g);
    const en = liveCheck(g.instance as ResolvedInstance, cellMapOf(g.cells), g.severity, true, 'en');
    expect(en.map((v) => [v.rule, v.date, v.personId])).toEqual(vi.map((v) => [v.rule, v.date, v.personId]));
    const missing = en.find((v) => v.rule === 'missing_assignment')!;
    expect(missing.message).toContain('not assigned');
    expect(missing.message).not.toContain('chưa được phân công');
  });

  it('gives the same violations after edits, before they are saved (pins, duty, eligibility, shares, leaders)', async () => {
    const g0 = await grid();
    // Local edits in the browser.
    let cells = cellMapOf(g0.cells);
    const mode = (p: string, d: number) => (p === P.head ? (d < 3 ? 'wfh' : 'onsite') : p === P.a3 ? 'wfh' : d % 2 ? 'wfh' : 'onsite');
    for (const p of [P.head!, P.a1!, P.a2!, P.a3!]) DAYS.forEach((d, i) => (cells = setModes(cells, [cellKey(p, d)], mode(p, i))));
    cells = togglePin(cells, cellKey(P.a2!, DAYS[0]!));
    const local = browserCheck(g0, cells);
    const rules = new Set(local.map((v) => v.rule));
    for (const r of ['duty_not_onsite', 'wfh_not_eligible', 'role_min_onsite_share', 'unit_min_leaders_onsite', 'unit_min_people_onsite', 'wfh_share_max'])
      expect(rules).toContain(r);
    // The same cells saved: the server's check of the unit must be identical.
    const changed = Object.entries(cells).map(([k, c]) => ({ personId: k.split('|')[0]!, date: k.split('|')[1]!, mode: c.mode, pinned: c.pinned }));
    const saved = await head.put(`/api/roster/periods/${periodId}/units/${unitId}/cells`, { version: g0.version ?? 0, cells: changed });
    expect(saved.status).toBe(200);
    expect(local).toEqual(saved.body.violations);
    const g1 = await grid();
    expect(browserCheck(g1)).toEqual(g1.violations);
  });

  it('marks severity from the policy and an agency-wide share as a warning with the server note', async () => {
    const g = await grid();
    const v = browserCheck(g);
    const share = v.filter((x) => x.rule === 'wfh_share_max');
    expect(share.length).toBeGreaterThan(0);
    for (const x of share) {
      expect(x.severity).toBe('warn');
      expect(x.message.endsWith(AGENCY_SHARE_NOTE)).toBe(true);
    }
    expect(v.filter((x) => x.rule === 'unit_min_people_onsite').every((x) => x.severity === 'warn')).toBe(true);
    expect(v.filter((x) => x.rule === 'wfh_not_eligible').every((x) => x.severity === 'block')).toBe(true);
    // Without the agency scope the share is the unit's own rule: blocking, no note.
    const unitScoped = liveCheck(g.instance as ResolvedInstance, cellMapOf(g.cells), g.severity, false).filter((x) => x.rule === 'wfh_share_max');
    expect(unitScoped.every((x) => x.severity === 'block' && !x.message.endsWith(AGENCY_SHARE_NOTE))).toBe(true);
  });

  it('counts per day at home, on site and required on site', async () => {
    const g = await grid();
    const counts = unitDayCounts(g.instance as ResolvedInstance, cellMapOf(g.cells), unitId);
    expect(counts.map((c) => c.date)).toEqual(DAYS);
    // 19/07: head wfh, a1 onsite, a2 onsite, a3 wfh.
    expect(counts[0]).toMatchObject({ atHome: 2, onSite: 2, working: 4 });
    expect(counts[0]!.requiredOnSite).toBeGreaterThanOrEqual(2);
  });
});

describe('violation helpers', () => {
  it('points a violation at a cell, a row or a day', () => {
    const people = ['p1', 'p2'];
    const days = ['d1', 'd2'];
    expect(violationCells({ personId: 'p1', date: 'd2' }, people, days)).toEqual([cellKey('p1', 'd2')]);
    expect(violationCells({ personId: 'p2' }, people, days)).toEqual([cellKey('p2', 'd1'), cellKey('p2', 'd2')]);
    expect(violationCells({ date: 'd1' }, people, days)).toEqual([cellKey('p1', 'd1'), cellKey('p2', 'd1')]);
    expect(violationCells({}, people, days)).toEqual([]);
  });

  it('keeps the worst severity per day and per person', () => {
    const s = severityBy([
      { date: 'd1', severity: 'warn' },
      { date: 'd1', personId: 'p1', severity: 'block' },
      { date: 'd2', severity: 'warn' },
      { personId: 'p2', severity: 'warn' },
    ]);
    expect(Object.fromEntries(s.days)).toEqual({ d1: 'block', d2: 'warn' });
    expect(Object.fromEntries(s.people)).toEqual({ p1: 'block', p2: 'warn' });
  });

  it('groups violations by rule, blocking first', () => {
    const g = groupViolations([
      { rule: 'wfh_share_max' as const, severity: 'warn' as const },
      { rule: 'missing_assignment' as const, severity: 'block' as const },
      { rule: 'wfh_share_max' as const, severity: 'warn' as const },
    ]);
    expect(g.map((x) => [x.rule, x.severity, x.items.length])).toEqual([
      ['missing_assignment', 'block', 1],
      ['wfh_share_max', 'warn', 2],
    ]);
  });
});
