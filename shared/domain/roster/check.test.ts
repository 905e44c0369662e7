import { describe, expect, it } from 'vitest';
import { checkRoster, compareViolations, dayCounts } from './check';
import type { Assignment, Mode, Person, Policy, ResolvedInstance, Roster, RuleId, Violation } from './format';
import { RULE_IDS } from './format';

// A small agency: board (director, deputy), office (chief, staff), one department (head, deputy, 3 staff).
const DAYS = ['2021-08-09', '2021-08-10', '2021-08-11', '2021-08-12', '2021-08-13'];

function person(id: string, name: string, unitId: string, role: Person['role'], extra: Partial<Person> = {}): Person {
  return { id, name, unitId, role, canWorkFromHome: true, ...extra };
}

function baseInstance(policy: Policy = {}, people?: Person[], workdays = DAYS): ResolvedInstance {
  return {
    format: 'congvu.roster/1',
    period: { from: '2021-08-09', to: '2021-08-13' },
    workdays,
    agencies: [{ id: 'sld', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông' }],
    units: [
      { id: 'bgd', agencyId: 'sld', name: 'Ban Giám đốc', kind: 'board' },
      { id: 'vp', agencyId: 'sld', name: 'Văn phòng Sở', kind: 'office' },
      { id: 'ncc', agencyId: 'sld', name: 'Phòng Người có công', kind: 'department' },
    ],
    people: people ?? [
      person('gd', 'Nguyễn Văn Giám', 'bgd', 'director'),
      person('pgd', 'Trần Thị Phó', 'bgd', 'deputy_director'),
      person('cvp', 'Lê Văn Chánh', 'vp', 'chief_of_office'),
      person('vp1', 'Phạm Thị Văn', 'vp', 'staff'),
      person('tp', 'Hoàng Văn Trưởng', 'ncc', 'head'),
      person('pp', 'Vũ Thị Phó', 'ncc', 'deputy_head'),
      person('n1', 'Đặng Văn Một', 'ncc', 'staff'),
      person('n2', 'Bùi Thị Hai', 'ncc', 'staff'),
      person('n3', 'Đỗ Văn Ba', 'ncc', 'staff'),
    ],
    policy,
  };
}

const LETTER: Record<string, Mode> = { O: 'onsite', W: 'wfh', L: 'leave', T: 'business_trip' };
/** Roster from one string per person, one letter per working day: O onsite, W wfh, L leave, T trip, - none. */
function rosterOf(rows: Record<string, string>, days = DAYS): Roster {
  const assignments: Assignment[] = [];
  for (const [personId, row] of Object.entries(rows)) {
    [...row].forEach((ch, d) => {
      if (ch !== '-') assignments.push({ personId, date: days[d], mode: LETTER[ch] });
    });
  }
  return { format: 'congvu.assignments/1', assignments };
}
/** Everyone on site every day. */
function allOnsite(instance: ResolvedInstance, overrides: Record<string, string> = {}): Roster {
  const rows: Record<string, string> = {};
  for (const p of instance.people) rows[p.id] = 'O'.repeat(instance.workdays.length);
  return rosterOf({ ...rows, ...overrides }, instance.workdays);
}
const rules = (vs: Violation[]): RuleId[] => vs.map((v) => v.rule);
const _only = (vs: Violation[], rule: RuleId): Violation[] => vs.filter((v) => v.rule === rule);

describe('checkRoster: a complete valid roster', () => {
  it('reports nothing when every rule holds', () => {
    const inst = baseInstance({
      wfhShare: { scope: 'agency', min: 0.2, target: 0.3, max: 0.4 },
      minOnSitePerUnit: { people: 1, leaders: 1 },
      minAgencyLeadersOnSite: 1,
      alwaysOnSiteRoles: ['director', 'chief_of_office'],
      minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
      requireEligibilityForWfh: true,
    });
    // 9 people: 2 or 3 at home a day (ceil(0.2×9)=2, floor(0.4×9)=3).
    const roster = rosterOf({ gd: 'OOOOO', pgd: 'WOOOO', cvp: 'OOOOO', vp1: 'OWOWO', tp: 'OOWOW', pp: 'WOOWO', n1: 'OWOOW', n2: 'WOWOO', n3: 'OWOWO' });
    expect(checkRoster(inst, roster)).toEqual([]);
  });
});

describe('missing_assignment', () => {
  const inst = baseInstance();
  it('passes with exactly one assignment per person per working day', () => {
    expect(checkRoster(inst, allOnsite(inst))).toEqual([]);
  });
  it('reports a person without an assignment on a working day', () => {
    const vs = checkRoster(inst, allOnsite(inst, { n1: 'OO-OO' }));
    expect(vs).toEqual([
      {
        rule: 'missing_assignment',
        date: '2021-08-11',
        personId: 'n1',
        message: 'Đặng Văn Một (Công chức, viên chức, Phòng Người có công) ngày 11/08/2021: chưa được phân công (thiếu lịch làm việc ngày này)',
      },
    ]);
  });
  it('reports a duplicate once per person and day, and the first assignment is the one used', () => {
    const roster = allOnsite(inst);
    roster.assignments.push({ personId: 'n1', date: '2021-08-09', mode: 'wfh' }, { personId: 'n1', date: '2021-08-09', mode: 'leave' });
    const vs = checkRoster(inst, roster);
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ rule: 'missing_assignment', date: '2021-08-09', personId: 'n1' });
    expect(vs[0].message).toContain('có 3 phân công');
    // The first (onsite) counts: n1 is on site that day.
    expect(dayCounts(inst, roster).units.ncc[0]).toMatchObject({ onSite: 5, atHome: 0, onLeave: 0 });
  });
  it('reports an unknown person id', () => {
    const roster = allOnsite(inst);
    roster.assignments.push({ personId: 'ghost', date: '2021-08-10', mode: 'onsite' });
    expect(checkRoster(inst, roster)).toEqual([
      {
        rule: 'missing_assignment',
        date: '2021-08-10',
        personId: 'ghost',
        message: 'Mã cán bộ "ghost" ngày 10/08/2021: không có trong danh sách cán bộ nhưng lại có phân công',
      },
    ]);
  });
  it('reports an assignment on a day that is not a working day', () => {
    const roster = allOnsite(inst);
    roster.assignments.push({ personId: 'n2', date: '2021-08-14', mode: 'wfh' });
    const vs = checkRoster(inst, roster);
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ rule: 'missing_assignment', date: '2021-08-14', personId: 'n2' });
    expect(vs[0].message).toBe(
      'Bùi Thị Hai (Công chức, viên chức, Phòng Người có công): ngày 14/08/2021 không phải ngày làm việc của kỳ nhưng lại có phân công (làm việc tại nhà)',
    );
  });
  it('counts an unassigned day as not working for the other rules', () => {
    const i2 = baseInstance({ minOnSitePerUnit: { people: 1 }, minOnSiteShareByRole: { head: 1 } });
    // The whole department is unassigned on day 1: no unit violation, only missing assignments.
    const vs = checkRoster(i2, allOnsite(i2, { tp: '-OOOO', pp: '-OOOO', n1: '-OOOO', n2: '-OOOO', n3: '-OOOO' }));
    expect(new Set(rules(vs))).toEqual(new Set(['missing_assignment']));
    expect(vs).toHaveLength(5);
    const c = dayCounts(i2, allOnsite(i2, { tp: '-OOOO', pp: '-OOOO', n1: '-OOOO', n2: '-OOOO', n3: '-OOOO' }));
    expect(c.units.ncc[0]).toMatchObject({ working: 0, unassigned: 5, requiredOnSite: 0 });
  });
  it('reports a changed fixed day and a missed duty on an unassigned day too: the rules hold independently', () => {
    const people = baseInstance().people.map((p) => (p.id === 'n1' ? { ...p, fixed: { '2021-08-09': 'leave' as Mode }, duties: ['2021-08-10'] } : p));
    const i2 = baseInstance({}, people);
    const vs = checkRoster(i2, allOnsite(i2, { n1: '--OOO' }));
    expect(vs.map((v) => [v.rule, v.date, v.personId])).toEqual([
      ['duty_not_onsite', '2021-08-10', 'n1'],
      ['fixed_day_changed', '2021-08-09', 'n1'],
      ['missing_assignment', '2021-08-09', 'n1'],
      ['missing_assignment', '2021-08-10', 'n1'],
    ]);
    expect(vs[0].message).toContain('chưa phân công');
    expect(vs[1].message).toContain('nghỉ phép');
  });
});

describe('fixed_day_changed', () => {
  const people = baseInstance().people.map((p) => (p.id === 'n2' ? { ...p, fixed: { '2021-08-10': 'leave' as Mode, '2021-08-12': 'wfh' as Mode } } : p));
  const inst = baseInstance({}, people);
  it('passes when every fixed day has the fixed mode', () => {
    expect(checkRoster(inst, allOnsite(inst, { n2: 'OLOWO' }))).toEqual([]);
  });
  it('reports a fixed day with another mode', () => {
    expect(checkRoster(inst, allOnsite(inst, { n2: 'OLOOO' }))).toEqual([
      {
        rule: 'fixed_day_changed',
        date: '2021-08-12',
        personId: 'n2',
        message:
          'Bùi Thị Hai (Công chức, viên chức, Phòng Người có công) ngày 12/08/2021: đã được xác định trước là làm việc tại nhà nhưng lịch ghi làm việc tại cơ quan',
      },
    ]);
  });
  it('treats leave and business trip as different modes', () => {
    expect(rules(checkRoster(inst, allOnsite(inst, { n2: 'OTOWO' })))).toEqual(['fixed_day_changed']);
  });
});

describe('duty_not_onsite', () => {
  const people = baseInstance().people.map((p) => (p.id === 'pgd' ? { ...p, duties: ['2021-08-11'] } : p));
  const inst = baseInstance({}, people);
  it('passes when the person is on site on the duty day', () => {
    expect(checkRoster(inst, allOnsite(inst, { pgd: 'WWOWW' }))).toEqual([]);
  });
  it('reports a duty day at home', () => {
    expect(checkRoster(inst, allOnsite(inst, { pgd: 'OOWOO' }))).toEqual([
      {
        rule: 'duty_not_onsite',
        date: '2021-08-11',
        personId: 'pgd',
        message: 'Trần Thị Phó (Phó Giám đốc, Ban Giám đốc) ngày 11/08/2021: có lịch trực nên phải làm việc tại cơ quan, nhưng lịch ghi làm việc tại nhà',
      },
    ]);
  });
  it('reports a duty day on leave too (the person must be on site)', () => {
    expect(rules(checkRoster(inst, allOnsite(inst, { pgd: 'OOLOO' })))).toEqual(['duty_not_onsite']);
  });
});

describe('wfh_not_eligible', () => {
  const people = baseInstance().people.map((p) => (p.id === 'n3' ? { ...p, canWorkFromHome: false } : p));
  it('passes when an ineligible person is never at home', () => {
    const inst = baseInstance({ requireEligibilityForWfh: true }, people);
    expect(checkRoster(inst, allOnsite(inst, { n3: 'OLTOO' }))).toEqual([]);
  });
  it('reports an ineligible person at home', () => {
    const inst = baseInstance({ requireEligibilityForWfh: true }, people);
    expect(checkRoster(inst, allOnsite(inst, { n3: 'OOOOW' }))).toEqual([
      {
        rule: 'wfh_not_eligible',
        date: '2021-08-13',
        personId: 'n3',
        message: 'Đỗ Văn Ba (Công chức, viên chức, Phòng Người có công) ngày 13/08/2021: không đủ điều kiện làm việc tại nhà nhưng lịch ghi làm việc tại nhà',
      },
    ]);
  });
  it('does not apply without requireEligibilityForWfh', () => {
    for (const policy of [{}, { requireEligibilityForWfh: false }, { requireEligibilityForWfh: null }]) {
      const inst = baseInstance(policy, people);
      expect(checkRoster(inst, allOnsite(inst, { n3: 'WWWWW' }))).toEqual([]);
    }
  });
});

describe('always_onsite_role', () => {
  const inst = baseInstance({ alwaysOnSiteRoles: ['director', 'chief_of_office'] });
  it('passes when those roles are on site, on leave or travelling', () => {
    expect(checkRoster(inst, allOnsite(inst, { gd: 'OLTOO', cvp: 'OOOLL' }))).toEqual([]);
  });
  it('reports such a role at home', () => {
    expect(checkRoster(inst, allOnsite(inst, { cvp: 'WOOOO' }))).toEqual([
      {
        rule: 'always_onsite_role',
        date: '2021-08-09',
        personId: 'cvp',
        message:
          'Lê Văn Chánh (Chánh Văn phòng, Văn phòng Sở) ngày 09/08/2021: chức vụ Chánh Văn phòng luôn phải làm việc tại cơ quan, nhưng lịch ghi làm việc tại nhà',
      },
    ]);
  });
  it('does not apply to other roles', () => {
    expect(checkRoster(inst, allOnsite(inst, { pgd: 'WOOOO', tp: 'WOOOO' }))).toEqual([]);
  });
});

describe('role_min_onsite_share', () => {
  const inst = baseInstance({ minOnSiteShareByRole: { head: 0.5, deputy_head: 0.4 } });
  it('passes with ceil(s × working days) days on site: 3 of 5 for 0.5', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'OWOWO', pp: 'OWOWW' }))).toEqual([]);
  });
  it('reports fewer days on site: 2 of 5 for 0.5 needs 3', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'OWWWO' }))).toEqual([
      {
        rule: 'role_min_onsite_share',
        personId: 'tp',
        message:
          'Hoàng Văn Trưởng (Trưởng phòng, Phòng Người có công): Trưởng phòng phải làm việc tại cơ quan ít nhất 50% số ngày làm việc, tức 3/5 ngày, hiện có 2 ngày',
      },
    ]);
  });
  it('counts only the working days: leave and trips reduce the base (3 working days → 2 needed)', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'LTOWO' }))).toEqual([]);
    expect(rules(checkRoster(inst, allOnsite(inst, { tp: 'LTWWO' })))).toEqual(['role_min_onsite_share']);
  });
  it('holds for a person with no working day (ceil(s × 0) = 0)', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'LLLTT' }))).toEqual([]);
  });
  it('compares exactly: 0.4 × 5 = 2 days, not 3', () => {
    expect(checkRoster(inst, allOnsite(inst, { pp: 'OWOWW' }))).toEqual([]);
    expect(rules(checkRoster(inst, allOnsite(inst, { pp: 'OWWWW' })))).toEqual(['role_min_onsite_share']);
  });
  it('does not apply to roles without a share', () => {
    expect(checkRoster(inst, allOnsite(inst, { n1: 'WWWWW' }))).toEqual([]);
  });
});

describe('unit_min_people_onsite', () => {
  const inst = baseInstance({ minOnSitePerUnit: { people: 2 } });
  it('passes with the minimum on site', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'WWWWW', pp: 'WWWWW', n1: 'WWWWW' }))).toEqual([]);
  });
  it('reports a unit below the minimum, naming who is at home', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'WOOOO', pp: 'WOOOO', n1: 'WOOOO', n2: 'WOOOO' }))).toEqual([
      {
        rule: 'unit_min_people_onsite',
        date: '2021-08-09',
        unitId: 'ncc',
        message:
          'Phòng Người có công ngày 09/08/2021: cần ít nhất 2 người làm việc tại cơ quan, hiện có 1 (làm việc tại nhà: Hoàng Văn Trưởng, Vũ Thị Phó, Đặng Văn Một, Bùi Thị Hai)',
      },
    ]);
  });
  it('requires min(people, working): one working person must be on site', () => {
    // Office: chief on leave, one staff working → 1 required.
    expect(checkRoster(inst, allOnsite(inst, { cvp: 'LOOOO', vp1: 'OOOOO' }))).toEqual([]);
    const vs = checkRoster(inst, allOnsite(inst, { cvp: 'LOOOO', vp1: 'WOOOO' }));
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ rule: 'unit_min_people_onsite', date: '2021-08-09', unitId: 'vp' });
    expect(vs[0].message).toBe('Văn phòng Sở ngày 09/08/2021: cần ít nhất 1 người làm việc tại cơ quan, hiện có 0 (làm việc tại nhà: Phạm Thị Văn)');
  });
  it('holds when everyone in the unit is on leave or travelling', () => {
    expect(checkRoster(inst, allOnsite(inst, { cvp: 'LOOOO', vp1: 'TOOOO' }))).toEqual([]);
  });
});

describe('unit_min_leaders_onsite', () => {
  const inst = baseInstance({ minOnSitePerUnit: { leaders: 1 } });
  it('passes with one unit leader on site', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'WOWOW', pp: 'OWOWO' }))).toEqual([]);
  });
  it('reports a unit whose leaders are all at home, naming them', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'OOOWO', pp: 'OOOWO' }))).toEqual([
      {
        rule: 'unit_min_leaders_onsite',
        date: '2021-08-12',
        unitId: 'ncc',
        message:
          'Phòng Người có công ngày 12/08/2021: cần ít nhất 1 lãnh đạo đơn vị làm việc tại cơ quan, hiện có 0 (lãnh đạo làm việc tại nhà: Hoàng Văn Trưởng, Vũ Thị Phó)',
      },
    ]);
  });
  it('requires min(leaders, leaders working): holds when the leaders are away', () => {
    expect(checkRoster(inst, allOnsite(inst, { tp: 'LOOOO', pp: 'TOOOO' }))).toEqual([]);
    expect(rules(checkRoster(inst, allOnsite(inst, { tp: 'LOOOO', pp: 'WOOOO' })))).toEqual(['unit_min_leaders_onsite']);
  });
  it('does not count agency leaders or staff as unit leaders', () => {
    // The board has no unit leader: nothing required, even with everyone at home.
    expect(checkRoster(inst, allOnsite(inst, { gd: 'WWWWW', pgd: 'WWWWW' }))).toEqual([]);
    const i2 = baseInstance({ minOnSitePerUnit: { leaders: 2 } });
    // Two leaders working, one on site (staff on site do not count) → violation.
    expect(rules(checkRoster(i2, allOnsite(i2, { tp: 'WOOOO' })))).toEqual(['unit_min_leaders_onsite']);
  });
});

describe('agency_min_leaders_onsite', () => {
  const inst = baseInstance({ minAgencyLeadersOnSite: 1 });
  it('passes with one agency leader on site', () => {
    expect(checkRoster(inst, allOnsite(inst, { gd: 'WOWOW', pgd: 'OWOWO' }))).toEqual([]);
  });
  it('reports an agency whose leaders are all at home', () => {
    expect(checkRoster(inst, allOnsite(inst, { gd: 'OWOOO', pgd: 'OWOOO' }))).toEqual([
      {
        rule: 'agency_min_leaders_onsite',
        date: '2021-08-10',
        agencyId: 'sld',
        message:
          'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông ngày 10/08/2021: cần ít nhất 1 lãnh đạo Sở làm việc tại cơ quan, hiện có 0 (lãnh đạo Sở làm việc tại nhà: Nguyễn Văn Giám, Trần Thị Phó)',
      },
    ]);
  });
  it('requires min(value, agency leaders working)', () => {
    expect(checkRoster(inst, allOnsite(inst, { gd: 'LOOOO', pgd: 'TOOOO' }))).toEqual([]);
    const i2 = baseInstance({ minAgencyLeadersOnSite: 2 });
    expect(checkRoster(i2, allOnsite(i2, { gd: 'LOOOO' }))).toEqual([]);
    expect(rules(checkRoster(i2, allOnsite(i2, { gd: 'WOOOO' })))).toEqual(['agency_min_leaders_onsite']);
  });
  it('does not count unit leaders as agency leaders', () => {
    expect(rules(checkRoster(inst, allOnsite(inst, { gd: 'WOOOO', pgd: 'WOOOO' })))).toEqual(['agency_min_leaders_onsite']);
  });
});

/** Ten (or n) staff in one unit of one agency, one day. */
function tenStaff(policy: Policy, n = 10): ResolvedInstance {
  const people = Array.from({ length: n }, (_, i) => person(`s${i}`, `Cán bộ ${i}`, 'ncc', 'staff'));
  return baseInstance(policy, people, ['2021-08-09']);
}
function wfhCount(inst: ResolvedInstance, k: number, away = 0): Roster {
  const rows: Record<string, string> = {};
  inst.people.forEach((p, i) => (rows[p.id] = i < away ? 'L' : i < away + k ? 'W' : 'O'));
  return rosterOf(rows, inst.workdays);
}

describe('wfh_share_min', () => {
  it('compares exactly: 0.3 × 10 = 3 at home is enough', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.3 } });
    expect(checkRoster(inst, wfhCount(inst, 3))).toEqual([]);
  });
  it('compares exactly: 0.28 × 25 = 7 (7.000000000000001 in floats) at home is enough', () => {
    expect(0.28 * 25).toBeGreaterThan(7);
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.28 } }, 25);
    expect(checkRoster(inst, wfhCount(inst, 7))).toEqual([]);
    expect(rules(checkRoster(inst, wfhCount(inst, 6)))).toEqual(['wfh_share_min']);
  });
  it('reports too few at home, with agencyId in agency scope', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.3 } });
    expect(checkRoster(inst, wfhCount(inst, 2))).toEqual([
      {
        rule: 'wfh_share_min',
        date: '2021-08-09',
        agencyId: 'sld',
        message:
          'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông ngày 09/08/2021: cần ít nhất 3 người làm việc tại nhà (30% của 10 người đang làm việc), hiện có 2',
      },
    ]);
  });
  it('uses unitId in unit scope, and each unit is its own scope', () => {
    const inst = tenStaff({ wfhShare: { scope: 'unit', min: 0.3 } });
    const vs = checkRoster(inst, wfhCount(inst, 2));
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ rule: 'wfh_share_min', date: '2021-08-09', unitId: 'ncc' });
    expect(vs[0]).not.toHaveProperty('agencyId');
    expect(vs[0].message).toContain('Phòng Người có công ngày 09/08/2021: cần ít nhất 3 người làm việc tại nhà');
  });
  it('uses W = working people only (leave excluded): 0.25 × 8 = 2', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.25 } });
    expect(checkRoster(inst, wfhCount(inst, 2, 2))).toEqual([]);
    expect(rules(checkRoster(inst, wfhCount(inst, 1, 2)))).toEqual(['wfh_share_min']);
  });
  it('holds when W = 0', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.5 } });
    expect(checkRoster(inst, wfhCount(inst, 0, 10))).toEqual([]);
  });
  it('rounds up: 0.25 × 9 = 2.25 needs 3', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.25 } });
    expect(rules(checkRoster(inst, wfhCount(inst, 2, 1)))).toEqual(['wfh_share_min']);
    expect(checkRoster(inst, wfhCount(inst, 3, 1))).toEqual([]);
  });
});

describe('wfh_share_max', () => {
  it('compares exactly: 0.58 × 50 = 29 at home is allowed (28.999999999999996 in floats)', () => {
    expect(0.58 * 50).toBeLessThan(29);
    const inst = tenStaff({ wfhShare: { scope: 'agency', max: 0.58 } }, 50);
    expect(checkRoster(inst, wfhCount(inst, 29))).toEqual([]);
    expect(rules(checkRoster(inst, wfhCount(inst, 30)))).toEqual(['wfh_share_max']);
  });
  it('min = max: 0.3 × 10 = 3 exactly', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0.3, max: 0.3 } });
    expect(checkRoster(inst, wfhCount(inst, 3))).toEqual([]);
    expect(rules(checkRoster(inst, wfhCount(inst, 4)))).toEqual(['wfh_share_max']);
  });
  it('reports too many at home, naming them', () => {
    const inst = tenStaff({ wfhShare: { scope: 'unit', max: 0.4 } });
    expect(checkRoster(inst, wfhCount(inst, 6))).toEqual([
      {
        rule: 'wfh_share_max',
        date: '2021-08-09',
        unitId: 'ncc',
        message:
          'Phòng Người có công ngày 09/08/2021: chỉ được tối đa 4 người làm việc tại nhà (40% của 10 người đang làm việc), hiện có 6 (làm việc tại nhà: Cán bộ 0, Cán bộ 1, Cán bộ 2, Cán bộ 3, Cán bộ 4 và 1 người khác)',
      },
    ]);
  });
  it('rounds down: 0.4 × 9 = 3.6 allows 3', () => {
    const inst = tenStaff({ wfhShare: { scope: 'agency', max: 0.4 } });
    expect(checkRoster(inst, wfhCount(inst, 3, 1))).toEqual([]);
    expect(rules(checkRoster(inst, wfhCount(inst, 4, 1)))).toEqual(['wfh_share_max']);
  });
  it('holds when W = 0 and when max is absent', () => {
    expect(checkRoster(tenStaff({ wfhShare: { scope: 'agency', max: 0 } }), wfhCount(tenStaff({}), 0, 10))).toEqual([]);
    const inst = tenStaff({ wfhShare: { scope: 'agency', min: 0, max: null } });
    expect(checkRoster(inst, wfhCount(inst, 10))).toEqual([]);
  });
});

describe('absent policy', () => {
  it('applies no count rule when the policy is empty', () => {
    const inst = baseInstance({});
    const rows: Record<string, string> = {};
    for (const p of inst.people) rows[p.id] = 'WWWWW';
    expect(checkRoster(inst, rosterOf(rows))).toEqual([]);
  });
});

describe('sorting', () => {
  it('sorts by rule id, then date, agency, unit, person id, absent fields first', () => {
    const inst = baseInstance({
      wfhShare: { scope: 'agency', max: 0.1 },
      minOnSitePerUnit: { people: 1 },
      minOnSiteShareByRole: { head: 1 },
      alwaysOnSiteRoles: ['director', 'chief_of_office'],
    });
    const roster = allOnsite(inst, { cvp: 'WWOOO', vp1: 'WOOOO', gd: 'OWOOO', tp: 'OOOOW', n3: '-OOOO', n2: '-OOOO' });
    roster.assignments.push({ personId: 'aaa', date: '2021-08-13', mode: 'onsite' });
    const vs = checkRoster(inst, roster);
    expect(vs.map((v) => [v.rule, v.date ?? '', v.agencyId ?? v.unitId ?? '', v.personId ?? ''])).toEqual([
      ['always_onsite_role', '2021-08-09', '', 'cvp'],
      ['always_onsite_role', '2021-08-10', '', 'cvp'],
      ['always_onsite_role', '2021-08-10', '', 'gd'],
      ['missing_assignment', '2021-08-09', '', 'n2'],
      ['missing_assignment', '2021-08-09', '', 'n3'],
      ['missing_assignment', '2021-08-13', '', 'aaa'],
      ['role_min_onsite_share', '', '', 'tp'],
      ['unit_min_people_onsite', '2021-08-09', 'vp', ''],
      ['wfh_share_max', '2021-08-09', 'sld', ''],
      ['wfh_share_max', '2021-08-10', 'sld', ''],
      ['wfh_share_max', '2021-08-13', 'sld', ''],
    ]);
    // Same order whatever the order of the assignments.
    const reversed = { ...roster, assignments: [...roster.assignments].reverse() };
    expect(checkRoster(inst, reversed)).toEqual(vs);
  });
  it('puts absent fields first and compares agency before unit', () => {
    const v = (f: Partial<Violation>): Violation => ({ rule: 'wfh_share_min', message: '', ...f });
    const list = [
      v({ date: '2021-08-10', unitId: 'a' }),
      v({ date: '2021-08-10', agencyId: 'z' }),
      v({ date: '2021-08-10' }),
      v({}),
      v({ date: '2021-08-09', unitId: 'b' }),
      { ...v({}), rule: 'wfh_share_max' as const },
    ].sort(compareViolations);
    expect(list).toEqual([
      { rule: 'wfh_share_max', message: '' },
      v({}),
      v({ date: '2021-08-09', unitId: 'b' }),
      v({ date: '2021-08-10' }),
      v({ date: '2021-08-10', unitId: 'a' }),
      v({ date: '2021-08-10', agencyId: 'z' }),
    ]);
  });
  it('covers every rule id of the format', () => {
    // Every rule of RULE_IDS is produced by one roster (guards against a rule left unimplemented).
    const people = baseInstance().people.map((p) => {
      if (p.id === 'n1') return { ...p, canWorkFromHome: false, fixed: { '2021-08-09': 'leave' as Mode }, duties: ['2021-08-10'] };
      return p;
    });
    const inst = baseInstance(
      {
        wfhShare: { scope: 'agency', min: 0.2, max: 0.3 },
        minOnSitePerUnit: { people: 1, leaders: 1 },
        minAgencyLeadersOnSite: 1,
        alwaysOnSiteRoles: ['chief_of_office'],
        minOnSiteShareByRole: { head: 0.5 },
        requireEligibilityForWfh: true,
      },
      people,
    );
    const roster = rosterOf({
      gd: 'WOOOO',
      pgd: 'WOOOO',
      cvp: 'WOOOO',
      vp1: 'WOOOO',
      tp: 'WWWWO',
      pp: 'WOOOO',
      n1: 'OWWOO',
      n2: 'WOOOO',
      n3: '-OOOO',
    });
    expect(new Set(rules(checkRoster(inst, roster)))).toEqual(new Set(RULE_IDS));
  });
});

describe('dayCounts', () => {
  it('counts per unit and agency per day, with the required minimum on site', () => {
    const inst = baseInstance({
      wfhShare: { scope: 'unit', min: 0.25, max: 0.4 },
      minOnSitePerUnit: { people: 1, leaders: 1 },
      minAgencyLeadersOnSite: 1,
    });
    const roster = rosterOf({ gd: 'O----', pgd: 'W----', cvp: 'O----', vp1: 'L----', tp: 'W----', pp: 'O----', n1: 'W----', n2: 'T----', n3: '-----' });
    const c = dayCounts(inst, roster);
    expect(c.days).toEqual(DAYS);
    // ncc: W = 3 (tp W, pp O, n1 W), trip 1, unassigned 1; floor(0.4×3)=1 → 2 on site required.
    expect(c.units.ncc[0]).toEqual({
      date: '2021-08-09',
      onSite: 1,
      atHome: 2,
      onLeave: 0,
      onTrip: 1,
      unassigned: 1,
      working: 3,
      requiredOnSite: 2,
      minAtHome: 1,
      maxAtHome: 1,
    });
    expect(c.units.vp[0]).toMatchObject({ onSite: 1, atHome: 0, onLeave: 1, working: 1, requiredOnSite: 1, minAtHome: 1, maxAtHome: 0 });
    // Board: W = 2, floor(0.4×2) = 0 → both on site required.
    expect(c.units.bgd[0]).toMatchObject({ working: 2, requiredOnSite: 2, minAtHome: 1, maxAtHome: 0 });
    // Agency: units' requirements add up (board 2, office 1, ncc 2); no share limit at agency scope.
    expect(c.agencies.sld[0]).toEqual({
      date: '2021-08-09',
      onSite: 3,
      atHome: 3,
      onLeave: 1,
      onTrip: 1,
      unassigned: 1,
      working: 6,
      requiredOnSite: 5,
      minAtHome: 0,
      maxAtHome: null,
    });
    expect(c.agencies.sld[1]).toMatchObject({ working: 0, unassigned: 9, requiredOnSite: 0 });
  });
});

describe('bench generator (bench/lib/generate-instance.ts) against the checker', () => {
  it('is deterministic', async () => {
    const { generateInstance, generateRoster } = await import('../../../bench/lib/generate-instance');
    const a = generateInstance({ people: 300, seed: 7 });
    expect(generateInstance({ people: 300, seed: 7 })).toEqual(a);
    expect(generateInstance({ people: 300, seed: 8 })).not.toEqual(a);
    expect(generateRoster(a, 3)).toEqual(generateRoster(a, 3));
  });
  it('builds valid, feasible instances in both wfhShare scopes (the witness has no violation)', async () => {
    const { generateInstanceWithWitness } = await import('../../../bench/lib/generate-instance');
    const { parseInstance } = await import('./parse');
    for (const wfhScope of ['agency', 'unit'] as const) {
      for (const [people, seed] of [
        [8, 1],
        [30, 2],
        [250, 3],
        [1200, 4],
      ]) {
        const { instance, witness } = generateInstanceWithWitness({ people, seed, wfhScope });
        expect(parseInstance(JSON.parse(JSON.stringify(instance))).ok).toBe(true);
        expect(instance.people).toHaveLength(people);
        expect(instance.policy.wfhShare?.scope).toBe(wfhScope);
        expect(checkRoster(instance, witness)).toEqual([]);
      }
    }
  });
  it('has the rule mix of the seed plans', async () => {
    const { generateInstance } = await import('../../../bench/lib/generate-instance');
    const inst = generateInstance({ people: 2000, seed: 11 });
    const D = inst.workdays!.length;
    expect(D).toBe(10);
    expect(inst.agencies.length).toBe(10);
    expect(new Set(inst.units.map((u) => u.kind))).toEqual(new Set(['board', 'office', 'department', 'center', 'inspectorate']));
    expect(new Set(inst.people.map((p) => p.role)).size).toBe(9);
    const fixed = inst.people.flatMap((p) => Object.values(p.fixed ?? {}));
    expect(fixed.filter((m) => m === 'leave').length).toBeGreaterThan(100);
    expect(fixed.filter((m) => m === 'business_trip').length).toBeGreaterThan(50);
    const ineligible = inst.people.filter((p) => !p.canWorkFromHome).length / inst.people.length;
    expect(ineligible).toBeGreaterThan(0.07);
    expect(ineligible).toBeLessThan(0.13);
    // 1-2 people on duty per agency per day.
    const duties = inst.people.reduce((n, p) => n + (p.duties?.length ?? 0), 0);
    expect(duties).toBeGreaterThanOrEqual(inst.agencies.length * D);
    expect(duties).toBeLessThanOrEqual(2 * inst.agencies.length * D);
    expect(inst.people.some((p) => p.prefers)).toBe(true);
  });
  it('generateRoster gives a roster with some violations', async () => {
    const { generateInstance, generateRoster } = await import('../../../bench/lib/generate-instance');
    const inst = generateInstance({ people: 2000, seed: 5 });
    const vs = checkRoster(inst as ResolvedInstance, generateRoster(inst, 5));
    expect(vs.length).toBeGreaterThan(0);
    expect(vs.length).toBeLessThan(inst.people.length);
    expect(new Set(vs.map((v) => v.rule)).has('missing_assignment')).toBe(true);
  });
});
