/**
 * The state of a unit's roster grid in the browser (pure): cells keyed by person and day, edits
 * (one cell, a row, a day), the cells to save (only what changed), and the rebase of unsaved edits on
 * a newer server version (after a version conflict nothing typed is lost).
 */
import type { GridCell, SaveCellsRequest } from '../../../shared/contracts/roster';
import { weekday } from '../../../shared/domain/dates';
import { AGENCY_LEADER_ROLES, UNIT_LEADER_ROLES, type Mode, type PersonRole, type Roster } from '../../../shared/domain/roster/format';

export interface CellValue {
  mode: Mode | null;
  pinned: boolean;
}

/** `personId|date` → cell. Absent = no assignment. Treated as immutable. */
export type CellMap = Readonly<Record<string, CellValue>>;

const SEP = '|';
export function cellKey(personId: string, date: string): string {
  return `${personId}${SEP}${date}`;
}
export function parseCellKey(key: string): { personId: string; date: string } {
  const i = key.lastIndexOf(SEP);
  return { personId: key.slice(0, i), date: key.slice(i + 1) };
}

export const EMPTY_CELL: CellValue = { mode: null, pinned: false };

export function cellAt(map: CellMap, personId: string, date: string): CellValue {
  return map[cellKey(personId, date)] ?? EMPTY_CELL;
}

/** The grid of the server's cells. */
export function cellMapOf(cells: readonly GridCell[]): CellMap {
  const out: Record<string, CellValue> = {};
  for (const c of cells) out[cellKey(c.personId, c.date)] = { mode: c.mode, pinned: c.pinned };
  return out;
}

function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? EMPTY_CELL;
  const y = b ?? EMPTY_CELL;
  return x.mode === y.mode && (x.mode === null || x.pinned === y.pinned);
}

function put(out: Record<string, CellValue>, key: string, value: CellValue): void {
  if (value.mode === null) delete out[key];
  else out[key] = value;
}

export interface EditOptions {
  /** Leave pinned cells as they are (filling a row or a day). */
  skipPinned?: boolean;
}

/**
 * Sets the mode of some cells (null clears them; a cleared cell loses its pin). Returns the same map
 * when nothing changes, so callers can skip a history entry.
 */
export function setModes(map: CellMap, keys: readonly string[], mode: Mode | null, opts: EditOptions = {}): CellMap {
  let out: Record<string, CellValue> | null = null;
  for (const key of keys) {
    const cur = map[key] ?? EMPTY_CELL;
    if (opts.skipPinned && cur.pinned) continue;
    const next: CellValue = mode === null ? EMPTY_CELL : { mode, pinned: cur.pinned };
    if (sameCell(cur, next)) continue;
    out ??= { ...map };
    put(out, key, next);
  }
  return out ?? map;
}

/** Pins or unpins a cell (a pinned cell is kept by "Tạo lịch tự động"). An empty cell cannot be pinned. */
export function togglePin(map: CellMap, key: string): CellMap {
  const cur = map[key];
  if (!cur || cur.mode === null) return map;
  return { ...map, [key]: { mode: cur.mode, pinned: !cur.pinned } };
}

/** Every day of a person's row (pinned cells kept). */
export function fillRow(map: CellMap, personId: string, dates: readonly string[], mode: Mode | null): CellMap {
  return setModes(
    map,
    dates.map((d) => cellKey(personId, d)),
    mode,
    { skipPinned: true },
  );
}

/** Every person on one day (pinned cells kept). */
export function fillColumn(map: CellMap, personIds: readonly string[], date: string, mode: Mode | null): CellMap {
  return setModes(
    map,
    personIds.map((p) => cellKey(p, date)),
    mode,
    { skipPinned: true },
  );
}

/** The next mode of a click-to-cycle: empty → CQ → N → P → CT → empty. */
export const MODE_CYCLE: readonly (Mode | null)[] = [null, 'onsite', 'wfh', 'leave', 'business_trip'];
export function nextMode(mode: Mode | null): Mode | null {
  return MODE_CYCLE[(MODE_CYCLE.indexOf(mode) + 1) % MODE_CYCLE.length]!;
}

/** Cells that differ between the saved grid and the current one, as PUT …/cells wants them. */
export function changedCells(base: CellMap, current: CellMap): SaveCellsRequest['cells'] {
  const keys = new Set([...Object.keys(base), ...Object.keys(current)]);
  const out: SaveCellsRequest['cells'] = [];
  for (const key of [...keys].sort()) {
    const a = base[key];
    const b = current[key];
    if (sameCell(a, b)) continue;
    const { personId, date } = parseCellKey(key);
    out.push(b && b.mode !== null ? { personId, date, mode: b.mode, pinned: b.pinned } : { personId, date, mode: null });
  }
  return out;
}

export function isDirty(base: CellMap, current: CellMap): boolean {
  return changedCells(base, current).length > 0;
}

export interface RebaseResult {
  cells: CellMap;
  /** Local edits kept on top of the newer version. */
  kept: number;
  /** Cells that someone else also changed (the local edit wins; listed for the user). */
  overlapping: string[];
}

/**
 * Applies the local edits (current vs the old base) on top of a newer server grid. The user's edit of a
 * cell wins; cells that the other change touched too are reported.
 */
export function rebase(oldBase: CellMap, current: CellMap, newBase: CellMap): RebaseResult {
  const edits = changedCells(oldBase, current);
  const out: Record<string, CellValue> = { ...newBase };
  const overlapping: string[] = [];
  let kept = 0;
  for (const e of edits) {
    const key = cellKey(e.personId, e.date);
    if (!sameCell(oldBase[key], newBase[key])) overlapping.push(key);
    const value: CellValue = e.mode === null ? EMPTY_CELL : { mode: e.mode, pinned: e.pinned ?? false };
    if (!sameCell(newBase[key], value)) kept++;
    put(out, key, value);
  }
  return { cells: out, kept, overlapping };
}

/** The roster-format assignments of the grid (for the live check), on the given days only. */
export function rosterOf(map: CellMap, workdays: readonly string[]): Roster {
  const days = new Set(workdays);
  const assignments: Roster['assignments'] = [];
  for (const [key, v] of Object.entries(map)) {
    if (v.mode === null) continue;
    const { personId, date } = parseCellKey(key);
    if (days.has(date)) assignments.push({ personId, date, mode: v.mode });
  }
  return { format: 'congvu.assignments/1', assignments };
}

/** A column of the grid: a working day, or a weekday holiday of the period (greyed, with its name). */
export interface GridColumn {
  date: string;
  holiday: string | null;
  workday: boolean;
}

/** Working days plus the holidays that fall on Monday-Friday, in date order. */
export function gridColumns(workdays: readonly string[], holidays: readonly { date: string; name: string }[]): GridColumn[] {
  const names = new Map(holidays.map((h) => [h.date, h.name]));
  const work = new Set(workdays);
  const cols: GridColumn[] = workdays.map((d) => ({ date: d, holiday: null, workday: true }));
  for (const h of holidays) {
    const w = weekday(h.date);
    if (!work.has(h.date) && w !== 0 && w !== 6) cols.push({ date: h.date, holiday: names.get(h.date) ?? '', workday: false });
  }
  return cols.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type RoleGroup = 'leaders' | 'staff';
export const LEADER_ROLES: ReadonlySet<PersonRole> = new Set([...AGENCY_LEADER_ROLES, ...UNIT_LEADER_ROLES]);

/** People grouped by role, leaders first, keeping the server's order inside each group. */
export function groupByRole<P extends { role: PersonRole }>(people: readonly P[]): { group: RoleGroup; people: P[] }[] {
  const leaders = people.filter((p) => LEADER_ROLES.has(p.role));
  const staff = people.filter((p) => !LEADER_ROLES.has(p.role));
  const out: { group: RoleGroup; people: P[] }[] = [];
  if (leaders.length) out.push({ group: 'leaders', people: leaders });
  if (staff.length) out.push({ group: 'staff', people: staff });
  return out;
}

/** Undo history: the maps before each edit (at most `limit`). */
export interface History {
  past: CellMap[];
  present: CellMap;
}
export function historyOf(present: CellMap): History {
  return { past: [], present };
}
export function pushEdit(h: History, next: CellMap, limit = 100): History {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next };
}
export function undo(h: History): History {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]! };
}
