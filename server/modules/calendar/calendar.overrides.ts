/** The calendar as the app uses it: the computed Vietnamese calendar with the admin's overrides applied. */
import { asc } from 'drizzle-orm';
import { workdaysBetween, yearCalendar, type CalendarOverride } from '../../../shared/domain/calendar/index';
import type { Db } from '../../db/client';
import { calendarOverrides } from './calendar.table';

export async function loadOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarOverride['kind'], name: r.name, ...(r.source ? { source: r.source } : {}) }));
}

/** Working days in [from, to] with the overrides of the database. */
export async function appWorkdays(db: Db, from: string, to: string): Promise<string[]> {
  return workdaysBetween(from, to, await loadOverrides(db));
}

/** Days off (holidays and compensatory days) in [from, to], with their names, for greyed columns. */
export async function appDaysOff(db: Db, from: string, to: string): Promise<{ date: string; name: string }[]> {
  const overrides = await loadOverrides(db);
  const out: { date: string; name: string }[] = [];
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
    for (const h of yearCalendar(y, overrides).holidays) {
      if (h.kind !== 'makeup_workday' && h.date >= from && h.date <= to) out.push({ date: h.date, name: h.name });
    }
  }
  return out;
}
