import { describe, expect, it } from 'vitest';
import { actionLabel, actionOptions, EMPTY_FILTERS, filtersToQuery, summariseData } from './model';

describe('audit screen model', () => {
  it('turns dd/mm/yyyy filters into ISO query values and refuses a reversed range', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, action: 'roster.', fromText: '1/7/2021', toText: '16/07/2021' })).toEqual({
      query: { agencyId: undefined, userId: undefined, action: 'roster.', from: '2021-07-01', to: '2021-07-16' },
      error: null,
    });
    expect(filtersToQuery({ ...EMPTY_FILTERS, fromText: '17/07/2021', toText: '16/07/2021' }).error).toBe('invalidRange');
    expect(filtersToQuery({ ...EMPTY_FILTERS, fromText: '31/02/2021' }).error).toBe('invalidDate');
  });

  it('labels actions in Vietnamese by default and in English, the code when unknown', () => {
    expect(actionLabel('auth.login', 'vi')).toBe('Đăng nhập');
    expect(actionLabel('auth.login', 'en')).toBe('Signed in');
    expect(actionLabel('x.y', 'vi')).toBe('x.y');
    const [groups, actions] = actionOptions('vi', (l) => `${l} (cả nhóm)`, { groups: 'Nhóm', actions: 'Thao tác' });
    expect(groups!.items[0]).toEqual({ value: 'auth.', label: 'Đăng nhập, mật khẩu (cả nhóm)' });
    expect(actions!.items.some((i) => i.value === 'csrf.refused')).toBe(true);
  });

  it('summarises data as key: value pairs, shortened', () => {
    expect(summariseData({ name: 'Phòng Một', count: 2 })).toBe('name: Phòng Một; count: 2');
    expect(summariseData(null)).toBe('');
    expect(summariseData({ a: 'x'.repeat(300) }, 20)).toHaveLength(20);
  });
});
