/**
 * For the seed tests: rebuilds, from the database alone, the roster-format instance and the published
 * roster of an agency period, so that the tests check what was written (not the seed's own objects).
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { workdaysBetween } from '../../../shared/domain/calendar';
import type { Mode, Person, PersonRole, Policy, ResolvedInstance, Roster, UnitKind } from '../../../shared/domain/roster/format';
import type { Db } from '../client';
import { agencies, people, units } from '../../modules/org/org.table';
import { policies } from '../../modules/policy/policy.table';
import { dutyAssignments, rosterEntries, rosterPeriods, schedule, unitRosters } from '../../modules/roster/roster.table';

export interface PublishedWeek {
  instance: ResolvedInstance;
  /** From the `schedule` table. */
  roster: Roster;
  periodStatus: string;
  /** Cells of the period's unit rosters. */
  entries: { personId: string; date: string; mode: string; pinned: boolean }[];
}

export async function publishedWeek(db: Db, agencyId: string, from: string): Promise<PublishedWeek> {
  const [period] = await db
    .select()
    .from(rosterPeriods)
    .where(and(eq(rosterPeriods.agencyId, agencyId), eq(rosterPeriods.fromDate, from)));
  if (!period) throw new Error(`no period ${agencyId} ${from}`);
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  const unitRows = await db.select().from(units).where(eq(units.agencyId, agencyId));
  const peopleRows = await db
    .select()
    .from(people)
    .where(and(eq(people.agencyId, agencyId), eq(people.active, true)));
  const [policy] = await db.select().from(policies).where(eq(policies.id, period.policyId!));
  const workdays = workdaysBetween(period.fromDate, period.toDate);
  const duties = await db
    .select()
    .from(dutyAssignments)
    .where(and(eq(dutyAssignments.agencyId, agencyId), gte(dutyAssignments.date, period.fromDate), lte(dutyAssignments.date, period.toDate)));
  const urs = await db.select().from(unitRosters).where(eq(unitRosters.periodId, period.id));
  const entries = urs.length
    ? await db
        .select({ personId: rosterEntries.personId, date: rosterEntries.date, mode: rosterEntries.mode, pinned: rosterEntries.pinned })
        .from(rosterEntries)
        .where(
          inArray(
            rosterEntries.unitRosterId,
            urs.map((u) => u.id),
          ),
        )
    : [];
  const fixed = new Map<string, Record<string, Mode>>();
  for (const e of entries) if (e.pinned) fixed.set(e.personId, { ...fixed.get(e.personId), [e.date]: e.mode as Mode });
  const dutyOf = new Map<string, string[]>();
  for (const d of duties) dutyOf.set(d.personId, [...(dutyOf.get(d.personId) ?? []), d.date].sort());
  const instance: ResolvedInstance = {
    format: 'congvu.roster/1',
    period: { from: period.fromDate, to: period.toDate },
    workdays,
    agencies: [{ id: agency!.id, name: agency!.name }],
    units: unitRows.map((u) => ({ id: u.id, agencyId: u.agencyId, name: u.name, kind: u.kind as UnitKind })),
    people: peopleRows.map((p) => {
      const person: Person = {
        id: p.id,
        name: p.fullName,
        unitId: p.unitId,
        role: p.position as PersonRole,
        canWorkFromHome: p.hasComputer && p.hasEofficeAccess,
      };
      if (fixed.has(p.id)) person.fixed = fixed.get(p.id);
      if (dutyOf.has(p.id)) person.duties = dutyOf.get(p.id);
      return person;
    }),
    policy: policy!.rules as Policy,
  };
  const rows = await db
    .select()
    .from(schedule)
    .where(and(eq(schedule.agencyId, agencyId), gte(schedule.date, period.fromDate), lte(schedule.date, period.toDate)));
  return {
    instance,
    roster: { format: 'congvu.assignments/1', assignments: rows.map((r) => ({ personId: r.personId, date: r.date, mode: r.mode as Mode })) },
    periodStatus: period.status,
    entries,
  };
}
