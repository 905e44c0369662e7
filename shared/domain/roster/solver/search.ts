/** The solver's greedy fill and its searches on the implicit residual network (see core.ts). */
import { CAT_AGENCY_LEADER, CAT_UNIT_LEADER, F_FLEX, F_PREF_ONSITE, F_PREF_WFH, ONSITE, SCOPE_AGENCY, SCOPE_UNIT, WFH } from './model';
import { MODE_BALANCE, MODE_CONCENTRATE, MODE_LOWER, MODE_WISH, StateBase, WISH_BUDGET } from './state';

export class SearchState extends StateBase {
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

  protected visit(w: number, v: number, q: { tail: number }): void {
    if (this.stamp[w] === this.stampId || this.dead[w] === this.deadId) return;
    this.stamp[w] = this.stampId;
    this.next[w] = v;
    this.queue[q.tail++] = w;
  }

  protected isPersonSource(p: number): boolean {
    if (this.searchMode === MODE_WISH) {
      // Closing at the wisher keeps every count; through S, r gains a day and the wisher loses one.
      if (p === this.wisher) return true;
      return this.pc[p] < this.pCap[p] && this.pc[p] <= this.pc[this.wisher] + 3;
    }
    if (this.pc[p] >= this.pCap[p]) return false;
    if (this.searchMode === MODE_BALANCE) return this.pc[p] <= this.balanceLevel - 2;
    return true;
  }

  protected isScopeSource(sd: number): boolean {
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
  protected hopOk(from: number, to: number): boolean {
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
  protected viaHop(v: number): boolean {
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

  protected found(source: number, tail: number): number {
    this.lastQueueLength = tail;
    return source;
  }

  /** Nodes reached by the last search (valid until the next search). */
  reached(): Int32Array {
    return this.queue.subarray(0, this.lastQueueLength);
  }

  /** Flips the cells of the path from `source` to the search target (reverse search). */
  protected augment(source: number, extra = 0): boolean {
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
  protected augmentForward(start: number, end: number, first: number): boolean {
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
  protected applyFlips(flips: number[]): boolean {
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
  protected searchForward(start: number): number {
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
  protected wishSearch(p: number, d: number, wantWfh: boolean): boolean {
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

  protected newPhase(mode: number): void {
    this.searchMode = mode;
    this.deadId++;
  }
}
