import { describe, expect, it } from 'vitest';
import type { FormatIssue, Result } from './format';
import { MAX_ISSUES, keySegment, parseInstance, parseRoster, resolveWorkdays } from './parse';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function validInstance(): Json {
  return {
    format: 'congvu.roster/1',
    period: { from: '2021-07-19', to: '2021-07-30' },
    workdays: ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23', '2021-07-26'],
    agencies: [{ id: 'snv', name: 'Sở Nội vụ tỉnh Ninh Thuận', district: 'Phan Rang-Tháp Chàm' }],
    units: [
      { id: 'snv-vp', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' },
      { id: 'snv-tcbc', agencyId: 'snv', name: 'Phòng Tổ chức - Biên chế', kind: 'department' },
    ],
    people: [
      {
        id: 'p001',
        name: 'Trần Văn A',
        unitId: 'snv-vp',
        role: 'chief_of_office',
        canWorkFromHome: true,
        fixed: { '2021-07-21': 'leave' },
        duties: ['2021-07-22'],
        prefers: { '2021-07-23': 'wfh' },
      },
      { id: 'p002', name: 'Lê Thị B', unitId: 'snv-tcbc', role: 'head', canWorkFromHome: true },
      { id: 'p003', name: 'Phạm Văn C', unitId: 'snv-tcbc', role: 'staff', canWorkFromHome: false },
      { id: 'p004', name: 'Ngô Thị D', unitId: 'snv-tcbc', role: 'staff', canWorkFromHome: true },
    ],
    policy: {
      wfhShare: { scope: 'agency', min: 0.5, target: 0.5, max: null },
      minOnSitePerUnit: { people: 1, leaders: 0 },
      minAgencyLeadersOnSite: 1,
      alwaysOnSiteRoles: ['director', 'chief_of_office'],
      minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
      requireEligibilityForWfh: true,
    },
  };
}

function validRoster(): Json {
  return {
    format: 'congvu.assignments/1',
    assignments: [
      { personId: 'p001', date: '2021-07-19', mode: 'onsite' },
      { personId: 'p002', date: '2021-07-19', mode: 'wfh' },
    ],
  };
}

function issuesOf<T>(r: Result<T>): FormatIssue[] {
  if (r.ok) throw new Error('expected issues, got a valid value');
  return r.issues;
}
function instanceIssues(mutate: (j: Json) => void): FormatIssue[] {
  const j = validInstance();
  mutate(j);
  return issuesOf(parseInstance(j));
}
function rosterIssues(mutate: (j: Json) => void): FormatIssue[] {
  const j = validRoster();
  mutate(j);
  return issuesOf(parseRoster(j));
}

describe('parseInstance: valid files', () => {
  it('accepts the example of the format and returns the same object', () => {
    const j = validInstance();
    const r = parseInstance(j);
    expect(r).toEqual({ ok: true, value: j });
    if (r.ok) expect(r.value).toBe(j);
  });
  it('accepts a minimal instance: no workdays, empty lists, empty policy, null policy fields', () => {
    const r = parseInstance({
      format: 'congvu.roster/1',
      period: { from: '2021-07-19', to: '2021-07-19' },
      agencies: [],
      units: [],
      people: [],
      policy: {
        wfhShare: null,
        minOnSitePerUnit: null,
        minAgencyLeadersOnSite: null,
        alwaysOnSiteRoles: null,
        minOnSiteShareByRole: null,
        requireEligibilityForWfh: null,
      },
    });
    expect(r.ok).toBe(true);
  });
  it('accepts share bounds 0 and 1, and min = target = max', () => {
    const j = validInstance();
    j.policy.wfhShare = { scope: 'unit', min: 0.3, target: 0.3, max: 0.3 };
    j.policy.minOnSiteShareByRole = { head: 0, deputy_head: 1 };
    expect(parseInstance(j).ok).toBe(true);
  });
});

describe('parseInstance: every format error names its path', () => {
  const cases: [string, (j: Json) => void, string, string | RegExp][] = [
    ['root not an object', () => {}, '$', 'phải là một đối tượng JSON ({…})'],
    ['wrong format', (j) => (j.format = 'congvu.assignments/1'), '$.format', 'phải là "congvu.roster/1", không phải "congvu.assignments/1"'],
    ['missing format', (j) => delete j.format, '$.format', 'thiếu trường bắt buộc'],
    ['unknown top-level field', (j) => (j.workday = []), '$.workday', 'trường "workday" không có trong định dạng congvu.roster/1 (có thể viết sai tên trường)'],
    ['missing period', (j) => delete j.period, '$.period', 'thiếu trường bắt buộc'],
    ['period not an object', (j) => (j.period = '2021-07'), '$.period', 'phải là một đối tượng JSON ({…})'],
    ['unknown field in period', (j) => (j.period.until = '2021-07-30'), '$.period.until', /trường "until" không có/],
    ['period.from not a real date', (j) => (j.period.from = '2021-02-30'), '$.period.from', '"2021-02-30" không phải ngày hợp lệ dạng YYYY-MM-DD'],
    ['period.to not a date string', (j) => (j.period.to = 20210730), '$.period.to', 'phải là một ngày dạng chuỗi "YYYY-MM-DD"'],
    ['period.to missing', (j) => delete j.period.to, '$.period.to', 'thiếu trường bắt buộc'],
    ['period reversed', (j) => (j.period = { from: '2021-07-30', to: '2021-07-19' }), '$.period', 'ngày bắt đầu 30/07/2021 sau ngày kết thúc 19/07/2021'],
    ['workdays not an array', (j) => (j.workdays = '2021-07-19'), '$.workdays', 'phải là một mảng JSON ([…])'],
    ['workday not a date', (j) => (j.workdays[2] = '2021-7-21'), '$.workdays[2]', '"2021-7-21" không phải ngày hợp lệ dạng YYYY-MM-DD'],
    ['workday outside the period', (j) => j.workdays.push('2021-08-02'), '$.workdays[6]', 'ngày 02/08/2021 nằm ngoài kỳ 19/07/2021 – 30/07/2021'],
    ['workday repeated', (j) => j.workdays.push('2021-07-20'), '$.workdays[6]', 'ngày 20/07/2021 bị lặp lại (đã có ở $.workdays[1])'],
    ['missing agencies', (j) => delete j.agencies, '$.agencies', 'thiếu trường bắt buộc'],
    ['agencies not an array', (j) => (j.agencies = {}), '$.agencies', 'phải là một mảng JSON ([…])'],
    ['agency not an object', (j) => j.agencies.push(null), '$.agencies[1]', 'phải là một đối tượng JSON ({…})'],
    ['unknown field in agency', (j) => (j.agencies[0].province = 'Ninh Thuận'), '$.agencies[0].province', /trường "province" không có/],
    ['agency id missing', (j) => delete j.agencies[0].id, '$.agencies[0].id', 'thiếu trường bắt buộc'],
    ['agency name empty', (j) => (j.agencies[0].name = ''), '$.agencies[0].name', 'không được để trống'],
    ['agency id duplicated', (j) => j.agencies.push({ id: 'snv', name: 'Khác' }), '$.agencies[1].id', 'mã "snv" bị trùng (đã dùng ở $.agencies[0].id)'],
    ['agency district not a string', (j) => (j.agencies[0].district = 7), '$.agencies[0].district', 'phải là một chuỗi'],
    ['missing units', (j) => delete j.units, '$.units', 'thiếu trường bắt buộc'],
    ['unit not an object', (j) => (j.units[1] = 'snv-tcbc'), '$.units[1]', 'phải là một đối tượng JSON ({…})'],
    ['unknown field in unit', (j) => (j.units[0].kinds = 'office'), '$.units[0].kinds', /trường "kinds" không có/],
    ['unit id duplicated', (j) => (j.units[1].id = 'snv-vp'), '$.units[1].id', 'mã "snv-vp" bị trùng (đã dùng ở $.units[0].id)'],
    ['unit id not a string', (j) => (j.units[1].id = 12), '$.units[1].id', 'phải là một chuỗi'],
    ['unit agency unknown', (j) => (j.units[1].agencyId = 'sld'), '$.units[1].agencyId', 'không có cơ quan nào có mã "sld" trong "agencies"'],
    [
      'unit kind unknown',
      (j) => (j.units[0].kind = 'dept'),
      '$.units[0].kind',
      'giá trị "dept" không hợp lệ; chỉ nhận: office, department, center, inspectorate, board',
    ],
    ['unit kind missing', (j) => delete j.units[0].kind, '$.units[0].kind', 'thiếu trường bắt buộc'],
    ['missing people', (j) => delete j.people, '$.people', 'thiếu trường bắt buộc'],
    ['person not an object', (j) => (j.people[2] = []), '$.people[2]', 'phải là một đối tượng JSON ({…})'],
    ['unknown field in person (typo)', (j) => (j.people[3].canWorkFromhome = true), '$.people[3].canWorkFromhome', /trường "canWorkFromhome" không có/],
    ['person id duplicated', (j) => (j.people[3].id = 'p002'), '$.people[3].id', 'mã "p002" bị trùng (đã dùng ở $.people[1].id)'],
    ['person name missing', (j) => delete j.people[1].name, '$.people[1].name', 'thiếu trường bắt buộc'],
    ['person unit unknown', (j) => (j.people[3].unitId = 'snv-x'), '$.people[3].unitId', 'không có đơn vị nào có mã "snv-x" trong "units"'],
    [
      'person role unknown',
      (j) => (j.people[3].role = 'chuyen_vien'),
      '$.people[3].role',
      /^giá trị "chuyen_vien" không hợp lệ; chỉ nhận: director, deputy_director, /,
    ],
    ['person role not a string', (j) => (j.people[3].role = null), '$.people[3].role', /^giá trị không hợp lệ; chỉ nhận:/],
    ['canWorkFromHome not a boolean', (j) => (j.people[3].canWorkFromHome = 'yes'), '$.people[3].canWorkFromHome', 'phải là true hoặc false'],
    ['canWorkFromHome missing', (j) => delete j.people[3].canWorkFromHome, '$.people[3].canWorkFromHome', 'thiếu trường bắt buộc'],
    ['fixed not an object', (j) => (j.people[0].fixed = ['2021-07-21']), '$.people[0].fixed', 'phải là một đối tượng JSON ({…})'],
    [
      'fixed key not a date',
      (j) => (j.people[0].fixed = { '21/07/2021': 'leave' }),
      '$.people[0].fixed["21/07/2021"]',
      'khóa "21/07/2021" không phải ngày hợp lệ dạng YYYY-MM-DD',
    ],
    [
      'fixed day not a workday',
      (j) => (j.people[0].fixed = { '2021-07-24': 'leave' }),
      '$.people[0].fixed["2021-07-24"]',
      'ngày 24/07/2021 không phải ngày làm việc của kỳ',
    ],
    [
      'fixed day outside the period',
      (j) => (j.people[0].fixed = { '2021-08-02': 'leave' }),
      '$.people[0].fixed["2021-08-02"]',
      'ngày 02/08/2021 không phải ngày làm việc của kỳ',
    ],
    [
      'fixed mode unknown',
      (j) => (j.people[0].fixed = { '2021-07-21': 'sick' }),
      '$.people[0].fixed["2021-07-21"]',
      'giá trị "sick" không hợp lệ; chỉ nhận: onsite, wfh, leave, business_trip',
    ],
    ['duties not an array', (j) => (j.people[0].duties = '2021-07-22'), '$.people[0].duties', 'phải là một mảng JSON ([…])'],
    ['duty not a date', (j) => (j.people[0].duties = ['2021-13-01']), '$.people[0].duties[0]', '"2021-13-01" không phải ngày hợp lệ dạng YYYY-MM-DD'],
    [
      'duty not a workday',
      (j) => (j.people[0].duties = ['2021-07-22', '2021-07-27']),
      '$.people[0].duties[1]',
      'ngày 27/07/2021 không phải ngày làm việc của kỳ',
    ],
    [
      'duty repeated',
      (j) => (j.people[0].duties = ['2021-07-22', '2021-07-22']),
      '$.people[0].duties[1]',
      'ngày 22/07/2021 bị lặp lại (đã có ở $.people[0].duties[0])',
    ],
    ['prefers not an object', (j) => (j.people[0].prefers = 'wfh'), '$.people[0].prefers', 'phải là một đối tượng JSON ({…})'],
    [
      'prefers value unknown',
      (j) => (j.people[0].prefers = { '2021-07-23': 'leave' }),
      '$.people[0].prefers["2021-07-23"]',
      'giá trị "leave" không hợp lệ; chỉ nhận: onsite, wfh',
    ],
    [
      'prefers day not a workday',
      (j) => (j.people[0].prefers = { '2021-07-25': 'wfh' }),
      '$.people[0].prefers["2021-07-25"]',
      'ngày 25/07/2021 không phải ngày làm việc của kỳ',
    ],
    ['missing policy', (j) => delete j.policy, '$.policy', 'thiếu trường bắt buộc'],
    ['policy not an object', (j) => (j.policy = null), '$.policy', 'phải là một đối tượng JSON ({…})'],
    ['unknown policy field', (j) => (j.policy.minOnsitePerUnit = {}), '$.policy.minOnsitePerUnit', /trường "minOnsitePerUnit" không có/],
    ['wfhShare not an object', (j) => (j.policy.wfhShare = 0.5), '$.policy.wfhShare', 'phải là một đối tượng JSON ({…})'],
    ['wfhShare unknown field', (j) => (j.policy.wfhShare.maximum = 0.5), '$.policy.wfhShare.maximum', /trường "maximum" không có/],
    ['wfhShare scope missing', (j) => delete j.policy.wfhShare.scope, '$.policy.wfhShare.scope', 'thiếu trường bắt buộc'],
    [
      'wfhShare scope unknown',
      (j) => (j.policy.wfhShare.scope = 'province'),
      '$.policy.wfhShare.scope',
      'giá trị "province" không hợp lệ; chỉ nhận: agency, unit',
    ],
    ['wfhShare min above 1', (j) => (j.policy.wfhShare.min = 50), '$.policy.wfhShare.min', 'phải là một số từ 0 đến 1 (tỷ lệ)'],
    ['wfhShare max negative', (j) => (j.policy.wfhShare.max = -0.1), '$.policy.wfhShare.max', 'phải là một số từ 0 đến 1 (tỷ lệ)'],
    ['wfhShare target a string', (j) => (j.policy.wfhShare.target = '0.5'), '$.policy.wfhShare.target', 'phải là một số từ 0 đến 1 (tỷ lệ)'],
    ['wfhShare min > target', (j) => (j.policy.wfhShare.target = 0.4), '$.policy.wfhShare.target', 'min (0.5) phải nhỏ hơn hoặc bằng target (0.4)'],
    [
      'wfhShare target > max',
      (j) => (j.policy.wfhShare = { scope: 'unit', target: 0.6, max: 0.5 }),
      '$.policy.wfhShare.max',
      'target (0.6) phải nhỏ hơn hoặc bằng max (0.5)',
    ],
    [
      'wfhShare min > max without target',
      (j) => (j.policy.wfhShare = { scope: 'unit', min: 0.6, max: 0.5 }),
      '$.policy.wfhShare.max',
      'min (0.6) phải nhỏ hơn hoặc bằng max (0.5)',
    ],
    ['minOnSitePerUnit not an object', (j) => (j.policy.minOnSitePerUnit = 1), '$.policy.minOnSitePerUnit', 'phải là một đối tượng JSON ({…})'],
    ['minOnSitePerUnit unknown field', (j) => (j.policy.minOnSitePerUnit.leader = 1), '$.policy.minOnSitePerUnit.leader', /trường "leader" không có/],
    ['minOnSitePerUnit.people negative', (j) => (j.policy.minOnSitePerUnit.people = -1), '$.policy.minOnSitePerUnit.people', 'phải là một số nguyên không âm'],
    [
      'minOnSitePerUnit.leaders fractional',
      (j) => (j.policy.minOnSitePerUnit.leaders = 1.5),
      '$.policy.minOnSitePerUnit.leaders',
      'phải là một số nguyên không âm',
    ],
    ['minAgencyLeadersOnSite a string', (j) => (j.policy.minAgencyLeadersOnSite = '1'), '$.policy.minAgencyLeadersOnSite', 'phải là một số nguyên không âm'],
    ['alwaysOnSiteRoles not an array', (j) => (j.policy.alwaysOnSiteRoles = 'director'), '$.policy.alwaysOnSiteRoles', 'phải là một mảng JSON ([…])'],
    [
      'alwaysOnSiteRoles unknown role',
      (j) => (j.policy.alwaysOnSiteRoles[1] = 'giam_doc'),
      '$.policy.alwaysOnSiteRoles[1]',
      /^giá trị "giam_doc" không hợp lệ/,
    ],
    [
      'alwaysOnSiteRoles repeated role',
      (j) => j.policy.alwaysOnSiteRoles.push('director'),
      '$.policy.alwaysOnSiteRoles[2]',
      'giá trị "director" bị lặp lại (đã có ở $.policy.alwaysOnSiteRoles[0])',
    ],
    ['minOnSiteShareByRole not an object', (j) => (j.policy.minOnSiteShareByRole = [0.5]), '$.policy.minOnSiteShareByRole', 'phải là một đối tượng JSON ({…})'],
    [
      'minOnSiteShareByRole unknown role',
      (j) => (j.policy.minOnSiteShareByRole.truong_phong = 0.5),
      '$.policy.minOnSiteShareByRole.truong_phong',
      /^chức vụ "truong_phong" không hợp lệ/,
    ],
    [
      'minOnSiteShareByRole share out of range',
      (j) => (j.policy.minOnSiteShareByRole.head = 50),
      '$.policy.minOnSiteShareByRole.head',
      'phải là một số từ 0 đến 1 (tỷ lệ)',
    ],
    [
      'minOnSiteShareByRole share null',
      (j) => (j.policy.minOnSiteShareByRole.head = null),
      '$.policy.minOnSiteShareByRole.head',
      'phải là một số từ 0 đến 1 (tỷ lệ)',
    ],
    ['requireEligibilityForWfh a string', (j) => (j.policy.requireEligibilityForWfh = 'true'), '$.policy.requireEligibilityForWfh', 'phải là true hoặc false'],
  ];
  for (const [name, mutate, path, message] of cases) {
    it(`${name} → ${path}`, () => {
      const issues = name === 'root not an object' ? issuesOf(parseInstance([])) : instanceIssues(mutate);
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe(path);
      if (typeof message === 'string') expect(issues[0].message).toBe(message);
      else expect(issues[0].message).toMatch(message);
    });
  }

  it('reports a wrong format alone (the file is probably something else)', () => {
    expect(issuesOf(parseInstance(validRoster()))).toEqual([{ path: '$.format', message: 'phải là "congvu.roster/1", không phải "congvu.assignments/1"' }]);
  });
  it('lists several issues in document order', () => {
    const issues = instanceIssues((j) => {
      j.period.from = 'x';
      j.people[1].role = 'boss';
      j.policy.wfhShare.min = 2;
    });
    expect(issues.map((i) => i.path)).toEqual(['$.period.from', '$.people[1].role', '$.policy.wfhShare.min']);
  });
  it('caps the list and counts the rest', () => {
    const j = validInstance();
    for (let i = 0; i < MAX_ISSUES + 20; i++) j.people.push({ id: `x${i}`, name: 'X', unitId: 'snv-vp', role: 'staff', canWorkFromHome: 1 });
    const r = parseInstance(j);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(MAX_ISSUES);
      expect(r.omitted).toBe(20);
    }
  });
  it('does not report references when the referenced list itself is broken', () => {
    const issues = instanceIssues((j) => (j.agencies = 'snv'));
    expect(issues.map((i) => i.path)).toEqual(['$.agencies']);
  });
  it('skips workday membership checks when workdays are broken (no cascade)', () => {
    const issues = instanceIssues((j) => (j.workdays = ['2021-07-19', 'bad']));
    expect(issues.map((i) => i.path)).toEqual(['$.workdays[1]']);
  });
});

describe('parseInstance without workdays: the Vietnamese calendar decides', () => {
  // 30/04 and 01/05 (Saturday, nghỉ bù on Monday 03/05) are holidays in 2021.
  const base = (): Json => {
    const j = validInstance();
    delete j.workdays;
    j.period = { from: '2021-04-26', to: '2021-05-07' };
    j.people[0].fixed = { '2021-04-29': 'leave' };
    j.people[0].duties = ['2021-05-04'];
    j.people[0].prefers = {};
    return j;
  };
  it('accepts working days of the calendar', () => {
    expect(parseInstance(base()).ok).toBe(true);
  });
  it('rejects a public holiday and a nghỉ bù day', () => {
    const j = base();
    j.people[0].fixed = { '2021-04-30': 'leave' };
    j.people[0].duties = ['2021-05-03'];
    expect(issuesOf(parseInstance(j))).toEqual([
      { path: '$.people[0].fixed["2021-04-30"]', message: 'ngày 30/04/2021 không phải ngày làm việc của kỳ' },
      { path: '$.people[0].duties[0]', message: 'ngày 03/05/2021 không phải ngày làm việc của kỳ' },
    ]);
  });
  it('reports a period outside the calendar years on $.period', () => {
    const j = base();
    j.period = { from: '1899-12-25', to: '1900-01-05' };
    j.people[0].fixed = {};
    j.people[0].duties = [];
    const issues = issuesOf(parseInstance(j));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('$.period');
    expect(issues[0].message).toMatch(/hãy ghi rõ "workdays"/);
  });
});

describe('resolveWorkdays', () => {
  it('keeps explicit workdays, sorted', () => {
    const j = validInstance();
    j.workdays = ['2021-07-26', '2021-07-19'];
    j.people = [];
    const r = parseInstance(j);
    if (!r.ok) throw new Error('invalid');
    expect(resolveWorkdays(r.value).workdays).toEqual(['2021-07-19', '2021-07-26']);
    expect(r.value.workdays).toEqual(['2021-07-26', '2021-07-19']);
  });
  it('uses the calendar when workdays are absent', () => {
    const j = validInstance();
    delete j.workdays;
    j.period = { from: '2021-04-26', to: '2021-05-07' };
    j.people = [];
    const r = parseInstance(j);
    if (!r.ok) throw new Error('invalid');
    expect(resolveWorkdays(r.value).workdays).toEqual([
      '2021-04-26',
      '2021-04-27',
      '2021-04-28',
      '2021-04-29',
      '2021-05-04',
      '2021-05-05',
      '2021-05-06',
      '2021-05-07',
    ]);
  });
});

describe('parseRoster', () => {
  it('accepts a valid roster and an empty one', () => {
    const j = validRoster();
    expect(parseRoster(j)).toEqual({ ok: true, value: j });
    expect(parseRoster({ format: 'congvu.assignments/1', assignments: [] }).ok).toBe(true);
  });
  it('leaves unknown people, duplicates and non-working days to the checker', () => {
    const j = validRoster();
    j.assignments.push({ personId: 'nobody', date: '2021-07-24', mode: 'wfh' }, { personId: 'p001', date: '2021-07-19', mode: 'onsite' });
    expect(parseRoster(j).ok).toBe(true);
  });
  const cases: [string, (j: Json) => void, string, string | RegExp][] = [
    ['wrong format', (j) => (j.format = 'congvu.roster/1'), '$.format', 'phải là "congvu.assignments/1", không phải "congvu.roster/1"'],
    ['missing format', (j) => delete j.format, '$.format', 'thiếu trường bắt buộc'],
    [
      'unknown top-level field',
      (j) => (j.assignment = []),
      '$.assignment',
      'trường "assignment" không có trong định dạng congvu.assignments/1 (có thể viết sai tên trường)',
    ],
    ['missing assignments', (j) => delete j.assignments, '$.assignments', 'thiếu trường bắt buộc'],
    ['assignments not an array', (j) => (j.assignments = {}), '$.assignments', 'phải là một mảng JSON ([…])'],
    ['assignment not an object', (j) => (j.assignments[1] = 'p002'), '$.assignments[1]', 'phải là một đối tượng JSON ({…})'],
    ['unknown assignment field', (j) => (j.assignments[1].note = 'x'), '$.assignments[1].note', /trường "note" không có/],
    ['field name that is not an identifier', (j) => (j.assignments[0]['person id'] = 'x'), '$.assignments[0]["person id"]', /trường "person id" không có/],
    ['personId missing', (j) => delete j.assignments[0].personId, '$.assignments[0].personId', 'thiếu trường bắt buộc'],
    ['personId empty', (j) => (j.assignments[0].personId = ''), '$.assignments[0].personId', 'không được để trống'],
    ['personId a number', (j) => (j.assignments[0].personId = 1), '$.assignments[0].personId', 'phải là một chuỗi'],
    ['date missing', (j) => delete j.assignments[1].date, '$.assignments[1].date', 'thiếu trường bắt buộc'],
    ['date not real', (j) => (j.assignments[1].date = '2021-06-31'), '$.assignments[1].date', '"2021-06-31" không phải ngày hợp lệ dạng YYYY-MM-DD'],
    ['mode missing', (j) => delete j.assignments[1].mode, '$.assignments[1].mode', 'thiếu trường bắt buộc'],
    [
      'mode unknown',
      (j) => (j.assignments[1].mode = 'home'),
      '$.assignments[1].mode',
      'giá trị "home" không hợp lệ; chỉ nhận: onsite, wfh, leave, business_trip',
    ],
  ];
  for (const [name, mutate, path, message] of cases) {
    it(`${name} → ${path}`, () => {
      const issues = rosterIssues(mutate);
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe(path);
      if (typeof message === 'string') expect(issues[0].message).toBe(message);
      else expect(issues[0].message).toMatch(message);
    });
  }
  it('rejects a root that is not an object', () => {
    expect(issuesOf(parseRoster('x'))).toEqual([{ path: '$', message: 'phải là một đối tượng JSON ({…})' }]);
  });
});

describe('keySegment', () => {
  it('writes identifiers with a dot and other keys quoted in brackets', () => {
    expect(keySegment('people')).toBe('.people');
    expect(keySegment('2021-07-21')).toBe('["2021-07-21"]');
    expect(keySegment('a"b')).toBe('["a\\"b"]');
  });
});
