import { describe, expect, it } from 'vitest';
import type { BoardPerson, SessionCheckinView, SummonsView } from '../../../shared/contracts/presence';
import {
  canCancelSummons,
  canCheckIn,
  canSummon,
  checkinBody,
  checkinLine,
  defaultSummonsWhen,
  defaultUnitId,
  filterBoardPeople,
  healthRangeDates,
  isOpenSummons,
  otherReasonValid,
  presenceTabOf,
  requiredAtIso,
  scopesOf,
  sortSummons,
  summonsIdOf,
  summonsTimeText,
} from './model';

const session = (over: Partial<SessionCheckinView>): SessionCheckinView => ({
  session: 'morning',
  start: '07:00',
  end: '11:30',
  opensAt: '06:30',
  state: 'due',
  checkin: null,
  ...over,
});

describe('session card of a person at home', () => {
  it('says when and where a checked-in session was checked in, with the minutes late', () => {
    const s = session({
      state: 'checked_in',
      checkin: {
        id: 'c',
        personId: 'p',
        date: '2026-11-24',
        session: 'morning',
        at: '2026-11-24T00:12:00.000Z',
        place: 'other',
        otherPlace: 'Nhà bố mẹ',
        reason: 'Con ốm',
        lateMinutes: 12,
      },
    });
    expect(checkinLine(s)).toEqual({
      kind: 'checkedIn',
      at: '2026-11-24T00:12:00.000Z',
      lateMinutes: 12,
      place: 'other',
      otherPlace: 'Nhà bố mẹ',
      reason: 'Con ốm',
    });
    expect(canCheckIn(s)).toBe(false);
  });

  it('maps the server states to the card, and opens the button only while check-in is accepted', () => {
    expect(checkinLine(session({ state: 'due' }))).toEqual({ kind: 'due' });
    expect(checkinLine(session({ state: 'late' }))).toEqual({ kind: 'late', start: '07:00' });
    expect(checkinLine(session({ state: 'upcoming', session: 'afternoon', opensAt: '13:00' }))).toEqual({ kind: 'upcoming', opensAt: '13:00' });
    expect(checkinLine(session({ state: 'missed' }))).toEqual({ kind: 'missed' });
    expect(checkinLine(session({ state: 'not_required' }))).toEqual({ kind: 'notRequired' });
    expect([session({ state: 'due' }), session({ state: 'late' })].map(canCheckIn)).toEqual([true, true]);
    expect(['upcoming', 'missed', 'not_required'].map((state) => canCheckIn(session({ state: state as SessionCheckinView['state'] })))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('sends only the place for the registered place, and the trimmed place and reason for another', () => {
    expect(checkinBody('morning', 'registered', 'ignored', 'ignored')).toEqual({ session: 'morning', place: 'registered' });
    expect(checkinBody('afternoon', 'other', '  Nhà bố mẹ ', ' Con ốm ')).toEqual({
      session: 'afternoon',
      place: 'other',
      otherPlace: 'Nhà bố mẹ',
      reason: 'Con ốm',
    });
    expect(checkinBody('morning', 'other', '   ', 'Mất điện')).toEqual({ session: 'morning', place: 'other', reason: 'Mất điện' });
    expect(otherReasonValid('  ab ')).toBe(false);
    expect(otherReasonValid('abc')).toBe(true);
  });
});

const summons = (over: Partial<SummonsView>): SummonsView => ({
  id: 's',
  personId: 'p',
  personName: 'Lê Thanh Linh',
  agencyId: 'a',
  unitId: 'u1',
  calledByUserId: 'u-head',
  calledByName: 'Trương Kim Sen',
  reason: 'Ký văn bản',
  requiredAt: '2026-11-24T07:00:00.000Z',
  createdAt: '2026-11-24T00:10:00.000Z',
  acknowledgedAt: null,
  escalatedAt: null,
  declinedAt: null,
  declineReason: null,
  status: 'pending',
  ...over,
});

describe('summons', () => {
  it('treats pending and escalated as open, and lists the open ones first, soonest first', () => {
    expect(
      ['pending', 'escalated', 'acknowledged', 'cancelled', 'declined'].map((status) => isOpenSummons({ status: status as SummonsView['status'] })),
    ).toEqual([true, true, false, false, false]);
    const list = [
      summons({ id: 'ack', status: 'acknowledged', requiredAt: '2026-11-24T01:00:00.000Z' }),
      summons({ id: 'late', status: 'pending', requiredAt: '2026-11-24T08:00:00.000Z' }),
      summons({ id: 'soon', status: 'escalated', requiredAt: '2026-11-24T02:00:00.000Z' }),
      summons({ id: 'gone', status: 'cancelled', requiredAt: '2026-11-24T00:30:00.000Z' }),
      summons({ id: 'cannot', status: 'declined', requiredAt: '2026-11-24T00:45:00.000Z' }),
    ];
    expect(sortSummons(list).map((s) => s.id)).toEqual(['soon', 'late', 'ack', 'cannot', 'gone']);
  });

  it('writes the time alone on the day shown and with the date on another day (Vietnam time)', () => {
    expect(summonsTimeText('2026-11-24T07:00:00.000Z', '2026-11-24')).toBe('14:00');
    expect(summonsTimeText('2026-11-24T18:30:00.000Z', '2026-11-24')).toBe('01:30 25/11/2026');
  });

  it('proposes the next half hour at least 30 minutes ahead of the server clock', () => {
    expect(defaultSummonsWhen(Date.parse('2026-11-24T07:05:00+07:00'))).toEqual({ date: '2026-11-24', time: '08:00' });
    expect(defaultSummonsWhen(Date.parse('2026-11-24T07:30:00+07:00'))).toEqual({ date: '2026-11-24', time: '08:00' });
    expect(defaultSummonsWhen(Date.parse('2026-11-24T07:31:00+07:00'))).toEqual({ date: '2026-11-24', time: '08:30' });
    expect(defaultSummonsWhen(Date.parse('2026-11-24T23:45:00+07:00'))).toEqual({ date: '2026-11-25', time: '00:30' });
  });

  it('turns a Vietnamese date and time into the instant sent to the server', () => {
    expect(requiredAtIso('2026-11-24', '14:00')).toBe('2026-11-24T07:00:00.000Z');
    expect(requiredAtIso('2026-11-24', null)).toBeNull();
    expect(requiredAtIso('', '14:00')).toBeNull();
  });
});

const grant = (role: string, agencyId: string, unitId: string | null) => ({
  role: role as 'staff',
  agencyId,
  agencyName: `CQ ${agencyId}`,
  unitId,
  unitName: unitId ? `Phòng ${unitId}` : null,
});

describe('who may summon, cancel and read where', () => {
  const atHome = { personId: 'p2', mode: 'wfh' as const };

  it('lets a unit head summon people at home of their unit only, a director any unit of the agency, the Office nobody', () => {
    const head = [grant('unit_head', 'a', 'u1'), grant('staff', 'a', 'u1')];
    expect(canSummon(head, 'p1', atHome, 'u1', 'a')).toBe(true);
    expect(canSummon(head, 'p1', atHome, 'u2', 'a')).toBe(false);
    expect(canSummon(head, 'p1', { personId: 'p2', mode: 'onsite' }, 'u1', 'a')).toBe(false);
    expect(canSummon(head, 'p2', atHome, 'u1', 'a')).toBe(false); // not oneself
    expect(canSummon([grant('director', 'a', null)], 'p9', atHome, 'u7', 'a')).toBe(true);
    expect(canSummon([grant('director', 'a', null)], 'p9', atHome, 'u7', 'b')).toBe(false);
    expect(canSummon([grant('office', 'a', 'u0')], 'p9', atHome, 'u1', 'a')).toBe(false);
  });

  it('lets the caller or the unit head cancel, never once cancelled', () => {
    const s = summons({ calledByUserId: 'u-dir', unitId: 'u1' });
    expect(canCancelSummons([], 'u-dir', s)).toBe(true);
    expect(canCancelSummons([grant('unit_head', 'a', 'u1')], 'u-x', s)).toBe(true);
    expect(canCancelSummons([grant('unit_deputy', 'a', 'u1')], 'u-x', s)).toBe(false);
    expect(canCancelSummons([], 'u-dir', { ...s, status: 'cancelled' })).toBe(false);
  });

  it('gives unit leaders their units, the Office and the Director their whole agency, the province a picker', () => {
    const head = scopesOf([grant('unit_head', 'a', 'u1'), grant('staff', 'a', 'u1')], 'presence.read');
    expect(head).toEqual({ agencies: [{ agencyId: 'a', agencyName: 'CQ a', whole: false, units: [{ unitId: 'u1', unitName: 'Phòng u1' }] }], subtree: false });
    expect(scopesOf([grant('office', 'a', 'vp')], 'presence.read').agencies[0]!.whole).toBe(true);
    expect(scopesOf([grant('province', 'p', null)], 'presence.read')).toEqual({ agencies: [], subtree: true });
    expect(scopesOf([grant('staff', 'a', 'u1')], 'presence.read')).toEqual({ agencies: [], subtree: false });
    // Health declarations: unit head and Office only (not the deputy, not the Director).
    expect(scopesOf([grant('unit_deputy', 'a', 'u1'), grant('director', 'a', null)], 'health.read').agencies).toEqual([]);
  });

  it('picks the unit asked for when allowed, else the first led unit, else the whole agency', () => {
    const led = {
      whole: false,
      units: [
        { unitId: 'u1', unitName: '1' },
        { unitId: 'u2', unitName: '2' },
      ],
    };
    expect(defaultUnitId(led, 'u2', ['u1', 'u2'])).toBe('u2');
    expect(defaultUnitId(led, 'u9', ['u1', 'u2'])).toBe('u1');
    const whole = { whole: true, units: [] };
    expect(defaultUnitId(whole, 'u3', ['u1', 'u3'])).toBe('u3');
    expect(defaultUnitId(whole, null, ['u1', 'u3'])).toBeNull();
    expect(defaultUnitId(whole, null, ['u1', 'u3'], true)).toBe('u1');
    // The Office head who also heads the Office unit: whole agency on the board, their own unit when one is needed.
    const officeHead = { whole: true, units: [{ unitId: 'u3', unitName: 'Văn phòng' }] };
    expect(defaultUnitId(officeHead, null, ['u1', 'u3'])).toBeNull();
    expect(defaultUnitId(officeHead, null, ['u1', 'u3'], true)).toBe('u3');
  });
});

describe('board filters', () => {
  const cell = (session: 'morning' | 'afternoon', state: BoardPerson['sessions'][number]['state']) => ({
    session,
    state,
    at: null,
    lateMinutes: null,
    place: null,
    otherPlace: null,
  });
  const person = (fullName: string, mode: BoardPerson['mode'], morning: BoardPerson['sessions'][number]['state'], open = false) => ({
    fullName,
    mode,
    sessions: [cell('morning', morning), cell('afternoon', mode === 'wfh' ? 'upcoming' : 'not_required')],
    summons: open ? [summons({})] : [],
  });
  const people = [
    person('Nguyễn Thị Tuyết', 'onsite', 'not_required'),
    person('Lê Thanh Linh', 'wfh', 'checked_in'),
    person('Ngô Văn Lợi', 'wfh', 'late', true),
    person('Lê Thu Nguyệt', 'wfh', 'missed'),
  ];

  it('filters at home, not checked in for the reference session, and summoned', () => {
    const names = (f: Parameters<typeof filterBoardPeople>[1], s = '') => filterBoardPeople(people, f, s, 'morning').map((p) => p.fullName);
    expect(names('all')).toHaveLength(4);
    expect(names('atHome')).toEqual(['Lê Thanh Linh', 'Ngô Văn Lợi', 'Lê Thu Nguyệt']);
    expect(names('notCheckedIn')).toEqual(['Ngô Văn Lợi', 'Lê Thu Nguyệt']);
    expect(names('summoned')).toEqual(['Ngô Văn Lợi']);
    // Before any check-in opens there is no reference session: nobody is "not checked in".
    expect(filterBoardPeople(people, 'notCheckedIn', '', null)).toEqual([]);
  });

  it('searches names without diacritics or case', () => {
    expect(filterBoardPeople(people, 'all', 'nguyet', 'morning').map((p) => p.fullName)).toEqual(['Lê Thu Nguyệt']);
    expect(filterBoardPeople(people, 'all', 'LÊ  thanh', 'morning').map((p) => p.fullName)).toEqual(['Lê Thanh Linh']);
    expect(filterBoardPeople(people, 'atHome', 'tuyet', 'morning')).toEqual([]);
  });
});

describe('health ranges and paths', () => {
  it('ends every range today, inclusive', () => {
    expect(healthRangeDates('today', '2026-11-24')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(healthRangeDates('last7', '2026-11-24')).toEqual({ from: '2026-11-18', to: '2026-11-24' });
    expect(healthRangeDates('last30', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('maps the links of the notifications to the tabs', () => {
    expect(presenceTabOf('/presence')).toBe('mine');
    expect(presenceTabOf('/presence/')).toBe('mine');
    expect(presenceTabOf('/presence/board')).toBe('board');
    expect(presenceTabOf('/presence/missing')).toBe('board');
    expect(presenceTabOf('/presence/summons/sum_1')).toBe('summons');
    expect(presenceTabOf('/presence/health')).toBe('health');
    expect(presenceTabOf('/presence/whatever/else')).toBe('mine');
    expect(summonsIdOf('/presence/summons/sum_1')).toBe('sum_1');
    expect(summonsIdOf('/presence/summons')).toBeNull();
  });
});
