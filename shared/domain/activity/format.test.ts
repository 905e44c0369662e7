import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../dates';
import { daysFromCivil, isIsoDateTime, isProcessingKind, timeToUtcMinutes, vnDayNumberOfTime } from './format';

const day = (s: string) => fromDayNumber(vnDayNumberOfTime(s));

describe('daysFromCivil', () => {
  it('agrees with Date.UTC over four centuries of days', () => {
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2300-12-31'); n += 1) {
      const iso = fromDayNumber(n);
      if (daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)) !== n) throw new Error(iso);
    }
  });
});

describe('timeToUtcMinutes', () => {
  it('agrees with Date.parse for times with an offset or Z', () => {
    for (const s of [
      '2021-07-20T09:12:00+07:00',
      '2021-07-20T23:30:00+00:00',
      '2021-07-20T17:00:00Z',
      '2020-02-29T12:00:00-05:30',
      '1999-12-31T23:59:59.999+14:00',
      '2021-01-01T00:00Z',
    ]) {
      expect(timeToUtcMinutes(s), s).toBe(Math.floor(Date.parse(s) / 60_000));
    }
  });

  it('reads a time without offset as UTC+7', () => {
    expect(timeToUtcMinutes('2021-07-20T09:12:00')).toBe(timeToUtcMinutes('2021-07-20T09:12:00+07:00'));
    expect(timeToUtcMinutes('2021-07-20T09:12')).toBe(timeToUtcMinutes('2021-07-20T02:12:00Z'));
  });

  it('accepts a space instead of T, basic offsets (+0700, +07) and fractions of a second', () => {
    const ref = timeToUtcMinutes('2021-07-20T09:12:00+07:00');
    for (const s of [
      '2021-07-20 09:12:00+07:00',
      '2021-07-20T09:12:00+0700',
      '2021-07-20T09:12:00+07',
      '2021-07-20T09:12:00.123456+07:00',
      '2021-07-20 09:12',
    ]) {
      expect(timeToUtcMinutes(s), s).toBe(ref);
    }
  });

  it('rejects what is not an ISO 8601 date-time', () => {
    for (const s of [
      '',
      '2021-07-20',
      '20/07/2021 09:12',
      '2021-07-20T9:12:00',
      '2021-7-20T09:12:00',
      '2021-02-29T09:00:00',
      '2021-04-31T09:00:00',
      '2021-13-01T09:00:00',
      '2021-07-20T24:00:00',
      '2021-07-20T09:60:00',
      '2021-07-20T09:12:61',
      '2021-07-20T09:12:00.',
      '2021-07-20T09:12:00+7:00',
      '2021-07-20T09:12:00+07:',
      '2021-07-20T09:12:00+07:00 ',
      '2021-07-20T09:12:00z',
      '2021-07-20T09:12:00ZZ',
      ' 2021-07-20T09:12:00',
      '2021-07-20T09:12:00+24:00',
    ]) {
      expect(timeToUtcMinutes(s), JSON.stringify(s)).toBeNaN();
      expect(isIsoDateTime(s)).toBe(false);
    }
    expect(isIsoDateTime(123)).toBe(false);
  });
});

describe('vnDayNumberOfTime', () => {
  it('gives the date in Asia/Ho_Chi_Minh, across midnight', () => {
    expect(day('2021-07-20T23:30:00+00:00')).toBe('2021-07-21');
    expect(day('2021-07-20T16:59:00Z')).toBe('2021-07-20');
    expect(day('2021-07-20T17:00:00Z')).toBe('2021-07-21');
    expect(day('2021-07-21T00:00:00')).toBe('2021-07-21');
    expect(day('2021-07-20T23:59:59')).toBe('2021-07-20');
    expect(day('2021-07-21T01:00:00+09:00')).toBe('2021-07-20');
    expect(day('2021-12-31T20:00:00-05:00')).toBe('2022-01-01');
  });

  it('is NaN for a bad time', () => {
    expect(vnDayNumberOfTime('hôm qua')).toBeNaN();
  });
});

describe('isProcessingKind', () => {
  it('is true for every kind except view', () => {
    expect(isProcessingKind('view')).toBe(false);
    for (const k of ['comment', 'status', 'attach', 'forward', 'draft', 'finish', 'ky_so', 'View']) expect(isProcessingKind(k)).toBe(true);
  });
});
