/**
 * Builds, in memory, everything one agency of a seed writes: the agency, its units, its people (with
 * Vietnamese names, WFH eligibility, place of work at home), their accounts and role grants, its WFH
 * policy, the duty rota, wishes, and the rosters of the current week (approved and published) and of
 * the next week (being collected). Pure apart from the solver call; write.ts inserts the rows.
 *
 * Rosters come from the app's generator (`solveRoster`), so they meet every rule of the policy: duty
 * people are on site (duties), leave and business trips are pinned (fixed), wishes are preferences.
 */
import type { AppRole } from '../../../shared/domain/permissions';
import { addDays, formatDateVi, vnInstant, weekday } from '../../../shared/domain/dates';
import { workdaysBetween, type CalendarOverride } from '../../../shared/domain/calendar';
import {
  RULE_IDS,
  type Assignment,
  type Mode,
  type Person,
  type PersonRole,
  type Policy,
  type Preference,
  type ResolvedInstance,
  type RuleId,
  type UnitKind,
  type Violation,
} from '../../../shared/domain/roster/format';
import { solveRoster } from '../../../shared/domain/roster/solver';
import { checkRoster } from '../../../shared/domain/roster/check';
import type { agencies, people, units } from '../../modules/org/org.table';
import type { roleGrants, users } from '../../modules/auth/auth.table';
import type { policies } from '../../modules/policy/policy.table';
import type {
  dutyAssignments,
  rosterComments,
  rosterEntries,
  rosterPeriods,
  rosterVersions,
  rosterWishes,
  schedule,
  unitRosters,
} from '../../modules/roster/roster.table';
import { emailStem, parseName, randomName, randomPhone, usernameStem, type UniqueNames, type Gender, type Region, type VnName } from './names';
import { randomHome, type ProvincePlaces } from './places';
import { Rng, hashSeed } from './random';

export type AgencyRow = typeof agencies.$inferInsert;
export type UnitRow = typeof units.$inferInsert;
export type PersonRow = typeof people.$inferInsert;
export type UserRow = typeof users.$inferInsert;
export type GrantRow = typeof roleGrants.$inferInsert;
export type PolicyRow = typeof policies.$inferInsert;

/** A real person named in a plan (leaders). */
export interface KnownPerson {
  position: PersonRole;
  fullName: string;
  gender: Gender;
  title?: string;
}

export interface UnitSpec {
  /** Short key, part of the unit id (`vp` → `dn-sldtbxh-vp`). */
  key: string;
  name: string;
  kind: UnitKind;
  /** People in the unit, leaders included. */
  size: number;
  /** Deputies (default from the size). */
  deputies?: number;
  headTitle?: string;
  deputyTitle?: string;
  /** Titles of the staff, cycled (default by kind). */
  staffTitles?: readonly string[];
  /** Real leaders of the unit, in order of their position. */
  known?: KnownPerson[];
  /** The unit of the agency's IT person (Tổ CNTT). Default: the Office. */
  it?: boolean;
}

export interface PolicySpec {
  title: string;
  docNumber: string | null;
  docDate: string | null;
  issuer: string;
  rules: Policy;
  /** Rules that only warn; every other rule blocks. */
  warn?: RuleId[];
  /** Scope by area (seed 002 §1) instead of the agency itself. */
  scopeDistricts?: string[];
  notes: string;
}

export type NextWeekState = 'none' | 'draft' | 'submitted' | 'returned';

export interface AgencySpec {
  id: string;
  parentId: string;
  name: string;
  shortName: string;
  /** Ký hiệu (SNV, SLĐTBXH). */
  code: string;
  district: string;
  province: string;
  address?: string;
  sortOrder: number;
  emailDomain: string;
  /** Username suffix: `tuannv.<suffix>`. */
  loginSuffix: string;
  region: Region;
  places: ProvincePlaces;
  units: UnitSpec[];
  policy: PolicySpec;
  /** The head of the Inspectorate gets `province` on these roots (seed 002 §5). */
  provinceRoots?: string[];
  /** Next week's unit roster state of some units (the rest is drawn at random). */
  nextWeek?: Record<string, NextWeekState>;
  /** How the person ids are padded (3 for the demo). */
  idPad?: number;
}

export interface Week {
  from: string;
  to: string;
  workdays: string[];
}

export interface SeedContext {
  now: Date;
  passwordHash: string;
  current: Week;
  next: Week;
  /** First day of the policies (Monday of the current week − 7 days). */
  validFrom: string;
  usernames: UniqueNames;
  emails: UniqueNames;
  /** Global seed of the run. */
  seed: number;
  /** Throw when the solver cannot meet every rule (demo) instead of keeping its best effort (bench). */
  strict: boolean;
}

/** One seeded person with what the demo logins and tests need. */
export interface SeedPerson {
  row: PersonRow & { id: string; unitId: string; fullName: string };
  name: VnName;
  position: PersonRole;
  unitKey: string;
  unitKind: UnitKind;
  canWfh: boolean;
  clerk: boolean;
  it: boolean;
  province: boolean;
  userId: string;
  username: string;
  roles: AppRole[];
}

export interface AgencyBundle {
  spec: AgencySpec;
  agency: AgencyRow;
  units: (UnitRow & { id: string })[];
  people: SeedPerson[];
  users: UserRow[];
  grants: GrantRow[];
  policy: PolicyRow;
  periods: (typeof rosterPeriods.$inferInsert)[];
  unitRosters: (typeof unitRosters.$inferInsert)[];
  entries: (typeof rosterEntries.$inferInsert)[];
  versions: (typeof rosterVersions.$inferInsert)[];
  schedule: (typeof schedule.$inferInsert)[];
  duties: (typeof dutyAssignments.$inferInsert)[];
  wishes: (typeof rosterWishes.$inferInsert)[];
  comments: (typeof rosterComments.$inferInsert)[];
  /** Violations left by the solver in the current week (empty when every rule holds). */
  violations: Violation[];
}

// ------------------------------------------------------------------------------------------ dates

/** Monday of the week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function weekOf(monday: string, overrides?: CalendarOverride[]): Week {
  const to = addDays(monday, 4);
  return { from: monday, to, workdays: workdaysBetween(monday, to, overrides) };
}

/** Registration deadline of a period: 08:00 on the Friday before it starts (seed 004: "trước 8h00"). */
export function periodDeadline(from: string): Date {
  return vnInstant(addDays(mondayOf(from), -3), '08:00');
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

// ------------------------------------------------------------------------------------------ people

const STAFF_TITLES: Record<UnitKind, readonly string[]> = {
  board: [],
  office: [
    'Văn thư',
    'Kế toán',
    'Chuyên viên',
    'Lái xe',
    'Chuyên viên',
    'Thủ quỹ',
    'Chuyên viên',
    'Bảo vệ',
    'Chuyên viên',
    'Lái xe',
    'Nhân viên phục vụ',
    'Chuyên viên',
  ],
  inspectorate: ['Thanh tra viên chính', 'Thanh tra viên', 'Thanh tra viên', 'Chuyên viên', 'Thanh tra viên'],
  department: ['Chuyên viên chính', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Chuyên viên', 'Cán sự'],
  center: ['Kế toán', 'Viên chức', 'Viên chức', 'Chuyên viên', 'Viên chức', 'Nhân viên', 'Viên chức', 'Chuyên viên'],
};

/** Jobs done without a computer: these people cannot work from home (seed 004). */
const NO_COMPUTER_TITLES = new Set(['Lái xe', 'Bảo vệ', 'Nhân viên phục vụ']);

const LEADERS: Record<UnitKind, { head: PersonRole; deputy: PersonRole; headTitle: string; deputyTitle: string }> = {
  board: { head: 'director', deputy: 'deputy_director', headTitle: 'Giám đốc Sở', deputyTitle: 'Phó Giám đốc Sở' },
  office: { head: 'chief_of_office', deputy: 'deputy_chief_of_office', headTitle: 'Chánh Văn phòng', deputyTitle: 'Phó Chánh Văn phòng' },
  inspectorate: { head: 'head', deputy: 'deputy_head', headTitle: 'Chánh Thanh tra', deputyTitle: 'Phó Chánh Thanh tra' },
  department: { head: 'head', deputy: 'deputy_head', headTitle: 'Trưởng phòng', deputyTitle: 'Phó Trưởng phòng' },
  center: { head: 'center_director', deputy: 'deputy_center_director', headTitle: 'Giám đốc Trung tâm', deputyTitle: 'Phó Giám đốc Trung tâm' },
};

const UNIT_HEAD_POSITIONS = new Set<PersonRole>(['head', 'chief_of_office', 'center_director']);
const UNIT_DEPUTY_POSITIONS = new Set<PersonRole>(['deputy_head', 'deputy_chief_of_office', 'deputy_center_director']);
const LEADER_POSITIONS = new Set<PersonRole>(['director', 'deputy_director', ...UNIT_HEAD_POSITIONS, ...UNIT_DEPUTY_POSITIONS]);

function defaultDeputies(kind: UnitKind, size: number): number {
  if (kind === 'board') return size - 1;
  if (size <= 2) return 0;
  if (kind === 'office' || kind === 'center') return size >= 10 ? 2 : 1;
  return size >= 8 ? 2 : 1;
}

/** Positions and titles of a unit's people, leaders first. */
function unitPositions(u: UnitSpec): { position: PersonRole; title: string }[] {
  const l = LEADERS[u.kind];
  const deputies = Math.min(u.deputies ?? defaultDeputies(u.kind, u.size), u.size - 1);
  const out: { position: PersonRole; title: string }[] = [{ position: l.head, title: u.headTitle ?? l.headTitle }];
  for (let i = 0; i < deputies; i++) out.push({ position: l.deputy, title: u.deputyTitle ?? l.deputyTitle });
  const titles = u.staffTitles ?? STAFF_TITLES[u.kind];
  for (let i = 0; out.length < u.size; i++) out.push({ position: 'staff', title: titles.length ? titles[i % titles.length] : 'Chuyên viên' });
  return out;
}

function appRolesOf(p: { position: PersonRole; clerk: boolean; it: boolean; province: boolean }): AppRole[] {
  const roles: AppRole[] = ['staff'];
  if (UNIT_HEAD_POSITIONS.has(p.position)) roles.push('unit_head');
  if (UNIT_DEPUTY_POSITIONS.has(p.position)) roles.push('unit_deputy');
  if (p.position === 'chief_of_office' || p.position === 'deputy_chief_of_office' || p.clerk) roles.push('office');
  // The Director heads Ban Giám đốc and registers its roster (with the deputies); the board is a unit like the others.
  if (p.position === 'director') roles.push('director', 'unit_head');
  if (p.position === 'deputy_director') roles.push('deputy_director', 'unit_deputy');
  if (p.it) roles.push('it');
  if (p.province) roles.push('province');
  return roles;
}

const UNIT_ROLES = new Set<AppRole>(['staff', 'unit_head', 'unit_deputy']);

// ------------------------------------------------------------------------------------------ policy

function policyRow(spec: AgencySpec, ctx: SeedContext): PolicyRow {
  const p = spec.policy;
  const warn = new Set(p.warn ?? []);
  const severity = Object.fromEntries(RULE_IDS.map((id) => [id, warn.has(id) ? 'warn' : 'block'])) as Record<RuleId, 'block' | 'warn'>;
  const firstDeadline = addDays(ctx.validFrom, -3);
  return {
    id: `pol-${spec.id}`,
    ownerAgencyId: spec.id,
    title: p.title,
    docNumber: p.docNumber,
    docDate: p.docDate,
    issuer: p.issuer,
    validFrom: ctx.validFrom,
    validTo: null,
    scopeAgencyIds: p.scopeDistricts ? [] : [spec.id],
    scopeDistricts: p.scopeDistricts ?? [],
    rules: p.rules,
    severity,
    morningStart: '07:00',
    morningEnd: '11:30',
    afternoonStart: '13:30',
    afternoonEnd: '17:00',
    registrationDeadline: `${firstDeadline}T08:00`,
    registrationLeadDays: 3,
    agencyReportTime: '16:00',
    provinceReportTime: '17:00',
    notes: `${p.notes}\nDữ liệu mẫu: để bản dùng thử luôn "đang hiệu lực", thời gian áp dụng được đặt từ ${formatDateVi(ctx.validFrom)} đến khi có thông báo mới; số, ngày và nội dung văn bản giữ như văn bản gốc.`,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

// ------------------------------------------------------------------------------------------ rosters

const WISH_NOTES: Record<Preference, readonly string[]> = {
  wfh: [
    'Con nhỏ nghỉ học, xin làm việc tại nhà.',
    'Chăm sóc người nhà đang điều trị.',
    'Khu dân cư nơi ở đang phong tỏa tạm thời.',
    'Theo dõi sức khỏe sau tiêm vắc xin.',
  ],
  onsite: ['Có lịch tiếp công dân tại cơ quan.', 'Cần tra cứu hồ sơ giấy tại cơ quan.', 'Làm việc trực tiếp với đoàn kiểm tra.', 'Nhận và xử lý tài liệu mật.'],
};

function instanceOf(
  bundle: Pick<AgencyBundle, 'agency' | 'units' | 'people'>,
  week: Week,
  rules: Policy,
  extra: Map<string, Partial<Person>>,
): ResolvedInstance {
  return {
    format: 'congvu.roster/1',
    period: { from: week.from, to: week.to },
    workdays: week.workdays,
    agencies: [{ id: bundle.agency.id, name: bundle.agency.name, ...(bundle.agency.district ? { district: bundle.agency.district } : {}) }],
    units: bundle.units.map((u) => ({ id: u.id, agencyId: u.agencyId, name: u.name, kind: u.kind as UnitKind })),
    people: bundle.people.map((p) => ({
      id: p.row.id,
      name: p.row.fullName,
      unitId: p.row.unitId,
      role: p.position,
      canWorkFromHome: p.canWfh,
      ...extra.get(p.row.id),
    })),
    policy: rules,
  };
}

function addExtra(extra: Map<string, Partial<Person>>, personId: string, f: (x: Partial<Person>) => void) {
  let x = extra.get(personId);
  if (!x) extra.set(personId, (x = {}));
  f(x);
}

/** Leave and business trips of a week: about 1 working day in 120, for staff and deputy heads, never on a duty day. */
function drawAbsences(rng: Rng, list: SeedPerson[], week: Week, dutyOf: Map<string, Set<string>>): Map<string, Record<string, Mode>> {
  const out = new Map<string, Record<string, Mode>>();
  if (!week.workdays.length) return out;
  const candidates = list.filter((p) => (p.position === 'staff' || p.position === 'deputy_head') && !p.province);
  if (!candidates.length) return out;
  const count = Math.max(1, Math.round((list.length * week.workdays.length) / 120));
  for (let i = 0; i < count; i++) {
    const p = rng.pick(candidates);
    const day = rng.pick(week.workdays);
    if (dutyOf.get(p.row.id)?.has(day)) continue;
    const f = out.get(p.row.id) ?? {};
    f[day] = rng.chance(0.75) ? 'leave' : 'business_trip';
    out.set(p.row.id, f);
  }
  return out;
}

/**
 * Solves a week. A share set for the whole agency is first tried unit by unit (the same shares in each
 * unit, then the target alone), so that every unit has about the same share at home each day, as unit
 * heads register them (seed 004: "các phòng … đăng ký … 70% … 30%"); the first of these rosters that meets
 * every rule of the real (agency-wide) policy is kept, else the agency-wide solution.
 */
function solveWeek(
  bundle: AgencyBundle,
  week: Week,
  extra: Map<string, Partial<Person>>,
  strict: boolean,
): { assignments: Assignment[]; violations: Violation[] } {
  if (!week.workdays.length) return { assignments: [], violations: [] };
  const rules = bundle.spec.policy.rules;
  const instance = instanceOf(bundle, week, rules, extra);
  const ws = rules.wfhShare;
  if (ws && ws.scope === 'agency') {
    const variants: Policy[] = [
      { ...rules, wfhShare: { ...ws, scope: 'unit' } },
      { ...rules, wfhShare: { scope: 'unit', target: ws.target ?? null } },
    ];
    for (const policy of variants) {
      const tried = solveRoster({ ...instance, policy });
      if (checkRoster(instance, tried.roster).length === 0) return { assignments: tried.roster.assignments, violations: [] };
    }
  }
  const result = solveRoster(instance);
  if (strict && !result.feasible) {
    throw new Error(
      `Dữ liệu mẫu: không lập được lịch hợp lệ cho ${bundle.agency.name} (${week.from}): ${result.violations
        .slice(0, 3)
        .map((v) => v.message)
        .join('; ')}`,
    );
  }
  return { assignments: result.roster.assignments, violations: result.violations };
}

// ------------------------------------------------------------------------------------------ build

export function buildAgencyBundle(spec: AgencySpec, ctx: SeedContext): AgencyBundle {
  const rng = new Rng(hashSeed(`${ctx.seed}:${spec.id}`));
  const pad = spec.idPad ?? 3;
  const agency: AgencyRow = {
    id: spec.id,
    parentId: spec.parentId,
    path: `/${spec.parentId}/${spec.id}/`,
    name: spec.name,
    shortName: spec.shortName,
    code: spec.code,
    kind: 'department',
    district: spec.district,
    province: spec.province,
    address: spec.address ?? `${spec.district.startsWith('TP ') ? spec.district : `TP ${spec.district}`}, tỉnh ${spec.province}`,
    sortOrder: spec.sortOrder,
  };
  const unitRows = spec.units.map((u, i) => ({ id: `${spec.id}-${u.key}`, agencyId: spec.id, name: u.name, kind: u.kind, sortOrder: (i + 1) * 10 }));
  const itUnitKey = spec.units.find((u) => u.it)?.key ?? spec.units.find((u) => u.kind === 'office')?.key;

  const list: SeedPerson[] = [];
  const userRows: UserRow[] = [];
  const grantRows: GrantRow[] = [];
  let n = 0;
  spec.units.forEach((u, ui) => {
    const unitId = unitRows[ui].id;
    const known = [...(u.known ?? [])];
    let clerkTaken = false;
    let itTaken = u.key !== itUnitKey;
    unitPositions(u).forEach(({ position, title: defaultTitle }, pi) => {
      const k = known.findIndex((x) => x.position === position);
      const real = k >= 0 ? known.splice(k, 1)[0] : undefined;
      const leader = LEADER_POSITIONS.has(position);
      const name = real
        ? parseName(real.fullName, real.gender)
        : randomName(rng, { region: spec.region, gender: leader ? (rng.chance(0.35) ? 'female' : 'male') : undefined });
      let title = real?.title ?? defaultTitle;
      const clerk = !clerkTaken && u.kind === 'office' && title === 'Văn thư';
      if (clerk) clerkTaken = true;
      let it = false;
      if (!itTaken && position === 'staff' && (title === 'Chuyên viên' || title === 'Viên chức')) {
        it = true;
        itTaken = true;
        title = `${title} (Tổ CNTT)`;
      }
      const province = !!spec.provinceRoots?.length && u.kind === 'inspectorate' && position === 'head';
      let hasComputer = true;
      let hasEofficeAccess = true;
      if (NO_COMPUTER_TITLES.has(title)) {
        hasComputer = false;
        hasEofficeAccess = false;
      } else if (position === 'staff' && !clerk && !it && rng.chance(0.08)) {
        if (rng.chance(0.5)) hasComputer = false;
        else hasEofficeAccess = false;
      }
      const id = `${spec.id}-p${String(++n).padStart(pad, '0')}`;
      const email = ctx.emails.take(emailStem(name), (s) => `${s}@${spec.emailDomain}`);
      const username = ctx.usernames.take(usernameStem(name), (s) => `${s}.${spec.loginSuffix}`);
      const home = randomHome(rng, spec.places);
      const userId = `u-${id}`;
      const roles = appRolesOf({ position, clerk, it, province });
      list.push({
        row: {
          id,
          agencyId: spec.id,
          unitId,
          fullName: name.fullName,
          position,
          title,
          email,
          phone: randomPhone(rng),
          hasComputer,
          hasEofficeAccess,
          homeWorkplace: home.homeWorkplace,
          residenceArea: home.residenceArea,
          active: true,
          sortOrder: pi + 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
        name,
        position,
        unitKey: u.key,
        unitKind: u.kind,
        canWfh: hasComputer && hasEofficeAccess,
        clerk,
        it,
        province,
        userId,
        username,
        roles,
      });
      userRows.push({
        id: userId,
        username,
        personId: id,
        displayName: name.fullName,
        passwordHash: ctx.passwordHash,
        mustChangePassword: false,
        disabled: false,
        locale: 'vi',
        createdAt: ctx.now,
        passwordChangedAt: ctx.now,
      });
      let g = 0;
      for (const role of roles) {
        if (role === 'province') {
          // Seed 002 §5: the Inspectorate of Sở Nội vụ compiles the province report, so its head reads every
          // agency of the demo province (all four provincial roots, i.e. all five Sở).
          for (const root of spec.provinceRoots ?? []) grantRows.push({ id: `${userId}-g${++g}`, userId, role, agencyId: root, unitId: null });
        } else {
          grantRows.push({ id: `${userId}-g${++g}`, userId, role, agencyId: spec.id, unitId: UNIT_ROLES.has(role) ? unitId : null });
        }
      }
    });
  });

  if (!list.some((p) => p.it)) {
    // No "Chuyên viên" in the IT unit (a small Office): the first equipped staff member of the agency.
    const p = list.find((x) => x.position === 'staff' && x.canWfh && !x.clerk);
    if (p) {
      p.it = true;
      p.row.title = `${p.row.title} (Tổ CNTT)`;
      p.roles.push('it');
      grantRows.push({ id: `${p.userId}-g${p.roles.length}`, userId: p.userId, role: 'it', agencyId: spec.id, unitId: null });
    }
  }

  const bundle: AgencyBundle = {
    spec,
    agency,
    units: unitRows,
    people: list,
    users: userRows,
    grants: grantRows,
    policy: policyRow(spec, ctx),
    periods: [],
    unitRosters: [],
    entries: [],
    versions: [],
    schedule: [],
    duties: [],
    wishes: [],
    comments: [],
    violations: [],
  };
  buildRosters(bundle, ctx, rng.fork('rosters'));
  return bundle;
}

function buildRosters(bundle: AgencyBundle, ctx: SeedContext, rng: Rng): void {
  const { spec, people: list } = bundle;
  const rules = spec.policy.rules;
  const byPosition = (pos: PersonRole) => list.filter((p) => p.position === pos);
  const director = byPosition('director')[0] ?? list[0];
  const chief = byPosition('chief_of_office')[0] ?? director;
  const headOf = new Map<string, SeedPerson>();
  for (const p of list) if (UNIT_HEAD_POSITIONS.has(p.position) && !headOf.has(p.row.unitId)) headOf.set(p.row.unitId, p);
  const submitterOf = (unitId: string) => headOf.get(unitId) ?? chief;

  // Duty rota (C6, seed 003 §2): one office duty (a person of the Office) and one leader duty (Director or
  // a Deputy) per working day of both weeks, taken in turn.
  const office = list.filter((p) => p.unitKind === 'office');
  const officeDuty = office.filter((p) => p.position !== 'chief_of_office' && !NO_COMPUTER_TITLES.has(p.row.title ?? ''));
  const officeCands = officeDuty.length ? officeDuty : office.length ? office : [chief];
  const leaderCands = list.filter((p) => p.position === 'director' || p.position === 'deputy_director');
  const leaders = leaderCands.length ? leaderCands : [director];
  const dutyOf = new Map<string, Set<string>>();
  const allDays = [...ctx.current.workdays, ...ctx.next.workdays];
  let oi = rng.int(0, officeCands.length - 1);
  let li = rng.int(0, leaders.length - 1);
  for (const date of allDays) {
    for (const [kind, who] of [
      ['office', officeCands[oi++ % officeCands.length]],
      ['leader', leaders[li++ % leaders.length]],
    ] as const) {
      bundle.duties.push({
        id: `duty-${spec.id}-${date}-${kind}`,
        agencyId: spec.id,
        date,
        kind,
        personId: who.row.id,
        note: kind === 'office' ? 'Trực cơ quan' : 'Trực lãnh đạo',
        createdBy: chief.userId,
      });
      let s = dutyOf.get(who.row.id);
      if (!s) dutyOf.set(who.row.id, (s = new Set()));
      s.add(date);
    }
  }

  const weekExtra = (week: Week, absences: Map<string, Record<string, Mode>>) => {
    const extra = new Map<string, Partial<Person>>();
    const days = new Set(week.workdays);
    for (const [personId, set] of dutyOf) {
      const d = [...set].filter((x) => days.has(x)).sort();
      if (d.length) addExtra(extra, personId, (x) => (x.duties = d));
    }
    for (const [personId, fixed] of absences) addExtra(extra, personId, (x) => (x.fixed = fixed));
    return extra;
  };

  const unitRosterId = (unitId: string, week: Week) => `ur-${unitId}-${week.from}`;
  const periodId = (week: Week) => `per-${spec.id}-${week.from}`;
  const friday = addDays(ctx.current.from, -3);

  // ---- current week: approved and published (C2).
  const curAbs = drawAbsences(rng, list, ctx.current, dutyOf);
  const cur = solveWeek(bundle, ctx.current, weekExtra(ctx.current, curAbs), ctx.strict);
  bundle.violations = cur.violations;
  const curPeriod = periodId(ctx.current);
  bundle.periods.push({
    id: curPeriod,
    agencyId: spec.id,
    policyId: bundle.policy.id,
    fromDate: ctx.current.from,
    toDate: ctx.current.to,
    deadline: periodDeadline(ctx.current.from),
    status: 'approved',
    approvedVersion: 1,
    approvedAt: vnInstant(friday, '15:00'),
    approvedBy: director.userId,
    compiledAt: vnInstant(friday, '09:30'),
    compiledBy: chief.userId,
    version: 1,
    createdAt: vnInstant(addDays(friday, -7), '08:00'),
  });
  for (const u of bundle.units) {
    bundle.unitRosters.push({
      id: unitRosterId(u.id, ctx.current),
      periodId: curPeriod,
      unitId: u.id,
      status: 'approved',
      submittedAt: vnInstant(addDays(friday, -1), '15:00'),
      submittedBy: submitterOf(u.id).userId,
      version: 1,
      updatedAt: vnInstant(friday, '15:00'),
      updatedBy: director.userId,
    });
  }
  const personById = new Map(list.map((p) => [p.row.id, p]));
  for (const a of cur.assignments) {
    const p = personById.get(a.personId)!;
    bundle.entries.push({
      unitRosterId: unitRosterId(p.row.unitId, ctx.current),
      personId: a.personId,
      date: a.date,
      mode: a.mode,
      pinned: curAbs.get(a.personId)?.[a.date] !== undefined,
    });
    bundle.schedule.push({ personId: a.personId, date: a.date, agencyId: spec.id, unitId: p.row.unitId, mode: a.mode, periodId: curPeriod, version: 1 });
  }
  bundle.versions.push({
    periodId: curPeriod,
    version: 1,
    approvedAt: vnInstant(friday, '15:00'),
    approvedBy: director.userId,
    assignments: cur.assignments.map((a) => ({ personId: a.personId, date: a.date, mode: a.mode })),
    diff: [],
    comment: `Phê duyệt lịch làm việc tuần ${formatDateVi(ctx.current.from)} – ${formatDateVi(ctx.current.to)}.`,
  });

  // ---- next week: collecting; wishes entered, units in every state.
  const nextAbs = drawAbsences(rng, list, ctx.next, dutyOf);
  const extra = weekExtra(ctx.next, nextAbs);
  if (ctx.next.workdays.length) {
    const wishers = rng.shuffle(list.filter((p) => p.position === 'staff' && p.canWfh && !dutyOf.has(p.row.id)));
    const count = Math.max(2, Math.round(list.length * 0.05));
    for (const p of wishers.slice(0, count)) {
      const date = rng.pick(ctx.next.workdays);
      if (nextAbs.get(p.row.id)?.[date]) continue;
      const preference: Preference = rng.chance(0.65) ? 'wfh' : 'onsite';
      bundle.wishes.push({
        personId: p.row.id,
        date,
        preference,
        note: rng.pick(WISH_NOTES[preference]),
        createdAt: new Date(ctx.now.getTime() - rng.int(1, 48) * 3_600_000),
      });
      addExtra(extra, p.row.id, (x) => (x.prefers = { ...x.prefers, [date]: preference }));
    }
  }
  const next = solveWeek(bundle, ctx.next, extra, false);
  const nextPeriod = periodId(ctx.next);
  bundle.periods.push({
    id: nextPeriod,
    agencyId: spec.id,
    policyId: bundle.policy.id,
    fromDate: ctx.next.from,
    toDate: ctx.next.to,
    deadline: periodDeadline(ctx.next.from),
    status: 'collecting',
    approvedVersion: 0,
    version: 1,
    createdAt: vnInstant(addDays(friday, 0), '16:00'),
  });
  const states = nextWeekStates(bundle, rng);
  const byUnit = new Map<string, Assignment[]>();
  for (const a of next.assignments) {
    const unitId = personById.get(a.personId)!.row.unitId;
    let arr = byUnit.get(unitId);
    if (!arr) byUnit.set(unitId, (arr = []));
    arr.push(a);
  }
  let minutes = 20;
  for (const u of bundle.units) {
    const state = states.get(u.id) ?? 'none';
    if (state === 'none') continue;
    const id = unitRosterId(u.id, ctx.next);
    const head = submitterOf(u.id);
    const at = new Date(ctx.now.getTime() - (minutes += 37) * 60_000);
    let cells = byUnit.get(u.id) ?? [];
    let returnComment: string | null = null;
    if (state === 'returned') {
      // The Office sent it back: the head left too few people on site on one day.
      const day = ctx.next.workdays.find((d) => weekday(d) === 3) ?? ctx.next.workdays[Math.floor(ctx.next.workdays.length / 2)];
      const always = new Set(rules.alwaysOnSiteRoles ?? []);
      cells = cells.map((a) => {
        const p = personById.get(a.personId)!;
        const x = extra.get(a.personId);
        const forced = !p.canWfh || always.has(p.position) || x?.duties?.includes(a.date) || x?.fixed?.[a.date] !== undefined;
        return a.date === day && a.mode === 'onsite' && !forced ? { ...a, mode: 'wfh' as Mode } : a;
      });
      returnComment = `Đề nghị bố trí thêm 01 người trực tại cơ quan ngày ${WEEKDAY_VI[weekday(day)]} (${formatDateVi(day).slice(0, 5)}).`;
      bundle.comments.push({
        id: `rc-${id}`,
        unitRosterId: id,
        authorUserId: chief.userId,
        kind: 'return',
        body: returnComment,
        createdAt: new Date(at.getTime() + 25 * 60_000),
      });
    }
    bundle.unitRosters.push({
      id,
      periodId: nextPeriod,
      unitId: u.id,
      status: state,
      returnComment,
      submittedAt: state === 'submitted' || state === 'returned' ? at : null,
      submittedBy: state === 'submitted' || state === 'returned' ? head.userId : null,
      version: state === 'draft' ? 1 : 2,
      updatedAt: state === 'returned' ? new Date(at.getTime() + 25 * 60_000) : at,
      updatedBy: state === 'returned' ? chief.userId : head.userId,
    });
    for (const a of cells)
      bundle.entries.push({ unitRosterId: id, personId: a.personId, date: a.date, mode: a.mode, pinned: nextAbs.get(a.personId)?.[a.date] !== undefined });
  }
}

/** Next week's state per unit: the spec's choices, one returned unit, then ~45% submitted, ~25% draft, the rest not started. */
function nextWeekStates(bundle: AgencyBundle, rng: Rng): Map<string, NextWeekState> {
  const out = new Map<string, NextWeekState>();
  const forced = bundle.spec.nextWeek ?? {};
  for (const [key, state] of Object.entries(forced)) out.set(`${bundle.spec.id}-${key}`, state);
  const sizes = new Map<string, number>();
  for (const p of bundle.people) sizes.set(p.row.unitId, (sizes.get(p.row.unitId) ?? 0) + 1);
  const free = rng.shuffle(bundle.units.filter((u) => !out.has(u.id)));
  if (![...out.values()].includes('returned')) {
    const r = free.findIndex((u) => (u.kind === 'department' || u.kind === 'inspectorate') && (sizes.get(u.id) ?? 0) >= 4);
    if (r >= 0) out.set(free.splice(r, 1)[0].id, 'returned');
  }
  const m = free.length;
  free.forEach((u, i) => out.set(u.id, i < Math.round(m * 0.45) ? 'submitted' : i < Math.round(m * 0.7) ? 'draft' : 'none'));
  return out;
}
