/**
 * The one order of rule violations, used by the checker (check.ts) and the solver's explanations
 * (solver/explain.ts): rule id, date, agency, unit, person id (absent first; ids compared by UTF-16 code
 * units, not locale), then message — so a list never depends on the order the violations were found in.
 */
import type { Violation } from './format';

function cmpOpt(x: string | undefined, y: string | undefined): number {
  if (x === y) return 0;
  if (x === undefined) return -1;
  if (y === undefined) return 1;
  return x < y ? -1 : 1;
}

/** Order of violations: rule id, date, agency, unit, person id (absent first), then message. */
export function compareViolations(a: Violation, b: Violation): number {
  return (
    cmpOpt(a.rule, b.rule) ||
    cmpOpt(a.date, b.date) ||
    cmpOpt(a.agencyId, b.agencyId) ||
    cmpOpt(a.unitId, b.unitId) ||
    cmpOpt(a.personId, b.personId) ||
    cmpOpt(a.message, b.message)
  );
}
