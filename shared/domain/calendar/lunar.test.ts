import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, weekday } from '../dates';
import { leapMonthOf, lunarLabel, lunarToSolar, lunarYearMonths, solarToLunar, tetDate } from './lunar';

/** DOMAIN.md §4: Tết and Giỗ Tổ (10/3 lunar) for 2024–2035, with the weekday. */
const TABLE: [year: number, tet: string, tetDay: string, gioTo: string, gioToDay: string][] = [
  [2024, '10/02', 'Sat', '18/04', 'Thu'],
  [2025, '29/01', 'Wed', '07/04', 'Mon'],
  [2026, '17/02', 'Tue', '26/04', 'Sun'],
  [2027, '06/02', 'Sat', '16/04', 'Fri'],
  [2028, '26/01', 'Wed', '04/04', 'Tue'],
  [2029, '13/02', 'Tue', '23/04', 'Mon'],
  [2030, '02/02', 'Sat', '12/04', 'Fri'],
  [2031, '23/01', 'Thu', '01/04', 'Tue'],
  [2032, '11/02', 'Wed', '19/04', 'Mon'],
  [2033, '31/01', 'Mon', '09/04', 'Sat'],
  [2034, '19/02', 'Sun', '28/04', 'Fri'],
  [2035, '08/02', 'Thu', '17/04', 'Tue'],
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const iso = (year: number, ddmm: string) => `${year}-${ddmm.slice(3, 5)}-${ddmm.slice(0, 2)}`;

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(TABLE)('%i: Tết %s (%s), Giỗ Tổ %s (%s)', (year, tet, tetDay, gioTo, gioToDay) => {
    expect(tetDate(year)).toBe(iso(year, tet));
    expect(lunarToSolar(1, 1, year)).toBe(iso(year, tet));
    expect(DAYS[weekday(iso(year, tet))]).toBe(tetDay);
    expect(lunarToSolar(10, 3, year)).toBe(iso(year, gioTo));
    expect(DAYS[weekday(iso(year, gioTo))]).toBe(gioToDay);
    expect(solarToLunar(iso(year, tet))).toEqual({ day: 1, month: 1, year, leap: false });
    expect(solarToLunar(iso(year, gioTo))).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('Tết 2030 is 2030-02-02 in Vietnam (China, at UTC+8, has 03/02)', () => {
    expect(tetDate(2030)).toBe('2030-02-02');
    expect(solarToLunar('2030-02-01')).toEqual({ day: 29, month: 12, year: 2029, leap: false });
    expect(solarToLunar('2030-02-03')).toEqual({ day: 2, month: 1, year: 2030, leap: false });
  });

  it('leap months: 2020 → 4, 2023 → 2, 2025 → 6, 2033 → 11; 2024 and 2030 have none', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2033)).toBe(11);
    expect(leapMonthOf(2024)).toBe(0);
    expect(leapMonthOf(2030)).toBe(0);
  });

  it('a leap month follows the regular month of the same number and converts both ways', () => {
    // 2020: month 4 from 2020-04-23, leap month 4 from 2020-05-23, month 5 from 2020-06-21.
    expect(lunarToSolar(1, 4, 2020)).toBe('2020-04-23');
    expect(lunarToSolar(1, 4, 2020, true)).toBe('2020-05-23');
    expect(solarToLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(solarToLunar('2020-05-22')).toEqual({ day: 30, month: 4, year: 2020, leap: false });
    expect(lunarToSolar(1, 5, 2020)).toBe('2020-06-21');
    expect(lunarLabel(solarToLunar('2020-05-23'))).toBe('1/4 nhuận');
    // 2033: the leap month 11 starts on 2033-12-22 and still belongs to lunar year 2033.
    const leap11 = lunarYearMonths(2033).find((m) => m.leap);
    expect(leap11?.month).toBe(11);
    expect(fromDayNumber(leap11!.start)).toBe('2033-12-22');
    expect(solarToLunar('2033-12-22')).toEqual({ day: 1, month: 11, year: 2033, leap: true });
    // 2031 has a leap month 3: Giỗ Tổ (10/3) is in the regular month 3, as in the DOMAIN table.
    expect(leapMonthOf(2031)).toBe(3);
    expect(lunarToSolar(10, 3, 2031, true)).not.toBe(lunarToSolar(10, 3, 2031));
  });

  it('years have 12 months (13 with a leap month) of 29 or 30 days, contiguous, 1900–2100', () => {
    for (let y = 1899; y <= 2100; y++) {
      const months = lunarYearMonths(y);
      expect(months.length).toBe(leapMonthOf(y) ? 13 : 12);
      expect(months.filter((m) => !m.leap).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (let i = 0; i < months.length; i++) {
        expect([29, 30]).toContain(months[i].length);
        if (i > 0) expect(months[i].start).toBe(months[i - 1].start + months[i - 1].length);
      }
      if (y < 2100) expect(months[months.length - 1].start + months[months.length - 1].length).toBe(lunarYearMonths(y + 1)[0].start);
    }
  });

  it('solarToLunar and lunarToSolar are inverse on every day of 1900–2100', () => {
    let previous = solarToLunar('1900-01-01');
    for (let n = dayNumber('1900-01-02'), end = dayNumber('2100-12-31'); n <= end; n++) {
      const date = fromDayNumber(n);
      const l = solarToLunar(date);
      if (lunarToSolar(l.day, l.month, l.year, l.leap) !== date) throw new Error(`round trip fails on ${date}`);
      // Lunar days advance by one, or restart at 1 in a new month.
      if (!(l.day === previous.day + 1 || (l.day === 1 && previous.day >= 29))) throw new Error(`bad step on ${date}`);
      previous = l;
    }
  });

  it('edge years 1900 and 2100 convert without error', () => {
    expect(solarToLunar('1900-01-01')).toEqual({ day: 1, month: 12, year: 1899, leap: false });
    expect(tetDate(1900)).toBe('1900-01-31');
    expect(leapMonthOf(1900)).toBe(8);
    expect(solarToLunar('2100-12-31').year).toBe(2100);
    expect(tetDate(2100)).toBe('2100-02-09');
  });

  it('rejects lunar dates that do not exist and dates out of range', () => {
    expect(() => lunarToSolar(1, 5, 2020, true)).toThrow(RangeError); // 2020 has no leap month 5
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError); // tháng Chạp Ất Tỵ has 29 days
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => solarToLunar('2101-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2030-02-30')).toThrow(RangeError);
  });
});
