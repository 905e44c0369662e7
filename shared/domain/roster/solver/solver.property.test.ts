/**
 * Property tests of the solver against two independent references:
 * - the rule checker (check.ts) on instances that are feasible by construction (the benchmark generator
 *   builds a witness roster with them): the solver's roster must have no violation at all;
 * - the exact MILP (HiGHS, bench/lib/highs-model.ts) on small random instances with random policies,
 *   fixed days that may break rules, duties, wishes and agency leaders in several units: the solver must
 *   find a roster without violations exactly when one exists, leave only the unavoidable violations
 *   otherwise — as few as the MILP that may break minimums and role shares at one violation each — and
 *   reach the optimum's goal term.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInstanceWithWitness } from '../../../../bench/lib/generate-instance';
import { solveMilp } from '../../../../bench/lib/highs-model';
import { checkRoster } from '../check';
import type { Policy, Violation } from '../format';
import { resolveWorkdays } from '../parse';
import { scoreRoster, solveRoster } from './index';
import { randomInstance } from './test-instances';

const keys = (vs: Violation[]): string[] => vs.map((v) => [v.rule, v.date ?? '', v.agencyId ?? '', v.unitId ?? '', v.personId ?? ''].join('|'));

describe('solveRoster property: feasible instances get a roster with no violation', () => {
  it('on generated instances (feasible by construction), checked by the rule checker', () => {
    const policyArb = fc.record({
      scope: fc.constantFrom<'agency' | 'unit'>('agency', 'unit'),
      min: fc.constantFrom(null, 0.1, 0.2, 0.25),
      target: fc.constantFrom(null, 0.3, 0.35, 0.5),
      max: fc.constantFrom(null, 0.4, 0.5, 0.6),
      headShare: fc.constantFrom(0.3, 0.5, 0.8),
    });
    let solved = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 8, max: 70 }),
        fc.integer({ min: 1, max: 10 }),
        policyArb,
        fc.constantFrom(0.01, 0.05, 0.15),
        fc.constantFrom(0.02, 0.1, 0.3),
        (seed, people, days, pol, pinnedShare, prefersShare) => {
          const policy: Partial<Policy> = {
            wfhShare: { scope: pol.scope, min: pol.min, target: pol.target, max: pol.max },
            minOnSiteShareByRole: { head: pol.headShare, deputy_head: pol.headShare },
          };
          let generated: ReturnType<typeof generateInstanceWithWitness>;
          try {
            generated = generateInstanceWithWitness({ people, days, seed, wfhScope: pol.scope, policy, pinnedShare, prefersShare, leaveShare: 0.1 });
          } catch {
            return; // the generator found no witness for this policy: not a feasible instance
          }
          const instance = resolveWorkdays(generated.instance);
          expect(checkRoster(instance, generated.witness)).toEqual([]); // the witness proves feasibility
          const res = solveRoster(instance);
          expect(res.violations).toEqual([]);
          expect(res.feasible).toBe(true);
          expect(checkRoster(instance, res.roster)).toEqual([]);
          solved++;
        },
      ),
      { numRuns: 300, seed: 20210809 },
    );
    expect(solved).toBeGreaterThan(200);
  });
});

describe('solveRoster property: exact feasibility against the MILP (HiGHS)', () => {
  it('has violations only when no roster avoids them, then as few as possible', async () => {
    let feasible = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<'agency' | 'unit' | 'none'>('agency', 'unit', 'none'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 0.03, 0.1),
        async (seed, scope, randomPolicy, spreadLeaders, days, fixedRate) => {
          const instance = randomInstance({ seed, scope, randomPolicy, spreadLeaders, days, fixedRate, units: 3, unitSize: 6 });
          const res = solveRoster(instance);
          expect(keys(checkRoster(instance, res.roster))).toEqual(keys(res.violations));
          const milp = await solveMilp(instance, { timeLimit: 20 });
          if (milp.infeasible) {
            // No roster meets every minimum and limit (fixed days kept): the solver reports what is left —
            // a minimum it could not meet, or a role share it broke to leave fewer violations.
            expect(res.feasible).toBe(false);
            expect(res.violations.some((v) => v.rule === 'wfh_share_min' || v.rule === 'role_min_onsite_share')).toBe(true);
            // Fewest violations: as many as the optimum of the MILP where minimums and role shares may
            // be broken at a cost of one violation each (fixed days and other limits kept).
            // (Exact when agency leaders are in one unit; spread over units, their daily limit crosses the
            // units' and the solver's paths cannot always re-route it: see index.ts.)
            if (!spreadLeaders) {
              const soft = await solveMilp(instance, { timeLimit: 20, softMinimums: true });
              expect(soft.optimal).toBe(true);
              expect(res.violations).toHaveLength(checkRoster(instance, soft.roster!).length);
            }
            infeasible++;
            return;
          }
          expect(milp.optimal).toBe(true);
          // The MILP meets every minimum and limit except what fixed days already break: same violations.
          const unavoidable = checkRoster(instance, milp.roster!);
          expect(keys(res.violations)).toEqual(keys(unavoidable));
          if (unavoidable.length === 0) feasible++;
          // The optimum's score is a lower bound; with agency leaders in one unit the goal term is reached exactly.
          expect(res.score.total).toBeGreaterThanOrEqual(milp.objective!);
          expect(scoreRoster(instance, milp.roster!).total).toBe(milp.objective);
          if (!spreadLeaders) expect(res.score.goalDeviation).toBe(scoreRoster(instance, milp.roster!).goalDeviation);
        },
      ),
      { numRuns: 250, seed: 42 },
    );
    expect(feasible).toBeGreaterThan(40);
    expect(infeasible).toBeGreaterThan(10);
  });
});
