import { describe, expect, it } from 'vitest';
import { defaultWeekStart, groupByWeek, openPeriod, rejectedWishDates, scheduleRange, wishChanges, wishDaysAfterDeadline } from './schedule';

describe('my schedule', () => {
  it('starts on last week’s Monday and shows four weeks', () => {
    expect(defaultWeekStart('2021-07-21')).toBe('2021-07-12');
    expect(scheduleRange('2021-07-12')).toEqual({ from: '2021-07-12', to: '2021-08-08' });
  });

  it('groups days by week', () => {
    const weeks = groupByWeek([{ date: '2021-07-16' }, { date: '2021-07-19' }, { date: '2021-07-23' }, { date: '2021-07-26' }]);
    expect(weeks.map((w) => [w.monday, w.days.length])).toEqual([
      ['2021-07-12', 1],
      ['2021-07-19', 2],
      ['2021-07-26', 1],
    ]);
  });
});

describe('wishes', () => {
  it('sends only the days whose choice changed, "Không" as null', () => {
    expect(
      wishChanges({ '2021-07-19': 'wfh', '2021-07-20': 'onsite' }, { '2021-07-19': 'wfh', '2021-07-20': null, '2021-07-21': 'wfh', '2021-07-22': null }),
    ).toEqual([
      { date: '2021-07-20', preference: null },
      { date: '2021-07-21', preference: 'wfh' },
    ]);
  });

  it('picks the earliest period whose deadline has not passed', () => {
    const now = Date.parse('2021-07-16T00:30:00Z'); // 07:30 16/07 in Vietnam
    const periods = [
      { fromDate: '2021-07-26', toDate: '2021-07-30', deadline: '2021-07-23T01:00:00Z' },
      { fromDate: '2021-07-19', toDate: '2021-07-23', deadline: '2021-07-16T01:00:00Z' },
      { fromDate: '2021-07-12', toDate: '2021-07-16', deadline: '2021-07-09T01:00:00Z' },
    ];
    expect(openPeriod(periods, now)?.fromDate).toBe('2021-07-19');
    expect(openPeriod(periods, Date.parse('2021-07-16T02:00:00Z'))?.fromDate).toBe('2021-07-26');
    expect(openPeriod(periods, Date.parse('2021-07-24T02:00:00Z'))).toBeNull();
  });

  it('without the period, offers working days after the deadline, minus holidays and refused days', () => {
    const days = [
      { date: '2021-08-27', holiday: null },
      { date: '2021-08-30', holiday: null },
      { date: '2021-08-31', holiday: null },
      { date: '2021-09-01', holiday: 'Nghỉ Quốc khánh' },
      { date: '2021-09-02', holiday: 'Quốc khánh' },
      { date: '2021-09-03', holiday: null },
      { date: '2021-09-30', holiday: null },
    ];
    expect(wishDaysAfterDeadline('2021-08-27T01:00:00Z', days)).toEqual(['2021-08-30', '2021-08-31', '2021-09-03']);
    expect(wishDaysAfterDeadline('2021-08-27T01:00:00Z', days, new Set(['2021-09-03']))).toEqual(['2021-08-30', '2021-08-31']);
  });

  it('maps the server’s issues back to the dates that were sent', () => {
    const sent = [{ date: '2021-08-30' }, { date: '2021-09-06' }];
    expect(rejectedWishDates([{ path: 'body.wishes[1].date' }, { path: 'body' }], sent)).toEqual(['2021-09-06']);
  });
});
