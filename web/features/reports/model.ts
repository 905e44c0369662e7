/**
 * Pure helpers of the report screens (Phụ lục 2, báo cáo 16:00, tổng hợp tỉnh, bảng điều hành):
 * the ratio text and the Phụ lục 2 table (shared/domain/activity/appendix2-table.ts, shared with the exports),
 * chart data of the dashboard, periods and days, the agencies and provinces a user reports on.
 */
import type { AgencyView } from '../../../shared/contracts/org';
import type { DashboardResponse, SubmissionsResponse } from '../../../shared/contracts/reports';
import type { Appendix2Report } from '../../../shared/domain/activity/appendix2';
import { addDays, isIsoDate, weekday } from '../../../shared/domain/dates';
import { PERMISSIONS, type Action, type AppRole } from '../../../shared/domain/permissions';

// The ratio text and the Phụ lục 2 lines live once in shared/domain (the exports use them too).
export { appendix2Lines, formatRatio, lineCells, type LineKind, type TableLine } from '../../../shared/domain/activity/appendix2-table';

// ------------------------------------------------------------------ numbers

/** The first characters of a SHA-256 hash, to show it short (the full hash goes in a title / copy). */
export function shortHash(hash: string | null | undefined, length = 12): string {
  return hash ? hash.slice(0, length) : '';
}

/** Number of people (rows) in a report. */
export function peopleCount(report: Appendix2Report): number {
  return report.agencies.reduce((n, a) => n + a.rows.length, 0);
}

// ------------------------------------------------------------------ days and periods

/** `2026-11-24` → `24/11`. */
export function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/** The next (dir 1) or previous (dir −1) day from Monday to Friday. */
export function stepWorkday(iso: string, dir: 1 | -1): string {
  let d = addDays(iso, dir);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, dir);
  return d;
}

export type PeriodPreset = 'today' | 'thisWeek' | 'lastWeek' | 'thisMonth';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['today', 'thisWeek', 'lastWeek', 'thisMonth'];

/** Monday of the week of a date. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/**
 * The period of a preset, never after today (future home days would count as days with nothing done):
 * today; this week (Monday → today); last week (Monday → Sunday); this month (1st → today).
 */
export function periodOfPreset(preset: PeriodPreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'thisWeek':
      return { from: mondayOf(today), to: today };
    case 'lastWeek': {
      const from = addDays(mondayOf(today), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** The preset a period is, if any (to highlight it). */
export function presetOf(period: { from: string; to: string }, today: string): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((p) => {
      const q = periodOfPreset(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}

/** An ISO date from the URL, or the fallback when absent or not a real date. */
export function dateParam(value: string | null, fallback: string): string {
  return value && isIsoDate(value) ? value : fallback;
}

/** The period of the URL (`from`, `to`): valid dates in order, else today. */
export function periodParam(from: string | null, to: string | null, today: string): { from: string; to: string } {
  const f = dateParam(from, '');
  const t = dateParam(to, '');
  if (f && t) return f <= t ? { from: f, to: t } : { from: t, to: f };
  if (f) return { from: f, to: f };
  if (t) return { from: t, to: t };
  return { from: today, to: today };
}

// ------------------------------------------------------------------ scopes

interface GrantLike {
  role: AppRole;
  agencyId: string;
  agencyName?: string;
}

const reachOf = (action: Action, role: AppRole) => PERMISSIONS[action][role];

/**
 * The agencies whose reports the user reads (report.read): their own agency for the Office and the
 * Director, every agency of the subtree for a province user or an admin; province roots (UBND tỉnh)
 * excluded — their report is the province report. In the order of `agencies` (tree order).
 */
export function reportAgencies<T extends Pick<AgencyView, 'id' | 'path' | 'kind'>>(grants: readonly GrantLike[], agencies: readonly T[]): T[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  return agencies.filter((a) => {
    if (a.kind === 'province') return false;
    return grants.some((g) => {
      const reach = reachOf('report.read', g.role);
      if (reach === 'agency') return g.agencyId === a.id;
      if (reach === 'subtree') {
        const root = byId.get(g.agencyId);
        return !!root && a.path.startsWith(root.path);
      }
      return false;
    });
  });
}

/** May the user write the note of this agency's report (the Office of that agency)? */
export function canWriteNote(grants: readonly GrantLike[], agencyId: string): boolean {
  return grants.some((g) => g.agencyId === agencyId && reachOf('report.write', g.role) === 'agency');
}

/** The roots (provinces) the user reads as a province user (report.province), once each, in grant order. */
export function provinceRoots(grants: readonly GrantLike[]): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (const g of grants) {
    if (reachOf('report.province', g.role) !== 'subtree' || out.some((r) => r.id === g.agencyId)) continue;
    out.push({ id: g.agencyId, name: g.agencyName ?? g.agencyId });
  }
  return out;
}

/** The province of the user's own agency first (by its path `/nt/nt-snv/`), the others in their order. */
export function ownProvinceFirst<T extends { id: string }>(roots: readonly T[], ownAgencyPath: string | null): T[] {
  const segments = ownAgencyPath ? ownAgencyPath.split('/').filter(Boolean) : [];
  const own = roots.filter((r) => segments.includes(r.id));
  return [...own, ...roots.filter((r) => !segments.includes(r.id))];
}

export type ReportTab = 'daily' | 'appendix2' | 'dashboard' | 'province';

/** The tabs a user sees: agency reports with report.read on an agency, the province view with report.province. */
export function reportTabs(can: (a: Action) => boolean, hasAgencyReports: boolean): ReportTab[] {
  const tabs: ReportTab[] = [];
  if (can('report.read') && hasAgencyReports) tabs.push('daily', 'appendix2', 'dashboard');
  if (can('report.province')) tabs.push('province');
  return tabs;
}

/** The first screen of /reports: the province view for a province user, the dashboard for the Director, else the 16:00 report. */
export function defaultTab(roles: readonly AppRole[], tabs: readonly ReportTab[]): ReportTab | null {
  if (tabs.includes('province') && roles.includes('province')) return 'province';
  if (tabs.includes('dashboard') && !roles.includes('office') && (roles.includes('director') || roles.includes('deputy_director'))) return 'dashboard';
  return tabs[0] ?? null;
}

/** The sub-path of each tab under /reports. */
export const TAB_PATHS: Record<ReportTab, string> = { daily: 'daily', appendix2: 'appendix2', dashboard: 'dashboard', province: 'province' };

/** The tab of a location: /reports/<tab>, or /reports?agencyId=… (the notification link) for the 16:00 report. */
export function tabOfPath(pathname: string, search: URLSearchParams): ReportTab | null {
  const rest = pathname.replace(/^\/reports\/?/, '').split('/')[0] ?? '';
  if (rest === '') return search.get('agencyId') ? 'daily' : null;
  return (Object.keys(TAB_PATHS) as ReportTab[]).find((k) => TAB_PATHS[k] === rest) ?? null;
}

/**
 * The query parameters a tab keeps when the user switches to it: the agency, the day (the day of the
 * 16:00 report becomes the period of Phụ lục 2 and back), the province.
 */
export function carriedParams(tab: ReportTab, search: URLSearchParams): string {
  const keep = new URLSearchParams();
  const set = (k: string, v: string | null) => {
    if (v) keep.set(k, v);
  };
  if (tab !== 'province') set('agencyId', search.get('agencyId'));
  const day = search.get('date') ?? (search.get('from') && search.get('from') === search.get('to') ? search.get('to') : null);
  if (tab === 'daily' || tab === 'province') set('date', day);
  if (tab === 'appendix2') {
    set('from', search.get('from') ?? day);
    set('to', search.get('to') ?? day);
  }
  if (tab === 'province') set('rootId', search.get('rootId'));
  const qs = keep.toString();
  return qs ? `?${qs}` : '';
}

// ------------------------------------------------------------------ province

export interface SubmissionSummary {
  sent: SubmissionsResponse['agencies'];
  missing: SubmissionsResponse['agencies'];
  total: number;
}

/** Agencies that sent their 16:00 report (earliest first) and those that have not (in the server's tree order). */
export function submissionSummary(s: SubmissionsResponse): SubmissionSummary {
  const sent = s.agencies.filter((a) => a.sentAt !== null).sort((a, b) => (a.sentAt! < b.sentAt! ? -1 : a.sentAt! > b.sentAt! ? 1 : 0));
  const missing = s.agencies.filter((a) => a.sentAt === null);
  return { sent, missing, total: s.agencies.length };
}

// ------------------------------------------------------------------ dashboard

export interface ChartDay {
  date: string;
  /** `24/11`. */
  label: string;
  homeShare: number | null;
  policyMin: number | null;
  policyTarget: number | null;
  policyMax: number | null;
  checkinRate: number | null;
  processedRatio: number | null;
  working: number;
  atHome: number;
  checkedIn: number;
  assigned: number;
  processed: number;
}

/** The days of the dashboard as chart rows (sorted by date, labelled dd/mm). */
export function chartDays(days: DashboardResponse['days']): ChartDay[] {
  return [...days]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((d) => ({
      date: d.date,
      label: dayMonth(d.date),
      homeShare: d.homeShare,
      policyMin: d.policyMin,
      policyTarget: d.policyTarget,
      policyMax: d.policyMax,
      checkinRate: d.checkinRate,
      processedRatio: d.processedRatio,
      working: d.working,
      atHome: d.atHome,
      checkedIn: d.checkedIn,
      assigned: d.assigned,
      processed: d.processed,
    }));
}

export interface PolicyBand {
  min: number | null;
  target: number | null;
  max: number | null;
  /** The same band on every day (drawn as reference lines); otherwise drawn per day. */
  constant: boolean;
}

/** The policy's home share band over the days (null values when the policy sets none). */
export function policyBand(days: readonly Pick<ChartDay, 'policyMin' | 'policyTarget' | 'policyMax'>[]): PolicyBand {
  if (!days.length) return { min: null, target: null, max: null, constant: true };
  const first = days[0]!;
  const constant = days.every((d) => d.policyMin === first.policyMin && d.policyTarget === first.policyTarget && d.policyMax === first.policyMax);
  const last = days[days.length - 1]!;
  return { min: last.policyMin, target: last.policyTarget, max: last.policyMax, constant };
}

/** Is a day's home share outside the policy's band? */
export function outsideBand(d: Pick<ChartDay, 'homeShare' | 'policyMin' | 'policyMax'>): boolean {
  if (d.homeShare === null) return false;
  return (d.policyMin !== null && d.homeShare < d.policyMin) || (d.policyMax !== null && d.homeShare > d.policyMax);
}

export interface UnitBar {
  unitId: string;
  name: string;
  /** Shortened for the chart's axis (the table and tooltip show the full name). */
  label: string;
  atHome: number;
  onSite: number;
  checkedIn: number;
  working: number;
}

/** Shortens a long unit name for a chart axis: `Phòng Xây dựng chính quyền…`. */
export function shortLabel(name: string, max = 24): string {
  const s = name.trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '')}…`;
}

/** Today per unit: at home, on site (working − at home) and checked in; units with nobody working left out. */
export function unitBars(units: DashboardResponse['units']): UnitBar[] {
  return units
    .filter((u) => u.working > 0)
    .map((u) => ({
      unitId: u.unitId,
      name: u.unitName,
      label: shortLabel(u.unitName),
      atHome: u.atHome,
      onSite: Math.max(u.working - u.atHome, 0),
      checkedIn: u.checkedIn,
      working: u.working,
    }));
}
