/**
 * The solver's search, on the compiled model (model.ts). See index.ts for the score and the guarantees.
 *
 * The hard rules, as bounds on counts of people at home, form a flow network per working day:
 *
 *   S ─→ person p ─(cell p,d)→ leaf(unit, category, d) ─→ unit-day ─→ scope-day ─→ T
 *
 * (S→p: at most p's allowed wfh days; leaf→unit: unit-leader / agency-leader limits; unit-day: the
 * unit's limit; scope-day → T: [ceil(min × W), floor(max × W)] and the goal). A roster is a flow: the
 * cells at home. The phases:
 *  1. greedy, day by day: each scope-day is filled up to its goal (or minimum) with the people who have
 *     the fewest home days so far (preferences and future availability break ties);
 *  2. minimums: every scope-day below ceil(min × W) gets augmenting paths in the residual network
 *     (exact: when none exists, no roster meets all minimums — max-flow/min-cut);
 *  3. fewest violations, only when minimums fail: complete as many scope-days as possible (taking from
 *     days that stay violated anyway), and break role shares when that removes more violations;
 *  4. goals: augmenting paths towards round(target × W), never pushing another scope-day off its goal;
 *  5. balancing: paths from a person with k home days to one with ≤ k − 2 (each lowers Σ wfh² by at
 *     least 2), level by level from the top; cost-neutral moves of a home day between days of a scope
 *     (through T) are allowed;
 *  6. wishes: swaps, day shifts and wish-neutral paths (forward and backward searches) that meet a wish
 *     and lower the score; then balancing again and cost-aware swaps inside units and agencies.
 * Searches are breadth-first on the implicit residual graph (no edge lists); failed searches mark their
 * nodes dead for the rest of the phase (a failed region stays failed, the standard blocking argument).
 */
import { CAT_AGENCY_LEADER, CAT_UNIT_LEADER, F_FLEX, F_PREF_ONSITE, F_PREF_WFH, NO_LIMIT, ONSITE, SCOPE_AGENCY, SCOPE_UNIT, WFH, type Model } from './model';

const MODE_LOWER = 0;
const MODE_GOAL = 1;
const MODE_BALANCE = 2;
/** Reverse search for a wish to be on site: sources are the wisher or people with few home days. */
const MODE_WISH = 3;
/** Completing one scope-day's minimum with units from scope-days that stay below theirs anyway. */
const MODE_CONCENTRATE = 4;
/** Nodes a wish search may reach before giving up (wishes are many; paths that pay are short). */
const WISH_BUDGET = 4000;

export interface CoreStats {
  greedyAdds: number;
  lowerAugments: number;
  goalAugments: number;
  balanceAugments: number;
  prefMoves: number;
  searches: number;
}

export class State {
  readonly m: Model;
  readonly mode: Int8Array;
  /** wfh days per person (fixed included). */
  readonly pc: Int32Array;
  /** Flex cells at home per leaf ((u * 3 + cat) * D + d). */
  readonly leafFlex: Int32Array;
  /** wfh per unit-day, unit leaders per unit-day, agency leaders per agency-day, all per agency-day (fixed included). */
  readonly uCnt: Int32Array;
  readonly ulCnt: Int32Array;
  readonly alCnt: Int32Array;
  readonly aCnt: Int32Array;
  /** Limit of the unit-day → scope arc: unit limit, and floor(max × W) with unit scope. */
  readonly uCapEff: Int32Array;
  /** Largest allowed number of home days per person: the role share's, unless relaxed (relaxShares). */
  readonly pCap: Int32Array;
  /** People whose role share the solver chose to break because that leaves fewer violations. */
  readonly relaxed: number[] = [];

  // Search buffers (one node per person, leaf, unit-day, agency-day).
  private readonly N: number;
  private readonly leafBase: number;
  private readonly unitBase: number;
  private readonly agencyBase: number;
  private readonly stamp: Int32Array;
  private readonly dead: Int32Array;
  private readonly next: Int32Array;
  private readonly queue: Int32Array;
  private stampId = 0;
  private deadId = 0;
  private searchMode = MODE_LOWER;
  private balanceLevel = 0;
  private target = -1;
  private wisher = -1;
  private processed: Uint8Array | null = null;
  /** Cell flips since `journal` was set (to undo an attempt). */
  private journal: number[] | null = null;
  /** Persons reached by the last search (for explanations). */
  lastQueueLength = 0;
  readonly stats: CoreStats = { greedyAdds: 0, lowerAugments: 0, goalAugments: 0, balanceAugments: 0, prefMoves: 0, searches: 0 };

  constructor(m: Model) {
    this.m = m;
    const { n, D, nU, nA } = m;
    this.mode = m.mode0.slice();
    this.pc = m.pFixedWfh.slice();
    this.leafFlex = new Int32Array(nU * 3 * D);
    this.uCnt = m.uFixedWfh.slice();
    this.ulCnt = m.ulFixedWfh.slice();
    this.alCnt = m.alFixedWfh.slice();
    this.aCnt = m.aFixedWfh.slice();
    this.uCapEff = m.uCap.slice();
    this.pCap = m.pCap.slice();
    if (m.scope === SCOPE_UNIT) for (let i = 0; i < nU * D; i++) if (m.sHi[i] < this.uCapEff[i]) this.uCapEff[i] = m.sHi[i];
    this.leafBase = n;
    this.unitBase = n + 3 * nU * D;
    this.agencyBase = n + 4 * nU * D;
    this.N = this.agencyBase + nA * D;
    this.stamp = new Int32Array(this.N);
    this.dead = new Int32Array(this.N);
    this.next = new Int32Array(this.N);
    this.queue = new Int32Array(this.N);
  }

  // ---------------------------------------------------------------- counts

  /** wfh count of scope s on day d (fixed included). */
  sCnt(sd: number): number {
    return this.m.scope === SCOPE_UNIT ? this.uCnt[sd] : this.aCnt[sd];
  }

  canAdd(p: number, d: number): boolean {
    const m = this.m;
    const c = p * m.D + d;
    if ((m.flags[c] & F_FLEX) === 0 || this.mode[c] !== ONSITE) return false;
    if (this.pc[p] >= this.pCap[p]) return false;
    const ud = m.pUnit[p] * m.D + d;
    if (this.uCnt[ud] >= this.uCapEff[ud]) return false;
    const cat = m.pCat[p];
    if (cat === CAT_UNIT_LEADER && this.ulCnt[ud] >= m.ulCap[ud]) return false;
    const ad = m.pAgency[p] * m.D + d;
    if (cat === CAT_AGENCY_LEADER && this.alCnt[ad] >= m.alCap[ad]) return false;
    if (m.scope === SCOPE_AGENCY && this.aCnt[ad] >= m.sHi[ad]) return false;
    return true;
  }

  add(p: number, d: number): void {
    const m = this.m;
    const D = m.D;
    this.mode[p * D + d] = WFH;
    this.pc[p]++;
    const u = m.pUnit[p];
    const cat = m.pCat[p];
    this.leafFlex[(u * 3 + cat) * D + d]++;
    const ud = u * D + d;
    const ad = m.pAgency[p] * D + d;
    this.uCnt[ud]++;
    if (cat === CAT_UNIT_LEADER) this.ulCnt[ud]++;
    else if (cat === CAT_AGENCY_LEADER) this.alCnt[ad]++;
    this.aCnt[ad]++;
  }

  remove(p: number, d: number): void {
    const m = this.m;
    const D = m.D;
    this.mode[p * D + d] = ONSITE;
    this.pc[p]--;
    const u = m.pUnit[p];
    const cat = m.pCat[p];
    this.leafFlex[(u * 3 + cat) * D + d]--;
    const ud = u * D + d;
    const ad = m.pAgency[p] * D + d;
    this.uCnt[ud]--;
    if (cat === CAT_UNIT_LEADER) this.ulCnt[ud]--;
    else if (cat === CAT_AGENCY_LEADER) this.alCnt[ad]--;
    this.aCnt[ad]--;
  }

  /** Count the scope-day should reach: the goal (or the minimum without target), at most floor(max × W). */
  private fillTarget(sd: number): number {
    const m = this.m;
    const t = m.hasTarget ? Math.max(m.sGoal[sd], m.sLo[sd]) : m.sLo[sd];
    return Math.min(t, m.sHi[sd]);
  }

  // ---------------------------------------------------------------- 1. greedy

  greedy(): void {
    const m = this.m;
    const { D } = m;
    if (m.scope !== SCOPE_AGENCY && m.scope !== SCOPE_UNIT) return;
    const remFlex = m.pFlex.slice();
    let maxGroup = 1;
    const start = m.scope === SCOPE_UNIT ? m.unitStart : m.agencyStart;
    const members = m.scope === SCOPE_UNIT ? m.unitMembers : m.agencyMembers;
    for (let s = 0; s < m.nS; s++) maxGroup = Math.max(maxGroup, start[s + 1] - start[s]);
    let mult = 1;
    while (mult <= maxGroup) mult *= 2;
    const keys = new Float64Array(maxGroup);
    const cand = new Int32Array(maxGroup);
    for (let d = 0; d < D; d++) {
      for (let s = 0; s < m.nS; s++) {
        const sd = s * D + d;
        let need = this.fillTarget(sd) - this.sCnt(sd);
        // Every flex cell of the day is a candidate: count down its owner's future availability.
        let k = 0;
        for (let i = start[s], e = start[s + 1]; i < e; i++) {
          const p = members[i];
          const c = p * D + d;
          const f = m.flags[c];
          if ((f & F_FLEX) === 0) continue;
          remFlex[p]--;
          if (need <= 0) continue;
          const pref = f & F_PREF_WFH ? -10 : f & F_PREF_ONSITE ? 10 : 0;
          const key1 = 2 * this.pc[p] + pref + 30;
          cand[k] = p;
          keys[k] = (key1 * (D + 1) + remFlex[p]) * mult + k;
          k++;
        }
        if (need <= 0 || k === 0) continue;
        const sorted = keys.subarray(0, k).sort();
        for (let i = 0; i < k && need > 0; i++) {
          const p = cand[sorted[i] % mult];
          if (this.canAdd(p, d)) {
            this.add(p, d);
            need--;
            this.stats.greedyAdds++;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- searches

  private visit(w: number, v: number, q: { tail: number }): void {
    if (this.stamp[w] === this.stampId || this.dead[w] === this.deadId) return;
    this.stamp[w] = this.stampId;
    this.next[w] = v;
    this.queue[q.tail++] = w;
  }

  private isPersonSource(p: number): boolean {
    if (this.searchMode === MODE_WISH) {
      // Closing at the wisher keeps every count; through S, r gains a day and the wisher loses one.
      if (p === this.wisher) return true;
      return this.pc[p] < this.pCap[p] && this.pc[p] <= this.pc[this.wisher] + 3;
    }
    if (this.pc[p] >= this.pCap[p]) return false;
    if (this.searchMode === MODE_BALANCE) return this.pc[p] <= this.balanceLevel - 2;
    return true;
  }

  private isScopeSource(sd: number): boolean {
    const m = this.m;
    if (this.searchMode === MODE_BALANCE || this.searchMode === MODE_WISH) return false;
    const cnt = this.sCnt(sd);
    if (this.searchMode === MODE_LOWER) return cnt > m.sLo[sd];
    if (this.searchMode === MODE_CONCENTRATE) {
      // Above its minimum, violated whatever its count (min above max), or below its minimum and not
      // yet tried (a later, larger shortfall): taking one unit adds no violation.
      return cnt > m.sLo[sd] || m.sLo[sd] > m.sHi[sd] || (cnt < m.sLo[sd] && this.processed !== null && this.processed[sd] === 0);
    }
    return cnt > Math.max(m.sGoal[sd], m.sLo[sd]);
  }

  /**
   * May one unit go scope-day `from` → T → scope-day `to` (same scope, another day) at no cost? From
   * must stay ≤ its maximum and `to` ≥ its minimum, and the goal terms must not rise:
   * 1000 × (±1 on `from`, ±1 on `to`) ≤ 0.
   */
  private hopOk(from: number, to: number): boolean {
    const m = this.m;
    const cf = this.sCnt(from);
    const ct = this.sCnt(to);
    const hiFrom = m.scope === SCOPE_UNIT ? this.uCapEff[from] : m.sHi[from];
    if (cf >= hiFrom || ct <= m.sLo[to]) return false;
    const flexTo = m.scope === SCOPE_UNIT ? this.uCnt[to] - m.uFixedWfh[to] : this.aCnt[to] - m.aFixedWfh[to];
    if (flexTo <= 0) return false;
    if (!m.hasTarget) return true;
    return (cf < m.sGoal[from] ? -1 : 1) + (ct > m.sGoal[to] ? -1 : 1) <= 0;
  }

  /** Was scope node v reached through T (a path uses T at most once)? */
  private viaHop(v: number): boolean {
    if (v === this.target || this.stamp[v] !== this.stampId) return false;
    const w = this.next[v];
    return this.m.scope === SCOPE_UNIT
      ? w >= this.unitBase && w < this.agencyBase && v >= this.unitBase && v < this.agencyBase
      : w >= this.agencyBase && v >= this.agencyBase;
  }

  /**
   * Breadth-first search backwards from `target` for a node that can send one more unit to it: a
   * person below their limit (S → p) or a scope-day above its floor (T → scope-day, reversed).
   * Returns the source node, or −1 (then every node reached is marked dead for this phase).
   */
  search(target: number): number {
    const m = this.m;
    const D = m.D;
    this.stats.searches++;
    this.stampId++;
    this.target = target;
    const q = { tail: 0 };
    this.stamp[target] = this.stampId;
    this.queue[q.tail++] = target;
    const balance = this.searchMode === MODE_BALANCE || this.searchMode === MODE_WISH;
    const budget = this.searchMode === MODE_WISH ? WISH_BUDGET : this.N;
    const hops = balance;
    const leafBase = this.leafBase;
    const unitBase = this.unitBase;
    const agencyBase = this.agencyBase;
    const flags = m.flags;
    const mode = this.mode;
    for (let head = 0; head < q.tail && head < budget; head++) {
      const v = this.queue[head];
      if (v < leafBase) {
        // Person p.
        const p = v;
        if (v !== target && this.isPersonSource(p)) return this.found(v, q.tail);
        const row = p * D;
        const leaf = leafBase + (m.pUnit[p] * 3 + m.pCat[p]) * D;
        for (let d = 0; d < D; d++) {
          const c = row + d;
          const f = flags[c];
          if ((f & F_FLEX) === 0 || mode[c] !== WFH) continue;
          if (balance && f & F_PREF_WFH) continue;
          this.visit(leaf + d, v, q);
        }
      } else if (v < unitBase) {
        // Leaf (unit, category, day): people of the leaf who are on site that day can join.
        const idx = v - leafBase;
        const d = idx % D;
        const leaf = (idx - d) / D;
        for (let i = m.leafStart[leaf], e = m.leafStart[leaf + 1]; i < e; i++) {
          const p = m.leafMembers[i];
          const c = p * D + d;
          const f = flags[c];
          if ((f & F_FLEX) === 0 || mode[c] !== ONSITE) continue;
          if (balance && f & F_PREF_ONSITE) continue;
          this.visit(p, v, q);
        }
        if (this.leafFlex[idx] > 0) this.visit(unitBase + ((leaf / 3) | 0) * D + d, v, q);
      } else if (v < agencyBase) {
        // Unit-day.
        const ud = v - unitBase;
        const d = ud % D;
        const u = (ud - d) / D;
        if (m.scope === SCOPE_UNIT && v !== target && this.uCnt[ud] > m.uFixedWfh[ud] && this.isScopeSource(ud)) {
          return this.found(v, q.tail);
        }
        if (hops && m.scope === SCOPE_UNIT && !this.viaHop(v)) {
          for (let d2 = 0; d2 < D; d2++) if (d2 !== d && this.hopOk(u * D + d2, ud)) this.visit(unitBase + u * D + d2, v, q);
        }
        const lb = leafBase + u * 3 * D + d;
        this.visit(lb, v, q); // staff: no leaf limit
        if (this.ulCnt[ud] < m.ulCap[ud]) this.visit(lb + D, v, q);
        const ad = m.uAgency[u] * D + d;
        if (this.alCnt[ad] < m.alCap[ad]) this.visit(lb + 2 * D, v, q);
        if (m.scope === SCOPE_AGENCY && this.uCnt[ud] > m.uFixedWfh[ud]) this.visit(agencyBase + ad, v, q);
      } else {
        // Agency-day (agency scope only).
        const ad = v - agencyBase;
        const d = ad % D;
        const a = (ad - d) / D;
        if (v !== target && this.isScopeSource(ad)) return this.found(v, q.tail);
        for (let i = m.agencyUnitStart[a], e = m.agencyUnitStart[a + 1]; i < e; i++) {
          const u = m.agencyUnits[i];
          const ud = u * D + d;
          if (this.uCnt[ud] < this.uCapEff[ud]) this.visit(unitBase + ud, v, q);
        }
        if (hops && !this.viaHop(v)) for (let d2 = 0; d2 < D; d2++) if (d2 !== d && this.hopOk(a * D + d2, ad)) this.visit(agencyBase + a * D + d2, v, q);
      }
    }
    // Failed: the region reached cannot get one more unit; it stays so for the phase.
    if (this.searchMode !== MODE_WISH) for (let i = 0; i < q.tail; i++) this.dead[this.queue[i]] = this.deadId;
    this.lastQueueLength = q.tail;
    return -1;
  }

  private found(source: number, tail: number): number {
    this.lastQueueLength = tail;
    return source;
  }

  /** Nodes reached by the last search (valid until the next search). */
  reached(): Int32Array {
    return this.queue.subarray(0, this.lastQueueLength);
  }

  /** Flips the cells of the path from `source` to the search target (reverse search). */
  private augment(source: number, extra = 0): boolean {
    const D = this.m.D;
    const leafBase = this.leafBase;
    const unitBase = this.unitBase;
    const flips: number[] = [];
    for (let a = source; a !== this.target; ) {
      const b = this.next[a];
      if (a < leafBase && b >= leafBase && b < unitBase) flips.push(a * D + ((b - leafBase) % D));
      else if (a >= leafBase && a < unitBase && b < leafBase) flips.push(-(b * D + ((a - leafBase) % D)) - 1);
      a = b;
    }
    if (extra !== 0) flips.push(extra);
    return this.applyFlips(flips);
  }

  /** Flips the cells of the path from `start` to `end` of a forward search, after `first`. */
  private augmentForward(start: number, end: number, first: number): boolean {
    const D = this.m.D;
    const leafBase = this.leafBase;
    const unitBase = this.unitBase;
    const flips: number[] = [first];
    for (let b = end; b !== start; ) {
      const a = this.next[b];
      if (a < leafBase && b >= leafBase && b < unitBase) flips.push(a * D + ((b - leafBase) % D));
      else if (a >= leafBase && a < unitBase && b < leafBase) flips.push(-(b * D + ((a - leafBase) % D)) - 1);
      b = a;
    }
    return this.applyFlips(flips);
  }

  /**
   * Applies cell flips (c: to wfh, −c − 1: to onsite). Returns false, undoing them, if the daily limit
   * of agency leaders spread over several units (a side constraint, not part of the tree) would break.
   */
  private applyFlips(flips: number[]): boolean {
    const m = this.m;
    const D = m.D;
    let touchedAgencyLeaders = false;
    for (const f of flips) {
      if (f >= 0) {
        const p = (f / D) | 0;
        this.add(p, f % D);
        if (m.pCat[p] === CAT_AGENCY_LEADER) touchedAgencyLeaders = true;
      } else {
        const c = -f - 1;
        this.remove((c / D) | 0, c % D);
      }
    }
    if (!touchedAgencyLeaders || m.agencyLeadersLaminar) {
      if (this.journal) for (const f of flips) this.journal.push(f);
      return true;
    }
    let ok = true;
    for (const f of flips) {
      const c = f >= 0 ? f : -f - 1;
      const ad = m.pAgency[(c / D) | 0] * D + (c % D);
      if (this.alCnt[ad] > Math.max(m.alCap[ad], m.alFixedWfh[ad])) ok = false;
    }
    if (ok) {
      if (this.journal) for (const f of flips) this.journal.push(f);
      return true;
    }
    for (let i = flips.length - 1; i >= 0; i--) {
      const f = flips[i];
      if (f >= 0) this.remove((f / D) | 0, f % D);
      else {
        const c = -f - 1;
        this.add((c / D) | 0, c % D);
      }
    }
    return false;
  }

  /**
   * Forward search for a wish to be at home: one unit enters leaf `start` (the wisher's cell on its
   * day goes home); find where it can go with no wish broken: back to the wisher (who leaves another
   * home day) or to someone who then has one home day less (closing through S), when that pays.
   */
  private searchForward(start: number): number {
    const m = this.m;
    const D = m.D;
    const leafBase = this.leafBase;
    const unitBase = this.unitBase;
    const agencyBase = this.agencyBase;
    const flags = m.flags;
    const mode = this.mode;
    const wisher = this.wisher;
    const viaS = this.pc[wisher] < this.pCap[wisher];
    this.stats.searches++;
    this.stampId++;
    const q = { tail: 0 };
    this.stamp[start] = this.stampId;
    this.queue[q.tail++] = start;
    for (let head = 0; head < q.tail && head < WISH_BUDGET; head++) {
      const v = this.queue[head];
      if (v < leafBase) {
        if (v === wisher || (viaS && this.pc[v] >= this.pc[wisher] - 3)) return v;
        const row = v * D;
        const leaf = leafBase + (m.pUnit[v] * 3 + m.pCat[v]) * D;
        for (let d = 0; d < D; d++) {
          const c = row + d;
          const f = flags[c];
          if ((f & F_FLEX) === 0 || mode[c] !== ONSITE || f & F_PREF_ONSITE) continue;
          this.visit(leaf + d, v, q);
        }
      } else if (v < unitBase) {
        const idx = v - leafBase;
        const d = idx % D;
        const leaf = (idx - d) / D;
        const u = (leaf / 3) | 0;
        const cat = leaf - u * 3;
        const ud = u * D + d;
        const ad = m.uAgency[u] * D + d;
        const open = cat === CAT_UNIT_LEADER ? this.ulCnt[ud] < m.ulCap[ud] : cat === CAT_AGENCY_LEADER ? this.alCnt[ad] < m.alCap[ad] : true;
        if (open) this.visit(unitBase + ud, v, q);
        for (let i = m.leafStart[leaf], e = m.leafStart[leaf + 1]; i < e; i++) {
          const p = m.leafMembers[i];
          const c = p * D + d;
          const f = flags[c];
          if ((f & F_FLEX) === 0 || mode[c] !== WFH || f & F_PREF_WFH) continue;
          this.visit(p, v, q);
        }
      } else if (v < agencyBase) {
        const ud = v - unitBase;
        const d = ud % D;
        const u = (ud - d) / D;
        if (m.scope === SCOPE_AGENCY && this.uCnt[ud] < this.uCapEff[ud]) this.visit(agencyBase + m.uAgency[u] * D + d, v, q);
        if (m.scope === SCOPE_UNIT && !this.viaHop(v)) {
          for (let d2 = 0; d2 < D; d2++) if (d2 !== d && this.hopOk(ud, u * D + d2)) this.visit(unitBase + u * D + d2, v, q);
        }
        const lb = leafBase + u * 3 * D + d;
        for (let c = 0; c < 3; c++) if (this.leafFlex[lb - leafBase + c * D] > 0) this.visit(lb + c * D, v, q);
      } else {
        const ad = v - agencyBase;
        const d = ad % D;
        const a = (ad - d) / D;
        for (let i = m.agencyUnitStart[a], e = m.agencyUnitStart[a + 1]; i < e; i++) {
          const ud = m.agencyUnits[i] * D + d;
          if (this.uCnt[ud] > m.uFixedWfh[ud]) this.visit(unitBase + ud, v, q);
        }
        if (!this.viaHop(v)) for (let d2 = 0; d2 < D; d2++) if (d2 !== d && this.hopOk(ad, a * D + d2)) this.visit(agencyBase + a * D + d2, v, q);
      }
    }
    return -1;
  }

  /** Meets the wish of cell (p, d) through a search (see searchForward and MODE_WISH). */
  private wishSearch(p: number, d: number, wantWfh: boolean): boolean {
    const m = this.m;
    const D = m.D;
    const leafNode = this.leafBase + (m.pUnit[p] * 3 + m.pCat[p]) * D + d;
    this.newPhase(MODE_WISH);
    this.wisher = p;
    if (wantWfh) {
      const end = this.searchForward(leafNode);
      return end >= 0 && this.augmentForward(leafNode, end, p * D + d);
    }
    const source = this.search(leafNode);
    return source >= 0 && this.augment(source, -(p * D + d) - 1);
  }

  private newPhase(mode: number): void {
    this.searchMode = mode;
    this.deadId++;
  }

  // ---------------------------------------------------------------- 2-3. lower bounds and goals

  /** Scope node of scope-day sd. */
  private scopeNode(sd: number): number {
    return this.m.scope === SCOPE_UNIT ? this.unitBase + sd : this.agencyBase + sd;
  }

  /** Can one more unit leave the scope-day towards T (below floor(max × W))? */
  private scopeHasRoom(sd: number): boolean {
    return this.m.scope === SCOPE_UNIT ? this.uCnt[sd] < this.uCapEff[sd] : this.aCnt[sd] < this.m.sHi[sd];
  }

  /**
   * Raises every scope-day to its minimum (MODE_LOWER) or goal (MODE_GOAL) where any roster can. A day
   * whose minimum exceeds its maximum is violated whatever its count: the minimum phase leaves it alone
   * (people's limited home days are better spent elsewhere).
   */
  raise(mode: typeof MODE_LOWER | typeof MODE_GOAL): void {
    const m = this.m;
    if (m.scope !== SCOPE_AGENCY && m.scope !== SCOPE_UNIT) return;
    if (mode === MODE_GOAL && !m.hasTarget) return;
    this.newPhase(mode);
    const total = m.nS * m.D;
    for (let sd = 0; sd < total; sd++) {
      if (mode === MODE_LOWER && m.sLo[sd] > m.sHi[sd]) continue;
      const want = mode === MODE_LOWER ? m.sLo[sd] : this.fillTarget(sd);
      while (this.sCnt(sd) < want && this.scopeHasRoom(sd)) {
        const node = this.scopeNode(sd);
        if (this.dead[node] === this.deadId) break;
        const source = this.search(node);
        if (source < 0 || !this.augment(source)) break;
        if (mode === MODE_LOWER) this.stats.lowerAugments++;
        else this.stats.goalAugments++;
      }
    }
  }

  /** Scope-days below a minimum that their maximum allows (the violations the minimum phases can change). */
  private deficits(): number {
    const m = this.m;
    let k = 0;
    for (let sd = 0; sd < m.nS * m.D; sd++) if (m.sLo[sd] <= m.sHi[sd] && this.sCnt(sd) < m.sLo[sd]) k++;
    return k;
  }

  /**
   * Fewest violations: the minimum phase maximises the units at home towards the minimums, but a
   * violation counts per scope-day. Smallest shortfall first, tries to complete a scope-day with units
   * from people below their limit, from scope-days above their minimum, or from scope-days that are
   * below their minimum and not tried yet (they stay violated); undoes the attempt when it cannot
   * complete the day.
   */
  concentrate(): void {
    const m = this.m;
    const total = m.nS * m.D;
    const list: number[] = [];
    // Days that cannot reach their minimum even alone are not tried (and stay sources).
    for (let sd = 0; sd < total; sd++) if (m.sLo[sd] <= m.sHi[sd] && this.sCnt(sd) < m.sLo[sd] && this.dayLimit(sd) >= m.sLo[sd]) list.push(sd);
    if (list.length === 0 || list.length > 2000) return;
    list.sort((x, y) => m.sLo[x] - this.sCnt(x) - (m.sLo[y] - this.sCnt(y)) || x - y);
    this.processed = new Uint8Array(total);
    for (const sd of list) {
      if (this.sCnt(sd) < m.sLo[sd]) {
        this.journal = [];
        this.newPhase(MODE_CONCENTRATE);
        let ok = true;
        while (this.sCnt(sd) < m.sLo[sd]) {
          if (!this.scopeHasRoom(sd)) {
            ok = false;
            break;
          }
          const source = this.search(this.scopeNode(sd));
          if (source < 0 || !this.augment(source)) {
            ok = false;
            break;
          }
        }
        const journal = this.journal;
        this.journal = null;
        if (!ok) this.undo(journal);
      }
      this.processed[sd] = 1;
    }
    this.processed = null;
  }

  /**
   * Most people at home scope-day sd can have on its own: fixed home days plus the people who may be at
   * home that day (flex cell, some home day left under their limit), within the unit, unit-leader and
   * agency-leader limits of the day. Ignores that people's limits are shared between days.
   */
  dayLimit(sd: number): number {
    const m = this.m;
    const D = m.D;
    const d = sd % D;
    const s = (sd - d) / D;
    const byUnit = m.scope === SCOPE_UNIT;
    const u0 = byUnit ? 0 : m.agencyUnitStart[s];
    const u1 = byUnit ? 1 : m.agencyUnitStart[s + 1];
    const a = byUnit ? m.uAgency[s] : s;
    const ad = a * D + d;
    let total = 0;
    let alAvail = 0;
    for (let k = u0; k < u1; k++) {
      const u = byUnit ? s : m.agencyUnits[k];
      const ud = u * D + d;
      let staff = 0;
      let leaders = 0;
      let agencyLeaders = 0;
      for (let i = m.unitStart[u]; i < m.unitStart[u + 1]; i++) {
        const p = m.unitMembers[i];
        if ((m.flags[p * D + d] & F_FLEX) === 0 || this.pCap[p] - m.pFixedWfh[p] <= 0) continue;
        const cat = m.pCat[p];
        if (cat === CAT_UNIT_LEADER) leaders++;
        else if (cat === CAT_AGENCY_LEADER) agencyLeaders++;
        else staff++;
      }
      const uRoom = Math.max(0, this.uCapEff[ud] - m.uFixedWfh[ud]);
      const lRoom = Math.max(0, m.ulCap[ud] - m.ulFixedWfh[ud]);
      const base = Math.min(uRoom, staff + Math.min(leaders, lRoom));
      alAvail += Math.min(agencyLeaders, uRoom - base);
      total += base;
    }
    total += Math.min(alAvail, Math.max(0, m.alCap[ad] - m.alFixedWfh[ad]));
    total += byUnit ? m.uFixedWfh[sd] : m.aFixedWfh[sd];
    return byUnit ? total : Math.min(total, m.sHi[sd]);
  }

  private undo(flips: number[]): void {
    const D = this.m.D;
    for (let i = flips.length - 1; i >= 0; i--) {
      const f = flips[i];
      if (f >= 0) this.remove((f / D) | 0, f % D);
      else {
        const c = -f - 1;
        this.add((c / D) | 0, c % D);
      }
    }
  }

  private snapshot(): Int32Array[] {
    return [Int32Array.from(this.mode), this.pc.slice(), this.leafFlex.slice(), this.uCnt.slice(), this.ulCnt.slice(), this.alCnt.slice(), this.aCnt.slice()];
  }

  private restore(s: Int32Array[]): void {
    this.mode.set(s[0]);
    this.pc.set(s[1]);
    this.leafFlex.set(s[2]);
    this.uCnt.set(s[3]);
    this.ulCnt.set(s[4]);
    this.alCnt.set(s[5]);
    this.aCnt.set(s[6]);
  }

  /**
   * Fewest violations when minimums cannot all be met: a role share is one violation per person
   * (role_min_onsite_share) however many days it is exceeded, a missed minimum one per scope-day. So
   * when minimums fail because people at their role-share limit are needed on several days, breaking
   * some people's shares can remove more violations than it adds. Candidates: the people at their limit
   * reached by the failed searches. Tries them one at a time (kept when the count of violations drops),
   * and all together then dropping those not needed; keeps the better. A relaxed limit is then set to
   * exactly the days used.
   */
  relaxShares(): void {
    const m = this.m;
    const { n, D } = m;
    if (this.deficits() === 0) return;
    const maxCandidates = n * D > 200_000 ? 8 : 64;
    const candidates: number[] = [];
    const seen = new Uint8Array(n);
    for (let sd = 0; sd < m.nS * D && candidates.length < maxCandidates; sd++) {
      if (m.sLo[sd] > m.sHi[sd] || this.sCnt(sd) >= m.sLo[sd]) continue;
      this.searchLowerFrom(sd);
      for (const v of this.reached()) {
        if (v < n && !seen[v] && m.pShareReq[v] >= 0 && this.pc[v] >= this.pCap[v] && m.pFlex[v] > this.pc[v] - m.pFixedWfh[v]) {
          seen[v] = 1;
          if (candidates.length < maxCandidates) candidates.push(v);
        }
      }
    }
    if (candidates.length === 0) return;
    const base = this.snapshot();
    const evaluate = (set: readonly number[]): number => {
      this.restore(base);
      for (const p of candidates) this.pCap[p] = m.pCap[p];
      for (const p of set) this.pCap[p] = NO_LIMIT;
      this.raise(MODE_LOWER);
      this.concentrate();
      let v = this.deficits();
      // A share already broken by fixed days costs no new violation.
      for (const p of set) if (this.pc[p] > m.pCap[p] && m.pFixedWfh[p] <= m.pCap[p]) v++;
      return v;
    };
    let best: number[] = [];
    let bestV = this.deficits();
    for (const p of candidates) {
      const v = evaluate([...best, p]);
      if (v < bestV) {
        best = [...best, p];
        bestV = v;
      }
    }
    let joint = [...candidates];
    let jointV = evaluate(joint);
    for (const p of candidates) {
      const without = joint.filter((q) => q !== p);
      const v = evaluate(without);
      if (v <= jointV) {
        joint = without;
        jointV = v;
      }
    }
    const chosen = jointV < bestV ? joint : best;
    evaluate(chosen);
    for (const p of chosen) {
      if (this.pc[p] > m.pCap[p]) {
        this.pCap[p] = this.pc[p];
        this.relaxed.push(p);
      } else this.pCap[p] = m.pCap[p];
    }
  }

  /** Is scope-day sd below its minimum even though its floor(max × W) leaves room (for explanations)? */
  searchLowerFrom(sd: number): number {
    this.newPhase(MODE_LOWER);
    return this.search(this.scopeNode(sd));
  }

  // ---------------------------------------------------------------- 4. balancing Σ wfh²

  balance(): void {
    const m = this.m;
    const { n } = m;
    // Paths stay inside one agency (agency scope) or one unit (otherwise): a level only searches from
    // people whose component has a possible source (fewest home days among people with a free cell).
    const byAgency = m.scope === SCOPE_AGENCY;
    const comp = byAgency ? m.pAgency : m.pUnit;
    const minSource = new Int32Array(byAgency ? m.nA : m.nU).fill(NO_LIMIT);
    let maxLevel = 0;
    for (let p = 0; p < n; p++) {
      if (m.pNoWfh[p] !== 0) continue;
      const c = this.pc[p];
      if (c > maxLevel) maxLevel = c;
      if (c < this.pCap[p] && m.pFlex[p] > c - m.pFixedWfh[p] && c < minSource[comp[p]]) minSource[comp[p]] = c;
    }
    const list = new Int32Array(n);
    for (let k = maxLevel; k >= 2; k--) {
      let len = 0;
      for (let p = 0; p < n; p++) {
        if (m.pNoWfh[p] !== 0) continue;
        const c = this.pc[p];
        // minSource only grows as sources gain days: a stale value only costs a search.
        if (c === k && c > m.pFixedWfh[p] && minSource[comp[p]] <= k - 2) list[len++] = p;
      }
      if (len === 0) continue;
      this.newPhase(MODE_BALANCE);
      this.balanceLevel = k;
      for (let i = 0; i < len; i++) {
        const p = list[i];
        if (this.pc[p] !== k || this.dead[p] === this.deadId) continue;
        const source = this.search(p);
        if (source >= 0 && this.augment(source)) {
          // p → S closes the cycle: p loses one day at home, the source gains one.
          this.stats.balanceAugments++;
        }
      }
    }
  }

  // ---------------------------------------------------------------- 5. preferences

  /** Score delta of the preference of cell c when it becomes wfh (+1) or onsite (−1). */
  private prefDelta(c: number, toWfh: boolean): number {
    const f = this.m.flags[c];
    if (f & F_PREF_WFH) return toWfh ? -10 : 10;
    if (f & F_PREF_ONSITE) return toWfh ? 10 : -10;
    return 0;
  }

  /** Local moves that meet unmet wishes when they lower the score. */
  preferences(): void {
    const m = this.m;
    const { n, D } = m;
    const flags = m.flags;
    for (let p = 0; p < n; p++) {
      if (m.pNoWfh[p] !== 0) continue;
      const row = p * D;
      for (let d = 0; d < D; d++) {
        const c = row + d;
        const f = flags[c];
        if ((f & F_FLEX) === 0) continue;
        if (f & F_PREF_WFH && this.mode[c] === ONSITE) this.meetWish(p, d, true);
        else if (f & F_PREF_ONSITE && this.mode[c] === WFH) this.meetWish(p, d, false);
      }
    }
  }

  private scopeOf(p: number): number {
    const m = this.m;
    return m.scope === SCOPE_UNIT ? m.pUnit[p] : m.pAgency[p];
  }

  /** Tries to put p at home (wantWfh) or on site on day d, with a lower score. */
  private meetWish(p: number, d: number, wantWfh: boolean): void {
    const m = this.m;
    const D = m.D;
    const pc = this.pc;
    const scoped = m.scope === SCOPE_AGENCY || m.scope === SCOPE_UNIT;
    const sd = scoped ? this.scopeOf(p) * D + d : -1;
    // (0) Without a goal, a single change may pay.
    if (!m.hasTarget) {
      if (wantWfh) {
        if (2 * pc[p] + 1 - 10 < 0 && this.canAdd(p, d)) {
          this.add(p, d);
          this.stats.prefMoves++;
          return;
        }
      } else if (!scoped || this.sCnt(sd) > m.sLo[sd]) {
        this.remove(p, d);
        this.stats.prefMoves++;
        return;
      }
    }
    const u = m.pUnit[p];
    const cat = m.pCat[p];
    // (1) Swap with someone of the same unit on the same day.
    let best = -1;
    let bestDelta = 0;
    for (let i = m.unitStart[u], e = m.unitStart[u + 1]; i < e; i++) {
      const r = m.unitMembers[i];
      if (r === p) continue;
      const rc = r * D + d;
      if ((m.flags[rc] & F_FLEX) === 0) continue;
      let delta: number;
      if (wantWfh) {
        if (this.mode[rc] !== WFH) continue;
        if (pc[p] >= this.pCap[p]) break;
        delta = 2 * pc[p] + 1 - 10 - (2 * pc[r] - 1) + this.prefDelta(rc, false);
      } else {
        if (this.mode[rc] !== ONSITE) continue;
        if (pc[r] >= this.pCap[r]) continue;
        delta = -10 - (2 * pc[p] - 1) + (2 * pc[r] + 1) + this.prefDelta(rc, true);
      }
      if (delta < bestDelta && (m.pCat[r] === cat || this.swapFits(wantWfh ? p : r, wantWfh ? r : p, d))) {
        best = r;
        bestDelta = delta;
      }
    }
    if (best >= 0) {
      if (wantWfh) {
        this.remove(best, d);
        this.add(p, d);
      } else {
        this.remove(p, d);
        this.add(best, d);
      }
      this.stats.prefMoves++;
      return;
    }
    // (2) Shift p's home day with a colleague of the same unit and category (all counts unchanged).
    const row = p * D;
    for (let d2 = 0; d2 < D; d2++) {
      if (d2 === d) continue;
      const c2 = row + d2;
      if ((m.flags[c2] & F_FLEX) === 0 || this.mode[c2] !== (wantWfh ? WFH : ONSITE)) continue;
      const base = -10 + this.prefDelta(c2, !wantWfh);
      if (base >= 0) continue;
      const leaf = u * 3 + cat;
      for (let i = m.leafStart[leaf], e = m.leafStart[leaf + 1]; i < e; i++) {
        const r = m.leafMembers[i];
        if (r === p) continue;
        const r1 = r * D + d;
        const r2 = r * D + d2;
        if ((m.flags[r1] & F_FLEX) === 0 || (m.flags[r2] & F_FLEX) === 0) continue;
        // r takes the opposite moves: on day d r goes from wfh→onsite when p goes home, and vice versa.
        if (this.mode[r1] !== (wantWfh ? WFH : ONSITE) || this.mode[r2] !== (wantWfh ? ONSITE : WFH)) continue;
        const delta = base + this.prefDelta(r1, !wantWfh) + this.prefDelta(r2, wantWfh);
        if (delta < 0) {
          if (wantWfh) {
            this.remove(p, d2);
            this.add(p, d);
            this.remove(r, d);
            this.add(r, d2);
          } else {
            this.remove(p, d);
            this.add(p, d2);
            this.remove(r, d2);
            this.add(r, d);
          }
          this.stats.prefMoves++;
          return;
        }
      }
    }
    // (3) Any cycle through the day's network that breaks no wish and pays.
    if (this.wishSearch(p, d, wantWfh)) this.stats.prefMoves++;
  }

  /** After `out` (at home on d) goes on site, may `inn` (same unit, other category) go home on d? */
  private swapFits(inn: number, out: number, d: number): boolean {
    const m = this.m;
    const D = m.D;
    const ud = m.pUnit[inn] * D + d;
    const ad = m.pAgency[inn] * D + d;
    const catIn = m.pCat[inn];
    const catOut = m.pCat[out];
    if (catIn === CAT_UNIT_LEADER && this.ulCnt[ud] - (catOut === CAT_UNIT_LEADER ? 1 : 0) >= m.ulCap[ud]) return false;
    if (catIn === CAT_AGENCY_LEADER && this.alCnt[ad] - (catOut === CAT_AGENCY_LEADER ? 1 : 0) >= m.alCap[ad]) return false;
    return true;
  }

  /**
   * Cost-aware swaps inside each unit and day (one person home → on site, another on site → home):
   * catches trades between Σ wfh² and wishes that the wish-neutral searches do not take.
   */
  polish(): void {
    const m = this.m;
    const { D, nU } = m;
    const pc = this.pc;
    const flags = m.flags;
    for (let pass = 0; pass < 4; pass++) {
      let moved = 0;
      for (let u = 0; u < nU; u++) {
        const s0 = m.unitStart[u];
        const s1 = m.unitStart[u + 1];
        if (s1 - s0 < 2) continue;
        for (let d = 0; d < D; d++) {
          for (let i = s0; i < s1; i++) {
            const out = m.unitMembers[i];
            const co = out * D + d;
            if ((flags[co] & F_FLEX) === 0 || this.mode[co] !== WFH) continue;
            let best = -1;
            let bestDelta = 0;
            const base = -(2 * pc[out] - 1) + this.prefDelta(co, false);
            for (let j = s0; j < s1; j++) {
              const inn = m.unitMembers[j];
              const ci = inn * D + d;
              if ((flags[ci] & F_FLEX) === 0 || this.mode[ci] !== ONSITE || pc[inn] >= this.pCap[inn]) continue;
              const delta = base + 2 * pc[inn] + 1 + this.prefDelta(ci, true);
              if (delta < bestDelta && (m.pCat[inn] === m.pCat[out] || this.swapFits(inn, out, d))) {
                best = inn;
                bestDelta = delta;
              }
            }
            if (best >= 0) {
              this.remove(out, d);
              this.add(best, d);
              moved++;
            }
          }
        }
      }
      this.stats.prefMoves += moved;
      if (moved === 0) break;
    }
  }

  /** Agency scope: the same swaps across the units of an agency on a day (unit limits permitting). */
  polishAgency(): void {
    const m = this.m;
    if (m.scope !== SCOPE_AGENCY) return;
    const { D, nA } = m;
    const pc = this.pc;
    const flags = m.flags;
    let maxLeaves = 0;
    for (let a = 0; a < nA; a++) maxLeaves = Math.max(maxLeaves, 3 * (m.agencyUnitStart[a + 1] - m.agencyUnitStart[a]));
    const bestIn = new Int32Array(maxLeaves);
    const bestCost = new Float64Array(maxLeaves);
    const order = new Float64Array(maxLeaves);
    const scanLeaf = (leaf: number, d: number): number => {
      let best = -1;
      let cost = Infinity;
      for (let i = m.leafStart[leaf], e = m.leafStart[leaf + 1]; i < e; i++) {
        const p = m.leafMembers[i];
        const c = p * D + d;
        if ((flags[c] & F_FLEX) === 0 || this.mode[c] !== ONSITE || pc[p] >= this.pCap[p]) continue;
        const k = 2 * pc[p] + 1 + this.prefDelta(c, true);
        if (k < cost) {
          cost = k;
          best = p;
        }
      }
      return best;
    };
    for (let a = 0; a < nA; a++) {
      const u0 = m.agencyUnitStart[a];
      const nL = 3 * (m.agencyUnitStart[a + 1] - u0);
      if (nL <= 3) continue;
      for (let d = 0; d < D; d++) {
        for (let pass = 0; pass < 3; pass++) {
          let moved = 0;
          let k = 0;
          for (let l = 0; l < nL; l++) {
            const u = m.agencyUnits[u0 + ((l / 3) | 0)];
            const leaf = u * 3 + (l % 3);
            const p = scanLeaf(leaf, d);
            bestIn[l] = p;
            if (p < 0) continue;
            bestCost[l] = 2 * pc[p] + 1 + this.prefDelta(p * D + d, true);
            order[k++] = (bestCost[l] + 1024) * 4096 * 1024 + l;
          }
          if (k === 0) break;
          const sorted = order.subarray(0, k).sort();
          for (let i = m.agencyStart[a], e = m.agencyStart[a + 1]; i < e; i++) {
            const out = m.agencyMembers[i];
            const co = out * D + d;
            if ((flags[co] & F_FLEX) === 0 || this.mode[co] !== WFH) continue;
            const base = -(2 * pc[out] - 1) + this.prefDelta(co, false);
            for (let j = 0; j < k; j++) {
              const l = sorted[j] % (4096 * 1024);
              const inn = bestIn[l];
              if (inn < 0 || inn === out) continue;
              const ci = inn * D + d;
              if (this.mode[ci] !== ONSITE || pc[inn] >= this.pCap[inn]) continue;
              const delta = base + 2 * pc[inn] + 1 + this.prefDelta(ci, true);
              if (delta >= 0) break;
              if (!this.crossSwapFits(inn, out, d)) continue;
              this.remove(out, d);
              this.add(inn, d);
              bestIn[l] = -1; // stale until the next pass
              moved++;
              break;
            }
          }
          this.stats.prefMoves += moved;
          if (moved === 0) break;
        }
      }
    }
  }

  /** After `out` (at home on d) goes on site, may `inn` (same agency) go home on d? */
  private crossSwapFits(inn: number, out: number, d: number): boolean {
    const m = this.m;
    const D = m.D;
    const ui = m.pUnit[inn] * D + d;
    const uo = m.pUnit[out] * D + d;
    const ad = m.pAgency[inn] * D + d;
    const ci = m.pCat[inn];
    const co = m.pCat[out];
    if (ui !== uo && this.uCnt[ui] >= this.uCapEff[ui]) return false;
    if (ci === CAT_UNIT_LEADER && this.ulCnt[ui] - (co === CAT_UNIT_LEADER && ui === uo ? 1 : 0) >= m.ulCap[ui]) return false;
    if (ci === CAT_AGENCY_LEADER && this.alCnt[ad] - (co === CAT_AGENCY_LEADER ? 1 : 0) >= m.alCap[ad]) return false;
    return true;
  }

  // ---------------------------------------------------------------- all phases

  run(): void {
    this.greedy();
    this.raise(MODE_LOWER);
    this.concentrate();
    this.relaxShares();
    this.raise(MODE_GOAL);
    this.balance();
    this.preferences();
    this.balance();
    this.polish();
    this.polishAgency();
  }
}

export const SEARCH_MODES = { MODE_LOWER, MODE_GOAL, MODE_BALANCE } as const;
export { NO_LIMIT };
