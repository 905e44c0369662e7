import { describe, expect, it } from 'vitest';
import type { FollowRow } from '../../../../shared/contracts/reports';
import { filterRows, followSummary } from './follow.api';

const row = (agencyId: string, o: Partial<FollowRow>): FollowRow => ({
  agencyId,
  name: agencyId,
  period: null,
  published: true,
  sent: 'pending',
  lastSent: null,
  outdated: false,
  homeShare: null,
  lastRemindedAt: null,
  ...o,
});
const sent = {
  id: 's',
  periodId: 'p',
  agencyId: 'x',
  fromDate: '2021-07-19',
  toDate: '2021-07-30',
  rosterVersion: 1,
  sentAt: '',
  sentBy: 'u',
  hash: 'h',
  resent: false,
};
const rows = [
  row('onTime', { sent: 'onTime', lastSent: sent }),
  row('late', { sent: 'late', lastSent: sent }),
  row('missing', { sent: 'missing', published: false }),
  row('pending', { sent: 'pending' }),
];

describe('follow filters', () => {
  it('Chưa gửi = nothing sent; Trễ hạn = sent late or overdue; Chưa có lịch = no approved roster', () => {
    expect(filterRows(rows, 'notSent').map((r) => r.agencyId)).toEqual(['missing', 'pending']);
    expect(filterRows(rows, 'late').map((r) => r.agencyId)).toEqual(['late', 'missing']);
    expect(filterRows(rows, 'noRoster').map((r) => r.agencyId)).toEqual(['missing']);
    expect(filterRows(rows, 'all')).toHaveLength(4);
    expect(followSummary(rows)).toEqual({ total: 4, sent: 2, late: 2, noRoster: 1, notSent: 2 });
  });
});
