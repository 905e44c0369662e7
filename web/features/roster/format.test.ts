import { describe, expect, it } from 'vitest';
import { dayMonth, defaultPeriod, diffLine, mondayOf, parseDateVi, parseTime, periodRange, vnDateTimeIso } from './format';

const words = { modes: { onsite: 'tại cơ quan', wfh: 'tại nhà', leave: 'nghỉ phép', business_trip: 'công tác' }, none: 'chưa phân công' } as const;

describe('roster display helpers', () => {
  it('writes a difference the way the Director reads it', () => {
    expect(diffLine({ fullName: 'Nguyễn Thị An', date: '2021-07-21', from: 'wfh', to: 'leave' }, words)).toBe('Nguyễn Thị An — 21/07: tại nhà → nghỉ phép');
    expect(diffLine({ fullName: 'Lê Văn Bình', date: '2021-07-22', from: null, to: 'onsite' }, words)).toBe(
      'Lê Văn Bình — 22/07: chưa phân công → tại cơ quan',
    );
  });

  it('labels periods and days as dd/mm/yyyy and dd/mm', () => {
    expect(periodRange({ fromDate: '2021-07-19', toDate: '2021-07-30' })).toBe('19/07/2021 – 30/07/2021');
    expect(dayMonth('2021-08-02')).toBe('02/08');
  });

  it('reads dates typed as dd/mm/yyyy and refuses impossible ones', () => {
    expect(parseDateVi('19/07/2021')).toBe('2021-07-19');
    expect(parseDateVi(' 2/8/2021 ')).toBe('2021-08-02');
    expect(parseDateVi('02-08-2021')).toBe('2021-08-02');
    expect(parseDateVi('2021-08-02')).toBe('2021-08-02');
    expect(parseDateVi('31/02/2021')).toBeNull();
    expect(parseDateVi('07/19/2021')).toBeNull();
    expect(parseDateVi('hôm nay')).toBeNull();
  });

  it('reads 24 h times', () => {
    expect(parseTime('8:00')).toBe('08:00');
    expect(parseTime('08:30')).toBe('08:30');
    expect(parseTime('17h')).toBe('17:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('8:75')).toBeNull();
  });

  it('builds the deadline instant in Vietnam time', () => {
    const iso = vnDateTimeIso('2021-08-10', '08:00');
    expect(iso).toBe('2021-08-10T08:00:00+07:00');
    expect(new Date(iso).toISOString()).toBe('2021-08-10T01:00:00.000Z');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2021-07-19')).toBe('2021-07-19');
    expect(mondayOf('2021-07-25')).toBe('2021-07-19');
    expect(mondayOf('2021-07-21')).toBe('2021-07-19');
  });

  it('opens the earliest period still being prepared, else the newest', () => {
    const periods = [
      { id: 'c', status: 'collecting' as const, fromDate: '2021-08-02', toDate: '2021-08-06' },
      { id: 'b', status: 'compiled' as const, fromDate: '2021-07-26', toDate: '2021-07-30' },
      { id: 'a', status: 'approved' as const, fromDate: '2021-07-19', toDate: '2021-07-23' },
    ];
    expect(defaultPeriod(periods, '2021-07-22')?.id).toBe('b');
    expect(defaultPeriod(periods, '2021-07-31')?.id).toBe('c');
    expect(defaultPeriod(periods.slice(2), '2021-07-31')?.id).toBe('a');
    expect(defaultPeriod([], '2021-07-31')).toBeNull();
  });
});
