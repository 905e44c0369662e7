/**
 * Loads everything the rules need for one agency period and builds the roster-format instance
 * (congvu.roster/1) from the database: units, active people, working days (calendar with the admin's
 * overrides), the applicable policy, duties (forced on site), wishes and pinned cells (fixed).
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { canWorkFromHome } from '../../../shared/domain/org';
import { compareVietnameseNames, POSITION_ORDER } from '../../../shared/domain/org';
import type { Mode, Person, PersonRole, Preference, ResolvedInstance, RuleId, UnitKind, Violation } from '../../../shared/domain/roster/format';
import { checkRoster } from '../../../shared/domain/roster/check';
import type { Db } from '../../db/client';
import { hiddenNotFound } from '../../lib/scope';
import { agencies, people, units } from '../org/org.table';
import { activePolicy, rulesOf, type PolicyRow } from '../policy/policy.resolve';
import { appDaysOff } from '../calendar/calendar.overrides';
import { workdaysFor } from '../calendar/calendar.service';
import { dutyAssignments, rosterPeriods, rosterWishes } from './roster.table';

export type PeriodRow = typeof rosterPeriods.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

export interface Cell {
  personId: string;
  date: string;
  mode: Mode;
  pinned: boolean;
}

export interface PeriodContext {
  period: PeriodRow;
  agency: AgencyRow;
  units: UnitRow[];
  people: PersonRow[];
  workdays: string[];
  holidays: { date: string; name: string }[];
  policy: PolicyRow | null;
  duties: { personId: string; date: string; kind: string }[];
  wishes: { personId: string; date: string; preference: Preference }[];
}

export async function loadPeriod(db: Db, periodId: string): Promise<PeriodRow> {
  const [period] = await db.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId)).limit(1);
  if (!period) throw hiddenNotFound();
  return period;
}

export async function loadPeriodContext(db: Db, periodOrId: string | PeriodRow): Promise<PeriodContext> {
  const period = typeof periodOrId === 'string' ? await loadPeriod(db, periodOrId) : periodOrId;
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, period.agencyId));
  const [unitRows, peopleRows, workdays, holidays, policy, duties] = await Promise.all([
    db.select().from(units).where(eq(units.agencyId, period.agencyId)).orderBy(asc(units.sortOrder), asc(units.name)),
    db
      .select()
      .from(people)
      .where(and(eq(people.agencyId, period.agencyId), eq(people.active, true))),
    workdaysFor(db, period.fromDate, period.toDate),
    appDaysOff(db, period.fromDate, period.toDate),
    period.policyId
      ? import('../policy/policy.table').then(async ({ policies }) => (await db.select().from(policies).where(eq(policies.id, period.policyId!)))[0] ?? null)
      : activePolicy(db, agency!, period.fromDate),
    db
      .select({ personId: dutyAssignments.personId, date: dutyAssignments.date, kind: dutyAssignments.kind })
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.agencyId, period.agencyId), gte(dutyAssignments.date, period.fromDate), lte(dutyAssignments.date, period.toDate))),
  ]);
  peopleRows.sort(
    (a, b) =>
      POSITION_ORDER[a.position as PersonRole] - POSITION_ORDER[b.position as PersonRole] ||
      a.sortOrder - b.sortOrder ||
      compareVietnameseNames(a.fullName, b.fullName),
  );
  const ids = peopleRows.map((p) => p.id);
  const wishes = ids.length
    ? await db
        .select({ personId: rosterWishes.personId, date: rosterWishes.date, preference: rosterWishes.preference })
        .from(rosterWishes)
        .where(and(inArray(rosterWishes.personId, ids), gte(rosterWishes.date, period.fromDate), lte(rosterWishes.date, period.toDate)))
    : [];
  return { period, agency: agency!, units: unitRows, people: peopleRows, workdays, holidays, policy, duties, wishes: wishes as PeriodContext['wishes'] };
}

/** The roster-format instance of the agency period; pinned cells become `fixed`, duties and wishes are kept. */
export function buildInstance(ctx: PeriodContext, cells: Cell[]): ResolvedInstance {
  const workdaySet = new Set(ctx.workdays);
  const fixed = new Map<string, Record<string, Mode>>();
  for (const c of cells) {
    if (!c.pinned || !workdaySet.has(c.date)) continue;
    let f = fixed.get(c.personId);
    if (!f) fixed.set(c.personId, (f = {}));
    f[c.date] = c.mode;
  }
  const duties = new Map<string, Set<string>>();
  for (const d of ctx.duties) {
    if (!workdaySet.has(d.date)) continue;
    let s = duties.get(d.personId);
    if (!s) duties.set(d.personId, (s = new Set()));
    s.add(d.date);
  }
  const prefers = new Map<string, Record<string, Preference>>();
  for (const w of ctx.wishes) {
    if (!workdaySet.has(w.date)) continue;
    let p = prefers.get(w.personId);
    if (!p) prefers.set(w.personId, (p = {}));
    p[w.date] = w.preference;
  }
  const unitIds = new Set(ctx.units.map((u) => u.id));
  const personList: Person[] = ctx.people
    .filter((p) => unitIds.has(p.unitId))
    .map((p) => {
      const person: Person = { id: p.id, name: p.fullName, unitId: p.unitId, role: p.position as PersonRole, canWorkFromHome: canWorkFromHome(p) };
      const f = fixed.get(p.id);
      if (f) person.fixed = f;
      const d = duties.get(p.id);
      if (d) person.duties = [...d].sort();
      const w = prefers.get(p.id);
      if (w) person.prefers = w;
      return person;
    });
  return {
    format: 'congvu.roster/1',
    period: { from: ctx.period.fromDate, to: ctx.period.toDate },
    workdays: ctx.workdays,
    agencies: [{ id: ctx.agency.id, name: ctx.agency.name, ...(ctx.agency.district ? { district: ctx.agency.district } : {}) }],
    units: ctx.units.map((u) => ({ id: u.id, agencyId: u.agencyId, name: u.name, kind: u.kind as UnitKind })),
    people: personList,
    policy: rulesOf(ctx.policy),
  };
}

export type SeverityMap = Record<string, 'block' | 'warn'>;

export function severityOf(policy: PolicyRow | null): SeverityMap {
  return (policy?.severity as SeverityMap | undefined) ?? {};
}

/**
 * Checks a roster and marks each violation blocking or warning per the policy; messages in the reader's
 * language (`lang`: the request's, CurrentUser.locale — Vietnamese by default, English for the web in English).
 */
export function checkWithSeverity(
  instance: ResolvedInstance,
  cells: Pick<Cell, 'personId' | 'date' | 'mode'>[],
  severity: SeverityMap,
  lang = 'vi',
): (Violation & { severity: 'block' | 'warn' })[] {
  const violations = checkRoster(
    instance,
    {
      format: 'congvu.assignments/1',
      assignments: cells.map((c) => ({ personId: c.personId, date: c.date, mode: c.mode })),
    },
    lang,
  );
  return violations.map((v) => ({ ...v, severity: severity[v.rule as RuleId] ?? 'block' }));
}
