/**
 * Small random instances with the rule mix of the seeds (Đắk Nông: 70/30 split, board and chief of office
 * always on site, heads and deputy heads ≥ 50% on site; leave, duties, ineligible people, wishes), for
 * the solver's property tests. Deterministic (seeded). Not a product module.
 */
import type { Mode, Person, PersonRole, Policy, ResolvedInstance, Unit } from '../format';
import { mulberry32 } from '../../random';

/** The seeded generator of the property tests (mulberry32). */
export const rng = mulberry32;

export interface RandomOptions {
  seed: number;
  agencies?: number;
  /** Units per agency besides the board. */
  units?: number;
  /** People per unit (max). */
  unitSize?: number;
  days?: number;
  scope?: 'agency' | 'unit' | 'none';
  /** Probability of a fixed day per cell. */
  fixedRate?: number;
  /** Put an agency leader outside the board (leaders over several units). */
  spreadLeaders?: boolean;
  /** Random policy (shares, which rules are present) instead of the seed's. */
  randomPolicy?: boolean;
}

const DAY0 = Date.UTC(2021, 7, 2) / 86_400_000; // Monday 02/08/2021

export function workdayList(count: number): string[] {
  const out: string[] = [];
  for (let n = DAY0; out.length < count; n++) {
    const w = (((n + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) out.push(new Date(n * 86_400_000).toISOString().slice(0, 10));
  }
  return out;
}

export function randomInstance(o: RandomOptions): ResolvedInstance {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const nA = o.agencies ?? 1;
  const nUnits = o.units ?? 3;
  const unitSize = o.unitSize ?? 6;
  const days = workdayList(o.days ?? 5);
  const fixedRate = o.fixedRate ?? 0.1;
  const agencies = [];
  const units: Unit[] = [];
  const people: Person[] = [];
  let pid = 0;
  const person = (unitId: string, role: PersonRole): Person => {
    const p: Person = { id: `p${String(pid).padStart(4, '0')}`, name: `Cán bộ ${pid}`, unitId, role, canWorkFromHome: r() > 0.2 };
    pid++;
    for (const d of days) {
      const x = r();
      if (x < fixedRate) {
        p.fixed ??= {};
        p.fixed[d] = pick<Mode>(['leave', 'leave', 'business_trip', 'wfh', 'onsite']);
      } else if (x < fixedRate + 0.06) {
        p.duties ??= [];
        p.duties.push(d);
      } else if (x < fixedRate + 0.16) {
        p.prefers ??= {};
        p.prefers[d] = r() < 0.6 ? 'wfh' : 'onsite';
      }
    }
    return p;
  };
  for (let a = 0; a < nA; a++) {
    const agencyId = `a${a}`;
    agencies.push({ id: agencyId, name: `Sở ${a}` });
    const board = `a${a}-bgd`;
    units.push({ id: board, agencyId, name: `Ban Giám đốc Sở ${a}`, kind: 'board' });
    people.push(person(board, 'director'));
    const deputies = 1 + Math.floor(r() * 2);
    for (let i = 0; i < deputies; i++) people.push(person(board, 'deputy_director'));
    for (let u = 0; u < nUnits; u++) {
      const unitId = `a${a}-u${u}`;
      const kind = u === 0 ? 'office' : pick(['department', 'department', 'center', 'inspectorate'] as const);
      units.push({ id: unitId, agencyId, name: `Phòng ${a}.${u}`, kind });
      const size = 1 + Math.floor(r() * unitSize);
      for (let i = 0; i < size; i++) {
        const role: PersonRole =
          i === 0
            ? kind === 'office'
              ? 'chief_of_office'
              : kind === 'center'
                ? 'center_director'
                : 'head'
            : i === 1 && r() < 0.6
              ? kind === 'office'
                ? 'deputy_chief_of_office'
                : 'deputy_head'
              : 'staff';
        people.push(person(unitId, role));
      }
      if (o.spreadLeaders && u === 0) people.push(person(unitId, 'deputy_director'));
    }
  }
  let policy: Policy = {
    wfhShare: o.scope === 'none' ? null : { scope: o.scope ?? 'agency', min: 0.2, target: 0.3, max: 0.5 },
    minOnSitePerUnit: { people: 1, leaders: 1 },
    minAgencyLeadersOnSite: 1,
    alwaysOnSiteRoles: ['director', 'chief_of_office', 'deputy_chief_of_office', 'center_director'],
    minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
    requireEligibilityForWfh: true,
  };
  if (o.randomPolicy) {
    const share = (): number => Math.round(r() * 10) / 10;
    const min = r() < 0.7 ? share() * 0.6 : null;
    const max = r() < 0.6 ? Math.max(min ?? 0, share()) : null;
    const target = r() < 0.8 ? Math.round((min ?? 0) * 10 + r() * 10 * ((max ?? 1) - (min ?? 0))) / 10 : null;
    policy = {
      wfhShare: o.scope === 'none' ? null : { scope: o.scope ?? (r() < 0.5 ? 'agency' : 'unit'), min, target, max },
      minOnSitePerUnit: r() < 0.8 ? { people: Math.floor(r() * 3), leaders: r() < 0.6 ? 1 : null } : null,
      minAgencyLeadersOnSite: r() < 0.7 ? 1 + Math.floor(r() * 2) : null,
      alwaysOnSiteRoles: r() < 0.7 ? ['director'] : [],
      minOnSiteShareByRole: r() < 0.8 ? { head: share(), deputy_head: share(), deputy_director: share() } : null,
      requireEligibilityForWfh: r() < 0.7,
    };
  }
  return {
    format: 'congvu.roster/1',
    period: { from: days[0], to: days[days.length - 1] },
    workdays: days,
    agencies,
    units,
    people,
    policy,
  };
}
