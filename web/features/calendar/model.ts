/**
 * Pure helpers of the calendar administration (Quản trị → Lịch nghỉ lễ): lunar dates in words
 * ("mùng 1 tháng Giêng"), the rows of a year (computed proposals and the admin's overrides side by
 * side), the year's figures, month grids, and the override form ↔ API body.
 */
import type { CalendarOverrideView, YearCalendarView } from '../../../shared/contracts/calendar';
import { defaultHolidays, lunarLabel, OVERRIDE_KINDS, solarToLunar, type OverrideKind } from '../../../shared/domain/calendar';
import { dayNumber, fromDayNumber, weekday } from '../../../shared/domain/dates';
import { formatDateText, parseDateText } from './dateText';

/** The kinds of an override, in the form's order (the one list of shared/domain/calendar). */
export const OVERRIDE_KIND_LIST = OVERRIDE_KINDS;
export type OverrideKindT = OverrideKind;
export type HolidayKindT = Exclude<OverrideKindT, 'workday'>;

const LUNAR_MONTHS_VI = ['', 'Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười một', 'Chạp'];

function ordinalEn(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * A lunar label of the calendar ("D/M", "D/M nhuận") in words: `1/1` → "mùng 1 tháng Giêng",
 * `10/3` → "mùng 10 tháng Ba", `29/12` → "29 tháng Chạp" (English: "1st day of the 1st lunar month").
 * Null when the label is not one.
 */
export function lunarText(label: string, lang: 'vi' | 'en' = 'vi'): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})( nhuận)?$/.exec(label.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const leap = !!m[3];
  if (day < 1 || day > 30 || month < 1 || month > 12) return null;
  if (lang === 'en') return `${ordinalEn(day)} day of the ${ordinalEn(month)}${leap ? ' (leap)' : ''} lunar month`;
  return `${day <= 10 ? `mùng ${day}` : day} tháng ${LUNAR_MONTHS_VI[month]}${leap ? ' nhuận' : ''}`;
}

/** Names of the days set by the lunar calendar (an override may rename them, it stays lunar). */
const LUNAR_NAME = /Tết Nguyên đán|Tết Âm lịch|Giỗ Tổ/i;

/**
 * The lunar label of a calendar entry: its own, or computed for a Tết / Giỗ Tổ holiday entered by
 * hand (not for the day off in lieu of one, which is a solar date).
 */
export function lunarLabelOf(day: { date: string; kind: string; name: string; lunar?: string | null }): string | null {
  if (day.lunar) return day.lunar;
  if (day.kind !== 'holiday' || !LUNAR_NAME.test(day.name)) return null;
  return lunarLabel(solarToLunar(day.date));
}

/** One row of the year's list: what the calendar says on a date, and where it comes from. */
export interface YearRow {
  date: string;
  kind: OverrideKindT;
  name: string;
  lunar: string | null;
  /** `proposed`: computed by the rules (Tết, 2/9 adjacent day, nghỉ bù); `override`: entered by an admin. */
  origin: 'proposed' | 'override';
  /** The admin's override on this date, if any. */
  override: CalendarOverrideView | null;
  /** What the rules proposed on this date, when an override replaces or cancels it. */
  proposal: { kind: HolidayKindT; name: string } | null;
}

/**
 * The rows of a year: every holiday, compensatory day off and make-up day in effect (with the
 * overrides applied, as the server sends them), plus the `workday` overrides that cancel a proposed
 * day off (absent from `holidays`), sorted by date.
 */
export function yearRows(cal: YearCalendarView): YearRow[] {
  const proposals = new Map(defaultHolidays(cal.year).map((h) => [h.date, h]));
  const overrides = new Map(cal.overrides.map((o) => [o.date, o]));
  const rows: YearRow[] = cal.holidays.map((h) => {
    const o = overrides.get(h.date) ?? null;
    const p = proposals.get(h.date);
    return {
      date: h.date,
      kind: h.kind,
      name: h.name,
      lunar: lunarLabelOf(h),
      origin: o ? 'override' : 'proposed',
      override: o,
      proposal: o && p ? { kind: p.kind, name: p.name } : null,
    };
  });
  for (const o of cal.overrides) {
    if (o.kind !== 'workday') continue;
    const p = proposals.get(o.date);
    rows.push({
      date: o.date,
      kind: 'workday',
      name: o.name,
      lunar: null,
      origin: 'override',
      override: o,
      proposal: p ? { kind: p.kind, name: p.name } : null,
    });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface YearSummary {
  workdays: number;
  /** Holiday entries (Tết and public holidays), weekend ones included. */
  holidays: number;
  substituteOff: number;
  makeup: number;
  overrides: number;
  /** Working days per month, index 0 = January. */
  workdaysByMonth: number[];
}

export function yearSummary(cal: YearCalendarView): YearSummary {
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const d of cal.workdays) byMonth[Number(d.slice(5, 7)) - 1]! += 1;
  return {
    workdays: cal.workdays.length,
    holidays: cal.holidays.filter((h) => h.kind === 'holiday').length,
    substituteOff: cal.holidays.filter((h) => h.kind === 'substitute_off').length,
    makeup: cal.holidays.filter((h) => h.kind === 'makeup_workday').length,
    overrides: cal.overrides.length,
    workdaysByMonth: byMonth,
  };
}

/**
 * The weeks of a month, Monday first (as Vietnamese calendars print them): each week has 7 cells,
 * the ISO date or null outside the month.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const start = dayNumber(first);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const end = dayNumber(next);
  const lead = (weekday(first) + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let n = start; n < end; n++) cells.push(fromDayNumber(n));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** How a day looks in the month grid. */
export type DayLook = 'workday' | 'weekend' | OverrideKindT;

export function dayLook(date: string, rowsByDate: ReadonlyMap<string, YearRow>, workdays: ReadonlySet<string>): DayLook {
  const row = rowsByDate.get(date);
  if (row && row.kind !== 'workday') return row.kind;
  if (workdays.has(date)) return 'workday';
  return 'weekend';
}

/** Values of the override form (the date as typed, dd/mm/yyyy). */
export interface OverrideFormValues {
  date: string;
  kind: OverrideKindT;
  name: string;
  source: string;
}

/** Form values to edit a row (its override, or the proposal to confirm), or for a new date. */
export function overrideFormOf(row: YearRow | null, date?: string): OverrideFormValues {
  if (!row) return { date: formatDateText(date ?? ''), kind: 'holiday', name: '', source: '' };
  const o = row.override;
  return { date: formatDateText(row.date), kind: o?.kind ?? row.kind, name: o?.name ?? row.name, source: o?.source ?? '' };
}

export type OverrideBodyResult =
  | { ok: true; date: string; body: { kind: OverrideKindT; name: string; source: string | null } }
  | { ok: false; errors: Partial<Record<'date' | 'name', 'invalidDate' | 'required'>> };

/** The PUT /api/calendar/overrides/{date} request of the form, or what is missing. */
export function overrideBody(v: OverrideFormValues): OverrideBodyResult {
  const date = parseDateText(v.date);
  const errors: Partial<Record<'date' | 'name', 'invalidDate' | 'required'>> = {};
  if (date === '') errors.date = 'required';
  else if (date === null) errors.date = 'invalidDate';
  if (!v.name.trim()) errors.name = 'required';
  if (Object.keys(errors).length || !date) return { ok: false, errors };
  return { ok: true, date, body: { kind: v.kind, name: v.name.trim(), source: v.source.trim() || null } };
}
