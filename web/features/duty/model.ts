/**
 * Pure helpers of the duty rota screen: the week or month shown, the rows of the table (working
 * days, and days off when asked or when they carry a duty), the people each picker offers (leader
 * duty: Giám đốc, Phó Giám đốc only), the PUT body and the server's issues per kind of duty.
 */
import type { DutyDay, DutyKind, DutyPerson, DutyPut } from '../../../shared/contracts/duty';
import type { PersonView } from '../../../shared/contracts/org';
import { addDays, datesBetween, weekday } from '../../../shared/domain/dates';
import { AGENCY_LEADER_ROLES, type PersonRole } from '../../../shared/domain/roster/format';

/** Kinds in the order of the table: leadership duty first, as agencies print their rota. */
export const DUTY_KIND_ORDER = ['leader', 'office', 'epidemic', 'documents'] as const satisfies readonly DutyKind[];
/** Kinds every day should have (the others are optional). */
export const REQUIRED_KINDS: readonly DutyKind[] = ['leader', 'office'];

export type DutyViewKind = 'week' | 'month';

export interface Period {
  from: string;
  to: string;
}

/** The week (Monday to Sunday) or the month that contains `anchor`. */
export function periodOf(anchor: string, view: DutyViewKind): Period {
  if (view === 'week') {
    const from = addDays(anchor, -((weekday(anchor) + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  const from = `${anchor.slice(0, 7)}-01`;
  const to = addDays(`${nextMonth(anchor)}-01`, -1);
  return { from, to };
}

/** `2026-12-15` → `2027-01` */
function nextMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The anchor of the previous (-1) or next (+1) week or month: its first day. */
export function shiftPeriod(anchor: string, view: DutyViewKind, delta: number): string {
  const { from } = periodOf(anchor, view);
  if (view === 'week') return addDays(from, 7 * delta);
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7)) + delta;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  while (m > 12) {
    m -= 12;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/** The calendar years a period touches (a week may span New Year). */
export function yearsOf(p: Period): number[] {
  const out: number[] = [];
  for (let y = Number(p.from.slice(0, 4)); y <= Number(p.to.slice(0, 4)); y++) out.push(y);
  return out;
}

export const emptyDutyDay = (date: string): DutyDay => ({ date, office: [], leader: [], epidemic: [], documents: [] });

export const hasDuty = (d: DutyDay): boolean => DUTY_KIND_ORDER.some((k) => d[k].length > 0);

/** The part of a year's calendar the rows need. */
export interface CalendarLite {
  workdays: readonly string[];
  holidays: readonly { date: string; kind: string; name: string }[];
}

export interface DutyRow {
  date: string;
  workday: boolean;
  /** Why a day is off: the holiday's name, or null for a plain Saturday/Sunday. */
  holidayName: string | null;
  duty: DutyDay;
}

/**
 * The rows of the table, in date order: every working day of the period; a day off only when
 * `showDaysOff` or when it already has a duty (a duty is never hidden).
 */
export function dutyRows(p: Period, days: readonly DutyDay[], calendars: readonly CalendarLite[], showDaysOff: boolean): DutyRow[] {
  const work = new Set(calendars.flatMap((c) => c.workdays));
  const names = new Map<string, string>();
  for (const c of calendars) for (const h of c.holidays) if (h.kind !== 'makeup_workday') names.set(h.date, h.name);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const rows: DutyRow[] = [];
  for (const date of datesBetween(p.from, p.to)) {
    const duty = byDate.get(date) ?? emptyDutyDay(date);
    const workday = work.has(date);
    if (!workday && !showDaysOff && !hasDuty(duty)) continue;
    rows.push({ date, workday, holidayName: workday ? null : (names.get(date) ?? null), duty });
  }
  return rows;
}

/** The people lists of a day, by kind (person ids). */
export type DutySelection = Record<DutyKind, string[]>;

export function selectionOf(day: DutyDay): DutySelection {
  return {
    office: day.office.map((p) => p.personId),
    leader: day.leader.map((p) => p.personId),
    epidemic: day.epidemic.map((p) => p.personId),
    documents: day.documents.map((p) => p.personId),
  };
}

/** The PUT /api/duty/{agencyId}/{date} body: the whole day (empty lists clear it). */
export function dutyPutBody(sel: DutySelection, allowNonWorkday: boolean): DutyPut {
  return {
    office: [...sel.office],
    leader: [...sel.leader],
    epidemic: [...sel.epidemic],
    documents: [...sel.documents],
    ...(allowNonWorkday ? { allowNonWorkday: true } : {}),
  };
}

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

type PersonLite = Pick<PersonView, 'id' | 'fullName' | 'position' | 'unitName' | 'active'>;

/**
 * The people a picker offers, grouped by unit in the order given (the server's: units, then
 * people): active people of the agency, only Directors and Deputies for leader duty. People already
 * on duty that day but no longer in the list (left the agency) stay, marked, so that nothing
 * disappears silently.
 */
export function personOptions(
  people: readonly PersonLite[],
  kind: DutyKind,
  current: readonly DutyPerson[],
  labels: { position: (p: PersonRole) => string; inactive: string },
): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  const add = (unit: string, value: string, label: string) => {
    let g = groups.get(unit);
    if (!g) groups.set(unit, (g = { group: unit, items: [] }));
    if (!g.items.some((i) => i.value === value)) g.items.push({ value, label });
  };
  const seen = new Set<string>();
  for (const p of people) {
    if (!p.active) continue;
    if (kind === 'leader' && !AGENCY_LEADER_ROLES.includes(p.position)) continue;
    seen.add(p.id);
    add(p.unitName, p.id, `${p.fullName} – ${labels.position(p.position)}`);
  }
  for (const p of current) {
    if (seen.has(p.personId)) continue;
    add(p.unitName, p.personId, `${p.fullName} – ${labels.position(p.position)} (${labels.inactive})`);
  }
  return [...groups.values()];
}

/** The server's issues of a PUT by kind (`body.leader[0]` → leader), and those about the date. */
export function issuesByKind(issues: readonly { path: string; message: string }[]): Partial<Record<DutyKind | 'date' | 'other', string[]>> {
  const out: Partial<Record<DutyKind | 'date' | 'other', string[]>> = {};
  for (const i of issues) {
    const m = /^body\.(office|leader|epidemic|documents)\b/.exec(i.path);
    const key = m ? (m[1] as DutyKind) : i.path === 'params.date' || i.path === 'body.allowNonWorkday' ? 'date' : 'other';
    (out[key] ??= []).push(i.message);
  }
  return out;
}
