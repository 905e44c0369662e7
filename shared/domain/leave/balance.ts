/**
 * Annual leave (Bộ luật Lao động 2019, Điều 113-114; Nghị định 145/2020 Điều 66). Pure.
 *
 * - 12 working days a year in normal conditions (Đ.113 §1a), one more day per full 5 years of service with the
 *   employer (Đ.114). Seniority is counted in full years at the end of the year (31/12).
 * - A person who starts during the year gets days in proportion to the months worked (Đ.113 §2): a month counts
 *   when at least half of it is worked (started on or before the 15th); the result is rounded to the nearest day.
 * - Days of last year not taken may be carried over as the agency decides (Đ.113 §3): up to a cap, usable until a
 *   day of the year; after that day carried-over days not used expire (days taken by then are counted against
 *   the carried-over days first).
 * - Remaining = entitlement + usable carried-over − taken − pending (days in requests waiting for approval are
 *   held, so that two requests cannot spend the same days).
 */
import { workdaysBetween, type CalendarOverride } from '../calendar';

export const BASE_ANNUAL_DAYS = 12;
export const SENIORITY_STEP_YEARS = 5;

/** Full years of service from `start` to `asOf` (inclusive of the anniversary day). */
export function seniorityYears(start: string | null | undefined, asOf: string): number {
  if (!start || start > asOf) return 0;
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  let years = ay - sy;
  if (am < sm || (am === sm && ad < sd)) years--;
  return Math.max(0, years);
}

/** Months of the year worked by someone who started on `start` (12 when they started before the year). */
export function monthsWorked(start: string | null | undefined, year: number): number {
  if (!start || +start.slice(0, 4) < year) return 12;
  if (+start.slice(0, 4) > year) return 0;
  const month = +start.slice(5, 7);
  const day = +start.slice(8, 10);
  return 12 - month + (day <= 15 ? 1 : 0);
}

/** Annual leave days of a year: base + seniority days, prorated by the months worked. */
export function annualEntitlement(year: number, serviceStart: string | null | undefined, baseDays = BASE_ANNUAL_DAYS): number {
  const full = baseDays + Math.floor(seniorityYears(serviceStart, `${year}-12-31`) / SENIORITY_STEP_YEARS);
  const months = monthsWorked(serviceStart, year);
  if (months >= 12) return full;
  return Math.round((full * months) / 12);
}

/** Days carried over: last year's unused days, up to the agency's cap. */
export function carryOverDays(lastYearRemaining: number, cap: number): number {
  return Math.max(0, Math.min(Math.max(0, cap), lastYearRemaining));
}

/** The last day carried-over days may be used (`MM-DD` of the agency settings), or null for the whole year. */
export function carryOverUntilDate(year: number, mmdd: string | null | undefined): string | null {
  return mmdd ? `${year}-${mmdd}` : null;
}

export interface BalanceInput {
  entitlement: number;
  carriedOver: number;
  carriedOverUntil: string | null;
  /** Dates of annual leave days taken (approved requests), working days only. */
  takenDays: readonly string[];
  /** Days taken outside Congvu this year (opening balance). */
  openingTaken?: number;
  /** Days in annual leave requests still waiting. */
  pendingDays: number;
  /** Today: after `carriedOverUntil`, unused carried-over days expire. */
  asOf: string;
}

export interface Balance {
  entitlement: number;
  carriedOver: number;
  taken: number;
  pending: number;
  remaining: number;
}

export function computeBalance(i: BalanceInput): Balance {
  const opening = i.openingTaken ?? 0;
  const taken = opening + i.takenDays.length;
  let carried = i.carriedOver;
  if (i.carriedOverUntil && i.asOf > i.carriedOverUntil) {
    // Expired: only the carried-over days used by then count (opening days are taken early in the year).
    const usedByThen = opening + i.takenDays.filter((d) => d <= i.carriedOverUntil!).length;
    carried = Math.min(carried, usedByThen);
  }
  return { entitlement: i.entitlement, carriedOver: carried, taken, pending: i.pendingDays, remaining: i.entitlement + carried - taken - i.pendingDays };
}

/** Working days between two dates (weekends and public holidays not counted). */
export function workingDaysOf(from: string, to: string, overrides?: CalendarOverride[]): string[] {
  return workdaysBetween(from, to, overrides);
}
