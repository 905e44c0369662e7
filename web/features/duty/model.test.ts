import { describe, expect, it } from 'vitest';
import type { DutyDay } from '../../../shared/contracts/duty';
import { yearCalendar } from '../../../shared/domain/calendar';
import { dutyPutBody, dutyRows, emptyDutyDay, issuesByKind, periodOf, personOptions, selectionOf, shiftPeriod, yearsOf } from './model';

const person = (id: string, fullName: string, position: 'director' | 'deputy_director' | 'staff' | 'head', unitName: string, active = true) => ({
  id,
  fullName,
  position,
  unitName,
  active,
});
const dutyPerson = (personId: string, fullName: string, position: 'director' | 'deputy_director' | 'staff', unitName = 'Văn phòng Sở') => ({
  personId,
  fullName,
  position,
  unitId: 'u',
  unitName,
});

describe('the period shown', () => {
  it('is the Monday-to-Sunday week of the day', () => {
    // 23/11/2026 is a Monday; 29/11/2026 a Sunday.
    expect(periodOf('2026-11-23', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('2026-11-29', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('2026-12-31', 'week')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('is the whole month, leap years included', () => {
    expect(periodOf('2024-02-10', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('2026-12-15', 'month')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('moves by whole weeks and months, across years', () => {
    expect(shiftPeriod('2026-11-25', 'week', 1)).toBe('2026-11-30');
    expect(shiftPeriod('2026-11-25', 'week', -1)).toBe('2026-11-16');
    expect(shiftPeriod('2026-12-15', 'month', 1)).toBe('2027-01-01');
    expect(shiftPeriod('2026-01-31', 'month', -1)).toBe('2025-12-01');
    expect(shiftPeriod('2026-05-31', 'month', -14)).toBe('2025-03-01');
  });

  it('knows the years it needs calendars of', () => {
    expect(yearsOf({ from: '2026-12-28', to: '2027-01-03' })).toEqual([2026, 2027]);
    expect(yearsOf({ from: '2026-11-23', to: '2026-11-29' })).toEqual([2026]);
  });
});

describe('rows of the table', () => {
  const cal2026 = yearCalendar(2026);
  const week = { from: '2026-08-31', to: '2026-09-06' }; // 02/09 Wed (Quốc khánh), 03/09 Thu (adjacent day, proposed)

  it('lists the working days only, with holidays left out', () => {
    const rows = dutyRows(week, [], [cal2026], false);
    expect(rows.map((r) => r.date)).toEqual(['2026-08-31', '2026-09-01', '2026-09-04']);
    expect(rows.every((r) => r.workday && r.duty.office.length === 0)).toBe(true);
  });

  it('shows days off with the holiday name when asked, or when they carry a duty', () => {
    const all = dutyRows(week, [], [cal2026], true);
    expect(all).toHaveLength(7);
    expect(all.find((r) => r.date === '2026-09-02')).toMatchObject({ workday: false, holidayName: 'Quốc khánh' });
    expect(all.find((r) => r.date === '2026-09-05')).toMatchObject({ workday: false, holidayName: null });
    const sundayDuty: DutyDay = { ...emptyDutyDay('2026-09-06'), office: [dutyPerson('p1', 'Nguyễn Văn An', 'staff')] };
    const rows = dutyRows(week, [sundayDuty], [cal2026], false);
    expect(rows.map((r) => r.date)).toContain('2026-09-06');
    expect(rows.find((r) => r.date === '2026-09-06')!.duty.office[0]!.fullName).toBe('Nguyễn Văn An');
  });

  it('counts a make-up Saturday as a working day', () => {
    const cal = yearCalendar(2026, [{ date: '2026-09-05', kind: 'makeup_workday', name: 'Làm bù' }]);
    expect(dutyRows(week, [], [cal], false).map((r) => r.date)).toContain('2026-09-05');
  });
});

describe('pickers', () => {
  const people = [
    person('d1', 'Trần Hải', 'director', 'Ban Giám đốc'),
    person('d2', 'Võ Thanh Lợi', 'deputy_director', 'Ban Giám đốc'),
    person('h1', 'Nguyễn Thị Hoa', 'head', 'Phòng Tổ chức'),
    person('s1', 'Lê Văn Bình', 'staff', 'Văn phòng Sở'),
    person('s2', 'Phạm Thị Cúc', 'staff', 'Văn phòng Sở', false),
  ];
  const labels = {
    position: (p: string) => ({ director: 'Giám đốc', deputy_director: 'Phó Giám đốc', head: 'Trưởng phòng', staff: 'Chuyên viên' })[p] ?? p,
    inactive: 'đã nghỉ',
  };

  it('offers only the Director and Deputies for leader duty', () => {
    const groups = personOptions(people, 'leader', [], labels);
    expect(groups).toEqual([
      {
        group: 'Ban Giám đốc',
        items: [
          { value: 'd1', label: 'Trần Hải – Giám đốc' },
          { value: 'd2', label: 'Võ Thanh Lợi – Phó Giám đốc' },
        ],
      },
    ]);
  });

  it('offers every active person for office duty, grouped by unit, and keeps a departed person already on duty', () => {
    const groups = personOptions(people, 'office', [dutyPerson('s2', 'Phạm Thị Cúc', 'staff')], labels);
    expect(groups.map((g) => g.group)).toEqual(['Ban Giám đốc', 'Phòng Tổ chức', 'Văn phòng Sở']);
    expect(groups[2]!.items).toEqual([
      { value: 's1', label: 'Lê Văn Bình – Chuyên viên' },
      { value: 's2', label: 'Phạm Thị Cúc – Chuyên viên (đã nghỉ)' },
    ]);
  });
});

describe('saving a day', () => {
  it('sends the whole day, and allowNonWorkday only when ticked', () => {
    const day: DutyDay = {
      ...emptyDutyDay('2026-11-23'),
      office: [dutyPerson('s1', 'Lê Văn Bình', 'staff')],
      leader: [dutyPerson('d2', 'Võ Thanh Lợi', 'deputy_director')],
    };
    const sel = selectionOf(day);
    expect(dutyPutBody(sel, false)).toEqual({ office: ['s1'], leader: ['d2'], epidemic: [], documents: [] });
    expect(dutyPutBody({ ...sel, office: [] }, true)).toEqual({ office: [], leader: ['d2'], epidemic: [], documents: [], allowNonWorkday: true });
  });

  it('files the server issues under the picker they concern', () => {
    const issues = [
      { path: 'body.leader[0]', message: 'Trực lãnh đạo phải là Giám đốc hoặc Phó Giám đốc; Lê Văn Bình là Chuyên viên.' },
      { path: 'body.office[1]', message: 'Người này đã có trong danh sách.' },
      { path: 'params.date', message: 'Ngày 29/11/2026 (Chủ nhật) không phải ngày làm việc.' },
      { path: 'body', message: 'Dữ liệu không hợp lệ.' },
    ];
    expect(issuesByKind(issues)).toEqual({
      leader: ['Trực lãnh đạo phải là Giám đốc hoặc Phó Giám đốc; Lê Văn Bình là Chuyên viên.'],
      office: ['Người này đã có trong danh sách.'],
      date: ['Ngày 29/11/2026 (Chủ nhật) không phải ngày làm việc.'],
      other: ['Dữ liệu không hợp lệ.'],
    });
  });
});
