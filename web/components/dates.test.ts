import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDate, formatTime, vnDate } from './dates';
import { vi } from '../i18n/vi';

const VI_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6].map((i) => vi.date[`weekday${i}` as keyof typeof vi.date]);

describe('web date formatting', () => {
  it('writes calendar dates dd/mm/yyyy, from dates and date-times', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatDate('2021-08-10T01:00:00.000Z')).toBe('10/08/2021');
    expect(formatDate(null)).toBe('');
  });

  it('shows instants in Vietnam time on a 24 h clock, time first', () => {
    // 01:00 UTC is 08:00 in Hanoi; 10:30 UTC is 17:30.
    expect(formatDateTime('2021-08-10T01:00:00Z')).toBe('08:00 10/08/2021');
    expect(formatTime(Date.UTC(2021, 7, 10, 10, 30))).toBe('17:30');
  });

  it('takes the Vietnamese calendar date of an instant near midnight', () => {
    // 18:30 UTC on 22/11 is already 01:30 on 23/11 in Vietnam.
    expect(vnDate(Date.UTC(2026, 10, 22, 18, 30))).toBe('2026-11-23');
  });

  it('writes the long date with the Vietnamese weekday', () => {
    expect(formatLongDate('2026-11-23', VI_WEEKDAYS)).toBe('Thứ Hai, 23/11/2026');
    expect(formatLongDate('2026-11-29', VI_WEEKDAYS)).toBe('Chủ Nhật, 29/11/2026');
  });
});
