/**
 * "Lịch của tôi" and wishes (pure): the weeks shown (four from last week by default), days grouped by
 * week, the days open for wishes and the wishes to send (only what changed).
 */
import type { PeriodView } from '../../../shared/contracts/roster';
import { addDays, vnDateOf, weekday } from '../../../shared/domain/dates';
import type { Preference } from '../../../shared/domain/roster/format';
import { mondayOf } from './format';

export const SCHEDULE_WEEKS = 4;

/** The first Monday shown by default: last week's. */
export function defaultWeekStart(today: string): string {
  return addDays(mondayOf(today), -7);
}

/** The days fetched for a view starting on `weekStart` (four weeks). */
export function scheduleRange(weekStart: string, weeks = SCHEDULE_WEEKS): { from: string; to: string } {
  return { from: weekStart, to: addDays(weekStart, weeks * 7 - 1) };
}

/** Days grouped by the Monday of their week, in order. */
export function groupByWeek<D extends { date: string }>(days: readonly D[]): { monday: string; days: D[] }[] {
  const out: { monday: string; days: D[] }[] = [];
  for (const d of days) {
    const m = mondayOf(d.date);
    const last = out[out.length - 1];
    if (last && last.monday === m) last.days.push(d);
    else out.push({ monday: m, days: [d] });
  }
  return out;
}

/** A wish per day; null = "Không" (no wish). */
export type WishMap = Readonly<Record<string, Preference | null>>;

/** The wishes to PUT: the days whose choice differs from the saved one. */
export function wishChanges(saved: WishMap, edited: WishMap): { date: string; preference: Preference | null }[] {
  const out: { date: string; preference: Preference | null }[] = [];
  for (const date of Object.keys(edited).sort()) {
    const before = saved[date] ?? null;
    const after = edited[date] ?? null;
    if (before !== after) out.push({ date, preference: after });
  }
  return out;
}

/**
 * The next period open for wishes among the periods of the agency: the earliest whose deadline has not
 * passed and that has not ended.
 */
export function openPeriod<P extends Pick<PeriodView, 'fromDate' | 'toDate' | 'deadline'>>(periods: readonly P[], now: number): P | null {
  const today = vnDateOf(now);
  const open = periods.filter((p) => (!p.deadline || Date.parse(p.deadline) > now) && p.toDate >= today);
  return open.sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0))[0] ?? null;
}

/** How far after the deadline wish days are offered when the period itself cannot be read. */
export const WISH_WINDOW_DAYS = 14;

/**
 * Days offered for wishes when only the deadline is known (a staff member cannot list periods): the
 * working days (Monday-Friday, not holidays) after the deadline's date within WISH_WINDOW_DAYS, minus
 * days that the server said belong to no open period.
 */
export function wishDaysAfterDeadline(
  deadline: string,
  days: readonly { date: string; holiday: string | null }[],
  closed: ReadonlySet<string> = new Set(),
): string[] {
  const first = addDays(vnDateOf(Date.parse(deadline)), 1);
  const last = addDays(first, WISH_WINDOW_DAYS - 1);
  return days
    .filter((d) => d.date >= first && d.date <= last && !d.holiday && weekday(d.date) !== 0 && weekday(d.date) !== 6 && !closed.has(d.date))
    .map((d) => d.date);
}

/** The dates named by the server's issues (`body.wishes[3].date`) of a PUT /wishes body. */
export function rejectedWishDates(issues: readonly { path: string }[], sent: readonly { date: string }[]): string[] {
  const out: string[] = [];
  for (const i of issues) {
    const m = /wishes\[(\d+)\]\.date/.exec(i.path);
    const d = m ? sent[Number(m[1])]?.date : undefined;
    if (d) out.push(d);
  }
  return out;
}
