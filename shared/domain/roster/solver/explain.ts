/**
 * The violations left in a solved roster, each with a message that says why no roster can avoid it (the
 * solver keeps every `fixed` day and meets every other rule whenever some roster does): Vietnamese, or
 * English when `lang` is 'en' (texts in messages.ts: explainMsg / explainMsgEn).
 * Same keys as the checker (rule, date, agencyId / unitId / personId), so `checkRoster` on the returned
 * roster lists the same violations, with its own messages.
 */
import type { PersonRole, RuleId, Violation } from '../format';
import { explainMessages, personLabelIn, type ExplainMessages } from '../messages';
import { compareViolations } from '../order';
import type { State } from './core';
import {
  CAT_AGENCY_LEADER,
  CAT_UNIT_LEADER,
  F_DUTY,
  F_FIXED,
  F_FLEX,
  LEAVE,
  MODE_NAME,
  NO_LIMIT,
  ONSITE,
  SCOPE_UNIT,
  TRIP,
  WFH,
  WHY_INELIGIBLE,
  WHY_ROLE,
} from './model';

function make(rule: RuleId, fields: Omit<Violation, 'rule' | 'message'>, message: string): Violation {
  const v = { rule } as Violation;
  if (fields.date !== undefined) v.date = fields.date;
  if (fields.agencyId !== undefined) v.agencyId = fields.agencyId;
  if (fields.unitId !== undefined) v.unitId = fields.unitId;
  if (fields.personId !== undefined) v.personId = fields.personId;
  v.message = message;
  return v;
}

/** The violations left in the solver's state, explained in `lang` ('en' for English, Vietnamese otherwise). */
export function explainViolations(st: State, lang = 'vi'): Violation[] {
  const msg = explainMessages(lang);
  const m = st.m;
  const { instance, n, D, days } = m;
  const { people, units, agencies, policy } = instance;
  const out: Violation[] = [];
  const relaxed = new Set(st.relaxed);
  const scopeName = (p: number): string => (m.scope === SCOPE_UNIT ? units[m.pUnit[p]].name : agencies[m.pAgency[p]].name);
  const label = (p: number): string => personLabelIn(lang, people[p].name, people[p].role, units[m.pUnit[p]].name);
  /** Names of people of a list who are fixed at home on day d (optionally one category). */
  const fixedHome = (start: Int32Array, members: Int32Array, g: number, d: number, cat = -1): string[] => {
    const names: string[] = [];
    for (let i = start[g]; i < start[g + 1]; i++) {
      const p = members[i];
      const c = p * D + d;
      if (st.mode[c] === WFH && m.flags[c] & F_FIXED && (cat < 0 || m.pCat[p] === cat)) names.push(people[p].name);
    }
    return names;
  };

  // Person rules: only fixed days can break them.
  for (let p = 0; p < n; p++) {
    const person = people[p];
    const row = p * D;
    for (let d = 0; d < D; d++) {
      const c = row + d;
      const mode = st.mode[c];
      const f = m.flags[c];
      const where = { date: days[d], personId: person.id };
      if (f & F_DUTY && mode !== ONSITE) {
        out.push(make('duty_not_onsite', where, msg.dutyNotOnsite(label(p), days[d], MODE_NAME[mode])));
      }
      if (mode === WFH && m.pNoWfh[p] & WHY_INELIGIBLE) {
        out.push(make('wfh_not_eligible', where, msg.wfhNotEligible(label(p), days[d])));
      }
      if (mode === WFH && m.pNoWfh[p] & WHY_ROLE) {
        out.push(make('always_onsite_role', where, msg.alwaysOnsite(label(p), person.role, days[d])));
      }
    }
    const req = m.pShareReq[p];
    if (req >= 0 && m.pWorking[p] - st.pc[p] < req) {
      const share = policy.minOnSiteShareByRole?.[person.role] ?? 0;
      const message =
        relaxed.has(p) && m.pFixedWfh[p] <= m.pCap[p]
          ? msg.roleShareRelaxed(label(p), person.role, share, req, m.pWorking[p], st.pc[p], scopeName(p))
          : msg.roleShareFixed(label(p), person.role, share, req, m.pWorking[p], m.pFixedWfh[p]);
      out.push(make('role_min_onsite_share', { personId: person.id }, message));
    }
  }

  // Unit and agency count rules: only fixed days at home can break these upper limits.
  const minPeople = policy.minOnSitePerUnit?.people ?? null;
  const minLeaders = policy.minOnSitePerUnit?.leaders ?? null;
  for (let u = 0; u < m.nU; u++) {
    for (let d = 0; d < D; d++) {
      const ud = u * D + d;
      if (minPeople !== null && st.uCnt[ud] > m.uCap[ud]) {
        const required = Math.min(minPeople, m.uW[ud]);
        const names = fixedHome(m.unitStart, m.unitMembers, u, d);
        out.push(make('unit_min_people_onsite', { date: days[d], unitId: units[u].id }, msg.unitPeople(units[u].name, days[d], required, m.uW[ud], names)));
      }
      if (minLeaders !== null && st.ulCnt[ud] > m.ulCap[ud]) {
        const required = Math.min(minLeaders, m.ulW[ud]);
        const names = fixedHome(m.unitStart, m.unitMembers, u, d, CAT_UNIT_LEADER);
        out.push(make('unit_min_leaders_onsite', { date: days[d], unitId: units[u].id }, msg.unitLeaders(units[u].name, days[d], required, m.ulW[ud], names)));
      }
    }
  }
  const minAgencyLeaders = policy.minAgencyLeadersOnSite ?? null;
  if (minAgencyLeaders !== null) {
    for (let a = 0; a < m.nA; a++) {
      for (let d = 0; d < D; d++) {
        const ad = a * D + d;
        if (st.alCnt[ad] <= m.alCap[ad]) continue;
        const required = Math.min(minAgencyLeaders, m.alW[ad]);
        const names = fixedHome(m.agencyStart, m.agencyMembers, a, d, CAT_AGENCY_LEADER);
        out.push(
          make(
            'agency_min_leaders_onsite',
            { date: days[d], agencyId: agencies[a].id },
            msg.agencyLeaders(agencies[a].name, days[d], required, m.alW[ad], names),
          ),
        );
      }
    }
  }

  // Shares of people at home per scope and day.
  const ws = policy.wfhShare;
  if (ws && m.nS > 0) {
    const byUnit = m.scope === SCOPE_UNIT;
    const start = byUnit ? m.unitStart : m.agencyStart;
    const members = byUnit ? m.unitMembers : m.agencyMembers;
    for (let s = 0; s < m.nS; s++) {
      const scopeName = byUnit ? units[s].name : agencies[s].name;
      const where = byUnit ? { unitId: units[s].id } : { agencyId: agencies[s].id };
      for (let d = 0; d < D; d++) {
        const sd = s * D + d;
        const cnt = st.sCnt(sd);
        const W = m.sW[sd];
        if (cnt > m.sHi[sd]) {
          const names = fixedHome(start, members, s, d);
          out.push(make('wfh_share_max', { date: days[d], ...where }, msg.wfhShareMax(scopeName, days[d], ws.max ?? 1, W, m.sHi[sd], names)));
        }
        if (cnt < m.sLo[sd]) {
          out.push(make('wfh_share_min', { date: days[d], ...where }, shareMinReason(st, msg, s, d, scopeName, ws.min ?? 0, ws.max ?? null)));
        }
      }
    }
  }
  return out.sort(compareViolations);
}

/** Why scope s cannot have ceil(min × W) people at home on day d. */
function shareMinReason(st: State, msg: ExplainMessages, s: number, d: number, scopeName: string, min: number, max: number | null): string {
  const m = st.m;
  const { D } = m;
  const { people, policy } = m.instance;
  const sd = s * D + d;
  const W = m.sW[sd];
  const lo = m.sLo[sd];
  const hi = m.sHi[sd];
  const date = m.days[d];
  if (lo > hi && max !== null) return msg.wfhShareBounds(scopeName, date, W, min, lo, max, hi);
  const byUnit = m.scope === SCOPE_UNIT;
  const unitList: number[] = [];
  if (byUnit) unitList.push(s);
  else for (let i = m.agencyUnitStart[s]; i < m.agencyUnitStart[s + 1]; i++) unitList.push(m.agencyUnits[i]);

  // Who of the scope's working people could be at home that day, and the day's own limits.
  let ineligible = 0;
  let role = 0;
  let duty = 0;
  let fixedOnsite = 0;
  let exhausted = 0;
  let fixedWfh = 0;
  let flexTotal = 0;
  let maxHome = 0;
  let alAvail = 0;
  const binding: string[] = [];
  const { units, agencies } = m.instance;
  const mp = policy.minOnSitePerUnit?.people ?? null;
  const ml = policy.minOnSitePerUnit?.leaders ?? null;
  const a = byUnit ? m.uAgency[s] : s;
  const ad = a * D + d;
  for (const u of unitList) {
    const ud = u * D + d;
    let staff = 0;
    let leaders = 0;
    let agencyLeaders = 0;
    for (let i = m.unitStart[u]; i < m.unitStart[u + 1]; i++) {
      const p = m.unitMembers[i];
      const c = p * D + d;
      const mode = m.mode0[c];
      const f = m.flags[c];
      if (mode === LEAVE || mode === TRIP) continue;
      if (f & F_FIXED) {
        if (mode === WFH) fixedWfh++;
        else fixedOnsite++;
        continue;
      }
      if (m.pNoWfh[p] & WHY_INELIGIBLE) ineligible++;
      else if (m.pNoWfh[p] & WHY_ROLE) role++;
      else if (f & F_DUTY) duty++;
      else if ((f & F_FLEX) !== 0 && m.pCap[p] - m.pFixedWfh[p] <= 0) exhausted++;
      else if (f & F_FLEX) {
        flexTotal++;
        if (m.pCat[p] === CAT_UNIT_LEADER) leaders++;
        else if (m.pCat[p] === CAT_AGENCY_LEADER) agencyLeaders++;
        else staff++;
      }
    }
    const uRoom = Math.max(0, Math.min(m.uCap[ud], byUnit ? hi : NO_LIMIT) - m.uFixedWfh[ud]);
    const lRoom = Math.max(0, m.ulCap[ud] - m.ulFixedWfh[ud]);
    const base = Math.min(uRoom, staff + Math.min(leaders, lRoom));
    alAvail += Math.min(agencyLeaders, uRoom - base);
    maxHome += base;
    if (leaders > lRoom && ml !== null && uRoom > staff + lRoom) {
      binding.push(msg.keepUnitLeaders(units[u].name, Math.min(ml, m.ulW[ud]), m.ulW[ud]));
    }
    if (staff + Math.min(leaders, lRoom) + agencyLeaders > uRoom && mp !== null && m.uCap[ud] - m.uFixedWfh[ud] === uRoom) {
      binding.push(msg.keepUnitPeople(units[u].name, Math.min(mp, m.uW[ud]), m.uW[ud]));
    }
  }
  const alRoom = Math.max(0, m.alCap[ad] - m.alFixedWfh[ad]);
  if (alAvail > alRoom && policy.minAgencyLeadersOnSite != null) {
    binding.push(msg.keepAgencyLeaders(agencies[a].name, Math.min(policy.minAgencyLeadersOnSite, m.alW[ad]), m.alW[ad]));
  }
  maxHome += Math.min(alAvail, alRoom) + fixedWfh;
  if (!byUnit) maxHome = Math.min(maxHome, hi);

  if (maxHome < lo) {
    const parts: string[] = [];
    if (fixedWfh) parts.push(msg.fixedAtHome(fixedWfh));
    if (ineligible) parts.push(msg.notEligible(ineligible));
    if (role) parts.push(msg.alwaysOnsiteRoles(role, policy.alwaysOnSiteRoles ?? []));
    if (duty) parts.push(msg.onDuty(duty));
    if (fixedOnsite) parts.push(msg.fixedAtOffice(fixedOnsite));
    if (exhausted) parts.push(msg.outOfHomeDays(exhausted));
    if (flexTotal === 0) parts.push(msg.noOneElse());
    else if (!binding.length) parts.push(msg.othersFree(flexTotal));
    else parts.push(msg.othersHeldBack(flexTotal, binding.length > 3 ? [...binding.slice(0, 3), msg.moreLimits(binding.length - 3)] : binding));
    return msg.wfhShareMinDay(scopeName, date, min, W, lo, maxHome, parts);
  }

  // The day alone allows it: people's limits over the period (role shares) are what prevent it.
  st.searchLowerFrom(sd);
  const names: string[] = [];
  const shares = policy.minOnSiteShareByRole ?? {};
  const roles = new Map<PersonRole, number>();
  for (const v of st.reached()) {
    if (v >= m.n) continue;
    if (st.pc[v] >= st.pCap[v]) {
      names.push(people[v].name);
      roles.set(people[v].role, shares[people[v].role] ?? 0);
    }
  }
  return msg.wfhShareMinPeriod(scopeName, date, min, W, lo, st.sCnt(sd), names, [...roles]);
}
