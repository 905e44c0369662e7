/**
 * Vietnamese calendar: lunar dates (UTC+7) and the working-day calendar of public agencies.
 * Pure and isomorphic (no I/O). See ./lunar for the lunar rules and ./holidays for the
 * proposed holiday defaults (Tết, 2/9 adjacent day, nghỉ bù) and admin overrides.
 */
export type { HolidayKind, CalendarDay, CalendarOverride, OverrideKind, YearCalendar } from './holidays';
export {
  HOLIDAY_KINDS,
  OVERRIDE_KINDS,
  CALENDAR_MIN_YEAR,
  CALENDAR_MAX_YEAR,
  yearCalendar,
  workdaysBetween,
  isWorkday,
  calendarDayOf,
  applyOverrides,
  validateOverrides,
  defaultHolidays,
  statutoryHolidays,
  nationalDayAdjacent,
} from './holidays';
export type { LunarDate, LunarMonth } from './lunar';
export { solarToLunar, lunarToSolar, leapMonthOf, lunarYearMonths, tetDate, lunarLabel } from './lunar';
