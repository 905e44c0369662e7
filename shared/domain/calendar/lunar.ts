/**
 * Vietnamese lunisolar calendar (âm lịch), computed for the time zone UTC+7 as in Hồ Ngọc Đức's
 * method after Meeus (the rules are public; the astronomy is in ./astro, written from Meeus):
 *
 * 1. A lunar month starts on the civil day (UTC+7) containing a true new moon.
 * 2. Month 11 is the month containing the winter solstice (Sun's apparent longitude 270°).
 * 3. When 13 months separate two months 11, the first month after month 11 that contains no
 *    major solar term (trung khí: a longitude multiple of 30°) is the leap month (tháng nhuận);
 *    it takes the number of the month before it.
 * 4. Month 1 of lunar year Y starts on Tết (usually in January or February of solar year Y);
 *    months 11 and 12 (and a leap 11 or 12) of lunar year Y fall at the end of solar year Y or
 *    early in Y + 1.
 *
 * Solar term tests use the Sun's longitude at local midnight (start of the civil day), which is
 * the day-level equivalent of "the term's instant falls within the month".
 * Supported range: solar dates 1900-01-01 … 2100-12-31, lunar years 1899 … 2100.
 *
 * The astronomy uses Meeus' full new-moon series (more terms than the short series of the widely
 * circulated program). Over 1900–2100 both give the same Tết dates and leap months; four month starts
 * differ by one day, each with a new moon less than 75 s before local midnight, where only precise
 * ephemerides (and, for the future, the unknown ΔT) can decide: 1/5/1944 = 20/06/1944 here,
 * 1/6/1967 = 07/07/1967, 1/10/2077 = 15/11/2077 and 1/11/2072 = 09/12/2072 (the short series: the next day).
 * Chinese calendars (UTC+8) differ in some years, e.g. Tết 2030 is 2030-02-02 here, 03/02 in China.
 */
import { dayNumber, fromDayNumber, isIsoDate } from '../dates';
import { jdeToJdUt, jdUtToJde, nearestLunation, newMoonJde, sunApparentLongitude } from './astro';

export const LUNAR_MIN_SOLAR_YEAR = 1900;
export const LUNAR_MAX_SOLAR_YEAR = 2100;

/** Time zone of the Vietnamese calendar, in days. */
const TZ_DAYS = 7 / 24;
/** JD (UT) of 1970-01-01 00:00 UTC, i.e. of day number 0 in shared/domain/dates. */
const JD_UNIX_EPOCH = 2440587.5;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True in a leap month (tháng nhuận). */
  leap: boolean;
}

export interface LunarMonth {
  /** Month number 1–12. */
  month: number;
  leap: boolean;
  /** Lunar year the month belongs to. */
  year: number;
  /** Day number (days since 1970-01-01, see shared/domain/dates) of day 1. */
  start: number;
  /** 29 or 30. */
  length: number;
}

/** Day number of the civil day (UTC+7) on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(jdeToJdUt(newMoonJde(k)) - JD_UNIX_EPOCH + TZ_DAYS);
}

/** Sun's apparent longitude (degrees) at 00:00 UTC+7 of a day number. */
function sunLongitudeAtDayStart(day: number): number {
  return sunApparentLongitude(jdUtToJde(day + JD_UNIX_EPOCH - TZ_DAYS));
}

/** Index 0–11 of the 30° sector the Sun is in at the start of a day; it changes on days holding a major term. */
function majorTermSector(day: number): number {
  return Math.floor(sunLongitudeAtDayStart(day) / 30);
}

/** True when the Sun has not yet reached 270° at the start of the day (for days within a few months of a December solstice). */
function beforeWinterSolstice(day: number): boolean {
  const lon = sunLongitudeAtDayStart(day);
  return lon >= 90 && lon < 270;
}

/** Lunation index of month 11 of the winter solstice of solar year `year` (December). */
function month11Lunation(year: number): number {
  let k = nearestLunation(dayNumber(`${year}-12-21`) + JD_UNIX_EPOCH);
  // Month k contains the solstice day iff it starts before the solstice and the next one after.
  while (!beforeWinterSolstice(newMoonDay(k))) k--;
  while (beforeWinterSolstice(newMoonDay(k + 1))) k++;
  return k;
}

/**
 * The months from month 11 of solar year `year − 1` (inclusive) to month 11 of `year` (exclusive):
 * 12 or 13 months, numbered 11, 12, 1, …, 10 with a leap month inserted where rule 3 puts it.
 */
const segmentCache = new Map<number, LunarMonth[]>();
function segment(year: number): LunarMonth[] {
  const cached = segmentCache.get(year);
  if (cached) return cached;
  const k0 = month11Lunation(year - 1);
  const count = month11Lunation(year) - k0;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(k0 + i));

  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (majorTermSector(starts[i]) === majorTermSector(starts[i + 1])) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  let seenMonth1 = false;
  for (let i = 0; i < count; i++) {
    const shifted = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    const month = ((10 + shifted) % 12) + 1;
    const leap = i === leapIndex;
    if (month === 1 && !leap) seenMonth1 = true;
    months.push({ month, leap, year: seenMonth1 ? year : year - 1, start: starts[i], length: starts[i + 1] - starts[i] });
  }
  segmentCache.set(year, months);
  return months;
}

function checkSolarYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_SOLAR_YEAR || year > LUNAR_MAX_SOLAR_YEAR) {
    throw new RangeError(`${what}: năm ${year} nằm ngoài phạm vi ${LUNAR_MIN_SOLAR_YEAR}–${LUNAR_MAX_SOLAR_YEAR}`);
  }
}

/** All months of a lunar year (12 or 13), in order, from month 1 (Tết) to month 12. */
export function lunarYearMonths(year: number): LunarMonth[] {
  if (!Number.isInteger(year) || year < LUNAR_MIN_SOLAR_YEAR - 1 || year > LUNAR_MAX_SOLAR_YEAR) {
    throw new RangeError(`Năm âm lịch ${year} nằm ngoài phạm vi ${LUNAR_MIN_SOLAR_YEAR - 1}–${LUNAR_MAX_SOLAR_YEAR}`);
  }
  return [...segment(year), ...segment(year + 1)].filter((m) => m.year === year).map((m) => ({ ...m }));
}

/** The leap month of a lunar year (1–12), or 0 when the year has none. */
export function leapMonthOf(year: number): number {
  return lunarYearMonths(year).find((m) => m.leap)?.month ?? 0;
}

/** Lunar date of an ISO solar date (1900-01-01 … 2100-12-31). */
export function solarToLunar(date: string): LunarDate {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ: ${String(date)} (định dạng YYYY-MM-DD)`);
  const year = Number(date.slice(0, 4));
  checkSolarYear(year, 'solarToLunar');
  const day = dayNumber(date);
  // Dates after month 11 of `year` started belong to the next segment.
  for (const months of [segment(year), segment(year + 1)]) {
    for (const m of months) {
      if (day >= m.start && day < m.start + m.length) return { day: day - m.start + 1, month: m.month, year: m.year, leap: m.leap };
    }
  }
  throw new Error(`Không tìm được ngày âm lịch của ${date}`); // unreachable: segments tile the timeline
}

/** ISO solar date of a lunar date; throws RangeError when that lunar date does not exist. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Tháng âm lịch không hợp lệ: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Ngày âm lịch không hợp lệ: ${day}`);
  const m = lunarYearMonths(year).find((x) => x.month === month && x.leap === leap);
  if (!m) throw new RangeError(`Năm âm lịch ${year} không có tháng ${month} nhuận`);
  if (day > m.length) throw new RangeError(`Tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} chỉ có ${m.length} ngày`);
  return fromDayNumber(m.start + day - 1);
}

/** Tết Nguyên đán (1/1 lunar) of lunar year `year`, as an ISO date. */
export function tetDate(year: number): string {
  return lunarToSolar(1, 1, year);
}

/** "D/M" label of a lunar date, e.g. "1/1", "30/12"; a leap month is marked "D/M nhuận". */
export function lunarLabel(date: LunarDate): string {
  return `${date.day}/${date.month}${date.leap ? ' nhuận' : ''}`;
}
