/**
 * The live check of a unit's grid in the browser (C3), exactly as the server checks a unit
 * (server/modules/roster/roster.service.ts, unitCheck): the rules of shared/domain/roster/check.ts on the
 * unit view, pinned cells as `fixed` days (roster.instance.ts, buildInstance), each violation marked
 * blocking or warning by the policy's severity, and an agency-wide WFH share only advice in a unit.
 */
import type { ViolationView } from '../../../shared/contracts/roster';
import { checkRoster, dayCounts, type DayCount } from '../../../shared/domain/roster/check';
import type { Mode, ResolvedInstance } from '../../../shared/domain/roster/format';
import { cellKey, parseCellKey, rosterOf, type CellMap } from './grid';

export type Severity = 'block' | 'warn';
export type SeverityMap = Readonly<Record<string, Severity>>;

/** What the server appends to an agency-wide share violation in a unit (kept identical). */
export const AGENCY_SHARE_NOTE = ' (tỷ lệ áp dụng cho toàn cơ quan; Văn phòng kiểm tra khi tổng hợp)';
export const AGENCY_SHARE_NOTE_EN = ' (the share applies to the whole agency; the Office checks it when compiling)';

/** The instance with `fixed` rebuilt from the pinned cells of the grid (as the server builds it). */
export function withPinnedFixed(instance: ResolvedInstance, cells: CellMap): ResolvedInstance {
  const workdays = new Set(instance.workdays);
  const fixed = new Map<string, Record<string, Mode>>();
  for (const [key, c] of Object.entries(cells)) {
    if (!c.pinned || c.mode === null) continue;
    const { personId, date } = parseCellKey(key);
    if (!workdays.has(date)) continue;
    let f = fixed.get(personId);
    if (!f) fixed.set(personId, (f = {}));
    f[date] = c.mode;
  }
  return {
    ...instance,
    people: instance.people.map((p) => {
      const { fixed: _old, ...rest } = p;
      const f = fixed.get(p.id);
      return f ? { ...rest, fixed: f } : rest;
    }),
  };
}

/** The unit's cells (its people, working days) as a roster. */
function unitRoster(instance: ResolvedInstance, cells: CellMap) {
  const ids = new Set(instance.people.map((p) => p.id));
  const roster = rosterOf(cells, instance.workdays);
  return { ...roster, assignments: roster.assignments.filter((a) => ids.has(a.personId)) };
}

/**
 * Every violation of the unit's grid, with its severity. `agencyScopedShare`: the policy's WFH share is
 * for the whole agency (the unit view applies it to the unit as advice).
 */
export function liveCheck(instance: ResolvedInstance, cells: CellMap, severity: SeverityMap, agencyScopedShare: boolean, lang = 'vi'): ViolationView[] {
  const inst = withPinnedFixed(instance, cells);
  const violations: ViolationView[] = checkRoster(inst, unitRoster(inst, cells), lang).map((v) => ({ ...v, severity: severity[v.rule] ?? 'block' }));
  if (agencyScopedShare) {
    for (const v of violations) {
      if (v.rule === 'wfh_share_min' || v.rule === 'wfh_share_max') {
        v.severity = 'warn';
        v.message += lang.startsWith('en') ? AGENCY_SHARE_NOTE_EN : AGENCY_SHARE_NOTE;
      }
    }
  }
  return violations;
}

/** Per working day of the unit: at home, on site, required on site (the count bar). */
export function unitDayCounts(instance: ResolvedInstance, cells: CellMap, unitId: string): DayCount[] {
  const inst = withPinnedFixed(instance, cells);
  return dayCounts(inst, unitRoster(inst, cells)).units[unitId] ?? [];
}

/** Is the policy's WFH share agency-wide? (the rules of GET /api/policies/{id}) */
export function isAgencyScopedShare(rules: unknown): boolean {
  const share = (rules as { wfhShare?: { scope?: unknown } | null } | null | undefined)?.wfhShare;
  return !!share && share.scope === 'agency';
}

/**
 * The cells a violation is about, to highlight them: one cell (person and day), a person's row
 * (person only), or the day's column (unit and agency rules).
 */
export function violationCells(v: Pick<ViolationView, 'personId' | 'date'>, personIds: readonly string[], dates: readonly string[]): string[] {
  if (v.personId && v.date) return [cellKey(v.personId, v.date)];
  if (v.personId) return dates.map((d) => cellKey(v.personId!, d));
  if (v.date) return personIds.map((p) => cellKey(p, v.date!));
  return [];
}

/** The worst severity per day (violations with a date) and per person. */
export function severityBy(violations: readonly Pick<ViolationView, 'date' | 'personId' | 'severity'>[]): {
  days: Map<string, Severity>;
  people: Map<string, Severity>;
} {
  const days = new Map<string, Severity>();
  const people = new Map<string, Severity>();
  const worse = (m: Map<string, Severity>, k: string, s: Severity) => {
    if (m.get(k) !== 'block') m.set(k, s);
  };
  for (const v of violations) {
    if (v.date) worse(days, v.date, v.severity);
    if (v.personId) worse(people, v.personId, v.severity);
  }
  return { days, people };
}

/** Violations grouped by rule (blocking rules first), keeping the check's order inside a group. */
export function groupViolations<V extends Pick<ViolationView, 'rule' | 'severity'>>(
  violations: readonly V[],
): { rule: V['rule']; severity: Severity; items: V[] }[] {
  const groups = new Map<string, { rule: V['rule']; severity: Severity; items: V[] }>();
  for (const v of violations) {
    const k = `${v.severity}|${v.rule}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { rule: v.rule, severity: v.severity, items: [] }));
    g.items.push(v);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}
