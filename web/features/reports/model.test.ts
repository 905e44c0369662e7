import { describe, expect, it } from 'vitest';
import { appendix2Counts, appendix2Totals, type Appendix2Report } from '../../../shared/domain/activity/appendix2';
import * as sharedTable from '../../../shared/domain/activity/appendix2-table';
import type { ReportNames } from '../../../shared/domain/reports';
import {
  appendix2Lines,
  canWriteNote,
  carriedParams,
  chartDays,
  dateParam,
  defaultTab,
  formatRatio,
  lineCells,
  mondayOf,
  outsideBand,
  ownProvinceFirst,
  periodOfPreset,
  periodParam,
  policyBand,
  presetOf,
  provinceRoots,
  reportAgencies,
  reportTabs,
  shortHash,
  shortLabel,
  stepWorkday,
  submissionSummary,
  tabOfPath,
  unitBars,
} from './model';

const row = (personId: string, unitId: string, wfhDays: number, assigned: number, processed: number) => ({
  personId,
  unitId,
  ...appendix2Counts(wfhDays, assigned, processed),
});

function report(): Appendix2Report {
  const a = [row('p1', 'u-a', 2, 5, 4), row('p2', 'u-a', 1, 0, 0), row('p3', 'u-b', 2, 3, 0)];
  const b = [row('q1', 'v-a', 1, 2, 2)];
  const agencies = [
    { agencyId: 'ag1', rows: a, totals: appendix2Totals(a) },
    { agencyId: 'ag2', rows: b, totals: appendix2Totals(b) },
  ];
  return { from: '2026-11-23', to: '2026-11-24', agencies, totals: appendix2Totals(agencies.map((x) => x.totals)) };
}
const names: ReportNames = {
  agencies: { ag1: 'Sở Nội vụ', ag2: 'Sở Tài chính' },
  units: { 'u-a': 'Văn phòng Sở', 'u-b': 'Thanh tra Sở', 'v-a': 'Văn phòng' },
  people: { p1: 'Trần Văn A', p2: 'Trần Văn B', p3: 'Lê Thị C', q1: 'Phạm Văn D' },
};

describe('formatRatio', () => {
  it('writes one decimal with a comma and a percent sign, and a dash when nothing was assigned', () => {
    expect(formatRatio(80)).toBe('80,0%');
    expect(formatRatio(66.7)).toBe('66,7%');
    expect(formatRatio(0)).toBe('0,0%');
    expect(formatRatio(100)).toBe('100,0%');
    expect(formatRatio(null)).toBe('—');
  });

  it('writes every ratio the reports can hold as the half-up tenth of a percent of its integer counts', () => {
    for (let whole = 1; whole <= 40; whole++) {
      for (let part = 0; part <= whole; part++) {
        // Tenths of a percent, rounded half up, in integers only: an independent reckoning of the same text.
        const tenths = Math.floor((2 * part * 1000 + whole) / (2 * whole));
        const r = appendix2Counts(1, whole, part).processedRatio;
        expect(formatRatio(r)).toBe(`${Math.floor(tenths / 10)},${tenths % 10}%`);
      }
    }
  });

  it('is the function of the shared table that the XLSX/PDF/DOCX exports use, so screens and files agree', () => {
    expect(formatRatio).toBe(sharedTable.formatRatio);
    expect(appendix2Lines).toBe(sharedTable.appendix2Lines);
    expect(lineCells).toBe(sharedTable.lineCells);
  });
});

describe('appendix2Lines', () => {
  it('grouped by agency numbers agencies 1, 2… and their people 1.1…, as the exports lay them out (Stt, name, counts, ratios)', () => {
    const r = report();
    const mine = appendix2Lines(r, names, 'agency', 'Tổng cộng').map(lineCells);
    // Agency totals come from the added counts: Sở Nội vụ 8 assigned, 4 processed → 50,0%; all: 10 and 6 → 60,0%.
    expect(mine).toEqual([
      ['1', 'Sở Nội vụ', '8', '4', '50,0%', '4', '50,0%'],
      ['1.1', 'Trần Văn A', '5', '4', '80,0%', '1', '20,0%'],
      ['1.2', 'Trần Văn B', '0', '0', '—', '0', '—'],
      ['1.3', 'Lê Thị C', '3', '0', '0,0%', '3', '100,0%'],
      ['2', 'Sở Tài chính', '2', '2', '100,0%', '0', '0,0%'],
      ['2.1', 'Phạm Văn D', '2', '2', '100,0%', '0', '0,0%'],
      ['', 'Tổng cộng', '10', '6', '60,0%', '4', '40,0%'],
    ]);
    expect(appendix2Lines(r, names, 'agency', 'Tổng cộng').map((l) => l.kind)).toEqual(['group', 'person', 'person', 'person', 'group', 'person', 'total']);
  });

  it('grouped by unit numbers units 1, 2… and their people 1.1, 1.2…, with unit totals from the added counts', () => {
    const r = report();
    r.agencies = [r.agencies[0]!];
    r.totals = r.agencies[0]!.totals;
    const lines = appendix2Lines(r, names, 'unit', 'Tổng cộng');
    expect(lines.map((l) => [l.stt, l.name, l.kind])).toEqual([
      ['1', 'Văn phòng Sở', 'group'],
      ['1.1', 'Trần Văn A', 'person'],
      ['1.2', 'Trần Văn B', 'person'],
      ['2', 'Thanh tra Sở', 'group'],
      ['2.1', 'Lê Thị C', 'person'],
      ['', 'Tổng cộng', 'total'],
    ]);
    // Unit "Văn phòng Sở": 5 assigned, 4 processed → 80,0% / 1 → 20,0% (p2 has nothing assigned: "—").
    expect(lineCells(lines[0]!)).toEqual(['1', 'Văn phòng Sở', '5', '4', '80,0%', '1', '20,0%']);
    expect(lineCells(lines[2]!)).toEqual(['1.2', 'Trần Văn B', '0', '0', '—', '0', '—']);
    expect(lineCells(lines[5]!)).toEqual(['', 'Tổng cộng', '8', '4', '50,0%', '4', '50,0%']);
  });

  it('falls back to ids for unknown names and keeps an empty report to its total line', () => {
    const empty: Appendix2Report = {
      from: '2026-11-24',
      to: '2026-11-24',
      agencies: [{ agencyId: 'x', rows: [], totals: appendix2Totals([]) }],
      totals: appendix2Totals([]),
    };
    expect(appendix2Lines(empty, { agencies: {}, units: {}, people: {} }, 'unit', 'Total').map(lineCells)).toEqual([['', 'Total', '0', '0', '—', '0', '—']]);
    const r = report();
    expect(appendix2Lines(r, { agencies: {}, units: {}, people: {} }, 'unit', 'T')[0]!.name).toBe('u-a');
  });
});

describe('short texts', () => {
  it('shortHash keeps the first characters', () => {
    expect(shortHash('b1e06ca3a13f0e4ef5e2c9d5')).toBe('b1e06ca3a13f');
    expect(shortHash(null)).toBe('');
  });
  it('shortLabel cuts long unit names at a word with an ellipsis', () => {
    expect(shortLabel('Văn phòng Sở')).toBe('Văn phòng Sở');
    const s = shortLabel('Phòng Xây dựng chính quyền và Công tác thanh niên');
    expect(s).toBe('Phòng Xây dựng chính…');
    expect(s.length).toBeLessThanOrEqual(24);
  });
});

describe('days and periods', () => {
  it('stepWorkday skips Saturday and Sunday', () => {
    expect(stepWorkday('2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
    expect(stepWorkday('2026-11-30', -1)).toBe('2026-11-27');
    expect(stepWorkday('2026-11-24', 1)).toBe('2026-11-25');
  });
  it('presets end today at the latest; last week is Monday to Sunday', () => {
    const today = '2026-11-25'; // Wednesday
    expect(mondayOf(today)).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(periodOfPreset('today', today)).toEqual({ from: today, to: today });
    expect(periodOfPreset('thisWeek', today)).toEqual({ from: '2026-11-23', to: today });
    expect(periodOfPreset('lastWeek', today)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOfPreset('thisMonth', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetOf({ from: '2026-11-16', to: '2026-11-22' }, today)).toBe('lastWeek');
    expect(presetOf({ from: '2026-11-17', to: '2026-11-22' }, today)).toBeNull();
  });
  it('URL dates: invalid ones fall back, a reversed period is put in order', () => {
    expect(dateParam('2026-02-30', '2026-11-24')).toBe('2026-11-24');
    expect(dateParam('2026-02-03', '2026-11-24')).toBe('2026-02-03');
    expect(periodParam('2026-11-20', '2026-11-10', 'T')).toEqual({ from: '2026-11-10', to: '2026-11-20' });
    expect(periodParam('2026-11-20', null, 'T')).toEqual({ from: '2026-11-20', to: '2026-11-20' });
    expect(periodParam(null, 'x', '2026-11-24')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });
});

describe('scopes', () => {
  const agencies = [
    { id: 'nt', path: '/nt/', kind: 'province' as const },
    { id: 'nt-snv', path: '/nt/nt-snv/', kind: 'department' as const },
    { id: 'nt-stc', path: '/nt/nt-stc/', kind: 'department' as const },
    { id: 'th-snv', path: '/th/th-snv/', kind: 'department' as const },
  ];
  it('the Office reads its agency; a province user every agency under its province but not the root', () => {
    expect(
      reportAgencies(
        [
          { role: 'office', agencyId: 'nt-snv' },
          { role: 'staff', agencyId: 'nt-stc' },
        ],
        agencies,
      ).map((a) => a.id),
    ).toEqual(['nt-snv']);
    expect(reportAgencies([{ role: 'province', agencyId: 'nt' }], agencies).map((a) => a.id)).toEqual(['nt-snv', 'nt-stc']);
    expect(reportAgencies([{ role: 'unit_head', agencyId: 'nt-snv' }], agencies)).toEqual([]);
  });
  it('only the Office of the agency writes the note', () => {
    expect(canWriteNote([{ role: 'office', agencyId: 'nt-snv' }], 'nt-snv')).toBe(true);
    expect(canWriteNote([{ role: 'director', agencyId: 'nt-snv' }], 'nt-snv')).toBe(false);
    expect(canWriteNote([{ role: 'office', agencyId: 'nt-stc' }], 'nt-snv')).toBe(false);
  });
  it('province roots come from province and admin grants, once each', () => {
    expect(
      provinceRoots([
        { role: 'province', agencyId: 'th', agencyName: 'UBND tỉnh Thanh Hóa' },
        { role: 'admin', agencyId: 'th', agencyName: 'UBND tỉnh Thanh Hóa' },
        { role: 'province', agencyId: 'nt', agencyName: 'UBND tỉnh Ninh Thuận' },
        { role: 'office', agencyId: 'nt-snv', agencyName: 'Sở Nội vụ' },
      ]),
    ).toEqual([
      { id: 'th', name: 'UBND tỉnh Thanh Hóa' },
      { id: 'nt', name: 'UBND tỉnh Ninh Thuận' },
    ]);
  });
  it("puts the province of the user's own agency first", () => {
    const roots = [{ id: 'th' }, { id: 'nt' }, { id: 'hd' }];
    expect(ownProvinceFirst(roots, '/nt/nt-snv/').map((r) => r.id)).toEqual(['nt', 'th', 'hd']);
    expect(ownProvinceFirst(roots, null).map((r) => r.id)).toEqual(['th', 'nt', 'hd']);
    expect(ownProvinceFirst(roots, '/ntx/').map((r) => r.id)).toEqual(['th', 'nt', 'hd']);
  });
  it('tabs and the first tab follow the roles', () => {
    const office = new Set(['report.read', 'report.write']);
    const province = new Set(['report.read', 'report.province']);
    expect(reportTabs((a) => office.has(a), true)).toEqual(['daily', 'appendix2', 'dashboard']);
    expect(reportTabs((a) => province.has(a), true)).toEqual(['daily', 'appendix2', 'dashboard', 'province']);
    expect(reportTabs((a) => province.has(a), false)).toEqual(['province']);
    expect(defaultTab(['office'], ['daily', 'appendix2', 'dashboard'])).toBe('daily');
    expect(defaultTab(['director'], ['daily', 'appendix2', 'dashboard'])).toBe('dashboard');
    expect(defaultTab(['director', 'office'], ['daily', 'appendix2', 'dashboard'])).toBe('daily');
    expect(defaultTab(['unit_head', 'province'], ['daily', 'appendix2', 'dashboard', 'province'])).toBe('province');
    expect(defaultTab([], [])).toBeNull();
  });
});

describe('tabs and links', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('reads the tab from the path; /reports?agencyId=&date= (notification link) is the 16:00 report', () => {
    expect(tabOfPath('/reports/province', q('rootId=nt'))).toBe('province');
    expect(tabOfPath('/reports/appendix2', q(''))).toBe('appendix2');
    expect(tabOfPath('/reports', q('agencyId=nt-snv&date=2026-11-24'))).toBe('daily');
    expect(tabOfPath('/reports/', q(''))).toBeNull();
    expect(tabOfPath('/reports/nothing', q(''))).toBeNull();
  });
  it('keeps the agency and turns the day of the 16:00 report into the period of Phụ lục 2 and back', () => {
    expect(carriedParams('appendix2', q('agencyId=a&date=2026-11-20'))).toBe('?agencyId=a&from=2026-11-20&to=2026-11-20');
    expect(carriedParams('daily', q('agencyId=a&from=2026-11-20&to=2026-11-20'))).toBe('?agencyId=a&date=2026-11-20');
    expect(carriedParams('daily', q('agencyId=a&from=2026-11-16&to=2026-11-20'))).toBe('?agencyId=a');
    expect(carriedParams('dashboard', q('agencyId=a&date=2026-11-20'))).toBe('?agencyId=a');
    expect(carriedParams('province', q('agencyId=a&date=2026-11-20&rootId=nt'))).toBe('?date=2026-11-20&rootId=nt');
    expect(carriedParams('daily', q(''))).toBe('');
  });
});

describe('submissionSummary', () => {
  it('splits sent (earliest first) and missing agencies', () => {
    const s = submissionSummary({
      date: '2026-11-24',
      agencies: [
        { agencyId: 'a', name: 'A', sentAt: '2026-11-24T09:10:00.000Z' },
        { agencyId: 'b', name: 'B', sentAt: null },
        { agencyId: 'c', name: 'C', sentAt: '2026-11-24T09:00:00.000Z' },
      ],
    });
    expect(s.sent.map((a) => a.agencyId)).toEqual(['c', 'a']);
    expect(s.missing.map((a) => a.agencyId)).toEqual(['b']);
    expect(s.total).toBe(3);
  });
});

describe('dashboard shaping', () => {
  const day = (date: string, homeShare: number | null, min: number | null, target: number | null, max: number | null) => ({
    date,
    working: 10,
    atHome: 5,
    homeShare,
    policyMin: min,
    policyTarget: target,
    policyMax: max,
    checkedIn: 4,
    checkinRate: 80,
    assigned: 3,
    processed: 2,
    processedRatio: 66.7,
  });
  it('sorts the days and labels them dd/mm', () => {
    const rows = chartDays([day('2026-11-24', 50, null, 50, null), day('2026-11-23', 52.1, null, 50, null)]);
    expect(rows.map((r) => r.label)).toEqual(['23/11', '24/11']);
    expect(rows[0]).toMatchObject({ homeShare: 52.1, checkinRate: 80, processedRatio: 66.7, atHome: 5 });
  });
  it('the policy band is constant when every day has the same min/target/max', () => {
    expect(policyBand(chartDays([day('2026-11-23', 50, 30, 50, 70), day('2026-11-24', 50, 30, 50, 70)]))).toEqual({
      min: 30,
      target: 50,
      max: 70,
      constant: true,
    });
    expect(policyBand(chartDays([day('2026-11-23', 50, 30, 50, 70), day('2026-11-24', 50, null, 50, null)]))).toEqual({
      min: null,
      target: 50,
      max: null,
      constant: false,
    });
    expect(policyBand([])).toEqual({ min: null, target: null, max: null, constant: true });
  });
  it('flags a home share outside the band', () => {
    expect(outsideBand({ homeShare: 75, policyMin: 30, policyMax: 70 })).toBe(true);
    expect(outsideBand({ homeShare: 20, policyMin: 30, policyMax: null })).toBe(true);
    expect(outsideBand({ homeShare: 50, policyMin: 30, policyMax: 70 })).toBe(false);
    expect(outsideBand({ homeShare: null, policyMin: 30, policyMax: 70 })).toBe(false);
  });
  it('unit bars: on site = working − at home, units with nobody working left out', () => {
    expect(
      unitBars([
        { unitId: 'u1', unitName: 'Văn phòng Sở', working: 11, atHome: 6, checkedIn: 5 },
        { unitId: 'u2', unitName: 'Ban Tôn giáo', working: 0, atHome: 0, checkedIn: 0 },
      ]),
    ).toEqual([{ unitId: 'u1', name: 'Văn phòng Sở', label: 'Văn phòng Sở', atHome: 6, onSite: 5, checkedIn: 5, working: 11 }]);
  });
});
