import { describe, expect, it } from 'vitest';
import type { YearCalendarView } from '../../../shared/contracts/calendar';
import { yearCalendar } from '../../../shared/domain/calendar';
import { formatDateText, normaliseDateText, normaliseTimeText, parseDateText, parseTimeText } from './dateText';
import { dayLook, lunarLabelOf, lunarText, monthWeeks, overrideBody, overrideFormOf, yearRows, yearSummary } from './model';

describe('typed dates and times', () => {
  it('reads dd/mm/yyyy and the usual variants, and writes dd/mm/yyyy', () => {
    expect(parseDateText('25/05/2021')).toBe('2021-05-25');
    expect(parseDateText('1/6/2021')).toBe('2021-06-01');
    expect(parseDateText('01-06-2021')).toBe('2021-06-01');
    expect(parseDateText('01.06.2021')).toBe('2021-06-01');
    expect(parseDateText('01062021')).toBe('2021-06-01');
    expect(parseDateText('2021-06-01')).toBe('2021-06-01');
    expect(formatDateText('2021-05-25')).toBe('25/05/2021');
    expect(normaliseDateText('5/8/2021')).toBe('05/08/2021');
  });

  it('tells an empty text from an impossible date', () => {
    expect(parseDateText('  ')).toBe('');
    expect(parseDateText('31/02/2021')).toBeNull();
    expect(parseDateText('29/02/2023')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('12/2021')).toBeNull();
    expect(normaliseDateText('31/02/2021')).toBe('31/02/2021');
  });

  it('reads 24 h times and refuses anything else', () => {
    expect(parseTimeText('07:30')).toBe('07:30');
    expect(parseTimeText('7:30')).toBe('07:30');
    expect(parseTimeText('7h30')).toBe('07:30');
    expect(parseTimeText('0730')).toBe('07:30');
    expect(parseTimeText('17')).toBe('17:00');
    expect(parseTimeText('16h')).toBe('16:00');
    expect(parseTimeText('')).toBe('');
    expect(parseTimeText('24:00')).toBeNull();
    expect(parseTimeText('12:60')).toBeNull();
    expect(parseTimeText('5 PM')).toBeNull();
    expect(normaliseTimeText('8:0')).toBe('8:0');
  });
});

describe('lunar dates in words', () => {
  it('says mùng for the first ten days and names the months as Vietnamese do', () => {
    expect(lunarText('1/1')).toBe('mùng 1 tháng Giêng');
    expect(lunarText('10/3')).toBe('mùng 10 tháng Ba');
    expect(lunarText('29/12')).toBe('29 tháng Chạp');
    expect(lunarText('30/12')).toBe('30 tháng Chạp');
    expect(lunarText('15/4 nhuận')).toBe('15 tháng Tư nhuận');
    expect(lunarText('1/1', 'en')).toBe('1st day of the 1st lunar month');
    expect(lunarText('10/3', 'en')).toBe('10th day of the 3rd lunar month');
    expect(lunarText('Tết')).toBeNull();
  });

  it('computes the lunar date of a Tết or Giỗ Tổ day entered by hand, not of other days', () => {
    // Tết 2026 is 17/02 (DOMAIN.md §4); Giỗ Tổ 2026 is 26/04.
    expect(lunarLabelOf({ date: '2026-02-17', kind: 'holiday', name: 'Nghỉ Tết Nguyên đán' })).toBe('1/1');
    expect(lunarLabelOf({ date: '2026-04-26', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' })).toBe('10/3');
    expect(lunarLabelOf({ date: '2026-01-02', kind: 'holiday', name: 'Nghỉ Tết Dương lịch' })).toBeNull();
    expect(lunarLabelOf({ date: '2026-04-27', kind: 'substitute_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương ngày 26/04/2026' })).toBeNull();
    expect(lunarLabelOf({ date: '2026-02-16', kind: 'holiday', name: 'x', lunar: '29/12' })).toBe('29/12');
  });
});

function calendarOf(year: number, overrides: YearCalendarView['overrides'] = []): YearCalendarView {
  const cal = yearCalendar(
    year,
    overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name, ...(o.source ? { source: o.source } : {}) })),
  );
  return { year, holidays: cal.holidays, workdays: cal.workdays, overrides };
}
const override = (date: string, kind: YearCalendarView['overrides'][number]['kind'], name: string, source: string | null = null) => ({
  date,
  kind,
  name,
  source,
  updatedBy: 'u1',
  updatedByName: 'Quản trị',
  updatedAt: '2025-12-30T02:00:00.000Z',
});

describe('the rows of a year', () => {
  it('marks computed days as proposals with their lunar date', () => {
    const rows = yearRows(calendarOf(2026));
    const tet = rows.find((r) => r.date === '2026-02-17')!;
    expect(tet).toMatchObject({ kind: 'holiday', origin: 'proposed', lunar: '1/1', override: null, proposal: null });
    expect(rows.find((r) => r.date === '2026-04-27')).toMatchObject({ kind: 'substitute_off', origin: 'proposed', lunar: null });
  });

  it('shows an override with the proposal it replaces, and a cancelled day off as a workday row', () => {
    const cal = calendarOf(2026, [
      override('2026-09-03', 'workday', 'Đi làm bình thường', 'Thông báo 6150/TB-LĐTBXH'),
      override('2026-09-01', 'holiday', 'Nghỉ lễ Quốc khánh (ngày liền kề)', 'Thông báo 6150/TB-LĐTBXH'),
      override('2026-02-14', 'makeup_workday', 'Làm bù cho ngày 20/02/2026'),
    ]);
    const rows = yearRows(cal);
    const byDate = new Map(rows.map((r) => [r.date, r]));
    expect(byDate.get('2026-09-03')).toMatchObject({ kind: 'workday', origin: 'override', proposal: { kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' } });
    expect(byDate.get('2026-09-01')).toMatchObject({ kind: 'holiday', origin: 'override', proposal: null });
    expect(byDate.get('2026-02-14')).toMatchObject({ kind: 'makeup_workday', origin: 'override' });
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
  });

  it('counts working days, per month too', () => {
    const base = yearSummary(calendarOf(2026));
    const withMakeup = yearSummary(calendarOf(2026, [override('2026-02-14', 'makeup_workday', 'Làm bù')]));
    expect(base.workdays).toBe(base.workdaysByMonth.reduce((a, b) => a + b, 0));
    expect(withMakeup.workdays).toBe(base.workdays + 1);
    expect(withMakeup.workdaysByMonth[1]).toBe(base.workdaysByMonth[1]! + 1);
    expect(withMakeup.makeup).toBe(1);
    expect(base.holidays).toBe(11);
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and pads outside the month', () => {
    // 01/02/2026 is a Sunday.
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(monthWeeks(2026, 12).flat().filter(Boolean).at(-1)).toBe('2026-12-31');
  });

  it('colours a day by its calendar entry, else working day or weekend', () => {
    const cal = calendarOf(2026);
    const rows = new Map(yearRows(cal).map((r) => [r.date, r]));
    const work = new Set(cal.workdays);
    expect(dayLook('2026-02-17', rows, work)).toBe('holiday');
    expect(dayLook('2026-04-27', rows, work)).toBe('substitute_off');
    expect(dayLook('2026-03-02', rows, work)).toBe('workday');
    expect(dayLook('2026-03-01', rows, work)).toBe('weekend');
  });
});

describe('override form', () => {
  it('prefills from a proposal so the admin can confirm it, and builds the PUT body', () => {
    const row = yearRows(calendarOf(2026)).find((r) => r.date === '2026-09-03')!;
    const form = overrideFormOf(row);
    expect(form).toEqual({ date: '03/09/2026', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', source: '' });
    expect(overrideBody({ ...form, source: ' Thông báo 6150/TB-LĐTBXH ' })).toEqual({
      ok: true,
      date: '2026-09-03',
      body: { kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', source: 'Thông báo 6150/TB-LĐTBXH' },
    });
  });

  it('names what is missing or wrong', () => {
    expect(overrideBody({ date: '', kind: 'holiday', name: ' ', source: '' })).toEqual({ ok: false, errors: { date: 'required', name: 'required' } });
    expect(overrideBody({ date: '30/02/2026', kind: 'holiday', name: 'Nghỉ', source: '' })).toEqual({ ok: false, errors: { date: 'invalidDate' } });
    expect(overrideBody({ date: '02/01/2026', kind: 'substitute_off', name: 'Nghỉ bù', source: '' })).toMatchObject({ ok: true, body: { source: null } });
  });
});
