/** The seed's weeks: the Monday of a date, a working week (Monday to Friday, holidays left out), a period's registration deadline. */
import { addDays, vnInstant, weekday } from '../../../shared/domain/dates';
import { workdaysBetween, type CalendarOverride } from '../../../shared/domain/calendar';

export interface Week {
  from: string;
  to: string;
  workdays: string[];
}

/** Monday of the week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function weekOf(monday: string, overrides?: CalendarOverride[]): Week {
  const to = addDays(monday, 4);
  return { from: monday, to, workdays: workdaysBetween(monday, to, overrides) };
}

/** Registration deadline of a period: 08:00 on the Friday before it starts (seed 004: "trước 8h00"). */
export function periodDeadline(from: string): Date {
  return vnInstant(addDays(mondayOf(from), -3), '08:00');
}
