/** The solver's phases on the hard bounds: minimums, fewest violations, role shares, goals (see core.ts). */
import { CAT_AGENCY_LEADER, CAT_UNIT_LEADER, F_FLEX, NO_LIMIT, SCOPE_AGENCY, SCOPE_UNIT } from './model';
import { SearchState } from './search';
import { MODE_CONCENTRATE, MODE_GOAL, MODE_LOWER } from './state';

export class BoundsState extends SearchState {
  // ---------------------------------------------------------------- 2-3. lower bounds and goals

  /** Scope node of scope-day sd. */
  protected scopeNode(sd: number): number {
    return this.m.scope === SCOPE_UNIT ? this.unitBase + sd : this.agencyBase + sd;
  }

  /** Can one more unit leave the scope-day towards T (below floor(max × W))? */
  protected scopeHasRoom(sd: number): boolean {
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
  protected deficits(): number {
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

  protected undo(flips: number[]): void {
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

  protected snapshot(): Int32Array[] {
    return [Int32Array.from(this.mode), this.pc.slice(), this.leafFlex.slice(), this.uCnt.slice(), this.ulCnt.slice(), this.alCnt.slice(), this.aCnt.slice()];
  }

  protected restore(s: Int32Array[]): void {
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
}
