/**
 * Compiles a roster instance (formats/roster.md) into flat typed arrays for the solver: one cell per
 * person × working day (`c = p * D + d`), per unit × day and per agency × day constants (working
 * counts, limits on the number of people at home), and membership lists in CSR form.
 * Pure and isomorphic; no per-cell objects.
 *
 * Every hard rule of the format is an upper or lower bound on a count of people at home (`wfh`):
 * - a person whose role has an on-site share s: wfh days ≤ working days − ceil(s × working days);
 * - a unit on a day: wfh ≤ W − min(people, W); its unit leaders: wfh ≤ LW − min(leaders, LW);
 * - an agency on a day: agency leaders wfh ≤ AW − min(value, AW);
 * - a scope (agency or unit) on a day: ceil(min × W) ≤ wfh ≤ floor(max × W);
 * - per cell: duty days, ineligible people and always-on-site roles are never at home.
 * The solver never invents leave or business trips: a day that is not `fixed` is `onsite` or `wfh`.
 */
import { AGENCY_LEADER_ROLES, UNIT_LEADER_ROLES, ceilShare, floorShare, type Mode, type PersonRole, type ResolvedInstance } from '../format';

export const ONSITE = 0;
export const WFH = 1;
export const LEAVE = 2;
export const TRIP = 3;
export const MODE_CODE: Record<Mode, number> = { onsite: ONSITE, wfh: WFH, leave: LEAVE, business_trip: TRIP };
export const MODE_NAME: readonly Mode[] = ['onsite', 'wfh', 'leave', 'business_trip'];

/** Cell flags. */
export const F_FLEX = 1; // the solver decides: onsite or wfh
export const F_FIXED = 2;
export const F_DUTY = 4;
export const F_PREF_ONSITE = 8;
export const F_PREF_WFH = 16;

/** Person categories (leaf groups of a unit on a day). */
export const CAT_STAFF = 0;
export const CAT_UNIT_LEADER = 1;
export const CAT_AGENCY_LEADER = 2;

export const SCOPE_NONE = 0;
export const SCOPE_AGENCY = 1;
export const SCOPE_UNIT = 2;

/** "No limit" for counts. */
export const NO_LIMIT = 0x3fffffff;

/** Why a person may never work from home (bit set). */
export const WHY_INELIGIBLE = 1;
export const WHY_ROLE = 2;

export interface Model {
  instance: ResolvedInstance;
  /** Number of people, working days, units, agencies. */
  n: number;
  D: number;
  nU: number;
  nA: number;
  days: readonly string[];

  pUnit: Int32Array;
  pAgency: Int32Array;
  /** Agency of each unit. */
  uAgency: Int32Array;
  pCat: Uint8Array;
  /** 0 when the person may work from home (counted in Σ wfh_days²); else WHY_* bits. */
  pNoWfh: Uint8Array;
  /** Working days in the period (days not fixed to leave or business trip). */
  pWorking: Int32Array;
  /** Required on-site days by role share (−1 when the role has no share). */
  pShareReq: Int32Array;
  /** Largest allowed number of wfh days (NO_LIMIT when the role has no share). */
  pCap: Int32Array;
  pFixedWfh: Int32Array;
  /** Flex cells of the person. */
  pFlex: Int32Array;

  /** Initial mode per cell (fixed modes; every other cell `onsite`). */
  mode0: Int8Array;
  flags: Uint8Array;

  /** Per unit × day (u * D + d). */
  uW: Int32Array;
  /** Limit of wfh people in the unit (NO_LIMIT when no rule). */
  uCap: Int32Array;
  uFixedWfh: Int32Array;
  /** Unit leaders working, their wfh limit, fixed wfh. */
  ulW: Int32Array;
  ulCap: Int32Array;
  ulFixedWfh: Int32Array;
  /** Per agency × day: agency leaders working, their wfh limit, fixed wfh; people working. */
  alW: Int32Array;
  alCap: Int32Array;
  alFixedWfh: Int32Array;
  aW: Int32Array;
  aFixedWfh: Int32Array;

  /** `wfhShare.scope`: SCOPE_NONE when there is no wfhShare rule. */
  scope: number;
  /** Number of scopes (agencies or units; 0 without rule). */
  nS: number;
  /** Per scope × day: lower bound ceil(min × W) (0 without min), upper bound floor(max × W) (W without max). */
  sLo: Int32Array;
  sHi: Int32Array;
  /** Goal count round(target × W) clamped into [lo, hi]; −1 without target. */
  sGoal: Int32Array;
  sW: Int32Array;
  sFixedWfh: Int32Array;
  hasTarget: boolean;

  /** Units of an agency (CSR). */
  agencyUnitStart: Int32Array;
  agencyUnits: Int32Array;
  /** Members of a unit and category, leaf index `u * 3 + cat` (CSR). */
  leafStart: Int32Array;
  leafMembers: Int32Array;
  /** People of a unit (CSR) and of an agency (CSR). */
  unitStart: Int32Array;
  unitMembers: Int32Array;
  agencyStart: Int32Array;
  agencyMembers: Int32Array;
  /** True when each agency's leaders all belong to one unit (the rules then form a tree per day). */
  agencyLeadersLaminar: boolean;
  flexCells: number;
}

/** round(share × W) with exact decimals (half up), as `ceilShare`/`floorShare`. */
export function roundShare(share: number, w: number): number {
  return Math.floor(share * w + 0.5 + 1e-9);
}

/** The goal of a scope on a day: round(target × W) clamped into [lo, hi] (lo wins when lo > hi). */
export function goalCount(target: number, w: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(roundShare(target, w), hi));
}

function csr(count: number, keyOf: (i: number) => number, total: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < total; i++) {
    const k = keyOf(i);
    if (k >= 0) start[k + 1]++;
  }
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const fill = start.slice(0, count);
  const items = new Int32Array(start[count]);
  for (let i = 0; i < total; i++) {
    const k = keyOf(i);
    if (k >= 0) items[fill[k]++] = i;
  }
  return { start, items };
}

export function compile(instance: ResolvedInstance): Model {
  const { agencies, units, people, policy } = instance;
  const days = instance.workdays;
  const D = days.length;
  const n = people.length;
  const nU = units.length;
  const nA = agencies.length;

  const dayIndex = new Map<string, number>();
  days.forEach((d, i) => dayIndex.set(d, i));
  const agencyIndex = new Map<string, number>();
  agencies.forEach((a, i) => agencyIndex.set(a.id, i));
  const unitIndex = new Map<string, number>();
  const unitAgency = new Int32Array(nU);
  units.forEach((u, i) => {
    unitIndex.set(u.id, i);
    const a = agencyIndex.get(u.agencyId);
    if (a === undefined) throw new Error(`Đơn vị ${u.id}: không có cơ quan mã ${u.agencyId}`);
    unitAgency[i] = a;
  });

  const requireEligibility = policy.requireEligibilityForWfh === true;
  const alwaysOnsite = new Set<PersonRole>(policy.alwaysOnSiteRoles ?? []);
  const shares = policy.minOnSiteShareByRole ?? {};
  const agencyLeaderRoles = new Set<PersonRole>(AGENCY_LEADER_ROLES);
  const unitLeaderRoles = new Set<PersonRole>(UNIT_LEADER_ROLES);

  const pUnit = new Int32Array(n);
  const pAgency = new Int32Array(n);
  const pCat = new Uint8Array(n);
  const pNoWfh = new Uint8Array(n);
  const pWorking = new Int32Array(n);
  const pShareReq = new Int32Array(n);
  const pCap = new Int32Array(n);
  const pFixedWfh = new Int32Array(n);
  const pFlex = new Int32Array(n);
  const mode0 = new Int8Array(n * D);
  const flags = new Uint8Array(n * D);

  const uW = new Int32Array(nU * D);
  const uFixedWfh = new Int32Array(nU * D);
  const ulW = new Int32Array(nU * D);
  const ulFixedWfh = new Int32Array(nU * D);
  const aW = new Int32Array(nA * D);
  const aFixedWfh = new Int32Array(nA * D);
  const alW = new Int32Array(nA * D);
  const alFixedWfh = new Int32Array(nA * D);
  let flexCells = 0;

  for (let p = 0; p < n; p++) {
    const person = people[p];
    const u = unitIndex.get(person.unitId);
    if (u === undefined) throw new Error(`Cán bộ ${person.id}: không có đơn vị mã ${person.unitId}`);
    const a = unitAgency[u];
    pUnit[p] = u;
    pAgency[p] = a;
    const cat = agencyLeaderRoles.has(person.role) ? CAT_AGENCY_LEADER : unitLeaderRoles.has(person.role) ? CAT_UNIT_LEADER : CAT_STAFF;
    pCat[p] = cat;
    let noWfh = 0;
    if (requireEligibility && person.canWorkFromHome === false) noWfh |= WHY_INELIGIBLE;
    if (alwaysOnsite.has(person.role)) noWfh |= WHY_ROLE;
    pNoWfh[p] = noWfh;
    const row = p * D;
    if (person.fixed) {
      for (const date in person.fixed) {
        const d = dayIndex.get(date);
        if (d === undefined) continue;
        mode0[row + d] = MODE_CODE[person.fixed[date]];
        flags[row + d] |= F_FIXED;
      }
    }
    if (person.duties) {
      for (const date of person.duties) {
        const d = dayIndex.get(date);
        if (d !== undefined) flags[row + d] |= F_DUTY;
      }
    }
    if (person.prefers) {
      for (const date in person.prefers) {
        const d = dayIndex.get(date);
        if (d === undefined) continue;
        flags[row + d] |= person.prefers[date] === 'wfh' ? F_PREF_WFH : F_PREF_ONSITE;
      }
    }
    let working = 0;
    let fixedWfh = 0;
    let flex = 0;
    for (let d = 0; d < D; d++) {
      const c = row + d;
      const m = mode0[c];
      if (m === LEAVE || m === TRIP) continue;
      working++;
      const ud = u * D + d;
      const ad = a * D + d;
      uW[ud]++;
      aW[ad]++;
      if (cat === CAT_UNIT_LEADER) ulW[ud]++;
      if (cat === CAT_AGENCY_LEADER) alW[ad]++;
      if (m === WFH) {
        fixedWfh++;
        uFixedWfh[ud]++;
        aFixedWfh[ad]++;
        if (cat === CAT_UNIT_LEADER) ulFixedWfh[ud]++;
        if (cat === CAT_AGENCY_LEADER) alFixedWfh[ad]++;
      } else if ((flags[c] & F_FIXED) === 0 && noWfh === 0 && (flags[c] & F_DUTY) === 0) {
        flags[c] |= F_FLEX;
        flex++;
      }
    }
    pWorking[p] = working;
    pFixedWfh[p] = fixedWfh;
    pFlex[p] = flex;
    flexCells += flex;
    const share = shares[person.role];
    if (share !== undefined && share !== null) {
      const req = ceilShare(share, working);
      pShareReq[p] = req;
      pCap[p] = working - req;
    } else {
      pShareReq[p] = -1;
      pCap[p] = NO_LIMIT;
    }
  }

  const minPeople = policy.minOnSitePerUnit?.people ?? null;
  const minLeaders = policy.minOnSitePerUnit?.leaders ?? null;
  const minAgencyLeaders = policy.minAgencyLeadersOnSite ?? null;
  const uCap = new Int32Array(nU * D);
  const ulCap = new Int32Array(nU * D);
  for (let i = 0; i < nU * D; i++) {
    uCap[i] = minPeople === null ? NO_LIMIT : uW[i] - Math.min(minPeople, uW[i]);
    ulCap[i] = minLeaders === null ? NO_LIMIT : ulW[i] - Math.min(minLeaders, ulW[i]);
  }
  const alCap = new Int32Array(nA * D);
  for (let i = 0; i < nA * D; i++) {
    alCap[i] = minAgencyLeaders === null ? NO_LIMIT : alW[i] - Math.min(minAgencyLeaders, alW[i]);
  }

  const ws = policy.wfhShare ?? null;
  const scope = ws === null ? SCOPE_NONE : ws.scope === 'unit' ? SCOPE_UNIT : SCOPE_AGENCY;
  const nS = scope === SCOPE_NONE ? 0 : scope === SCOPE_UNIT ? nU : nA;
  const sW = scope === SCOPE_UNIT ? uW : scope === SCOPE_AGENCY ? aW : new Int32Array(0);
  const sFixedWfh = scope === SCOPE_UNIT ? uFixedWfh : scope === SCOPE_AGENCY ? aFixedWfh : new Int32Array(0);
  const sLo = new Int32Array(nS * D);
  const sHi = new Int32Array(nS * D);
  const sGoal = new Int32Array(nS * D).fill(-1);
  const min = ws?.min ?? null;
  const max = ws?.max ?? null;
  const target = ws?.target ?? null;
  for (let i = 0; i < nS * D; i++) {
    const w = sW[i];
    sLo[i] = min === null ? 0 : ceilShare(min, w);
    sHi[i] = max === null ? w : floorShare(max, w);
    if (target !== null) sGoal[i] = goalCount(target, w, sLo[i], sHi[i]);
  }

  const ag = csr(nA, (u) => unitAgency[u], nU);
  const leaves = csr(nU * 3, (p) => pUnit[p] * 3 + pCat[p], n);
  const um = csr(nU, (p) => pUnit[p], n);
  const am = csr(nA, (p) => pAgency[p], n);

  let laminar = true;
  const leaderUnit = new Int32Array(nA).fill(-1);
  for (let p = 0; p < n; p++) {
    if (pCat[p] !== CAT_AGENCY_LEADER) continue;
    const a = pAgency[p];
    if (leaderUnit[a] === -1) leaderUnit[a] = pUnit[p];
    else if (leaderUnit[a] !== pUnit[p]) laminar = false;
  }

  return {
    instance,
    n,
    D,
    nU,
    nA,
    days,
    pUnit,
    pAgency,
    uAgency: unitAgency,
    pCat,
    pNoWfh,
    pWorking,
    pShareReq,
    pCap,
    pFixedWfh,
    pFlex,
    mode0,
    flags,
    uW,
    uCap,
    uFixedWfh,
    ulW,
    ulCap,
    ulFixedWfh,
    alW,
    alCap,
    alFixedWfh,
    aW,
    aFixedWfh,
    scope,
    nS,
    sLo,
    sHi,
    sGoal,
    sW,
    sFixedWfh,
    hasTarget: target !== null && scope !== SCOPE_NONE,
    agencyUnitStart: ag.start,
    agencyUnits: ag.items,
    leafStart: leaves.start,
    leafMembers: leaves.items,
    unitStart: um.start,
    unitMembers: um.items,
    agencyStart: am.start,
    agencyMembers: am.items,
    agencyLeadersLaminar: laminar,
    flexCells,
  };
}
