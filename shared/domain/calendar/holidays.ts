/**
 * Public holidays (Bộ luật Lao động 2019, Điều 112) and the working-day calendar of a year.
 *
 * Statutory days (11): Tết Dương lịch 01/01 · Tết Âm lịch (5 days) · Giỗ Tổ Hùng Vương 10/3 lunar ·
 * Ngày Chiến thắng 30/4 · Quốc tế Lao động 1/5 · Quốc khánh 2/9 and one adjacent day.
 *
 * The Prime Minister fixes the Tết days and the day adjacent to 2/9 every year (Điều 112 k3), so the
 * code only PROPOSES them, by these deterministic defaults:
 * - Tết: the last day of the lunar year (29 or 30 tháng Chạp) plus mùng 1, 2, 3 and 4 of month 1.
 * - 2/9 adjacent day: a neighbour (1/9 or 3/9) falling on a weekend adds no day off, so only a
 *   Monday–Friday neighbour is eligible; among the eligible ones, prefer the one on a Monday or
 *   Friday (the break then joins a weekend); if both or neither do, take 3/9. Result by weekday of 2/9:
 *   Mon → 3/9 · Tue → 1/9 (Mon) · Wed → 3/9 · Thu → 3/9 (Fri) · Fri → 1/9 (Thu) · Sat → 1/9 (Fri) · Sun → 3/9 (Mon).
 *   (This reproduces the decisions for 2020–2025.)
 * - Nghỉ bù (Điều 111 k3): each holiday on a Saturday or Sunday gives a compensatory day off
 *   (`substitute_off`) on the next working day: the first later Monday–Friday that is neither a
 *   holiday nor an already-given compensatory day. Two statutory holidays on the same date (Giỗ Tổ
 *   can fall on 30/4, as in 1947) are listed as one entry and also give a compensatory day.
 * - Make-up working days (`makeup_workday`, làm bù) are never proposed: they come only from the
 *   admin's overrides, as do the actual decisions of the Prime Minister.
 *
 * Overrides (`CalendarOverride`) are applied last, on the final default list (statutory days and
 * compensatory days): an override on a date replaces whatever the default says on that date, and a
 * `workday` override removes the default entry. Compensatory days are NOT recomputed after overrides:
 * the override table is the transcription of the year's decisions and is taken as it stands.
 */
import { addDays, dayNumber, formatDateVi, fromDayNumber, isIsoDate, weekday } from '../dates';
import { lunarLabel, lunarToSolar, solarToLunar } from './lunar';

/** Kinds of the days of a year's calendar: the one list (contracts, web forms and the checks here use it). */
export const HOLIDAY_KINDS = ['holiday', 'substitute_off', 'makeup_workday'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: HolidayKind;
  /** Vietnamese name, e.g. "Tết Nguyên đán (mùng 1)", "Nghỉ bù Quốc khánh ngày 02/09/2029". */
  name: string;
  /** "D/M" lunar date for lunar-calendar holidays ("1/1", "30/12", "10/3"); absent otherwise. */
  lunar?: string;
  /** Legal source, present only when an admin override gave one (e.g. "Thông báo 6150/TB-BLĐTBXH"). */
  source?: string;
}

/** Kinds an admin override may set; `workday` turns a proposed day off back into a normal working day. */
export const OVERRIDE_KINDS = [...HOLIDAY_KINDS, 'workday'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
  name: string;
  source?: string;
}

export interface YearCalendar {
  year: number;
  /** Holidays, compensatory days off and make-up working days, sorted by date (weekend holidays included). */
  holidays: CalendarDay[];
  /** Monday–Friday dates minus holidays and compensatory days, plus make-up working days, sorted. */
  workdays: string[];
}

export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2100;

const isWeekend = (date: string): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw new RangeError(`Năm ${year} không hợp lệ (phải là số nguyên từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR})`);
  }
}

function checkDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ: ${String(date)} (định dạng YYYY-MM-DD)`);
}

/** The proposed day adjacent to Quốc khánh 2/9 (see the module comment): `YYYY-09-01` or `YYYY-09-03`. */
export function nationalDayAdjacent(year: number): string {
  const before = `${year}-09-01`;
  const after = `${year}-09-03`;
  const eligible = [before, after].filter((d) => !isWeekend(d));
  if (eligible.length === 1) return eligible[0];
  // Both neighbours are weekdays here (2/9 is Tue, Wed or Thu): prefer the one next to a weekend.
  const joinsWeekend = eligible.filter((d) => weekday(d) === 1 || weekday(d) === 5);
  return joinsWeekend.length === 1 ? joinsWeekend[0] : after;
}

/** The statutory holidays of a solar year with the default proposals, before compensatory days. */
export function statutoryHolidays(year: number): CalendarDay[] {
  checkYear(year);
  const days: CalendarDay[] = [{ date: `${year}-01-01`, kind: 'holiday', name: 'Tết Dương lịch' }];

  const tet = lunarToSolar(1, 1, year);
  const lastDay = addDays(tet, -1);
  const lastLunar = solarToLunar(lastDay);
  days.push({ date: lastDay, kind: 'holiday', name: `Tết Nguyên đán (${lastLunar.day} tháng Chạp)`, lunar: lunarLabel(lastLunar) });
  for (let i = 1; i <= 4; i++) {
    days.push({ date: addDays(tet, i - 1), kind: 'holiday', name: `Tết Nguyên đán (mùng ${i})`, lunar: `${i}/1` });
  }

  days.push({ date: lunarToSolar(10, 3, year), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' });
  days.push({ date: `${year}-04-30`, kind: 'holiday', name: 'Ngày Chiến thắng 30/4' });
  days.push({ date: `${year}-05-01`, kind: 'holiday', name: 'Quốc tế Lao động' });
  days.push({ date: `${year}-09-02`, kind: 'holiday', name: 'Quốc khánh' });
  days.push({ date: nationalDayAdjacent(year), kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' });
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Default calendar entries of a year: statutory holidays (coinciding ones merged) plus compensatory days off. */
export function defaultHolidays(year: number): CalendarDay[] {
  const merged: CalendarDay[] = [];
  /** Holidays owed a compensatory day, with the reason shown in its name. */
  const owed: { from: string; name: string }[] = [];
  for (const h of statutoryHolidays(year)) {
    const same = merged.find((m) => m.date === h.date);
    if (same) {
      owed.push({ from: h.date, name: `Nghỉ bù ${h.name} ngày ${formatDateVi(h.date)} (trùng ${same.name})` });
      same.name = `${same.name} và ${h.name}`;
      if (h.lunar && !same.lunar) same.lunar = h.lunar;
      continue;
    }
    merged.push({ ...h });
    if (isWeekend(h.date)) owed.push({ from: h.date, name: `Nghỉ bù ${h.name} ngày ${formatDateVi(h.date)}` });
  }

  const taken = new Set(merged.map((h) => h.date));
  const result = [...merged];
  owed.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const o of owed) {
    let d = addDays(o.from, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, kind: 'substitute_off', name: o.name });
  }
  return sortDays(result);
}

function sortDays(days: CalendarDay[]): CalendarDay[] {
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Applies admin overrides to a list of calendar entries (pure; the inputs are not modified).
 * An override replaces whatever entry the list has on its date; `workday` removes it (the date is a
 * normal working day if Monday–Friday). When several overrides name the same date, the last one wins.
 */
export function applyOverrides(days: readonly CalendarDay[], overrides: readonly CalendarOverride[] = []): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>(days.map((d) => [d.date, { ...d }]));
  for (const o of overrides) {
    if (o.kind === 'workday') {
      byDate.delete(o.date);
      continue;
    }
    const entry: CalendarDay = { date: o.date, kind: o.kind, name: o.name };
    if (o.source !== undefined) entry.source = o.source;
    byDate.set(o.date, entry);
  }
  return sortDays([...byDate.values()]);
}

/**
 * Checks an untrusted value (e.g. parsed JSON) as a list of overrides. Errors are in Vietnamese and
 * name the entry (1-based). Two overrides on the same date are rejected as ambiguous.
 */
export function validateOverrides(value: unknown): { ok: true; overrides: CalendarOverride[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(value)) return { ok: false, errors: ['Danh sách điều chỉnh phải là một mảng JSON'] };
  const errors: string[] = [];
  const overrides: CalendarOverride[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const where = `Mục ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${where}: phải là một đối tượng { date, kind, name, source? }`);
      return;
    }
    const r = raw as Record<string, unknown>;
    const before = errors.length;
    if (!isIsoDate(r.date)) errors.push(`${where}: "date" phải là ngày dạng YYYY-MM-DD`);
    else if (+r.date.slice(0, 4) < CALENDAR_MIN_YEAR || +r.date.slice(0, 4) > CALENDAR_MAX_YEAR) {
      errors.push(`${where}: ngày ${formatDateVi(r.date)} nằm ngoài các năm ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`);
    }
    if (typeof r.kind !== 'string' || !(OVERRIDE_KINDS as readonly string[]).includes(r.kind)) {
      errors.push(`${where}: "kind" phải là một trong ${OVERRIDE_KINDS.join(', ')}`);
    }
    if (typeof r.name !== 'string' || r.name.trim() === '') errors.push(`${where}: "name" phải là chuỗi không rỗng`);
    if (r.source !== undefined && typeof r.source !== 'string') errors.push(`${where}: "source" phải là chuỗi`);
    for (const key of Object.keys(r)) {
      if (!['date', 'kind', 'name', 'source'].includes(key)) errors.push(`${where}: trường không được hỗ trợ "${key}"`);
    }
    if (errors.length > before) return;
    const date = r.date as string;
    const first = seen.get(date);
    if (first !== undefined) {
      errors.push(`${where}: ngày ${formatDateVi(date)} đã được điều chỉnh ở mục ${first}`);
      return;
    }
    seen.set(date, i + 1);
    const o: CalendarOverride = { date, kind: r.kind as OverrideKind, name: r.name as string };
    if (r.source !== undefined) o.source = r.source as string;
    overrides.push(o);
  });
  return errors.length ? { ok: false, errors } : { ok: true, overrides };
}

interface YearData {
  holidays: CalendarDay[];
  workdays: string[];
  workdaySet: Set<string>;
}

const defaultCache = new Map<number, YearData>();
/** Results with overrides, keyed by year and the JSON of that year's overrides (bounded). */
const overrideCache = new Map<string, YearData>();
const OVERRIDE_CACHE_MAX = 512;

function buildYear(year: number, overrides: readonly CalendarOverride[]): YearData {
  const holidays = applyOverrides(defaultHolidays(year), overrides);
  const off = new Set<string>();
  const makeup: string[] = [];
  for (const h of holidays) {
    if (h.kind === 'makeup_workday') makeup.push(h.date);
    else off.add(h.date);
  }
  const workdaySet = new Set<string>(makeup);
  for (let n = dayNumber(`${year}-01-01`), end = dayNumber(`${year}-12-31`); n <= end; n++) {
    const d = fromDayNumber(n);
    if (!isWeekend(d) && !off.has(d)) workdaySet.add(d);
  }
  return { holidays, workdays: [...workdaySet].sort(), workdaySet };
}

function yearData(year: number, overrides?: readonly CalendarOverride[]): YearData {
  checkYear(year);
  const prefix = `${year}-`;
  const own = (overrides ?? []).filter((o) => typeof o.date === 'string' && o.date.startsWith(prefix));
  if (own.length === 0) {
    let data = defaultCache.get(year);
    if (!data) defaultCache.set(year, (data = buildYear(year, [])));
    return data;
  }
  const key = `${year}:${JSON.stringify(own.map((o) => [o.date, o.kind, o.name, o.source ?? null]))}`;
  let data = overrideCache.get(key);
  if (!data) {
    if (overrideCache.size >= OVERRIDE_CACHE_MAX) overrideCache.clear();
    overrideCache.set(key, (data = buildYear(year, own)));
  }
  return data;
}

/** The calendar of a solar year: holidays (defaults with overrides applied) and working days. Fresh arrays on every call. */
export function yearCalendar(year: number, overrides?: CalendarOverride[]): YearCalendar {
  const data = yearData(year, overrides);
  return { year, holidays: data.holidays.map((h) => ({ ...h })), workdays: [...data.workdays] };
}

/** Working days from `from` to `to` inclusive (may span years; empty when `to` < `from`). */
export function workdaysBetween(from: string, to: string, overrides?: CalendarOverride[]): string[] {
  checkDate(from);
  checkDate(to);
  if (to < from) return [];
  const out: string[] = [];
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
    const { workdays } = yearData(y, overrides);
    for (const d of workdays) if (d >= from && d <= to) out.push(d);
  }
  return out;
}

/** True when the date is a working day (Monday–Friday not off, or a make-up working day). */
export function isWorkday(date: string, overrides?: CalendarOverride[]): boolean {
  checkDate(date);
  return yearData(+date.slice(0, 4), overrides).workdaySet.has(date);
}

/** The calendar entry (holiday, compensatory day off, make-up day) on a date, if any. */
export function calendarDayOf(date: string, overrides?: CalendarOverride[]): CalendarDay | undefined {
  checkDate(date);
  const found = yearData(+date.slice(0, 4), overrides).holidays.find((h) => h.date === date);
  return found ? { ...found } : undefined;
}
