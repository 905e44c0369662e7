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
import { CAT_AGENCY_LEADER, CAT_UNIT_LEADER, F_FLEX, F_PREF_ONSITE, F_PREF_WFH, NO_LIMIT, ONSITE, SCOPE_AGENCY, SCOPE_UNIT, WFH } from './model';
import { BoundsState } from './bounds';
import { MODE_BALANCE, MODE_GOAL, MODE_LOWER } from './state';

export type { CoreStats } from './state';

/** The whole search: the state (state.ts), its searches (search.ts), the bound phases (bounds.ts), and here the score phases. */
export class State extends BoundsState {
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
  protected prefDelta(c: number, toWfh: boolean): number {
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

  protected scopeOf(p: number): number {
    const m = this.m;
    return m.scope === SCOPE_UNIT ? m.pUnit[p] : m.pAgency[p];
  }

  /** Tries to put p at home (wantWfh) or on site on day d, with a lower score. */
  protected meetWish(p: number, d: number, wantWfh: boolean): void {
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
  protected swapFits(inn: number, out: number, d: number): boolean {
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
  protected crossSwapFits(inn: number, out: number, d: number): boolean {
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
