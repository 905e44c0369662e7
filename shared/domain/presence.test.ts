import { describe, expect, it } from 'vitest';
import {
  alertsDue,
  checkinDecision,
  currentSession,
  DEFAULT_WORKING_HOURS as H,
  dayRelation,
  healthDeleteAfter,
  hhmmOf,
  lateMinutes,
  minutesOfHhmm,
  missingSessions,
  noCurrentSessionMessage,
  referenceSession,
  sessionState,
  sessionWindow,
  summonsEscalationDue,
  validHours,
  type WorkingHours,
} from './presence';

const at = (hhmm: string) => minutesOfHhmm(hhmm);

describe('session windows from the policy hours', () => {
  it('uses seed 000 hours by default: 07:00-11:30 and 13:30-17:00, check-in opening 30 minutes before', () => {
    expect(sessionWindow(H, 'morning')).toEqual({ session: 'morning', start: 420, end: 690, opens: 390 });
    expect(sessionWindow(H, 'afternoon')).toEqual({ session: 'afternoon', start: 810, end: 1020, opens: 780 });
    expect(hhmmOf(390)).toBe('06:30');
  });

  it.each([
    ['06:29', null],
    ['06:30', 'morning'],
    ['07:00', 'morning'],
    ['11:29', 'morning'],
    ['11:30', null],
    ['12:59', null],
    ['13:00', 'afternoon'],
    ['16:59', 'afternoon'],
    ['17:00', null],
  ])('current session at %s is %s', (time, session) => {
    expect(currentSession(H, at(time))).toBe(session);
  });

  it('follows the hours of another policy', () => {
    const h: WorkingHours = { morningStart: '07:30', morningEnd: '11:30', afternoonStart: '13:00', afternoonEnd: '16:30' };
    expect(currentSession(h, at('06:45'))).toBeNull();
    expect(currentSession(h, at('07:00'))).toBe('morning');
    expect(currentSession(h, at('12:30'))).toBe('afternoon');
    expect(lateMinutes(h, 'morning', at('07:45'))).toBe(15);
  });

  it('explains why there is no session now', () => {
    expect(noCurrentSessionMessage(H, at('05:00'))).toContain('06:30');
    expect(noCurrentSessionMessage(H, at('12:00'))).toContain('13:00');
    expect(noCurrentSessionMessage(H, at('18:00'))).toContain('Đã hết giờ làm việc');
  });
});

describe('check-in decision and lateness', () => {
  it('accepts from 30 minutes before the start, on time until the start, then late by the minutes after it', () => {
    expect(checkinDecision(H, 'morning', at('06:30'))).toEqual({ ok: true, lateMinutes: 0 });
    expect(checkinDecision(H, 'morning', at('07:00'))).toEqual({ ok: true, lateMinutes: 0 });
    expect(checkinDecision(H, 'morning', at('07:12'))).toEqual({ ok: true, lateMinutes: 12 });
    expect(checkinDecision(H, 'afternoon', at('14:05'))).toEqual({ ok: true, lateMinutes: 35 });
  });

  it('refuses too early and after the session end, with a Vietnamese message', () => {
    const early = checkinDecision(H, 'morning', at('06:29'));
    expect(early).toMatchObject({ ok: false, reason: 'too_early' });
    expect(early.ok === false && early.message).toContain('06:30');
    const afternoonEarly = checkinDecision(H, 'afternoon', at('09:00'));
    expect(afternoonEarly).toMatchObject({ ok: false, reason: 'too_early' });
    const closed = checkinDecision(H, 'morning', at('11:30'));
    expect(closed).toMatchObject({ ok: false, reason: 'closed' });
    expect(closed.ok === false && closed.message).toBe('Buổi sáng đã kết thúc lúc 11:30, không thể điểm danh.');
  });
});

describe('session state', () => {
  it.each([
    ['06:00', 'upcoming'],
    ['06:45', 'due'],
    ['07:00', 'due'],
    ['07:01', 'late'],
    ['11:29', 'late'],
    ['11:30', 'missed'],
  ] as const)('morning not checked in at %s today is %s', (time, state) => {
    expect(sessionState(H, 'morning', 'today', at(time), false)).toBe(state);
  });

  it('is checked_in whatever the time once checked in; missed on a past day, upcoming on a future one', () => {
    expect(sessionState(H, 'afternoon', 'today', at('08:00'), true)).toBe('checked_in');
    expect(sessionState(H, 'afternoon', 'past', at('08:00'), false)).toBe('missed');
    expect(sessionState(H, 'morning', 'future', at('23:00'), false)).toBe('upcoming');
    expect(dayRelation('2021-07-19', '2021-07-20')).toBe('past');
    expect(dayRelation('2021-07-20', '2021-07-20')).toBe('today');
    expect(dayRelation('2021-07-21', '2021-07-20')).toBe('future');
  });
});

describe('alerts due', () => {
  it('sends a reminder from start + 15 and lists for the unit head from start + 30, while the session lasts', () => {
    expect(alertsDue(H, at('07:14'))).toEqual([]);
    expect(alertsDue(H, at('07:15'))).toEqual([{ session: 'morning', kind: 'reminder' }]);
    expect(alertsDue(H, at('07:29'))).toEqual([{ session: 'morning', kind: 'reminder' }]);
    expect(alertsDue(H, at('07:30'))).toEqual([
      { session: 'morning', kind: 'reminder' },
      { session: 'morning', kind: 'missing' },
    ]);
    expect(alertsDue(H, at('11:30'))).toEqual([]);
    expect(alertsDue(H, at('13:45'))).toEqual([{ session: 'afternoon', kind: 'reminder' }]);
    expect(alertsDue(H, at('16:00'))).toEqual([
      { session: 'afternoon', kind: 'reminder' },
      { session: 'afternoon', kind: 'missing' },
    ]);
    expect(alertsDue(H, at('17:00'))).toEqual([]);
  });

  it('gives the sessions of the missing list: started 30 minutes ago today, all of a past day', () => {
    expect(missingSessions(H, 'today', at('07:29'))).toEqual([]);
    expect(missingSessions(H, 'today', at('07:30'))).toEqual(['morning']);
    expect(missingSessions(H, 'today', at('12:00'))).toEqual(['morning']);
    expect(missingSessions(H, 'today', at('14:00'))).toEqual(['morning', 'afternoon']);
    expect(missingSessions(H, 'past', 0)).toEqual(['morning', 'afternoon']);
    expect(missingSessions(H, 'future', at('14:00'))).toEqual([]);
  });

  it('refers board counts to the last session whose check-in opened', () => {
    expect(referenceSession(H, 'today', at('06:00'))).toBeNull();
    expect(referenceSession(H, 'today', at('06:30'))).toBe('morning');
    expect(referenceSession(H, 'today', at('12:59'))).toBe('morning');
    expect(referenceSession(H, 'today', at('13:00'))).toBe('afternoon');
    expect(referenceSession(H, 'past', 0)).toBe('afternoon');
    expect(referenceSession(H, 'future', 0)).toBeNull();
  });

  it('escalates a summons after 30 minutes without acknowledgement', () => {
    const created = Date.UTC(2021, 6, 20, 1, 0);
    expect(summonsEscalationDue(created, created + 29 * 60_000 + 59_000)).toBe(false);
    expect(summonsEscalationDue(created, created + 30 * 60_000)).toBe(true);
  });
});

describe('health declaration retention', () => {
  it('keeps declarations for the retention days after the policy ends, or after the declaration when open-ended', () => {
    expect(healthDeleteAfter('2021-07-20', '2021-08-15', 30)).toBe('2021-09-14');
    expect(healthDeleteAfter('2021-07-20', null, 30)).toBe('2021-08-19');
    expect(healthDeleteAfter('2021-12-20', null, 14)).toBe('2022-01-03');
  });
});

describe('working hours validation', () => {
  it('accepts ordered HH:MM hours only', () => {
    expect(validHours(H)).toBe(true);
    expect(validHours({ ...H, morningEnd: '06:00' })).toBe(false);
    expect(validHours({ ...H, afternoonStart: '11:00' })).toBe(false);
    expect(validHours({ ...H, afternoonEnd: '25:00' })).toBe(false);
  });
});
