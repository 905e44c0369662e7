/**
 * Deterministic generator of roster instances (congvu.roster/1) and rosters (congvu.assignments/1)
 * for benchmarks: the check benchmark (bench/roster-check.ts) and the solver benchmark.
 *
 * The organisation follows the seed plans: several agencies (Sở), each with a Ban Giám đốc (director +
 * deputies), a Văn phòng (chief, deputy chiefs, staff), a Thanh tra, one or two trung tâm and several
 * phòng chuyên môn; Vietnamese names; ~5% of people on leave on some days and a few on business trips
 * (fixed), ~10% not able to work from home, 1–2 people on duty per agency per day, a few pinned days and
 * soft wishes. The default policy is the Đắk Nông plan (70% on site, 30% at home) with a band:
 * wfhShare min 0.25 / target 0.3 / max 0.4, one person and one leader on site per unit, one agency
 * leader on site, director / chief of office / deputy chief / center director always on site, heads and
 * deputy heads on site at least half of their working days, eligibility required.
 *
 * FEASIBLE BY CONSTRUCTION: the generator builds a witness roster together with the instance (leave and
 * trips first, then each day's at-home set within the share band and the unit / leader / role limits),
 * then draws duties and pinned days from the witness, and finally checks the witness with checkRoster
 * (it throws if the witness broke a rule, which would be a bug). `generateInstanceWithWitness` returns
 * the witness too.
 */
import { checkRoster } from '../../shared/domain/roster/check';
import {
  AGENCY_LEADER_ROLES,
  UNIT_LEADER_ROLES,
  ceilShare,
  floorShare,
  type Agency,
  type Assignment,
  type IsoDate,
  type Mode,
  type Person,
  type PersonRole,
  type Policy,
  type ResolvedInstance,
  type Roster,
  type RosterInstance,
  type Unit,
  type UnitKind,
} from '../../shared/domain/roster/format';
import { resolveWorkdays } from '../../shared/domain/roster/parse';
import { addDays, weekday } from '../../shared/domain/dates';
import { mulberry32 } from '../../shared/domain/random';

export interface GenerateOptions {
  /** Number of people (at least 8 per agency). */
  people: number;
  /** Number of working days (Monday–Friday from `start`, explicit `workdays`); default 10. */
  days?: number;
  /** PRNG seed: the same options give the same instance. */
  seed: number;
  /** First day (moved to the next Monday–Friday); default 2021-07-19. */
  start?: IsoDate;
  /** Number of agencies; default max(1, round(people / 200)). */
  agencies?: number;
  /** Scope of `wfhShare`; default 'agency'. */
  wfhScope?: 'agency' | 'unit';
  /** Policy fields replacing the defaults (null removes a rule). The result is still checked feasible. */
  policy?: Partial<Policy>;
  /** Share of people taking 1–3 days of leave; default 0.05. */
  leaveShare?: number;
  /** Share of people on a 1–3 day business trip; default 0.03. */
  tripShare?: number;
  /** Share of people who cannot work from home; default 0.1. */
  ineligibleShare?: number;
  /** Share of working person-days pinned (`fixed` onsite / wfh taken from the witness); default 0.01. */
  pinnedShare?: number;
  /** Share of person-days with a soft wish (`prefers`); default 0.02. */
  prefersShare?: number;
}

export function defaultPolicy(scope: 'agency' | 'unit' = 'agency'): Policy {
  return {
    wfhShare: { scope, min: 0.25, target: 0.3, max: 0.4 },
    minOnSitePerUnit: { people: 1, leaders: 1 },
    minAgencyLeadersOnSite: 1,
    alwaysOnSiteRoles: ['director', 'chief_of_office', 'deputy_chief_of_office', 'center_director'],
    minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
    requireEligibilityForWfh: true,
  };
}

/** The seeded generator of the benchmarks (mulberry32). */
export const prng = mulberry32;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Lương',
  'Mai',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Trọng'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hoài', 'Kim', 'Thúy', 'Mỹ', 'Phương'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Phúc',
  'Quang',
  'Quân',
  'Sơn',
  'Thắng',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Tâm',
  'Thảo',
  'Thủy',
  'Trang',
  'Vân',
  'Yến',
];
const AGENCY_TYPES = [
  'Sở Nội vụ',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Tài chính',
  'Sở Thông tin và Truyền thông',
  'Sở Kế hoạch và Đầu tư',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài nguyên và Môi trường',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
];
const PROVINCES: [string, string][] = [
  ['Ninh Thuận', 'Phan Rang-Tháp Chàm'],
  ['Đắk Nông', 'Gia Nghĩa'],
  ['Thanh Hóa', 'Thanh Hóa'],
  ['Hải Dương', 'Hải Dương'],
  ['Nghệ An', 'Vinh'],
  ['Quảng Nam', 'Tam Kỳ'],
  ['Bình Định', 'Quy Nhơn'],
  ['Lâm Đồng', 'Đà Lạt'],
  ['An Giang', 'Long Xuyên'],
  ['Thái Bình', 'Thái Bình'],
  ['Phú Thọ', 'Việt Trì'],
  ['Kiên Giang', 'Rạch Giá'],
];
const DEPARTMENTS = [
  'Phòng Tổ chức - Biên chế',
  'Phòng Người có công',
  'Phòng Kế hoạch - Tài chính',
  'Phòng Lao động - Việc làm',
  'Phòng Bảo trợ xã hội',
  'Phòng Cải cách hành chính',
  'Phòng Xây dựng chính quyền',
  'Phòng Công chức, viên chức',
  'Phòng Quản lý văn thư, lưu trữ',
  'Phòng Thi đua - Khen thưởng',
  'Phòng Pháp chế',
  'Phòng Quản lý ngân sách',
  'Phòng Tin học - Thống kê',
  'Phòng Nghiệp vụ',
  'Phòng Quy hoạch',
  'Phòng Kỹ thuật',
];
const CENTERS = ['Trung tâm Dịch vụ việc làm', 'Trung tâm Công nghệ thông tin và Truyền thông', 'Trung tâm Lưu trữ lịch sử', 'Trung tâm Bảo trợ xã hội'];

const AGENCY_LEADERS: ReadonlySet<PersonRole> = new Set(AGENCY_LEADER_ROLES);
const UNIT_LEADERS: ReadonlySet<PersonRole> = new Set(UNIT_LEADER_ROLES);

interface UnitPlan {
  kind: UnitKind;
  name: string;
  size: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, x));

/** Sizes and kinds of the units of an agency of n people (n ≥ 8). */
function planUnits(n: number, a: number, rnd: () => number): UnitPlan[] {
  const plans: UnitPlan[] = [];
  const board = n >= 40 ? 4 : 3;
  plans.push({ kind: 'board', name: 'Ban Giám đốc', size: board });
  let rest = n - board;
  const office = Math.min(rest, clamp(Math.round(0.12 * n), 5, 25));
  const officePlan: UnitPlan = { kind: 'office', name: 'Văn phòng Sở', size: office };
  plans.push(officePlan);
  rest -= office;
  if (rest >= 20) {
    const s = clamp(Math.round(0.06 * n), 5, 10);
    plans.push({ kind: 'inspectorate', name: 'Thanh tra Sở', size: s });
    rest -= s;
  }
  if (rest >= 30) {
    const k = rest >= 120 ? 2 : 1;
    for (let i = 0; i < k; i++) {
      const s = clamp(Math.round(0.12 * n), 6, 40);
      plans.push({ kind: 'center', name: CENTERS[(a + i) % CENTERS.length], size: s });
      rest -= s;
    }
  }
  if (rest < 5) officePlan.size += rest;
  else {
    const count = Math.max(1, Math.round(rest / (7 + Math.floor(rnd() * 5))));
    const first = a % DEPARTMENTS.length;
    for (let i = 0; i < count; i++) {
      const s = Math.floor(rest / count) + (i < rest % count ? 1 : 0);
      const base = DEPARTMENTS[(first + i) % DEPARTMENTS.length];
      const round = Math.floor(i / DEPARTMENTS.length);
      plans.push({ kind: 'department', name: round ? `${base} ${round + 1}` : base, size: s });
    }
  }
  return plans;
}

function rolesOf(kind: UnitKind, size: number): PersonRole[] {
  const roles: PersonRole[] = [];
  const push = (role: PersonRole, k: number): void => {
    for (let i = 0; i < k && roles.length < size; i++) roles.push(role);
  };
  switch (kind) {
    case 'board':
      push('director', 1);
      push('deputy_director', size - 1);
      break;
    case 'office':
      push('chief_of_office', 1);
      push('deputy_chief_of_office', size >= 10 ? 2 : 1);
      break;
    case 'center':
      push('center_director', 1);
      push('deputy_center_director', size >= 12 ? 2 : 1);
      break;
    default:
      push('head', 1);
      push('deputy_head', size >= 10 ? 2 : 1);
  }
  push('staff', size - roles.length);
  return roles;
}

/** Working days: `days` Monday–Friday dates from `start`. */
function weekdaysFrom(start: IsoDate, days: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = start; out.length < days; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) out.push(d);
  }
  return out;
}

const ONSITE = 0;
const WFH = 1;
const LEAVE = 2;
const TRIP = 3;
const MODE_OF: readonly Mode[] = ['onsite', 'wfh', 'leave', 'business_trip'];

/** An instance and a roster that satisfies every rule of it. */
export interface InstanceWithWitness {
  instance: RosterInstance & { workdays: IsoDate[] };
  witness: Roster;
}

export function generateInstance(options: GenerateOptions): RosterInstance {
  return generateInstanceWithWitness(options).instance;
}

export function generateInstanceWithWitness(options: GenerateOptions): InstanceWithWitness {
  const rnd = prng(options.seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const D = options.days ?? 10;
  const total = options.people;
  let agencyCount = options.agencies ?? Math.max(1, Math.round(total / 200));
  agencyCount = Math.max(1, Math.min(agencyCount, Math.floor(total / 8)));
  if (total < 8) throw new RangeError('generateInstance: people must be at least 8');
  const policy: Policy = { ...defaultPolicy(options.wfhScope ?? 'agency'), ...options.policy };
  const workdays = weekdaysFrom(options.start ?? '2021-07-19', D);

  // 1. Organisation.
  const agencies: Agency[] = [];
  const units: Unit[] = [];
  const people: Person[] = [];
  const unitOf: number[] = [];
  const agencyOfUnit: number[] = [];
  const unitMembers: number[][] = [];
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const pw = String(total).length;
  for (let a = 0; a < agencyCount; a++) {
    const n = Math.floor(total / agencyCount) + (a < total % agencyCount ? 1 : 0);
    const type = AGENCY_TYPES[a % AGENCY_TYPES.length];
    const [province, city] = PROVINCES[Math.floor(a / AGENCY_TYPES.length) % PROVINCES.length];
    const cycle = Math.floor(a / (AGENCY_TYPES.length * PROVINCES.length));
    const agencyId = `s${pad(a + 1, 3)}`;
    agencies.push({ id: agencyId, name: `${type} tỉnh ${province}${cycle ? ` (${cycle + 1})` : ''}`, district: city });
    planUnits(n, a, rnd).forEach((plan, j) => {
      const u = units.length;
      units.push({ id: `${agencyId}-d${pad(j + 1, 2)}`, agencyId, name: plan.name, kind: plan.kind });
      agencyOfUnit.push(a);
      unitMembers.push([]);
      for (const role of rolesOf(plan.kind, plan.size)) {
        const female = rnd() < 0.5;
        const name = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
        unitMembers[u].push(people.length);
        unitOf.push(u);
        people.push({ id: `p${pad(people.length + 1, pw)}`, name, unitId: units[u].id, role, canWorkFromHome: rnd() >= (options.ineligibleShare ?? 0.1) });
      }
    });
  }
  const P = people.length;
  const agencyMembers: number[][] = agencies.map(() => []);
  for (let p = 0; p < P; p++) agencyMembers[agencyOfUnit[unitOf[p]]].push(p);

  // 2. Leave and business trips (fixed), at most a quarter of a unit away on a day.
  const mode = new Int8Array(P * D).fill(ONSITE);
  const away = new Int32Array(units.length * D);
  const absence = (share: number, code: number): void => {
    const count = Math.round(share * P);
    for (let i = 0; i < count; i++) {
      const p = int(P);
      const len = 1 + int(3);
      const start = int(Math.max(1, D - len + 1));
      const u = unitOf[p];
      const cap = Math.floor(unitMembers[u].length / 4);
      for (let d = start; d < Math.min(D, start + len); d++) {
        if (mode[p * D + d] !== ONSITE || away[u * D + d] >= cap) continue;
        mode[p * D + d] = code;
        away[u * D + d]++;
      }
    }
  };
  absence(options.leaveShare ?? 0.05, LEAVE);
  absence(options.tripShare ?? 0.03, TRIP);

  // 3. The witness: each day, each scope, an at-home set within the rules.
  const ws = policy.wfhShare ?? null;
  const byUnit = ws?.scope === 'unit';
  const minShare = ws?.min ?? null;
  const maxShare = ws?.max ?? null;
  const target = ws?.target ?? minShare ?? 0.3;
  const minPeople = policy.minOnSitePerUnit?.people ?? 0;
  const minLeaders = policy.minOnSitePerUnit?.leaders ?? 0;
  const minAgencyLeaders = policy.minAgencyLeadersOnSite ?? 0;
  const alwaysOnsite = new Set<string>(policy.alwaysOnSiteRoles ?? []);
  const roleShares = policy.minOnSiteShareByRole ?? {};
  const requireEligibility = policy.requireEligibilityForWfh === true;
  const wfhUsed = new Int32Array(P);
  const isWorking = (p: number, d: number): boolean => mode[p * D + d] <= WFH;
  const workingDays = (p: number): number => {
    let n = 0;
    for (let d = 0; d < D; d++) if (isWorking(p, d)) n++;
    return n;
  };
  /** Days at home the person may still take without breaking their role's on-site share. */
  const allowance = (p: number): number => {
    const s = roleShares[people[p].role];
    if (s === undefined || s === null) return D;
    const w = workingDays(p);
    return w - ceilShare(s, w);
  };
  const mayWfh = (p: number): boolean => !alwaysOnsite.has(people[p].role) && (!requireEligibility || people[p].canWorkFromHome);
  const scopes = byUnit ? unitMembers : agencyMembers;
  const tie = new Float64Array(P);

  for (let d = 0; d < D; d++) {
    for (let s = 0; s < scopes.length; s++) {
      const members = scopes[s];
      for (let attempt = 0; ; attempt++) {
        if (attempt > members.length * 2 + 10) throw new Error(`generateInstance: cannot build a feasible day (scope ${s}, day ${workdays[d]})`);
        const working = members.filter((p) => isWorking(p, d));
        const W = working.length;
        const lo = minShare === null ? 0 : ceilShare(minShare, W);
        const hi = maxShare === null ? W : floorShare(maxShare, W);
        if (lo > hi) {
          // No whole count fits the band for this W (e.g. W = 2 with 0.25–0.4): bring someone back.
          if (!bringBack(members, d)) throw new Error(`generateInstance: share band empty for W=${W}`);
          continue;
        }
        const k = clamp(Math.round(target * W + 1e-9), lo, hi);
        // Caps so that every unit keeps its minimum on site, and the leaders theirs.
        const unitCap = new Map<number, number>();
        const unitLeaderCap = new Map<number, number>();
        const agencyLeaderCap = new Map<number, number>();
        const capOf = (map: Map<number, number>, key: number, compute: () => number): number => {
          let v = map.get(key);
          if (v === undefined) map.set(key, (v = compute()));
          return v;
        };
        const candidates = working.filter((p) => mayWfh(p) && wfhUsed[p] < allowance(p));
        for (const p of candidates) tie[p] = rnd();
        candidates.sort((x, y) => wfhUsed[x] - wfhUsed[y] || tie[x] - tie[y]);
        const chosen: number[] = [];
        for (const p of candidates) {
          if (chosen.length >= k) break;
          const u = unitOf[p];
          const a = agencyOfUnit[u];
          const role = people[p].role;
          const uc = capOf(unitCap, u, () => {
            const w = unitMembers[u].filter((q) => isWorking(q, d)).length;
            return w - Math.min(minPeople, w);
          });
          if (uc <= 0) continue;
          if (UNIT_LEADERS.has(role)) {
            const lc = capOf(unitLeaderCap, u, () => {
              const w = unitMembers[u].filter((q) => UNIT_LEADERS.has(people[q].role) && isWorking(q, d)).length;
              return w - Math.min(minLeaders, w);
            });
            if (lc <= 0) continue;
            unitLeaderCap.set(u, lc - 1);
          }
          if (AGENCY_LEADERS.has(role)) {
            const ac = capOf(agencyLeaderCap, a, () => {
              const w = agencyMembers[a].filter((q) => AGENCY_LEADERS.has(people[q].role) && isWorking(q, d)).length;
              return w - Math.min(minAgencyLeaders, w);
            });
            if (ac <= 0) continue;
            agencyLeaderCap.set(a, ac - 1);
          }
          unitCap.set(u, uc - 1);
          chosen.push(p);
        }
        if (chosen.length < lo) {
          // Not enough people may stay at home: make one ineligible person eligible, else bring someone back.
          const ineligible = working.filter((p) => !alwaysOnsite.has(people[p].role) && !people[p].canWorkFromHome);
          const flip = ineligible.find((p) => people[p].role === 'staff') ?? ineligible[0];
          if (requireEligibility && flip !== undefined) people[flip].canWorkFromHome = true;
          else if (!bringBack(members, d)) throw new Error(`generateInstance: cannot reach the minimum at home (scope ${s}, day ${workdays[d]})`);
          continue;
        }
        for (const p of chosen) {
          mode[p * D + d] = WFH;
          wfhUsed[p]++;
        }
        break;
      }
    }
  }

  /** Cancels one leave or trip of a member on day d; false when nobody is away. */
  function bringBack(members: readonly number[], d: number): boolean {
    const p = members.find((q) => !isWorking(q, d));
    if (p === undefined) return false;
    mode[p * D + d] = ONSITE;
    away[unitOf[p] * D + d]--;
    return true;
  }

  // 4. Fixed days (every leave and trip, some pinned days from the witness), duties, wishes.
  const pinned = options.pinnedShare ?? 0.01;
  const wishes = options.prefersShare ?? 0.02;
  for (let p = 0; p < P; p++) {
    const fixed: Record<IsoDate, Mode> = {};
    const prefers: Record<IsoDate, 'onsite' | 'wfh'> = {};
    let nFixed = 0;
    let nPrefers = 0;
    for (let d = 0; d < D; d++) {
      const m = mode[p * D + d];
      if (m === LEAVE || m === TRIP || rnd() < pinned) {
        fixed[workdays[d]] = MODE_OF[m];
        nFixed++;
      } else if (rnd() < wishes) {
        prefers[workdays[d]] = rnd() < 0.5 ? 'onsite' : 'wfh';
        nPrefers++;
      }
    }
    if (nFixed) people[p].fixed = fixed;
    if (nPrefers) people[p].prefers = prefers;
  }
  for (let a = 0; a < agencies.length; a++) {
    for (let d = 0; d < D; d++) {
      const onsite = agencyMembers[a].filter((p) => mode[p * D + d] === ONSITE);
      const n = Math.min(onsite.length, 1 + int(2));
      for (let i = 0; i < n; i++) {
        const j = i + int(onsite.length - i);
        [onsite[i], onsite[j]] = [onsite[j], onsite[i]];
        const person = people[onsite[i]];
        (person.duties ??= []).push(workdays[d]);
        if (person.prefers) delete person.prefers[workdays[d]];
      }
    }
  }

  const instance = {
    format: 'congvu.roster/1' as const,
    period: { from: workdays[0], to: workdays[D - 1] },
    workdays,
    agencies,
    units,
    people,
    policy,
  };
  const assignments: Assignment[] = [];
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) assignments.push({ personId: people[p].id, date: workdays[d], mode: MODE_OF[mode[p * D + d]] });
  }
  const witness: Roster = { format: 'congvu.assignments/1', assignments };
  const broken = checkRoster(instance, witness);
  if (broken.length) throw new Error(`generateInstance: witness breaks a rule (bug): ${broken[0].rule}: ${broken[0].message}`);
  return { instance, witness };
}

/**
 * A plausible roster for the instance with some violations (for the check benchmark): each day, in each
 * scope, round(target × W) people who may work at home are drawn at random (ignoring unit, leader and
 * role-share limits), fixed days and duties are mostly honoured, then a few cells are changed, dropped,
 * duplicated, and a few assignments for unknown people or days off are added.
 */
export function generateRoster(instance: RosterInstance, seed: number): Roster {
  const inst: ResolvedInstance = resolveWorkdays(instance);
  const rnd = prng(seed ^ 0x5bd1e995);
  const int = (n: number): number => Math.floor(rnd() * n);
  const { people, policy, workdays } = inst;
  const D = workdays.length;
  const unitIds = new Map(inst.units.map((u) => [u.id, u]));
  const ws = policy.wfhShare ?? null;
  const target = ws?.target ?? ws?.min ?? 0.3;
  const alwaysOnsite = new Set<string>(policy.alwaysOnSiteRoles ?? []);
  const requireEligibility = policy.requireEligibilityForWfh === true;
  const scopeOf = (p: Person): string => (ws?.scope === 'unit' ? p.unitId : (unitIds.get(p.unitId)?.agencyId ?? ''));
  const scopes = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = scopeOf(p);
    const list = scopes.get(key);
    if (list) list.push(i);
    else scopes.set(key, [i]);
  });
  const duty = people.map((p) => new Set(p.duties ?? []));

  const modes: Mode[][] = people.map(() => new Array<Mode>(D).fill('onsite'));
  for (let d = 0; d < D; d++) {
    const date = workdays[d];
    for (const members of scopes.values()) {
      const free: number[] = [];
      let W = 0;
      for (const i of members) {
        const f = people[i].fixed?.[date];
        if (f) modes[i][d] = f;
        if (f === 'leave' || f === 'business_trip') continue;
        W++;
        if (!f && !duty[i].has(date) && !alwaysOnsite.has(people[i].role) && (!requireEligibility || people[i].canWorkFromHome)) free.push(i);
      }
      let k = Math.min(free.length, Math.round(target * W + 1e-9) - members.filter((i) => people[i].fixed?.[date] === 'wfh').length);
      for (let j = 0; j < free.length && k > 0; j++) {
        const r = j + int(free.length - j);
        [free[j], free[r]] = [free[r], free[j]];
        modes[free[j]][d] = 'wfh';
        k--;
      }
    }
  }
  const assignments: Assignment[] = [];
  const cells = people.length * D;
  const noise = Math.max(1, Math.round(cells * 0.002));
  const dropped = new Set<number>();
  for (let i = 0; i < noise; i++) {
    const cell = int(cells);
    const p = Math.floor(cell / D);
    modes[p][cell % D] = (['onsite', 'wfh', 'leave', 'business_trip'] as const)[int(4)];
    if (i % 4 === 0) dropped.add(int(cells));
  }
  for (let p = 0; p < people.length; p++) {
    for (let d = 0; d < D; d++) {
      if (!dropped.has(p * D + d)) assignments.push({ personId: people[p].id, date: workdays[d], mode: modes[p][d] });
    }
  }
  for (let i = 0; i < Math.max(1, Math.round(noise / 10)); i++) {
    const a = assignments[int(assignments.length)];
    assignments.push({ ...a, mode: a.mode === 'wfh' ? 'onsite' : 'wfh' });
  }
  assignments.push({ personId: 'p-khong-co', date: workdays[0], mode: 'onsite' });
  if (people.length) assignments.push({ personId: people[0].id, date: addDays(inst.period.to, 1), mode: 'wfh' });
  return { format: 'congvu.assignments/1', assignments };
}
