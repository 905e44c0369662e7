import { describe, expect, it } from 'vitest';
import { datesBetween, weekday } from '../dates';
import {
  applyOverrides,
  calendarDayOf,
  defaultHolidays,
  isWorkday,
  nationalDayAdjacent,
  validateOverrides,
  workdaysBetween,
  yearCalendar,
  type CalendarDay,
  type CalendarOverride,
} from './index';

const on = (days: CalendarDay[], date: string) => days.filter((d) => d.date === date);
const weekdaysOf = (year: number) => datesBetween(`${year}-01-01`, `${year}-12-31`).filter((d) => weekday(d) >= 1 && weekday(d) <= 5);

describe('default holidays (Bộ luật Lao động 2019, Điều 112)', () => {
  const c2030 = yearCalendar(2030);

  it('2030 has every statutory holiday with its kind, Vietnamese name and lunar field', () => {
    const expected: [string, string, string | undefined][] = [
      ['2030-01-01', 'Tết Dương lịch', undefined],
      ['2030-02-01', 'Tết Nguyên đán (29 tháng Chạp)', '29/12'],
      ['2030-02-02', 'Tết Nguyên đán (mùng 1)', '1/1'],
      ['2030-02-03', 'Tết Nguyên đán (mùng 2)', '2/1'],
      ['2030-02-04', 'Tết Nguyên đán (mùng 3)', '3/1'],
      ['2030-02-05', 'Tết Nguyên đán (mùng 4)', '4/1'],
      ['2030-04-12', 'Giỗ Tổ Hùng Vương', '10/3'],
      ['2030-04-30', 'Ngày Chiến thắng 30/4', undefined],
      ['2030-05-01', 'Quốc tế Lao động', undefined],
      ['2030-09-02', 'Quốc khánh', undefined],
      ['2030-09-03', 'Quốc khánh (ngày liền kề)', undefined],
    ];
    const holidays = c2030.holidays.filter((h) => h.kind === 'holiday');
    expect(holidays.map((h) => [h.date, h.name, h.lunar])).toEqual(expected);
    for (const h of holidays) if (h.lunar === undefined) expect('lunar' in h).toBe(false);
  });

  it('is sorted by date and keeps holidays that fall on a weekend', () => {
    const dates = c2030.holidays.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(on(c2030.holidays, '2030-02-02')[0]).toMatchObject({ kind: 'holiday', lunar: '1/1' }); // Saturday
    expect(on(c2030.holidays, '2030-02-03')[0]).toMatchObject({ kind: 'holiday', lunar: '2/1' }); // Sunday
  });

  it('Tết = last day of the lunar year (29 or 30 tháng Chạp) + mùng 1–4', () => {
    const tet2024 = yearCalendar(2024).holidays.filter((h) => h.name.startsWith('Tết Nguyên đán'));
    expect(tet2024.map((h) => [h.date, h.lunar])).toEqual([
      ['2024-02-09', '30/12'],
      ['2024-02-10', '1/1'],
      ['2024-02-11', '2/1'],
      ['2024-02-12', '3/1'],
      ['2024-02-13', '4/1'],
    ]);
    expect(tet2024[0].name).toBe('Tết Nguyên đán (30 tháng Chạp)');
  });

  it('a holiday on Saturday or Sunday gives a compensatory day off on the next working day', () => {
    // Tết 2030: mùng 1 Saturday, mùng 2 Sunday, mùng 3–4 Mon–Tue → nghỉ bù Wed 06/02 and Thu 07/02.
    const subs = c2030.holidays.filter((h) => h.kind === 'substitute_off');
    expect(subs.map((s) => s.date)).toEqual(['2030-02-06', '2030-02-07']);
    expect(subs[0].name).toBe('Nghỉ bù Tết Nguyên đán (mùng 1) ngày 02/02/2030');
    expect(subs.every((s) => s.lunar === undefined)).toBe(true);
    // 2026: Giỗ Tổ on Sunday 26/04 → Monday 27/04.
    expect(on(yearCalendar(2026).holidays, '2026-04-27')[0]).toMatchObject({ kind: 'substitute_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương ngày 26/04/2026' });
    // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5; 1/1 Saturday → Monday 3/1.
    const subs2022 = yearCalendar(2022)
      .holidays.filter((h) => h.kind === 'substitute_off')
      .map((h) => h.date);
    expect(subs2022).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
  });

  it('2025: only mùng 4 (Saturday 01/02) gives a compensatory day (Monday 03/02)', () => {
    expect(
      yearCalendar(2025)
        .holidays.filter((h) => h.kind === 'substitute_off')
        .map((h) => h.date),
    ).toEqual(['2025-02-03']);
  });

  it.each([
    [2024, 'Mon', '2024-09-03'],
    [2025, 'Tue', '2025-09-01'],
    [2026, 'Wed', '2026-09-03'],
    [2027, 'Thu', '2027-09-03'],
    [2022, 'Fri', '2022-09-01'],
    [2023, 'Sat', '2023-09-01'],
    [2029, 'Sun', '2029-09-03'],
  ])('%i (2/9 on %s): the day adjacent to Quốc khánh is %s', (year, _day, adjacent) => {
    expect(nationalDayAdjacent(year)).toBe(adjacent);
    expect(on(yearCalendar(year).holidays, adjacent)[0]).toMatchObject({ kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' });
  });

  it('2/9 on a weekend: 2023 (Sat) → nghỉ bù Mon 04/09; 2029 (Sun, adjacent Mon 03/09) → nghỉ bù Tue 04/09', () => {
    expect(on(yearCalendar(2023).holidays, '2023-09-04')[0]).toMatchObject({ kind: 'substitute_off', name: 'Nghỉ bù Quốc khánh ngày 02/09/2023' });
    expect(on(yearCalendar(2029).holidays, '2029-09-04')[0]).toMatchObject({ kind: 'substitute_off', name: 'Nghỉ bù Quốc khánh ngày 02/09/2029' });
  });

  it('two holidays on the same date (Giỗ Tổ on 30/4 in 1947) make one entry and one compensatory day', () => {
    const days = defaultHolidays(1947);
    expect(on(days, '1947-04-30')).toEqual([{ date: '1947-04-30', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương và Ngày Chiến thắng 30/4', lunar: '10/3' }]);
    expect(on(days, '1947-05-02')[0]).toMatchObject({ kind: 'substitute_off' });
    expect(days.filter((d) => d.kind === 'holiday').length).toBe(10);
  });

  it('never proposes a make-up working day', () => {
    for (let y = 2020; y <= 2040; y++) expect(yearCalendar(y).holidays.some((h) => h.kind === 'makeup_workday')).toBe(false);
  });

  it('every year 1900–2100 has 11 statutory days (10 entries when two coincide) and 245–255 working days', () => {
    for (let y = 1900; y <= 2100; y++) {
      const c = yearCalendar(y);
      const holidays = c.holidays.filter((h) => h.kind === 'holiday');
      const merged = holidays.filter((h) => h.name.includes(' và ')).length;
      expect(holidays.length + merged).toBe(11);
      expect(c.workdays.length).toBeGreaterThanOrEqual(245);
      expect(c.workdays.length).toBeLessThanOrEqual(255);
    }
  });
});

describe('working days', () => {
  it('2030: Monday–Friday minus holidays and compensatory days, sorted', () => {
    const c = yearCalendar(2030);
    const off = new Set(c.holidays.filter((h) => h.kind !== 'makeup_workday').map((h) => h.date));
    const expected = weekdaysOf(2030).filter((d) => !off.has(d));
    expect(c.workdays).toEqual(expected);
    expect(c.workdays.length).toBeGreaterThanOrEqual(245);
    expect(c.workdays.length).toBeLessThanOrEqual(255);
    expect(c.workdays).not.toContain('2030-02-06'); // nghỉ bù
    expect(c.workdays).not.toContain('2030-09-03');
    expect(c.workdays).toContain('2030-01-02');
    expect(c.workdays).not.toContain('2030-01-05'); // Saturday
  });

  it('workdaysBetween is inclusive and spans a year boundary', () => {
    expect(workdaysBetween('2029-12-28', '2030-01-03')).toEqual(['2029-12-28', '2029-12-31', '2030-01-02', '2030-01-03']);
    expect(workdaysBetween('2030-01-02', '2030-01-02')).toEqual(['2030-01-02']);
    expect(workdaysBetween('2030-01-03', '2030-01-02')).toEqual([]);
    const many = workdaysBetween('2029-01-01', '2031-12-31');
    expect(many.length).toBe(yearCalendar(2029).workdays.length + yearCalendar(2030).workdays.length + yearCalendar(2031).workdays.length);
  });

  it('isWorkday', () => {
    expect(isWorkday('2030-01-02')).toBe(true);
    expect(isWorkday('2030-01-01')).toBe(false); // Tết Dương lịch
    expect(isWorkday('2030-02-07')).toBe(false); // nghỉ bù
    expect(isWorkday('2030-01-05')).toBe(false); // Saturday
    expect(() => isWorkday('2030-13-01')).toThrow(RangeError);
    expect(() => isWorkday('2101-01-03')).toThrow(RangeError);
  });

  it('yearCalendar returns fresh arrays (a caller mutating them does not change later results)', () => {
    const a = yearCalendar(2030);
    a.holidays.pop();
    a.holidays[0].name = 'x';
    a.workdays.length = 0;
    const b = yearCalendar(2030);
    expect(b.holidays[0].name).toBe('Tết Dương lịch');
    expect(b.holidays.length).toBe(13);
    expect(b.workdays.length).toBeGreaterThan(245);
  });

  it('rejects years outside 1900–2100', () => {
    expect(() => yearCalendar(1899)).toThrow(RangeError);
    expect(() => yearCalendar(2101)).toThrow(RangeError);
    expect(() => yearCalendar(2030.5)).toThrow(RangeError);
    expect(yearCalendar(1900).holidays.length).toBeGreaterThan(10);
    expect(yearCalendar(2100).holidays.length).toBeGreaterThan(10);
  });
});

describe('admin overrides', () => {
  // The kind of table an admin would enter after the Prime Minister's decision for Tết 2030.
  const overrides: CalendarOverride[] = [
    { date: '2030-02-01', kind: 'holiday', name: 'Tết Nguyên đán (29 Tết)', source: 'Thông báo giả định 1/TB-BNV' },
    { date: '2030-02-07', kind: 'workday', name: 'Làm việc bình thường' },
    { date: '2030-02-08', kind: 'substitute_off', name: 'Nghỉ bù (hoán đổi)' },
    { date: '2030-01-26', kind: 'makeup_workday', name: 'Làm bù cho ngày 08/02/2030' },
    { date: '2030-03-15', kind: 'holiday', name: 'Ngày lễ bổ sung' },
    { date: '2031-01-02', kind: 'holiday', name: 'Of another year' },
  ];

  it('an override replaces the default entry on its date', () => {
    const c = yearCalendar(2030, overrides);
    expect(on(c.holidays, '2030-02-01')).toEqual([
      { date: '2030-02-01', kind: 'holiday', name: 'Tết Nguyên đán (29 Tết)', source: 'Thông báo giả định 1/TB-BNV' },
    ]);
  });

  it('`workday` removes a default entry and the date becomes a working day', () => {
    const c = yearCalendar(2030, overrides);
    expect(on(c.holidays, '2030-02-07')).toEqual([]);
    expect(c.workdays).toContain('2030-02-07');
    expect(isWorkday('2030-02-07', overrides)).toBe(true);
    expect(isWorkday('2030-02-07')).toBe(false);
  });

  it('adds days off and make-up working days (a Saturday becomes a working day)', () => {
    const c = yearCalendar(2030, overrides);
    expect(on(c.holidays, '2030-02-08')[0]).toMatchObject({ kind: 'substitute_off' });
    expect(on(c.holidays, '2030-01-26')[0]).toMatchObject({ kind: 'makeup_workday' });
    expect(c.workdays).not.toContain('2030-02-08');
    expect(c.workdays).not.toContain('2030-03-15');
    expect(c.workdays).toContain('2030-01-26');
    expect(c.workdays).toEqual([...c.workdays].sort());
    expect(isWorkday('2030-01-26', overrides)).toBe(true);
    // Net: +1 (07/02) −1 (08/02) +1 (26/01) −1 (15/03).
    expect(c.workdays.length).toBe(yearCalendar(2030).workdays.length);
  });

  it('ignores overrides of other years and applies them in workdaysBetween', () => {
    expect(on(yearCalendar(2030, overrides).holidays, '2031-01-02')).toEqual([]);
    expect(yearCalendar(2031, overrides).workdays).not.toContain('2031-01-02');
    expect(workdaysBetween('2030-12-31', '2031-01-03', overrides)).toEqual(['2030-12-31', '2031-01-03']);
    expect(workdaysBetween('2030-12-31', '2031-01-03')).toEqual(['2030-12-31', '2031-01-02', '2031-01-03']);
  });

  it('applyOverrides is pure and the last override on a date wins', () => {
    const base = defaultHolidays(2030);
    const snapshot = JSON.parse(JSON.stringify(base));
    const out = applyOverrides(base, [
      { date: '2030-04-12', kind: 'workday', name: 'a' },
      { date: '2030-04-12', kind: 'holiday', name: 'b' },
    ]);
    expect(base).toEqual(snapshot);
    expect(on(out, '2030-04-12')).toEqual([{ date: '2030-04-12', kind: 'holiday', name: 'b' }]);
    expect(calendarDayOf('2030-04-12')).toMatchObject({ name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' });
  });

  it('validateOverrides accepts well-formed entries and reports each problem in Vietnamese', () => {
    expect(validateOverrides(overrides)).toEqual({ ok: true, overrides });
    expect(validateOverrides({})).toEqual({ ok: false, errors: ['Danh sách điều chỉnh phải là một mảng JSON'] });
    const bad = validateOverrides([
      { date: '2030-02-30', kind: 'holiday', name: 'x' },
      { date: '2030-02-01', kind: 'vacation', name: '' },
      { date: '2030-02-01', kind: 'holiday', name: 'y', extra: 1 },
      { date: '2030-03-01', kind: 'holiday', name: 'y' },
      { date: '2030-03-01', kind: 'workday', name: 'z' },
      'oops',
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual([
      'Mục 1: "date" phải là ngày dạng YYYY-MM-DD',
      'Mục 2: "kind" phải là một trong holiday, substitute_off, makeup_workday, workday',
      'Mục 2: "name" phải là chuỗi không rỗng',
      'Mục 3: trường không được hỗ trợ "extra"',
      'Mục 5: ngày 01/03/2030 đã được điều chỉnh ở mục 4',
      'Mục 6: phải là một đối tượng { date, kind, name, source? }',
    ]);
  });
});
