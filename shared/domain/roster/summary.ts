/**
 * What a generated roster means for people, in figures a unit head or the Office can read (issue 11,
 * item 3): how fair it is (the spread of days at home between the people who may work from home), how
 * close to the plan (the share at home each day, against the policy's target and limits) and how many
 * wishes it meets. The solver's score (1000 × deviation + 10 × wishes + Σ days²) means nothing to them.
 * Pure and isomorphic.
 */
import type { Mode, ResolvedInstance, Roster } from './format';
import { goalCount } from './solver/model';

export interface RosterSummary {
  /** People of the scope who may work from home (eligible when the policy requires it, role not always on site). */
  homePeople: number;
  /** Fewest and most days at home among them (0/0 when nobody). */
  homeDaysMin: number;
  homeDaysMax: number;
  /** Share at home of the people working (on site or at home), per day and scope: the lowest and highest, 0-1 (null: nobody working). */
  dailyShareMin: number | null;
  dailyShareMax: number | null;
  /** The policy's share at home: target, min, max (null when not set). */
  target: number | null;
  min: number | null;
  max: number | null;
  /** Days × scopes whose count at home is the plan's goal exactly (the solver's goal: round(target × W) inside the limits), of all days × scopes with people working. */
  daysOnTarget: number;
  daysCounted: number;
  /** Wishes (prefers) met, of the wishes on working days. */
  wishesMet: number;
  wishes: number;
}

/**
 * Summary of `roster` for the people of `instance` (optionally only those of `unitIds`). Shares are
 * counted per scope of the policy's `wfhShare` (agency or unit; agency when unset).
 */
export function summarizeRoster(instance: ResolvedInstance, roster: Roster, unitIds?: ReadonlySet<string>): RosterSummary {
  const days = instance.workdays;
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const people = unitIds ? instance.people.filter((p) => unitIds.has(p.unitId)) : instance.people;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const D = days.length;
  const mode: (Mode | undefined)[] = new Array(people.length * D);
  for (const a of roster.assignments) {
    const p = index.get(a.personId);
    const d = dayIndex.get(a.date);
    if (p === undefined || d === undefined || mode[p * D + d] !== undefined) continue;
    mode[p * D + d] = a.mode;
  }
  const policy = instance.policy;
  const always = new Set<string>(policy.alwaysOnSiteRoles ?? []);
  const requireEligible = policy.requireEligibilityForWfh === true;
  const unitAgency = new Map(instance.units.map((u) => [u.id, u.agencyId]));
  const byUnit = policy.wfhShare?.scope === 'unit';

  let homePeople = 0;
  let homeDaysMin = Number.POSITIVE_INFINITY;
  let homeDaysMax = 0;
  let wishes = 0;
  let wishesMet = 0;
  const working = new Map<string, number>();
  const atHome = new Map<string, number>();
  people.forEach((person, p) => {
    let home = 0;
    const scope = byUnit ? person.unitId : (unitAgency.get(person.unitId) ?? '');
    for (let d = 0; d < D; d++) {
      const m = mode[p * D + d];
      if (m === 'wfh') home++;
      if (m === 'wfh' || m === 'onsite') {
        const key = `${scope}|${d}`;
        working.set(key, (working.get(key) ?? 0) + 1);
        if (m === 'wfh') atHome.set(key, (atHome.get(key) ?? 0) + 1);
      }
      const wish = person.prefers?.[days[d]!];
      if (wish) {
        wishes++;
        if ((wish === 'wfh' && m === 'wfh') || (wish === 'onsite' && m === 'onsite')) wishesMet++;
      }
    }
    const mayWorkFromHome = !(requireEligible && person.canWorkFromHome === false) && !always.has(person.role);
    if (mayWorkFromHome) {
      homePeople++;
      homeDaysMin = Math.min(homeDaysMin, home);
      homeDaysMax = Math.max(homeDaysMax, home);
    }
  });

  const share = policy.wfhShare ?? null;
  const target = share?.target ?? null;
  let dailyShareMin: number | null = null;
  let dailyShareMax: number | null = null;
  let daysOnTarget = 0;
  let daysCounted = 0;
  for (const [key, w] of working) {
    if (w === 0) continue;
    const h = atHome.get(key) ?? 0;
    const s = h / w;
    dailyShareMin = dailyShareMin === null ? s : Math.min(dailyShareMin, s);
    dailyShareMax = dailyShareMax === null ? s : Math.max(dailyShareMax, s);
    daysCounted++;
    if (target !== null) {
      const lo = share?.min == null ? 0 : Math.ceil(share.min * w - 1e-9);
      const hi = share?.max == null ? w : Math.floor(share.max * w + 1e-9);
      if (h === goalCount(target, w, lo, hi)) daysOnTarget++;
    }
  }
  return {
    homePeople,
    homeDaysMin: homePeople ? homeDaysMin : 0,
    homeDaysMax,
    dailyShareMin,
    dailyShareMax,
    target,
    min: share?.min ?? null,
    max: share?.max ?? null,
    daysOnTarget,
    daysCounted,
    wishesMet,
    wishes,
  };
}
