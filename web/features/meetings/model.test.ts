import { describe, expect, it } from 'vitest';
import { emptyForm, instantOf, payloadOf, splitToday } from './model';

describe('meetings form model', () => {
  it('builds a Vietnam-time instant from dd/mm/yyyy and HH:MM, null when either is not valid', () => {
    expect(instantOf('20/07/2021', '14:00')).toBe('2021-07-20T14:00:00+07:00');
    expect(instantOf('20/07/2021', '7h30')).toBe('2021-07-20T07:30:00+07:00');
    expect(instantOf('31/02/2021', '14:00')).toBeNull();
    expect(instantOf('20/07/2021', '')).toBeNull();
  });

  it('an online meeting sends its link and never a place or an in-person reason', () => {
    const body = payloadOf({
      ...emptyForm('2021-07-20'),
      title: ' Giao ban ',
      startText: '14:00',
      endText: '15:00',
      onlineUrl: 'https://meet.vn/a',
      place: 'Phòng họp 2',
      inPersonReason: 'urgent',
      attendeePersonIds: ['p1'],
      documentIdsText: 'doc-1\ndoc-2, doc-3',
    });
    expect(body).toEqual({
      title: 'Giao ban',
      kind: 'online',
      startAt: '2021-07-20T14:00:00+07:00',
      endAt: '2021-07-20T15:00:00+07:00',
      onlineUrl: 'https://meet.vn/a',
      attendeePersonIds: ['p1'],
      documentIds: ['doc-1', 'doc-2', 'doc-3'],
    });
  });

  it('an in-person meeting sends its place and reason, not the link', () => {
    const body = payloadOf({
      ...emptyForm('2021-07-20'),
      kind: 'internal',
      title: 'Họp',
      startText: '8:00',
      endText: '9:00',
      place: 'Phòng họp 2',
      onlineUrl: 'https://meet.vn/a',
      inPersonReason: 'epidemic',
      inPersonNote: 'Triển khai tiêm chủng',
      attendeePersonIds: ['p1'],
    });
    expect(body).toMatchObject({ kind: 'internal', place: 'Phòng họp 2', inPersonReason: 'epidemic', inPersonNote: 'Triển khai tiêm chủng' });
    expect(body.onlineUrl).toBeUndefined();
  });

  it('puts meetings of today (Vietnam) first and later ones after, each by start time', () => {
    const m = (startAt: string, endAt: string) => ({ startAt, endAt });
    const list = [
      m('2021-07-21T01:00:00Z', '2021-07-21T02:00:00Z'),
      m('2021-07-20T07:00:00Z', '2021-07-20T08:00:00Z'),
      m('2021-07-20T01:00:00Z', '2021-07-20T02:00:00Z'),
    ];
    const { today, upcoming } = splitToday(list, '2021-07-20');
    expect(today.map((x) => x.startAt)).toEqual(['2021-07-20T01:00:00Z', '2021-07-20T07:00:00Z']);
    expect(upcoming.map((x) => x.startAt)).toEqual(['2021-07-21T01:00:00Z']);
  });
});
