/**
 * Roster generator (GitHub issue 3): from a `congvu.roster/1` instance, a `congvu.assignments/1`
 * roster. Pure and isomorphic (no I/O): the CLI (`congvu roster solve`) and the app's "Tạo lịch tự động"
 * button call `solveRoster` with pinned cells as `fixed`, wishes as `prefers` and duties as `duties`.
 *
 * ## Hard rules
 * Every rule of formats/roster.md, and every `fixed` day is kept. A day that is not fixed becomes
 * `onsite` or `wfh` (the solver never invents leave or a business trip). Whenever some such roster
 * meets every rule, the returned one does (`feasible: true`, no violations).
 *
 * ## Score (minimised)
 *
 *   score = 1000 × Σ_{days, scopes} |wfh − goal|  +  10 × (unmet prefers)  +  Σ_people wfh_days²
 *
 * - goal = round(target × W) clamped into [ceil(min × W), floor(max × W)] for each scope (agency or
 *   unit, `wfhShare.scope`) and working day, W = people of the scope working that day (not on leave nor
 *   on a business trip); shares are exact decimals, round half up; no term without `wfhShare.target`.
 *   When ceil(min × W) > floor(max × W) the goal is ceil(min × W).
 * - an unmet prefer is a `prefers` entry on a working day whose assigned mode is not the wish (a wish
 *   on a day fixed to leave is unmet, and counts the same in every roster).
 * - wfh_days = days at home in the period (fixed ones included), summed over people allowed to work
 *   from home: not `canWorkFromHome: false` under `requireEligibilityForWfh`, role not in
 *   `alwaysOnSiteRoles`. The square spreads home days evenly over the people who may have them.
 *
 * ## When the rules cannot all hold
 * The roster returned has the fewest violations among rosters that keep every fixed day (a pinned cell
 * is never changed, so `fixed_day_changed` never appears). Violations of fixed days themselves (a duty
 * on a day fixed to leave, an ineligible person fixed at home, fixed home days beyond a limit) are kept
 * and no other day deepens them. Limits (people / leaders on site, floor(max × W)) are never broken by
 * a day the solver chose: breaking one removes at most one other violation. Minimums ceil(min × W) are
 * met wherever possible, and when they cannot all be, as many scope-days as possible are completed; a
 * role share (one violation per person however many days) is broken when that leaves fewer violations
 * in total. Each violation left is listed with a message saying why (`violations`, with the
 * checker's keys and order; Vietnamese, or English with `lang: 'en'`), e.g. which people are away,
 * ineligible, on duty or out of home days.
 *
 * ## Algorithm (core.ts)
 * The rules are bounds on counts of people at home; with agency leaders in one unit they form, per day,
 * a tree (cells → unit leaders / agency leaders / staff of a unit → unit → agency), and with the
 * people's limits over the period a flow network. Greedy day-by-day fill (fewest home days first), then
 * breadth-first augmenting paths on the implicit residual network: minimums (exact max-flow), fewest
 * violations (completing scope-days, relaxing role shares), goals; then balancing paths from people
 * with k home days to people with ≤ k − 2 (each lowers Σ wfh² by ≥ 2; level by level this reaches the
 * least Σ wfh² for the goal counts), cost-aware paths and swaps for wishes. Typed arrays only, no
 * per-cell objects; failed searches mark their region dead for the phase. Measured against the exact
 * MILP (HiGHS): docs/BENCHMARKS.md, "roster solver".
 *
 * Limitation: when an agency's leaders belong to several units, their daily limit crosses the units'
 * and is checked as a side constraint; feasibility was still exact in every test, but goals and the
 * fewest-violations count may then miss the optimum.
 */
import type { Mode, ResolvedInstance, Roster, Violation } from '../format';
import { State, type CoreStats } from './core';
import { explainViolations } from './explain';
import { F_PREF_ONSITE, F_PREF_WFH, MODE_CODE, MODE_NAME, ONSITE, WFH, compile, goalCount, type Model } from './model';

export { compareViolations } from '../order';
export { goalCount, roundShare } from './model';

/** The score and its terms (see the module comment). */
export interface RosterScore {
  /** 1000 × goalDeviation + 10 × unmetPrefers + fairness. */
  total: number;
  /** Σ over scopes and days of |wfh − goal| (0 without `wfhShare.target`). */
  goalDeviation: number;
  unmetPrefers: number;
  /** Σ wfh_days² over the people allowed to work from home. */
  fairness: number;
}

export interface SolveOptions {
  /** Build the `roster` object (default true). The bench turns it off to time the search alone. */
  buildRoster?: boolean;
  /** Language of the violations' explanations: 'en' for English, Vietnamese otherwise (default 'vi'). */
  lang?: string;
}

export interface SolveResult {
  /** One assignment per person per working day (person order, then day order). */
  roster: Roster;
  /** True when every hard rule holds (then `violations` is empty). */
  feasible: boolean;
  /** Violations left (only when no roster can meet every rule), each saying why, sorted like the checker. */
  violations: Violation[];
  score: RosterScore;
  stats: SolveStats;
}

export interface SolveStats extends CoreStats {
  people: number;
  days: number;
  /** Cells the solver decided (not fixed, person allowed at home, no duty). */
  flexCells: number;
  /** Wall time of the whole call in milliseconds. */
  ms: number;
}

export const SCORE_WEIGHTS = { goalDeviation: 1000, unmetPrefers: 10, fairness: 1 } as const;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function total(goalDeviation: number, unmetPrefers: number, fairness: number): RosterScore {
  return {
    total: SCORE_WEIGHTS.goalDeviation * goalDeviation + SCORE_WEIGHTS.unmetPrefers * unmetPrefers + fairness,
    goalDeviation,
    unmetPrefers,
    fairness,
  };
}

/** Score of the solver's state. */
function scoreState(st: State): RosterScore {
  const m = st.m;
  let dev = 0;
  if (m.hasTarget) for (let sd = 0; sd < m.nS * m.D; sd++) dev += Math.abs(st.sCnt(sd) - m.sGoal[sd]);
  let unmet = 0;
  for (let c = 0; c < m.n * m.D; c++) {
    const f = m.flags[c];
    if (f & F_PREF_WFH && st.mode[c] !== WFH) unmet++;
    else if (f & F_PREF_ONSITE && st.mode[c] !== ONSITE) unmet++;
  }
  let fair = 0;
  for (let p = 0; p < m.n; p++) if (m.pNoWfh[p] === 0) fair += st.pc[p] * st.pc[p];
  return total(dev, unmet, fair);
}

function buildRoster(m: Model, mode: Int8Array): Roster {
  const { n, D, days } = m;
  const people = m.instance.people;
  const assignments = new Array(n * D);
  for (let p = 0, c = 0; p < n; p++) {
    const personId = people[p].id;
    for (let d = 0; d < D; d++, c++) assignments[c] = { personId, date: days[d], mode: MODE_NAME[mode[c]] };
  }
  return { format: 'congvu.assignments/1', assignments };
}

/**
 * Generates a roster for the instance (working days resolved: `resolveWorkdays`). Pinned cells are
 * `fixed` days, wishes `prefers`, duty days `duties`. Never throws on an infeasible instance: the result
 * then has `feasible: false` and the violations that no roster can avoid, each explained.
 */
export function solveRoster(instance: ResolvedInstance, options: SolveOptions = {}): SolveResult {
  const t0 = now();
  const m = compile(instance);
  const st = new State(m);
  st.run();
  const score = scoreState(st);
  const violations = explainViolations(st, options.lang);
  const roster = options.buildRoster === false ? { format: 'congvu.assignments/1' as const, assignments: [] } : buildRoster(m, st.mode);
  return {
    roster,
    feasible: violations.length === 0,
    violations,
    score,
    stats: { ...st.stats, people: m.n, days: m.D, flexCells: m.flexCells, ms: now() - t0 },
  };
}

/**
 * The score of any complete roster of the instance (same definition as the solver's). W is counted
 * from the roster's modes; an assignment for an unknown person or day is ignored.
 */
export function scoreRoster(instance: ResolvedInstance, roster: Roster): RosterScore {
  const m = compile(instance);
  const { n, D } = m;
  const personIndex = new Map<string, number>();
  instance.people.forEach((p, i) => personIndex.set(p.id, i));
  const dayIndex = new Map<string, number>();
  m.days.forEach((d, i) => dayIndex.set(d, i));
  const mode = new Int8Array(n * D).fill(-1);
  for (const a of roster.assignments) {
    const p = personIndex.get(a.personId);
    const d = dayIndex.get(a.date);
    if (p === undefined || d === undefined || mode[p * D + d] !== -1) continue;
    mode[p * D + d] = MODE_CODE[a.mode as Mode];
  }
  let dev = 0;
  const ws = instance.policy.wfhShare ?? null;
  if (m.hasTarget && ws) {
    const byUnit = m.scope === 2;
    const nS = m.nS;
    const W = new Int32Array(nS * D);
    const H = new Int32Array(nS * D);
    for (let p = 0; p < n; p++) {
      const s = byUnit ? m.pUnit[p] : m.pAgency[p];
      for (let d = 0; d < D; d++) {
        const x = mode[p * D + d];
        if (x === ONSITE || x === WFH) W[s * D + d]++;
        if (x === WFH) H[s * D + d]++;
      }
    }
    for (let sd = 0; sd < nS * D; sd++) {
      const w = W[sd];
      const lo = ws.min == null ? 0 : Math.ceil(ws.min * w - 1e-9);
      const hi = ws.max == null ? w : Math.floor(ws.max * w + 1e-9);
      dev += Math.abs(H[sd] - goalCount(ws.target as number, w, lo, hi));
    }
  }
  let unmet = 0;
  let fair = 0;
  for (let p = 0; p < n; p++) {
    let home = 0;
    for (let d = 0; d < D; d++) {
      const c = p * D + d;
      const f = m.flags[c];
      if (f & F_PREF_WFH && mode[c] !== WFH) unmet++;
      else if (f & F_PREF_ONSITE && mode[c] !== ONSITE) unmet++;
      if (mode[c] === WFH) home++;
    }
    if (m.pNoWfh[p] === 0) fair += home * home;
  }
  return total(dev, unmet, fair);
}
