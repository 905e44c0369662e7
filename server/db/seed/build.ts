/**
 * Builds, in memory, everything one agency of a seed writes: the agency, its units, its people (with
 * Vietnamese names, WFH eligibility, place of work at home), their accounts and role grants, its WFH
 * policy, the duty rota, wishes, and the rosters of the current week (approved and published) and of
 * the next week (being collected). Pure apart from the solver call; write.ts inserts the rows.
 * Positions, titles and roles: people.ts; the rosters: rosters.ts; weeks and deadlines: weeks.ts.
 *
 * Rosters come from the app's generator (`solveRoster`), so they meet every rule of the policy: duty
 * people are on site (duties), leave and business trips are pinned (fixed), wishes are preferences.
 */
import type { AppRole } from '../../../shared/domain/permissions';
import { addDays, formatDateVi } from '../../../shared/domain/dates';
import { RULE_IDS, type Policy, type PersonRole, type RuleId, type UnitKind, type Violation } from '../../../shared/domain/roster/format';
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
import { appRolesOf, LEADER_POSITIONS, NO_COMPUTER_TITLES, UNIT_ROLES, unitPositions } from './people';
import { randomHome, type ProvincePlaces } from './places';
import { Rng, hashSeed } from './random';
import { buildRosters } from './rosters';
import type { Week } from './weeks';

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
