/** Days off of a date range for greyed roster columns: the computed calendar with the admin's overrides. */
import { yearCalendar } from '../../../shared/domain/calendar/index';
import type { Db } from '../../db/client';
import { loadCalendarOverrides } from './calendar.service';

/** Days off (holidays and compensatory days) in [from, to], with their names. */
export async function appDaysOff(db: Db, from: string, to: string): Promise<{ date: string; name: string }[]> {
  const overrides = await loadCalendarOverrides(db);
  const out: { date: string; name: string }[] = [];
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
    for (const h of yearCalendar(y, overrides).holidays) {
      if (h.kind !== 'makeup_workday' && h.date >= from && h.date <= to) out.push({ date: h.date, name: h.name });
    }
  }
  return out;
}
