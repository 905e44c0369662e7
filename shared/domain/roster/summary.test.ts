import { describe, expect, it } from 'vitest';
import type { Assignment, Mode, Person, ResolvedInstance } from './format';
import { summarizeRoster } from './summary';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22'];

function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: `Cán bộ ${id}`, unitId: 'u1', role: 'staff', canWorkFromHome: true, ...extra };
}

function instance(people: Person[], policy: ResolvedInstance['policy'] = {}): ResolvedInstance {
  return {
    format: 'congvu.roster/1',
    period: { from: DAYS[0]!, to: DAYS[3]! },
    workdays: DAYS,
    agencies: [{ id: 'a', name: 'Sở Nội vụ' }],
    units: [
      { id: 'u1', agencyId: 'a', name: 'Phòng Tổ chức, biên chế', kind: 'department' },
      { id: 'u2', agencyId: 'a', name: 'Văn phòng Sở', kind: 'office' },
    ],
    people,
    policy,
  };
}

/** `{ p1: 'WOWL' }`: one letter a day (W at home, O on site, L leave). */
function roster(plan: Record<string, string>) {
  const letter: Record<string, Mode> = { W: 'wfh', O: 'onsite', L: 'leave', B: 'business_trip' };
  const assignments: Assignment[] = Object.entries(plan).flatMap(([personId, s]) => [...s].map((c, i) => ({ personId, date: DAYS[i]!, mode: letter[c]! })));
  return { format: 'congvu.assignments/1' as const, assignments };
}

describe('summarizeRoster', () => {
  it('gives the spread of days at home among the people who may work from home only', () => {
    const inst = instance([person('p1'), person('p2'), person('p3', { canWorkFromHome: false }), person('p4', { role: 'chief_of_office' })], {
      requireEligibilityForWfh: true,
      alwaysOnSiteRoles: ['chief_of_office'],
    });
    const s = summarizeRoster(inst, roster({ p1: 'WOWO', p2: 'OWOO', p3: 'OOOO', p4: 'OOOO' }));
    expect([s.homePeople, s.homeDaysMin, s.homeDaysMax]).toEqual([2, 1, 2]);
  });

  it('measures the share at home per day against the target: lowest, highest and days exactly on the goal', () => {
    // 4 people working each day; target 50% → goal 2 at home.
    const inst = instance([person('p1'), person('p2'), person('p3'), person('p4')], { wfhShare: { scope: 'agency', min: 0.25, target: 0.5, max: 0.75 } });
    const s = summarizeRoster(inst, roster({ p1: 'WWWO', p2: 'WWOO', p3: 'OWOO', p4: 'OOOW' }));
    // Day shares: 2/4, 3/4, 1/4, 1/4.
    expect([s.dailyShareMin, s.dailyShareMax]).toEqual([0.25, 0.75]);
    expect([s.daysOnTarget, s.daysCounted]).toEqual([1, 4]);
    expect([s.target, s.min, s.max]).toEqual([0.5, 0.25, 0.75]);
  });

  it('leaves people on leave out of the day’s working count', () => {
    const inst = instance([person('p1'), person('p2')], { wfhShare: { scope: 'agency', target: 0.5 } });
    const s = summarizeRoster(inst, roster({ p1: 'WLWO', p2: 'LOOW' }));
    // Day 1: p1 alone working, at home → 100%; day 2: p2 alone on site → 0%.
    expect([s.dailyShareMin, s.dailyShareMax]).toEqual([0, 1]);
  });

  it('counts the wishes met, and only the people of the given units', () => {
    const inst = instance([
      person('p1', { prefers: { '2021-07-19': 'wfh', '2021-07-20': 'onsite' } }),
      person('p2', { unitId: 'u2', prefers: { '2021-07-19': 'wfh' } }),
    ]);
    const s = summarizeRoster(inst, roster({ p1: 'WWOO', p2: 'OOOO' }), new Set(['u1']));
    expect([s.wishesMet, s.wishes, s.homePeople]).toEqual([1, 2, 1]);
    expect(s.target).toBeNull();
  });
});
