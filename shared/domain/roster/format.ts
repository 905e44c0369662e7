/**
 * Types of the roster interchange format, version 1 (../shared/formats/roster.md).
 * Pure, isomorphic: used by the server, the web app (live checks), the CLI and the solver.
 */

/** ISO date `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
export type IsoDate = string;

export const MODES = ['onsite', 'wfh', 'leave', 'business_trip'] as const;
/** How a person works on a working day. `leave` and `business_trip` mean "not working". */
export type Mode = (typeof MODES)[number];

export const PREFERENCES = ['onsite', 'wfh'] as const;
export type Preference = (typeof PREFERENCES)[number];

export const UNIT_KINDS = ['office', 'department', 'center', 'inspectorate', 'board'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = [
  'director',
  'deputy_director',
  'chief_of_office',
  'deputy_chief_of_office',
  'center_director',
  'deputy_center_director',
  'head',
  'deputy_head',
  'staff',
] as const;
/** Position of a person in the roster format (chức vụ). */
export type PersonRole = (typeof ROLES)[number];

/** Agency leaders (lãnh đạo Sở). */
export const AGENCY_LEADER_ROLES: readonly PersonRole[] = ['director', 'deputy_director'];
/** Unit leaders (lãnh đạo phòng, đơn vị). */
export const UNIT_LEADER_ROLES: readonly PersonRole[] = [
  'chief_of_office',
  'deputy_chief_of_office',
  'center_director',
  'deputy_center_director',
  'head',
  'deputy_head',
];

export interface Agency {
  id: string;
  name: string;
  district?: string;
}

export interface Unit {
  id: string;
  agencyId: string;
  name: string;
  kind: UnitKind;
}

export interface Person {
  id: string;
  name: string;
  unitId: string;
  role: PersonRole;
  canWorkFromHome: boolean;
  /** Days whose mode is decided already. */
  fixed?: Record<IsoDate, Mode>;
  /** Duty days: the person is on site. */
  duties?: IsoDate[];
  /** Soft wishes. */
  prefers?: Record<IsoDate, Preference>;
}

export interface WfhShareRule {
  scope: 'agency' | 'unit';
  min?: number | null;
  target?: number | null;
  max?: number | null;
}

export interface Policy {
  wfhShare?: WfhShareRule | null;
  minOnSitePerUnit?: { people?: number | null; leaders?: number | null } | null;
  minAgencyLeadersOnSite?: number | null;
  alwaysOnSiteRoles?: PersonRole[] | null;
  minOnSiteShareByRole?: Partial<Record<PersonRole, number>> | null;
  requireEligibilityForWfh?: boolean | null;
}

export interface RosterInstance {
  format: 'congvu.roster/1';
  period: { from: IsoDate; to: IsoDate };
  /** Optional in the file; when absent, computed from the Vietnamese calendar. */
  workdays?: IsoDate[];
  agencies: Agency[];
  units: Unit[];
  people: Person[];
  policy: Policy;
}

/** An instance whose working days are resolved (always present). */
export interface ResolvedInstance extends RosterInstance {
  workdays: IsoDate[];
}

export interface Assignment {
  personId: string;
  date: IsoDate;
  mode: Mode;
}

export interface Roster {
  format: 'congvu.assignments/1';
  assignments: Assignment[];
}

export const RULE_IDS = [
  'agency_min_leaders_onsite',
  'always_onsite_role',
  'duty_not_onsite',
  'fixed_day_changed',
  'missing_assignment',
  'role_min_onsite_share',
  'unit_min_leaders_onsite',
  'unit_min_people_onsite',
  'wfh_not_eligible',
  'wfh_share_max',
  'wfh_share_min',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Violation {
  rule: RuleId;
  date?: IsoDate;
  agencyId?: string;
  unitId?: string;
  personId?: string;
  /** Vietnamese, for people. */
  message: string;
}

/** Shares are compared as exact decimals (formats/roster.md): ceil/floor of share × W. */
export function ceilShare(share: number, w: number): number {
  return Math.ceil(share * w - 1e-9);
}
export function floorShare(share: number, w: number): number {
  return Math.floor(share * w + 1e-9);
}
export function isWorking(mode: Mode): boolean {
  return mode === 'onsite' || mode === 'wfh';
}

/** One problem found while reading a file: the JSON path of the bad value and a Vietnamese message. */
export interface FormatIssue {
  /** JSONPath of the bad value, e.g. `$.people[3].fixed["2021-07-21"]` (`$` is the document root). */
  path: string;
  /** Vietnamese, for people. */
  message: string;
}

/** Outcome of reading a file: the typed value, or every issue found (capped, see `omitted`). */
export type Result<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      issues: FormatIssue[];
      /** How many further issues were found but not listed (the list is capped). */
      omitted: number;
    };
