/**
 * The solver's state (see core.ts for the phases): the modes of the cells, the counts along the flow
 * network, and the cell moves that keep them. The searches (search.ts), the bound phases (bounds.ts)
 * and the score phases (core.ts) extend it.
 */
import { CAT_AGENCY_LEADER, CAT_UNIT_LEADER, F_FLEX, ONSITE, SCOPE_AGENCY, SCOPE_UNIT, WFH, type Model } from './model';

export const MODE_LOWER = 0;
export const MODE_GOAL = 1;
export const MODE_BALANCE = 2;
/** Reverse search for a wish to be on site: sources are the wisher or people with few home days. */
export const MODE_WISH = 3;
/** Completing one scope-day's minimum with units from scope-days that stay below theirs anyway. */
export const MODE_CONCENTRATE = 4;
/** Nodes a wish search may reach before giving up (wishes are many; paths that pay are short). */
export const WISH_BUDGET = 4000;

export interface CoreStats {
  greedyAdds: number;
  lowerAugments: number;
  goalAugments: number;
  balanceAugments: number;
  prefMoves: number;
  searches: number;
}

export class StateBase {
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
  protected readonly N: number;
  protected readonly leafBase: number;
  protected readonly unitBase: number;
  protected readonly agencyBase: number;
  protected readonly stamp: Int32Array;
  protected readonly dead: Int32Array;
  protected readonly next: Int32Array;
  protected readonly queue: Int32Array;
  protected stampId = 0;
  protected deadId = 0;
  protected searchMode = MODE_LOWER;
  protected balanceLevel = 0;
  protected target = -1;
  protected wisher = -1;
  protected processed: Uint8Array | null = null;
  /** Cell flips since `journal` was set (to undo an attempt). */
  protected journal: number[] | null = null;
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
  protected fillTarget(sd: number): number {
    const m = this.m;
    const t = m.hasTarget ? Math.max(m.sGoal[sd], m.sLo[sd]) : m.sLo[sd];
    return Math.min(t, m.sHi[sd]);
  }
}
