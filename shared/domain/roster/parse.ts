/**
 * Reading the roster interchange format (../shared/formats/roster.md): a hand-written validator of
 * `congvu.roster/1` instances and `congvu.assignments/1` rosters. Hand-written rather than zod because
 * the CLI must read a 20,000-person roster (200,000 assignments, ~10 MB) in well under a second, and
 * because every issue must carry the JSON path of the bad value and a Vietnamese message.
 *
 * Paths are JSONPath: `$` is the document, `.name` a field, `[3]` an array index, `["2021-07-21"]` a key
 * that is not an identifier (dates in `fixed` and `prefers`), e.g. `$.people[3].fixed["2021-07-21"]`.
 *
 * On success the value returned is the input object itself (not a copy), now typed.
 * Pure and isomorphic (no I/O).
 *
 * Decisions where the format is silent:
 * - `policy` is required (it may be `{}`); its fields may be absent or `null` (the rule does not apply),
 *   except the values inside `minOnSiteShareByRole`, which must be shares. Other fields are never null.
 * - Ids, names, `unitId`, `agencyId` and `personId` are non-empty strings; `district` any string.
 * - A repeated date in `duties` or a repeated role in `alwaysOnSiteRoles` is an error, like a repeated
 *   working day.
 * - A wrong or missing `format` is reported alone: the file is probably not of this kind.
 * - References (`units[].agencyId`, `people[].unitId`) are checked only when every agency (unit) has a
 *   valid, unique id, and dates against the working days only when the period and `workdays` are valid:
 *   one mistake gives one issue, not a cascade.
 * - Without `workdays`, a period outside the calendar's years is an issue on `$.period`.
 * - At most MAX_ISSUES issues are listed, in document order; `omitted` counts the others.
 */
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, workdaysBetween } from '../calendar';
import { isIsoDate } from '../dates';
import { MODES, PREFERENCES, ROLES, UNIT_KINDS, type FormatIssue, type ResolvedInstance, type Result, type Roster, type RosterInstance } from './format';
import { formatMsg } from './messages';

export const INSTANCE_FORMAT = 'congvu.roster/1';
export const ROSTER_FORMAT = 'congvu.assignments/1';
/** At most this many issues are listed; the others are counted in `omitted`. */
export const MAX_ISSUES = 100;

const INSTANCE_KEYS = new Set(['format', 'period', 'workdays', 'agencies', 'units', 'people', 'policy']);
const PERIOD_KEYS = new Set(['from', 'to']);
const AGENCY_KEYS = new Set(['id', 'name', 'district']);
const UNIT_KEYS = new Set(['id', 'agencyId', 'name', 'kind']);
const PERSON_KEYS = new Set(['id', 'name', 'unitId', 'role', 'canWorkFromHome', 'fixed', 'duties', 'prefers']);
const POLICY_KEYS = new Set([
  'wfhShare',
  'minOnSitePerUnit',
  'minAgencyLeadersOnSite',
  'alwaysOnSiteRoles',
  'minOnSiteShareByRole',
  'requireEligibilityForWfh',
]);
const WFH_SHARE_KEYS = new Set(['scope', 'min', 'target', 'max']);
const MIN_ONSITE_KEYS = new Set(['people', 'leaders']);
const ROSTER_KEYS = new Set(['format', 'assignments']);

const MODE_SET: ReadonlySet<string> = new Set(MODES);
const PREFERENCE_SET: ReadonlySet<string> = new Set(PREFERENCES);
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const UNIT_KIND_SET: ReadonlySet<string> = new Set(UNIT_KINDS);
const SCOPES = ['agency', 'unit'] as const;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Path segment of an object key: `.name` or `["2021-07-21"]`. */
export function keySegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

type Obj = Record<string, unknown>;
function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}
function isShare(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= 1;
}
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Collects issues (capped at MAX_ISSUES) and caches date checks (a roster repeats ~10 dates 200,000 times). */
class Reader {
  readonly issues: FormatIssue[] = [];
  omitted = 0;
  private readonly dates = new Map<string, boolean>();

  add(path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message });
    else this.omitted++;
  }

  isDate(v: unknown): v is string {
    if (typeof v !== 'string') return false;
    let ok = this.dates.get(v);
    if (ok === undefined) {
      ok = isIsoDate(v);
      this.dates.set(v, ok);
    }
    return ok;
  }

  unknownFields(obj: Obj, allowed: ReadonlySet<string>, path: string, format: string): void {
    for (const k in obj) if (!allowed.has(k)) this.add(path + keySegment(k), formatMsg.unknownField(k, format));
  }

  /** A required non-empty string field; returns it or undefined. */
  str(obj: Obj, field: string, path: string): string | undefined {
    const v = obj[field];
    if (isNonEmptyString(v)) return v;
    this.add(`${path}.${field}`, v === undefined ? formatMsg.missing : typeof v === 'string' ? formatMsg.emptyString : formatMsg.notString);
    return undefined;
  }

  /** An enum-valued required field; returns it or undefined. */
  oneOf(obj: Obj, field: string, allowed: ReadonlySet<string>, list: readonly string[], path: string): string | undefined {
    const v = obj[field];
    if (typeof v === 'string' && allowed.has(v)) return v;
    this.add(`${path}.${field}`, v === undefined ? formatMsg.missing : formatMsg.notInEnum(v, list));
    return undefined;
  }

  result<T>(value: unknown): Result<T> {
    if (this.issues.length === 0) return { ok: true, value: value as T };
    return { ok: false, issues: this.issues, omitted: this.omitted };
  }
}

/**
 * Validates a parsed JSON value as a `congvu.roster/1` instance. Every issue has the JSON path of the
 * bad value. A wrong or missing `format` is reported alone (the file is probably not an instance).
 * When `workdays` is absent, dates in `fixed`, `duties` and `prefers` are checked against the
 * Vietnamese calendar (`workdaysBetween`).
 */
export function parseInstance(json: unknown): Result<RosterInstance> {
  const r = new Reader();
  const F = INSTANCE_FORMAT;
  if (!isObject(json)) {
    r.add('$', formatMsg.notObject);
    return r.result(json);
  }
  if (json.format !== F) {
    r.add('$.format', json.format === undefined ? formatMsg.missing : formatMsg.wrongFormat(F, json.format));
    return r.result(json);
  }
  r.unknownFields(json, INSTANCE_KEYS, '$', F);

  // period
  let from: string | undefined;
  let to: string | undefined;
  let periodOk = false;
  const period = json.period;
  if (period === undefined) r.add('$.period', formatMsg.missing);
  else if (!isObject(period)) r.add('$.period', formatMsg.notObject);
  else {
    r.unknownFields(period, PERIOD_KEYS, '$.period', F);
    for (const field of ['from', 'to'] as const) {
      const v = period[field];
      if (r.isDate(v)) {
        if (field === 'from') from = v;
        else to = v;
      } else r.add(`$.period.${field}`, v === undefined ? formatMsg.missing : formatMsg.notIsoDate(v));
    }
    if (from !== undefined && to !== undefined) {
      if (from > to) r.add('$.period', formatMsg.periodReversed(from, to));
      else periodOk = true;
    }
  }

  // workdays: the set against which fixed/duties/prefers dates are checked (null: cannot check)
  let workdays: Set<string> | null = null;
  if (json.workdays !== undefined) {
    const list = json.workdays;
    if (!Array.isArray(list)) r.add('$.workdays', formatMsg.notArray);
    else {
      const seen = new Map<string, number>();
      let ok = true;
      for (let i = 0; i < list.length; i++) {
        const d = list[i];
        const path = `$.workdays[${i}]`;
        if (!r.isDate(d)) {
          r.add(path, formatMsg.notIsoDate(d));
          ok = false;
          continue;
        }
        if (periodOk && (d < from! || d > to!)) {
          r.add(path, formatMsg.outsidePeriod(d, from!, to!));
          ok = false;
        }
        const first = seen.get(d);
        if (first !== undefined) {
          r.add(path, formatMsg.duplicateDate(d, `$.workdays[${first}]`));
          ok = false;
        } else seen.set(d, i);
      }
      if (ok && periodOk) workdays = new Set(seen.keys());
    }
  } else if (periodOk) {
    if (+from!.slice(0, 4) < CALENDAR_MIN_YEAR || +to!.slice(0, 4) > CALENDAR_MAX_YEAR) {
      r.add('$.period', formatMsg.outsideCalendar(CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR));
    } else workdays = new Set(workdaysBetween(from!, to!));
  }

  // agencies (references to them are checked only when every agency has a valid, unique id: no cascades)
  const agencyIds = new Map<string, number>();
  let agenciesOk = false;
  const agencies = json.agencies;
  if (agencies === undefined) r.add('$.agencies', formatMsg.missing);
  else if (!Array.isArray(agencies)) r.add('$.agencies', formatMsg.notArray);
  else {
    agenciesOk = true;
    for (let i = 0; i < agencies.length; i++) {
      const a = agencies[i];
      const path = `$.agencies[${i}]`;
      if (!isObject(a)) {
        r.add(path, formatMsg.notObject);
        agenciesOk = false;
        continue;
      }
      r.unknownFields(a, AGENCY_KEYS, path, F);
      const id = r.str(a, 'id', path);
      const first = id === undefined ? undefined : agencyIds.get(id);
      if (id === undefined) agenciesOk = false;
      else if (first !== undefined) {
        r.add(`${path}.id`, formatMsg.duplicateId(id, `$.agencies[${first}].id`));
        agenciesOk = false;
      } else agencyIds.set(id, i);
      r.str(a, 'name', path);
      if (a.district !== undefined && typeof a.district !== 'string') r.add(`${path}.district`, formatMsg.notString);
    }
  }

  // units
  const unitIds = new Map<string, number>();
  let unitsOk = false;
  const units = json.units;
  if (units === undefined) r.add('$.units', formatMsg.missing);
  else if (!Array.isArray(units)) r.add('$.units', formatMsg.notArray);
  else {
    unitsOk = true;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const path = `$.units[${i}]`;
      if (!isObject(u)) {
        r.add(path, formatMsg.notObject);
        unitsOk = false;
        continue;
      }
      r.unknownFields(u, UNIT_KEYS, path, F);
      const id = r.str(u, 'id', path);
      const first = id === undefined ? undefined : unitIds.get(id);
      if (id === undefined) unitsOk = false;
      else if (first !== undefined) {
        r.add(`${path}.id`, formatMsg.duplicateId(id, `$.units[${first}].id`));
        unitsOk = false;
      } else unitIds.set(id, i);
      const agencyId = r.str(u, 'agencyId', path);
      if (agencyId !== undefined && agenciesOk && !agencyIds.has(agencyId)) r.add(`${path}.agencyId`, formatMsg.unknownAgency(agencyId));
      r.str(u, 'name', path);
      r.oneOf(u, 'kind', UNIT_KIND_SET, UNIT_KINDS, path);
    }
  }

  // people
  const people = json.people;
  if (people === undefined) r.add('$.people', formatMsg.missing);
  else if (!Array.isArray(people)) r.add('$.people', formatMsg.notArray);
  else {
    const personIds = new Map<string, number>();
    for (let i = 0; i < people.length; i++) {
      const p = people[i];
      const path = `$.people[${i}]`;
      if (!isObject(p)) {
        r.add(path, formatMsg.notObject);
        continue;
      }
      r.unknownFields(p, PERSON_KEYS, path, F);
      const id = r.str(p, 'id', path);
      if (id !== undefined) {
        const first = personIds.get(id);
        if (first !== undefined) r.add(`${path}.id`, formatMsg.duplicateId(id, `$.people[${first}].id`));
        else personIds.set(id, i);
      }
      r.str(p, 'name', path);
      const unitId = r.str(p, 'unitId', path);
      if (unitId !== undefined && unitsOk && !unitIds.has(unitId)) r.add(`${path}.unitId`, formatMsg.unknownUnit(unitId));
      r.oneOf(p, 'role', ROLE_SET, ROLES, path);
      const cwfh = p.canWorkFromHome;
      if (typeof cwfh !== 'boolean') r.add(`${path}.canWorkFromHome`, cwfh === undefined ? formatMsg.missing : formatMsg.notBoolean);
      if (p.fixed !== undefined) readDateMap(r, p.fixed, `${path}.fixed`, MODE_SET, MODES, workdays);
      if (p.prefers !== undefined) readDateMap(r, p.prefers, `${path}.prefers`, PREFERENCE_SET, PREFERENCES, workdays);
      if (p.duties !== undefined) {
        const duties = p.duties;
        if (!Array.isArray(duties)) r.add(`${path}.duties`, formatMsg.notArray);
        else if (duties.length > 0) {
          const seen = new Map<string, number>();
          for (let j = 0; j < duties.length; j++) {
            const d = duties[j];
            const dpath = `${path}.duties[${j}]`;
            if (!r.isDate(d)) r.add(dpath, formatMsg.notIsoDate(d));
            else {
              if (workdays !== null && !workdays.has(d)) r.add(dpath, formatMsg.notWorkday(d));
              const first = seen.get(d);
              if (first !== undefined) r.add(dpath, formatMsg.duplicateDate(d, `${path}.duties[${first}]`));
              else seen.set(d, j);
            }
          }
        }
      }
    }
  }

  // policy
  const policy = json.policy;
  if (policy === undefined) r.add('$.policy', formatMsg.missing);
  else if (!isObject(policy)) r.add('$.policy', formatMsg.notObject);
  else readPolicy(r, policy);

  return r.result(json);
}

/** `fixed` / `prefers`: an object from working days to one of `allowed`. */
function readDateMap(r: Reader, value: unknown, path: string, allowed: ReadonlySet<string>, list: readonly string[], workdays: Set<string> | null): void {
  if (!isObject(value)) {
    r.add(path, formatMsg.notObject);
    return;
  }
  for (const key in value) {
    if (!r.isDate(key)) r.add(path + keySegment(key), formatMsg.notDateKey(key));
    else if (workdays !== null && !workdays.has(key)) r.add(path + keySegment(key), formatMsg.notWorkday(key));
    const v = value[key];
    if (typeof v !== 'string' || !allowed.has(v)) r.add(path + keySegment(key), formatMsg.notInEnum(v, list));
  }
}

function readPolicy(r: Reader, policy: Obj): void {
  const F = INSTANCE_FORMAT;
  r.unknownFields(policy, POLICY_KEYS, '$.policy', F);

  const ws = policy.wfhShare;
  if (ws !== undefined && ws !== null) {
    const path = '$.policy.wfhShare';
    if (!isObject(ws)) r.add(path, formatMsg.notObject);
    else {
      r.unknownFields(ws, WFH_SHARE_KEYS, path, F);
      const scope = ws.scope;
      if (scope === undefined) r.add(`${path}.scope`, formatMsg.missing);
      else if (scope !== 'agency' && scope !== 'unit') r.add(`${path}.scope`, formatMsg.notInEnum(scope, SCOPES));
      const shares: { name: 'min' | 'target' | 'max'; value: number }[] = [];
      for (const name of ['min', 'target', 'max'] as const) {
        const v = ws[name];
        if (v === undefined || v === null) continue;
        if (!isShare(v)) r.add(`${path}.${name}`, formatMsg.notShare);
        else shares.push({ name, value: v });
      }
      // min ≤ target ≤ max among those present; the issue is on the larger-named field.
      for (let i = 1; i < shares.length; i++) {
        for (let j = 0; j < i; j++) {
          if (shares[j].value > shares[i].value) {
            r.add(`${path}.${shares[i].name}`, formatMsg.shareOrder(shares[j].name, shares[j].value, shares[i].name, shares[i].value));
          }
        }
      }
    }
  }

  const mo = policy.minOnSitePerUnit;
  if (mo !== undefined && mo !== null) {
    const path = '$.policy.minOnSitePerUnit';
    if (!isObject(mo)) r.add(path, formatMsg.notObject);
    else {
      r.unknownFields(mo, MIN_ONSITE_KEYS, path, F);
      for (const name of ['people', 'leaders'] as const) {
        const v = mo[name];
        if (v !== undefined && v !== null && !isCount(v)) r.add(`${path}.${name}`, formatMsg.notCount);
      }
    }
  }

  const ml = policy.minAgencyLeadersOnSite;
  if (ml !== undefined && ml !== null && !isCount(ml)) r.add('$.policy.minAgencyLeadersOnSite', formatMsg.notCount);

  const ar = policy.alwaysOnSiteRoles;
  if (ar !== undefined && ar !== null) {
    const path = '$.policy.alwaysOnSiteRoles';
    if (!Array.isArray(ar)) r.add(path, formatMsg.notArray);
    else {
      const seen = new Map<string, number>();
      for (let i = 0; i < ar.length; i++) {
        const role = ar[i];
        if (typeof role !== 'string' || !ROLE_SET.has(role)) r.add(`${path}[${i}]`, formatMsg.notInEnum(role, ROLES));
        else if (seen.has(role)) r.add(`${path}[${i}]`, formatMsg.duplicateValue(role, `${path}[${seen.get(role)}]`));
        else seen.set(role, i);
      }
    }
  }

  const rs = policy.minOnSiteShareByRole;
  if (rs !== undefined && rs !== null) {
    const path = '$.policy.minOnSiteShareByRole';
    if (!isObject(rs)) r.add(path, formatMsg.notObject);
    else {
      for (const key in rs) {
        const kpath = path + keySegment(key);
        if (!ROLE_SET.has(key)) r.add(kpath, formatMsg.notRoleKey(key, ROLES));
        else if (!isShare(rs[key])) r.add(kpath, formatMsg.notShare);
      }
    }
  }

  const re = policy.requireEligibilityForWfh;
  if (re !== undefined && re !== null && typeof re !== 'boolean') r.add('$.policy.requireEligibilityForWfh', formatMsg.notBoolean);
}

/**
 * Validates a parsed JSON value as a `congvu.assignments/1` roster. Only the shape is checked here:
 * unknown people, duplicates and days outside the working days are rule violations
 * (`missing_assignment`, see check.ts), not format errors.
 */
export function parseRoster(json: unknown): Result<Roster> {
  const r = new Reader();
  const F = ROSTER_FORMAT;
  if (!isObject(json)) {
    r.add('$', formatMsg.notObject);
    return r.result(json);
  }
  if (json.format !== F) {
    r.add('$.format', json.format === undefined ? formatMsg.missing : formatMsg.wrongFormat(F, json.format));
    return r.result(json);
  }
  r.unknownFields(json, ROSTER_KEYS, '$', F);
  const list = json.assignments;
  if (list === undefined) r.add('$.assignments', formatMsg.missing);
  else if (!Array.isArray(list)) r.add('$.assignments', formatMsg.notArray);
  else {
    for (let i = 0; i < list.length; i++) {
      const a: unknown = list[i];
      if (!isObject(a)) {
        r.add(`$.assignments[${i}]`, formatMsg.notObject);
        continue;
      }
      // Hot loop (200,000 items): no path strings unless there is an issue.
      for (const k in a) {
        if (k !== 'personId' && k !== 'date' && k !== 'mode') r.add(`$.assignments[${i}]${keySegment(k)}`, formatMsg.unknownField(k, F));
      }
      const personId = a.personId;
      if (typeof personId !== 'string' || personId.length === 0) r.str(a, 'personId', `$.assignments[${i}]`);
      const date = a.date;
      if (!r.isDate(date)) r.add(`$.assignments[${i}].date`, date === undefined ? formatMsg.missing : formatMsg.notIsoDate(date));
      const mode = a.mode;
      if (typeof mode !== 'string' || !MODE_SET.has(mode)) {
        r.add(`$.assignments[${i}].mode`, mode === undefined ? formatMsg.missing : formatMsg.notInEnum(mode, MODES));
      }
    }
  }
  return r.result(json);
}

/**
 * The instance with its working days: the explicit `workdays` (sorted), or Monday–Friday of the period
 * minus Vietnamese public holidays plus official make-up days (`workdaysBetween` of the app calendar).
 */
export function resolveWorkdays(instance: RosterInstance): ResolvedInstance {
  const workdays = instance.workdays ? [...instance.workdays].sort() : workdaysBetween(instance.period.from, instance.period.to);
  return { ...instance, workdays };
}
