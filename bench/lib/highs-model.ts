/**
 * The roster problem of formats/roster.md as a MILP for HiGHS (npm `highs`, WebAssembly), with exactly
 * the solver's score (shared/domain/roster/solver/index.ts), to measure the solver's gap and to confirm
 * feasibility and optimality on small instances in tests. Written from the instance directly (it does not
 * use the solver's compiled model), so that it checks the solver's reading of the rules too.
 *
 * Variables: x[p,d] ∈ {0,1} (1 = wfh) for each cell the roster may choose: a working day (not fixed),
 * person allowed at home (eligibility, role), no duty. Fixed days are constants, other cells `onsite`.
 * Σ wfh_days² is exact and linear: for a person with f fixed home days and F free cells,
 * z[p,k] ∈ [0,1] (k = 1..F) with cost (f + k)² − (f + k − 1)² = 2(f + k) − 1 (increasing, so the LP
 * fills them in order) and Σ_k z[p,k] = Σ_d x[p,d]; plus the constant f².
 * Rows (fixed counts moved to the right-hand side; limits already broken by fixed days are clamped at
 * 0, as the solver keeps them): role share per person, unit people / unit leaders per unit-day, agency
 * leaders per agency-day, [ceil(min × W), floor(max × W)] per scope-day, and |wfh − goal| ≤ dev.
 */
import loadHighs from 'highs';
import {
  AGENCY_LEADER_ROLES,
  UNIT_LEADER_ROLES,
  ceilShare,
  floorShare,
  type PersonRole,
  type ResolvedInstance,
  type Roster,
} from '../../shared/domain/roster/format';
import { goalCount } from '../../shared/domain/roster/solver';

type HighsModule = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<HighsModule> | null = null;
export function highs(): Promise<HighsModule> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export interface MilpModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
  offset: number;
  /** Cell (p * D + d) of each x column (x columns come first). */
  xCell: Int32Array;
  xCount: number;
  /** Cells whose rule-free value is known: 0 onsite, 1 wfh, 2 leave, 3 trip; −1 for x cells. */
  constMode: Int8Array;
  /** Trivially infeasible before solving (a scope-day's bounds cross). */
  trivialInfeasible: boolean;
}

const INF = 1e30;

/** Weight of one violation in the `softMinimums` model (far above any score of a small instance). */
export const VIOLATION_WEIGHT = 1_000_000;

/**
 * `softMinimums`: the fewest-violations model of an infeasible instance, as the solver reads it: a
 * scope-day minimum may be missed (one violation) and a role share broken (one violation per person,
 * none when fixed days already break it); limits and fixed days stay hard. Objective:
 * VIOLATION_WEIGHT × violations + score.
 */
export function buildMilp(instance: ResolvedInstance, options: { softMinimums?: boolean } = {}): MilpModel {
  const soft = options.softMinimums === true;
  const { agencies, units, people, policy } = instance;
  const days = instance.workdays;
  const D = days.length;
  const n = people.length;
  const nU = units.length;
  const nA = agencies.length;
  const dayIdx = new Map(days.map((d, i) => [d, i]));
  const agencyIdx = new Map(agencies.map((a, i) => [a.id, i]));
  const unitIdx = new Map(units.map((u, i) => [u.id, i]));
  const unitAgency = units.map((u) => agencyIdx.get(u.agencyId)!);
  const isAL = new Set<PersonRole>(AGENCY_LEADER_ROLES);
  const isUL = new Set<PersonRole>(UNIT_LEADER_ROLES);
  const always = new Set<PersonRole>(policy.alwaysOnSiteRoles ?? []);
  const elig = policy.requireEligibilityForWfh === true;
  const ws = policy.wfhShare ?? null;
  const byUnit = ws?.scope === 'unit';
  const nS = ws ? (byUnit ? nU : nA) : 0;

  const constMode = new Int8Array(n * D);
  const isX = new Uint8Array(n * D);
  const uW = new Int32Array(nU * D),
    uF = new Int32Array(nU * D),
    ulW = new Int32Array(nU * D),
    ulF = new Int32Array(nU * D);
  const aW = new Int32Array(nA * D),
    aF = new Int32Array(nA * D),
    alW = new Int32Array(nA * D),
    alF = new Int32Array(nA * D);
  const pWork = new Int32Array(n),
    pF = new Int32Array(n),
    pX = new Int32Array(n);
  const allowed = new Uint8Array(n);
  let offset = 0;
  let xCount = 0;
  const code = { onsite: 0, wfh: 1, leave: 2, business_trip: 3 } as const;
  for (let p = 0; p < n; p++) {
    const person = people[p];
    const u = unitIdx.get(person.unitId)!;
    const a = unitAgency[u];
    allowed[p] = !(elig && person.canWorkFromHome === false) && !always.has(person.role) ? 1 : 0;
    const fixed = new Int8Array(D).fill(-1);
    for (const [date, mode] of Object.entries(person.fixed ?? {})) {
      const d = dayIdx.get(date);
      if (d !== undefined) fixed[d] = code[mode];
    }
    const duty = new Uint8Array(D);
    for (const date of person.duties ?? []) {
      const d = dayIdx.get(date);
      if (d !== undefined) duty[d] = 1;
    }
    for (let d = 0; d < D; d++) {
      const c = p * D + d;
      const f = fixed[d];
      if (f === 2 || f === 3) {
        constMode[c] = f;
        continue;
      }
      pWork[p]++;
      uW[u * D + d]++;
      aW[a * D + d]++;
      if (isUL.has(person.role)) ulW[u * D + d]++;
      if (isAL.has(person.role)) alW[a * D + d]++;
      if (f === 1) {
        constMode[c] = 1;
        pF[p]++;
        uF[u * D + d]++;
        aF[a * D + d]++;
        if (isUL.has(person.role)) ulF[u * D + d]++;
        if (isAL.has(person.role)) alF[a * D + d]++;
      } else if (f === 0 || !allowed[p] || duty[d]) {
        constMode[c] = 0;
      } else {
        constMode[c] = -1;
        isX[c] = 1;
        pX[p]++;
        xCount++;
      }
    }
    if (allowed[p]) offset += pF[p] * pF[p];
  }

  const hasTarget = ws !== null && ws.target != null;
  // Rows.
  const softScope: number[] = []; // scope-day i with a soft minimum (its row gets a slack column)
  const softCap: number[] = []; // person p with a soft role share
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lo: number, hi: number): number => {
    rowLower.push(lo);
    rowUpper.push(hi);
    return rowLower.length - 1;
  };
  const linkRow = new Int32Array(n).fill(-1);
  const capRow = new Int32Array(n).fill(-1);
  const shares = policy.minOnSiteShareByRole ?? {};
  for (let p = 0; p < n; p++) {
    if (!allowed[p] || pX[p] === 0) continue;
    linkRow[p] = addRow(0, 0);
    const s = shares[people[p].role];
    if (s != null) {
      capRow[p] = addRow(-INF, Math.max(0, pWork[p] - ceilShare(s, pWork[p]) - pF[p]));
      if (soft) softCap.push(p);
    }
  }
  const minPeople = policy.minOnSitePerUnit?.people ?? null;
  const minLeaders = policy.minOnSitePerUnit?.leaders ?? null;
  const minAL = policy.minAgencyLeadersOnSite ?? null;
  const unitRow = new Int32Array(nU * D).fill(-1);
  const ulRow = new Int32Array(nU * D).fill(-1);
  const alRow = new Int32Array(nA * D).fill(-1);
  for (let i = 0; i < nU * D; i++) {
    if (minPeople !== null) unitRow[i] = addRow(-INF, Math.max(0, uW[i] - Math.min(minPeople, uW[i]) - uF[i]));
    if (minLeaders !== null) ulRow[i] = addRow(-INF, Math.max(0, ulW[i] - Math.min(minLeaders, ulW[i]) - ulF[i]));
  }
  if (minAL !== null) for (let i = 0; i < nA * D; i++) alRow[i] = addRow(-INF, Math.max(0, alW[i] - Math.min(minAL, alW[i]) - alF[i]));
  const scopeRow = new Int32Array(nS * D).fill(-1);
  const scopeLoRow = new Int32Array(nS * D).fill(-1);
  const devPlus = new Int32Array(nS * D).fill(-1);
  const devMinus = new Int32Array(nS * D).fill(-1);
  let trivialInfeasible = false;
  if (ws) {
    const W = byUnit ? uW : aW;
    const F = byUnit ? uF : aF;
    for (let i = 0; i < nS * D; i++) {
      const lo = ws.min == null ? 0 : ceilShare(ws.min, W[i]);
      const hi = ws.max == null ? W[i] : floorShare(ws.max, W[i]);
      const rl = Math.max(0, lo - F[i]);
      const ru = Math.max(0, hi - F[i]);
      if (rl > ru && !soft) trivialInfeasible = true;
      if (soft && rl > 0) {
        scopeRow[i] = addRow(-INF, ru);
        scopeLoRow[i] = addRow(rl, INF);
        softScope.push(i);
      } else scopeRow[i] = addRow(rl, ru);
      if (hasTarget) {
        const g = goalCount(ws.target as number, W[i], lo, hi);
        // dev − Σx ≥ F − g ; dev + Σx ≥ g − F
        devPlus[i] = addRow(F[i] - g, INF);
        devMinus[i] = addRow(g - F[i], INF);
      }
    }
  }
  const numRows = rowLower.length;

  // Columns: x (binary), then z per allowed person, then dev per scope-day.
  const xCell = new Int32Array(xCount);
  const xCol = new Int32Array(n * D).fill(-1);
  for (let c = 0, k = 0; c < n * D; c++)
    if (isX[c]) {
      xCol[c] = k;
      xCell[k++] = c;
    }
  const zStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) zStart[p + 1] = zStart[p] + (allowed[p] ? pX[p] : 0);
  const zCount = zStart[n];
  const devCount = hasTarget ? nS * D : 0;
  const softBase = xCount + zCount + devCount;
  const numCols = softBase + softScope.length + softCap.length;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols);
  for (let k = 0; k < xCount; k++) integrality[k] = 1;
  for (let p = 0; p < n; p++) {
    for (let k = 1; k <= zStart[p + 1] - zStart[p]; k++) colCost[xCount + zStart[p] + k - 1] = 2 * (pF[p] + k) - 1;
  }
  for (let i = 0; i < devCount; i++) {
    colCost[xCount + zCount + i] = 1000;
    colUpper[xCount + zCount + i] = INF;
  }
  const shareOf = policy.minOnSiteShareByRole ?? {};
  for (let k = 0; k < softScope.length + softCap.length; k++) {
    const c = softBase + k;
    integrality[c] = 1;
    if (k < softScope.length) colCost[c] = VIOLATION_WEIGHT;
    else {
      const p = softCap[k - softScope.length];
      const cap = pWork[p] - ceilShare(shareOf[people[p].role] as number, pWork[p]);
      colCost[c] = pF[p] > cap ? 0 : VIOLATION_WEIGHT; // a share already broken by fixed days costs nothing more
    }
  }
  // Preferences: constant for non-x cells, linear for x cells.
  for (let p = 0; p < n; p++) {
    for (const [date, pref] of Object.entries(people[p].prefers ?? {})) {
      const d = dayIdx.get(date);
      if (d === undefined) continue;
      const c = p * D + d;
      const want = pref === 'wfh' ? 1 : 0;
      if (isX[c]) {
        if (want === 1) {
          offset += 10;
          colCost[xCol[c]] -= 10;
        } else colCost[xCol[c]] += 10;
      } else if (constMode[c] !== want) offset += 10;
    }
  }

  // Matrix (CSC).
  const starts = new Int32Array(numCols + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let k = 0; k < xCount; k++) {
    const c = xCell[k];
    const p = (c / D) | 0;
    const d = c % D;
    const u = unitIdx.get(people[p].unitId)!;
    const a = unitAgency[u];
    const role = people[p].role;
    const put = (r: number, v: number): void => {
      if (r >= 0) {
        idx.push(r);
        val.push(v);
      }
    };
    put(linkRow[p], -1);
    put(capRow[p], 1);
    put(unitRow[u * D + d], 1);
    if (isUL.has(role)) put(ulRow[u * D + d], 1);
    if (isAL.has(role)) put(alRow[a * D + d], 1);
    if (ws) {
      const s = byUnit ? u : a;
      put(scopeRow[s * D + d], 1);
      put(scopeLoRow[s * D + d], 1);
      if (hasTarget) {
        put(devPlus[s * D + d], -1);
        put(devMinus[s * D + d], 1);
      }
    }
    starts[k + 1] = idx.length;
  }
  for (let p = 0; p < n; p++) {
    for (let k = zStart[p]; k < zStart[p + 1]; k++) {
      idx.push(linkRow[p]);
      val.push(1);
      starts[xCount + k + 1] = idx.length;
    }
  }
  for (let i = 0; i < devCount; i++) {
    idx.push(devPlus[i], devMinus[i]);
    val.push(1, 1);
    starts[xCount + zCount + i + 1] = idx.length;
  }
  for (let k = 0; k < softScope.length + softCap.length; k++) {
    if (k < softScope.length) {
      const i = softScope[k];
      idx.push(scopeLoRow[i]);
      val.push(rowLower[scopeLoRow[i]]); // Σx + lo·y ≥ lo
    } else {
      const p = softCap[k - softScope.length];
      idx.push(capRow[p]);
      val.push(-D); // Σx − D·z ≤ cap
    }
    starts[softBase + k + 1] = idx.length;
  }
  return {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(idx),
    values: Float64Array.from(val),
    integrality,
    offset,
    xCell,
    xCount,
    constMode,
    trivialInfeasible,
  };
}

export interface MilpResult {
  /** HiGHS model status text, e.g. "Optimal", "Infeasible", "Time limit reached". */
  status: string;
  optimal: boolean;
  infeasible: boolean;
  /** Score of the best roster found (objective incl. constants), null if none. */
  objective: number | null;
  /** Best lower bound on the score (equals objective when optimal). */
  bound: number | null;
  seconds: number;
  cols: number;
  rows: number;
  nonzeros: number;
  /** The best roster found. */
  roster: Roster | null;
}

const MODES = ['onsite', 'wfh', 'leave', 'business_trip'] as const;

/** Solves the MILP. `timeLimit` in seconds. */
export async function solveMilp(instance: ResolvedInstance, options: { timeLimit?: number; log?: boolean; softMinimums?: boolean } = {}): Promise<MilpResult> {
  const h = await highs();
  const t0 = performance.now();
  const mm = buildMilp(instance, { softMinimums: options.softMinimums });
  const model = h.createModel({
    numCols: mm.numCols,
    numRows: mm.numRows,
    offset: mm.offset,
    colCost: mm.colCost,
    colLower: mm.colLower,
    colUpper: mm.colUpper,
    rowLower: mm.rowLower,
    rowUpper: mm.rowUpper,
    matrix: { format: 'csc', numRows: mm.numRows, numCols: mm.numCols, starts: mm.starts, indices: mm.indices, values: mm.values },
    integrality: mm.integrality,
  });
  try {
    model.options.set({ output_flag: options.log === true, mip_rel_gap: 0, mip_abs_gap: 0.999, time_limit: options.timeLimit ?? 600 });
    model.run();
    const statusCode = model.getModelStatus();
    const status = modelStatusText(h, statusCode);
    const optimal = statusCode === h.constants.modelStatus.optimal;
    const infeasible = statusCode === h.constants.modelStatus.infeasible;
    let objective: number | null = null;
    let bound: number | null = null;
    let roster: Roster | null = null;
    const primal = Number(model.info.get('primal_solution_status'));
    if (!infeasible && primal === 2) {
      objective = Math.round(model.getObjectiveValue());
      const x = model.getSolution().colValue;
      const { people } = instance;
      const D = instance.workdays.length;
      const mode = Int8Array.from(mm.constMode);
      for (let k = 0; k < mm.xCount; k++) mode[mm.xCell[k]] = x[k] > 0.5 ? 1 : 0;
      const assignments = [];
      for (let c = 0; c < mode.length; c++) {
        assignments.push({ personId: people[(c / D) | 0].id, date: instance.workdays[c % D], mode: MODES[mode[c]] });
      }
      roster = { format: 'congvu.assignments/1', assignments };
    }
    if (!infeasible) {
      try {
        const b = Number(model.info.get('mip_dual_bound'));
        bound = Number.isFinite(b) ? b : null;
      } catch {
        bound = null;
      }
      if (optimal && objective !== null) bound = objective;
    }
    return {
      status,
      optimal,
      infeasible,
      objective,
      bound,
      seconds: (performance.now() - t0) / 1000,
      cols: mm.numCols,
      rows: mm.numRows,
      nonzeros: mm.indices.length,
      roster,
    };
  } finally {
    model.dispose();
  }
}

function modelStatusText(h: HighsModule, code: number): string {
  for (const [k, v] of Object.entries(h.constants.modelStatus)) if (v === code) return k;
  return String(code);
}
