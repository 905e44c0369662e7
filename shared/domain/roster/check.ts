/**
 * The rule checker of the roster format (../shared/formats/roster.md, "The rules, exactly").
 * Runs live in the browser on a unit's grid (~30 people) and in the CLI on 20,000 people × 10 days:
 * one pass over the assignments into a person × day grid, one pass over the grid into per-unit and
 * per-agency daily counts, then the rules on those counts. O(people × days + assignments), no
 * quadratic loops. Pure and isomorphic.
 *
 * Decisions where the format is silent:
 * - A person with no assignment on a working day breaks `missing_assignment`, and also `fixed_day_changed`
 *   on a fixed day and `duty_not_onsite` on a duty day (the rules hold independently: the day does not
 *   have the fixed mode, the person is not on site); for the count rules that day counts as *not working*
 *   (not in W, not in the unit's or leaders' working counts, not in the person's working days).
 * - Duplicates (several assignments for one person and day): one `missing_assignment` per person and
 *   day; the FIRST assignment in the file is the one the other rules use.
 * - An assignment for an unknown person id, or on a day that is not a working day of the period, is one
 *   `missing_assignment` each (`personId` and `date` as written) and is otherwise ignored.
 * - `unit_min_leaders_onsite` counts the unit-leader roles of the unit (chief/deputy chief of office,
 *   center director/deputy, head/deputy head); agency leaders (director, deputy director) are counted
 *   by `agency_min_leaders_onsite` only, over every unit of the agency.
 * - `role_min_onsite_share` has no date: `personId` only. Per-day person rules have `date` and
 *   `personId`; unit rules `date` and `unitId`; agency rules `date` and `agencyId`; `wfh_share_*`
 *   `date` and `agencyId` or `unitId` by scope. No other fields are set.
 * - Ties in the sort order (rule, date, agency, unit, person; absent first; ids compared by UTF-16 code
 *   units, not locale) are broken by message, so the output does not depend on the assignments' order.
 */
import {
  AGENCY_LEADER_ROLES,
  UNIT_LEADER_ROLES,
  ceilShare,
  floorShare,
  type IsoDate,
  type Mode,
  type PersonRole,
  type ResolvedInstance,
  type Roster,
  type RuleId,
  type Violation,
} from './format';
import { personLabelIn, violationMessages } from './messages';
import { compareViolations } from './order';

const ONSITE = 0;
const WFH = 1;
const LEAVE = 2;
const TRIP = 3;
const NONE = -1;
const CODE: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  onsite: ONSITE,
  wfh: WFH,
  leave: LEAVE,
  business_trip: TRIP,
});
const MODE_OF: readonly Mode[] = ['onsite', 'wfh', 'leave', 'business_trip'];
const AGENCY_LEADERS: ReadonlySet<PersonRole> = new Set(AGENCY_LEADER_ROLES);
const UNIT_LEADERS: ReadonlySet<PersonRole> = new Set(UNIT_LEADER_ROLES);

/** Counts of one unit or agency on one working day. */
export interface DayCount {
  date: IsoDate;
  /** `onsite` (làm việc tại cơ quan). */
  onSite: number;
  /** `wfh` (làm việc tại nhà). */
  atHome: number;
  onLeave: number;
  onTrip: number;
  /** People with no assignment that day. */
  unassigned: number;
  /** W: people on site or at home. */
  working: number;
  /**
   * The least number on site that the count rules require that day: the largest of
   * min(`minOnSitePerUnit.people`, working), min(`leaders`, leaders working), W − floor(max × W) when
   * `wfhShare` applies to this scope, and for an agency min(`minAgencyLeadersOnSite`, agency leaders
   * working) and the sum over its units. Person rules (always on site roles, duties…) are not included.
   */
  requiredOnSite: number;
  /** ceil(min × W) when `wfhShare.min` applies to this scope, else 0. */
  minAtHome: number;
  /** floor(max × W) when `wfhShare.max` applies to this scope, else null (no limit). */
  maxAtHome: number | null;
}

/** Per working day, per unit and per agency: what the roster grid's count bar shows. */
export interface DayCounts {
  days: IsoDate[];
  /** unit id → one entry per day of `days`. */
  units: Record<string, DayCount[]>;
  /** agency id → one entry per day of `days`. */
  agencies: Record<string, DayCount[]>;
}

interface Analysis {
  days: IsoDate[];
  /** Assignment mode code per person × day (p * D + d), NONE when unassigned. */
  grid: Int8Array;
  personUnit: Int32Array;
  unitAgency: Int32Array;
  unitMembers: number[][];
  /** Per unit × day (u * D + d) and per agency × day (a * D + d). */
  unit: Counters;
  agency: Counters;
  violations: Violation[];
}

interface Counters {
  onsite: Int32Array;
  wfh: Int32Array;
  leave: Int32Array;
  trip: Int32Array;
  none: Int32Array;
  leadersOnsite: Int32Array;
  leadersWorking: Int32Array;
}

function counters(n: number): Counters {
  return {
    onsite: new Int32Array(n),
    wfh: new Int32Array(n),
    leave: new Int32Array(n),
    trip: new Int32Array(n),
    none: new Int32Array(n),
    leadersOnsite: new Int32Array(n),
    leadersWorking: new Int32Array(n),
  };
}

function violation(rule: RuleId, fields: Omit<Violation, 'rule' | 'message'>, message: string): Violation {
  const v: Violation = { rule } as Violation;
  if (fields.date !== undefined) v.date = fields.date;
  if (fields.agencyId !== undefined) v.agencyId = fields.agencyId;
  if (fields.unitId !== undefined) v.unitId = fields.unitId;
  if (fields.personId !== undefined) v.personId = fields.personId;
  v.message = message;
  return v;
}

function analyse(instance: ResolvedInstance, roster: Roster, report: boolean, lang = 'vi'): Analysis {
  const { agencies, units, people, policy } = instance;
  const violationMsg = violationMessages(lang);
  const days = instance.workdays;
  const D = days.length;
  const P = people.length;
  const out: Violation[] = [];

  const dayIndex = new Map<string, number>();
  days.forEach((d, i) => dayIndex.set(d, i));
  const agencyIndex = new Map<string, number>();
  agencies.forEach((a, i) => agencyIndex.set(a.id, i));
  const unitIndex = new Map<string, number>();
  const unitAgency = new Int32Array(units.length);
  const unitMembers: number[][] = units.map(() => []);
  units.forEach((u, i) => {
    unitIndex.set(u.id, i);
    unitAgency[i] = agencyIndex.get(u.agencyId) ?? -1;
  });
  const personIndex = new Map<string, number>();
  const personUnit = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    const person = people[p];
    if (!personIndex.has(person.id)) personIndex.set(person.id, p);
    const u = unitIndex.get(person.unitId) ?? -1;
    personUnit[p] = u;
    if (u >= 0) unitMembers[u].push(p);
  }
  const label = (p: number): string => {
    const person = people[p];
    const u = personUnit[p];
    return personLabelIn(lang, person.name, person.role, u >= 0 ? units[u].name : undefined);
  };

  // 1. Assignments into the grid.
  const grid = new Int8Array(P * D).fill(NONE);
  let duplicates: Map<number, Mode[]> | undefined;
  for (const a of roster.assignments) {
    const p = personIndex.get(a.personId);
    const d = dayIndex.get(a.date);
    const code = CODE[a.mode];
    if (p === undefined || d === undefined || code === undefined) {
      if (!report) continue;
      if (p === undefined) {
        out.push(violation('missing_assignment', { date: a.date, personId: a.personId }, violationMsg.unknownPerson(a.personId, a.date)));
      } else if (d === undefined) {
        out.push(violation('missing_assignment', { date: a.date, personId: a.personId }, violationMsg.notWorkday(label(p), a.date, a.mode)));
      }
      continue;
    }
    const cell = p * D + d;
    if (grid[cell] === NONE) grid[cell] = code;
    else {
      duplicates ??= new Map();
      const modes = duplicates.get(cell);
      if (modes) modes.push(a.mode);
      else duplicates.set(cell, [MODE_OF[grid[cell]], a.mode]);
    }
  }
  if (report && duplicates) {
    for (const [cell, modes] of duplicates) {
      const p = Math.floor(cell / D);
      const d = cell - p * D;
      out.push(violation('missing_assignment', { date: days[d], personId: people[p].id }, violationMsg.duplicate(label(p), days[d], modes.length, modes)));
    }
  }

  // 2. Person rules and per-day counts.
  const unit = counters(units.length * D);
  const agency = counters(agencies.length * D);
  const requireEligibility = policy.requireEligibilityForWfh === true;
  const alwaysOnsite = new Set<string>(policy.alwaysOnSiteRoles ?? []);
  const roleShares = policy.minOnSiteShareByRole ?? {};
  for (let p = 0; p < P; p++) {
    const person = people[p];
    const u = personUnit[p];
    const a = u >= 0 ? unitAgency[u] : -1;
    const ub = u * D;
    const ab = a * D;
    const isUnitLeader = UNIT_LEADERS.has(person.role);
    const isAgencyLeader = AGENCY_LEADERS.has(person.role);
    const wfhForbiddenByRole = alwaysOnsite.has(person.role);
    const wfhForbiddenByEligibility = requireEligibility && person.canWorkFromHome === false;
    let onsiteDays = 0;
    let workingDays = 0;
    const row = p * D;
    for (let d = 0; d < D; d++) {
      const code = grid[row + d];
      switch (code) {
        case NONE:
          if (u >= 0) unit.none[ub + d]++;
          if (a >= 0) agency.none[ab + d]++;
          if (report) out.push(violation('missing_assignment', { date: days[d], personId: person.id }, violationMsg.missing(label(p), days[d])));
          break;
        case ONSITE:
          onsiteDays++;
          workingDays++;
          if (u >= 0) {
            unit.onsite[ub + d]++;
            if (isUnitLeader) {
              unit.leadersOnsite[ub + d]++;
              unit.leadersWorking[ub + d]++;
            }
          }
          if (a >= 0) {
            agency.onsite[ab + d]++;
            if (isAgencyLeader) {
              agency.leadersOnsite[ab + d]++;
              agency.leadersWorking[ab + d]++;
            }
          }
          break;
        case WFH:
          workingDays++;
          if (u >= 0) {
            unit.wfh[ub + d]++;
            if (isUnitLeader) unit.leadersWorking[ub + d]++;
          }
          if (a >= 0) {
            agency.wfh[ab + d]++;
            if (isAgencyLeader) agency.leadersWorking[ab + d]++;
          }
          if (report && wfhForbiddenByEligibility) {
            out.push(violation('wfh_not_eligible', { date: days[d], personId: person.id }, violationMsg.wfhNotEligible(label(p), days[d])));
          }
          if (report && wfhForbiddenByRole) {
            out.push(violation('always_onsite_role', { date: days[d], personId: person.id }, violationMsg.alwaysOnsite(label(p), person.role, days[d])));
          }
          break;
        case LEAVE:
          if (u >= 0) unit.leave[ub + d]++;
          if (a >= 0) agency.leave[ab + d]++;
          break;
        case TRIP:
          if (u >= 0) unit.trip[ub + d]++;
          if (a >= 0) agency.trip[ab + d]++;
          break;
      }
    }
    if (!report) continue;
    if (person.fixed) {
      for (const date in person.fixed) {
        const d = dayIndex.get(date);
        if (d === undefined) continue;
        const code = grid[row + d];
        const fixed = person.fixed[date];
        if (code !== CODE[fixed]) {
          out.push(
            violation(
              'fixed_day_changed',
              { date, personId: person.id },
              violationMsg.fixedChanged(label(p), date, fixed, code === NONE ? null : MODE_OF[code]),
            ),
          );
        }
      }
    }
    if (person.duties) {
      for (const date of person.duties) {
        const d = dayIndex.get(date);
        if (d === undefined) continue;
        const code = grid[row + d];
        if (code !== ONSITE) {
          out.push(
            violation('duty_not_onsite', { date, personId: person.id }, violationMsg.dutyNotOnsite(label(p), date, code === NONE ? null : MODE_OF[code])),
          );
        }
      }
    }
    const share = roleShares[person.role];
    if (share !== undefined && share !== null) {
      const required = ceilShare(share, workingDays);
      if (onsiteDays < required) {
        out.push(
          violation('role_min_onsite_share', { personId: person.id }, violationMsg.roleShare(label(p), person.role, share, required, workingDays, onsiteDays)),
        );
      }
    }
  }

  // 3. Unit and agency rules on the counts.
  if (report) {
    const names = (members: readonly number[], d: number, leaders?: ReadonlySet<PersonRole>): string[] => {
      const list: string[] = [];
      for (const p of members) {
        if (grid[p * D + d] === WFH && (!leaders || leaders.has(people[p].role))) list.push(people[p].name);
      }
      return list;
    };
    let byAgency: number[][] | undefined;
    const agencyMembers = (a: number): number[] => {
      if (!byAgency) {
        byAgency = agencies.map(() => []);
        for (let u = 0; u < units.length; u++) if (unitAgency[u] >= 0) byAgency[unitAgency[u]].push(...unitMembers[u]);
      }
      return byAgency[a];
    };
    const minPeople = policy.minOnSitePerUnit?.people ?? null;
    const minLeaders = policy.minOnSitePerUnit?.leaders ?? null;
    for (let u = 0; u < units.length; u++) {
      const { id: unitId, name } = units[u];
      for (let d = 0; d < D; d++) {
        const i = u * D + d;
        const onsite = unit.onsite[i];
        if (minPeople !== null) {
          const required = Math.min(minPeople, onsite + unit.wfh[i]);
          if (onsite < required) {
            out.push(
              violation(
                'unit_min_people_onsite',
                { date: days[d], unitId },
                violationMsg.unitPeople(name, days[d], required, onsite, names(unitMembers[u], d)),
              ),
            );
          }
        }
        if (minLeaders !== null) {
          const required = Math.min(minLeaders, unit.leadersWorking[i]);
          if (unit.leadersOnsite[i] < required) {
            out.push(
              violation(
                'unit_min_leaders_onsite',
                { date: days[d], unitId },
                violationMsg.unitLeaders(name, days[d], required, unit.leadersOnsite[i], names(unitMembers[u], d, UNIT_LEADERS)),
              ),
            );
          }
        }
      }
    }
    const minAgencyLeaders = policy.minAgencyLeadersOnSite ?? null;
    if (minAgencyLeaders !== null) {
      for (let a = 0; a < agencies.length; a++) {
        const { id: agencyId, name } = agencies[a];
        for (let d = 0; d < D; d++) {
          const i = a * D + d;
          const required = Math.min(minAgencyLeaders, agency.leadersWorking[i]);
          if (agency.leadersOnsite[i] < required) {
            out.push(
              violation(
                'agency_min_leaders_onsite',
                { date: days[d], agencyId },
                violationMsg.agencyLeaders(name, days[d], required, agency.leadersOnsite[i], names(agencyMembers(a), d, AGENCY_LEADERS)),
              ),
            );
          }
        }
      }
    }
    const ws = policy.wfhShare;
    if (ws) {
      const min = ws.min ?? null;
      const max = ws.max ?? null;
      const byUnit = ws.scope === 'unit';
      const scopes = byUnit ? units : agencies;
      const c = byUnit ? unit : agency;
      for (let s = 0; s < scopes.length; s++) {
        const { id, name } = scopes[s];
        const where = byUnit ? { unitId: id } : { agencyId: id };
        for (let d = 0; d < D; d++) {
          const i = s * D + d;
          const wfh = c.wfh[i];
          const w = c.onsite[i] + wfh;
          if (min !== null) {
            const required = ceilShare(min, w);
            if (wfh < required) {
              out.push(violation('wfh_share_min', { date: days[d], ...where }, violationMsg.wfhShareMin(name, days[d], min, w, required, wfh)));
            }
          }
          if (max !== null) {
            const allowed = floorShare(max, w);
            if (wfh > allowed) {
              const members = byUnit ? unitMembers[s] : agencyMembers(s);
              out.push(violation('wfh_share_max', { date: days[d], ...where }, violationMsg.wfhShareMax(name, days[d], max, w, allowed, names(members, d))));
            }
          }
        }
      }
    }
  }

  return { days, grid, personUnit, unitAgency, unitMembers, unit, agency, violations: out };
}

export { compareViolations };

/**
 * Every violation of the roster against the instance's rules, sorted (see compareViolations).
 * The instance must be valid (parseInstance) with resolved working days (resolveWorkdays).
 * Messages in Vietnamese (the interchange format, the server), or in English with `lang` 'en' (the web in English).
 */
export function checkRoster(instance: ResolvedInstance, roster: Roster, lang = 'vi'): Violation[] {
  return analyse(instance, roster, true, lang).violations.sort(compareViolations);
}

/** Per working day, per unit and agency: at home / on site / working / required on site (for the UI). */
export function dayCounts(instance: ResolvedInstance, roster: Roster): DayCounts {
  const { days, unit, agency, unitAgency } = analyse(instance, roster, false);
  const { policy } = instance;
  const D = days.length;
  const minPeople = policy.minOnSitePerUnit?.people ?? null;
  const minLeaders = policy.minOnSitePerUnit?.leaders ?? null;
  const minAgencyLeaders = policy.minAgencyLeadersOnSite ?? null;
  const ws = policy.wfhShare ?? null;

  const entry = (c: Counters, i: number, date: IsoDate, scope: 'unit' | 'agency', ruleRequired: number): DayCount => {
    const onSite = c.onsite[i];
    const atHome = c.wfh[i];
    const working = onSite + atHome;
    const shareApplies = ws !== null && ws.scope === scope;
    const minShare = shareApplies ? (ws.min ?? null) : null;
    const maxShare = shareApplies ? (ws.max ?? null) : null;
    const maxAtHome = maxShare === null ? null : floorShare(maxShare, working);
    return {
      date,
      onSite,
      atHome,
      onLeave: c.leave[i],
      onTrip: c.trip[i],
      unassigned: c.none[i],
      working,
      requiredOnSite: Math.max(ruleRequired, maxAtHome === null ? 0 : working - maxAtHome),
      minAtHome: minShare === null ? 0 : ceilShare(minShare, working),
      maxAtHome,
    };
  };

  const unitsOut: Record<string, DayCount[]> = {};
  const sumUnitsRequired = new Int32Array(instance.agencies.length * D);
  instance.units.forEach((u, ui) => {
    const list: DayCount[] = [];
    for (let d = 0; d < D; d++) {
      const i = ui * D + d;
      const people = minPeople === null ? 0 : Math.min(minPeople, unit.onsite[i] + unit.wfh[i]);
      const leaders = minLeaders === null ? 0 : Math.min(minLeaders, unit.leadersWorking[i]);
      const e = entry(unit, i, days[d], 'unit', Math.max(people, leaders));
      list.push(e);
      const a = unitAgency[ui];
      if (a >= 0) sumUnitsRequired[a * D + d] += e.requiredOnSite;
    }
    unitsOut[u.id] = list;
  });
  const agenciesOut: Record<string, DayCount[]> = {};
  instance.agencies.forEach((a, ai) => {
    const list: DayCount[] = [];
    for (let d = 0; d < D; d++) {
      const i = ai * D + d;
      const leaders = minAgencyLeaders === null ? 0 : Math.min(minAgencyLeaders, agency.leadersWorking[i]);
      list.push(entry(agency, i, days[d], 'agency', Math.max(leaders, sumUnitsRequired[i])));
    }
    agenciesOut[a.id] = list;
  });
  return { days, units: unitsOut, agencies: agenciesOut };
}
