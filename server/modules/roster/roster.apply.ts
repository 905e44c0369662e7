/**
 * What an approved request (leave, business trip, coming to the office: server/modules/leave) does to the roster.
 * For each working day it covers, the person's cell in the unit roster of the period covering the day is set and
 * pinned (leave → 'leave', trip → 'business_trip', office → 'onsite'). When that period's roster is already approved
 * and published, the published schedule is updated too, and the change is recorded as a new roster version ("Theo
 * đơn số … đã duyệt": the approval of the request is the approval of that change) so the Director's diff and
 * history show it. The unit's rules are then checked again with the shared checker; the violations the change
 * brought are returned (the leave service tells the unit head). Days outside any period yet are kept in
 * `leave_pending_days` and set when the period is created (prefillPendingDays, called by createPeriod).
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Mode } from '../../../shared/domain/roster/format';
import { unitView } from '../../../shared/domain/roster/scope';
import { diffAssignments } from '../../../shared/domain/roster/workflow';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { workdaysFor } from '../calendar/calendar.service';
import { leavePendingDays, leaveRequests } from '../leave/leave.table';
import { people } from '../org/org.table';
import { buildInstance, checkWithSeverity, loadPeriodContext, severityOf, type Cell, type PeriodContext, type PeriodRow } from './roster.instance';
import { rosterEntries, rosterPeriods, rosterVersions, schedule, unitRosters } from './roster.table';

export interface RosterChangeRequest {
  id: string;
  number: string;
  personId: string;
  unitId: string;
  agencyId: string;
  fromDate: string;
  toDate: string;
  mode: Mode;
  /** The account whose approval made the change (recorded as the roster version's approver). */
  approvedByUserId: string;
}

export interface RosterEffect {
  appliedAt: string;
  days: { date: string; mode: string }[];
  pendingDays: string[];
  violations: { rule: string; message: string; date?: string }[];
}

async function cellsOfRoster(db: Db, unitRosterId: string): Promise<Cell[]> {
  const rows = await db
    .select({ personId: rosterEntries.personId, date: rosterEntries.date, mode: rosterEntries.mode, pinned: rosterEntries.pinned })
    .from(rosterEntries)
    .where(eq(rosterEntries.unitRosterId, unitRosterId));
  return rows.map((r) => ({ ...r, mode: r.mode as Mode }));
}

function unitViolations(ctx: PeriodContext, unitId: string, cells: Cell[]) {
  const instance = unitView(buildInstance(ctx, cells), unitId);
  const ids = new Set(instance.people.map((p) => p.id));
  const workdays = new Set(ctx.workdays);
  return checkWithSeverity(
    instance,
    cells.filter((c) => ids.has(c.personId) && workdays.has(c.date)),
    severityOf(ctx.policy),
  );
}

const violationKey = (v: { rule: string; date?: string; personId?: string; unitId?: string; agencyId?: string }) =>
  `${v.rule}|${v.date ?? ''}|${v.personId ?? ''}|${v.unitId ?? ''}|${v.agencyId ?? ''}`;

async function unitRosterFor(tx: Db, periodId: string, unitId: string, clock: Clock, userId: string) {
  const [ur] = await tx
    .select()
    .from(unitRosters)
    .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.unitId, unitId)));
  if (ur) return ur;
  const [created] = await tx
    .insert(unitRosters)
    .values({ id: newId('ur'), periodId, unitId, status: 'draft', version: 1, updatedAt: clock.now(), updatedBy: userId })
    .returning();
  return created!;
}

/**
 * Sets the cells of one person in one period (pinned), publishes them when the period is approved (new roster
 * version with `comment`), and returns the rule violations the change brought to the unit.
 */
async function setCells(
  tx: Db,
  clock: Clock,
  period: PeriodRow,
  personId: string,
  unitId: string,
  days: { date: string; mode: Mode }[],
  userId: string,
  comment: string,
): Promise<RosterEffect['violations']> {
  const ctx = await loadPeriodContext(tx, period);
  const workdays = new Set(ctx.workdays);
  const wanted = days.filter((d) => workdays.has(d.date));
  if (!wanted.length) return [];
  const ur = await unitRosterFor(tx, period.id, unitId, clock, userId);
  const before = await cellsOfRoster(tx, ur.id);
  const beforeKeys = new Set(unitViolations(ctx, unitId, before).map(violationKey));
  await tx
    .insert(rosterEntries)
    .values(wanted.map((d) => ({ unitRosterId: ur.id, personId, date: d.date, mode: d.mode, pinned: true })))
    .onConflictDoUpdate({
      target: [rosterEntries.unitRosterId, rosterEntries.personId, rosterEntries.date],
      set: { mode: sql`excluded.mode`, pinned: true },
    });
  const now = clock.now();
  await tx
    .update(unitRosters)
    .set({ version: sql`${unitRosters.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(eq(unitRosters.id, ur.id));
  const after = await cellsOfRoster(tx, ur.id);
  const added = unitViolations(ctx, unitId, after).filter((v) => !beforeKeys.has(violationKey(v)));

  if (period.status === 'approved') {
    const [prev] = await tx.select().from(rosterVersions).where(eq(rosterVersions.periodId, period.id)).orderBy(desc(rosterVersions.version)).limit(1);
    const prevAssignments = (prev?.assignments as { personId: string; date: string; mode: string }[] | undefined) ?? [];
    const changed = new Map(wanted.map((d) => [d.date, d.mode]));
    const next = prevAssignments.map((a) => (a.personId === personId && changed.has(a.date) ? { ...a, mode: changed.get(a.date)! } : a));
    for (const d of wanted) if (!prevAssignments.some((a) => a.personId === personId && a.date === d.date)) next.push({ personId, date: d.date, mode: d.mode });
    next.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const diff = diffAssignments(prevAssignments, next);
    const version = (prev?.version ?? 0) + 1;
    await tx.insert(rosterVersions).values({ periodId: period.id, version, approvedAt: now, approvedBy: userId, assignments: next, diff, comment });
    await tx
      .insert(schedule)
      .values(wanted.map((d) => ({ personId, date: d.date, agencyId: period.agencyId, unitId, mode: d.mode, periodId: period.id, version })))
      .onConflictDoUpdate({
        target: [schedule.personId, schedule.date],
        set: { mode: sql`excluded.mode`, unitId: sql`excluded.unit_id`, periodId: sql`excluded.period_id`, version: sql`excluded.version` },
      });
    await tx
      .update(rosterPeriods)
      .set({ approvedVersion: version, approvedAt: now, approvedBy: userId, version: sql`${rosterPeriods.version} + 1` })
      .where(eq(rosterPeriods.id, period.id));
  }
  return added.map((v) => ({ rule: v.rule, message: v.message, ...(v.date ? { date: v.date } : {}) }));
}

/** Applies a finally approved request to the roster (inside the approval transaction). */
export async function applyRequestToRoster(tx: Db, clock: Clock, req: RosterChangeRequest): Promise<RosterEffect> {
  const workdays = await workdaysFor(tx, req.fromDate, req.toDate);
  const periods = await tx
    .select()
    .from(rosterPeriods)
    .where(and(eq(rosterPeriods.agencyId, req.agencyId), lte(rosterPeriods.fromDate, req.toDate), gte(rosterPeriods.toDate, req.fromDate)))
    .orderBy(asc(rosterPeriods.fromDate));
  const days: RosterEffect['days'] = [];
  const pendingDays: string[] = [];
  const violations: RosterEffect['violations'] = [];
  const byPeriod = new Map<string, string[]>();
  for (const d of workdays) {
    const p = periods.find((x) => x.fromDate <= d && x.toDate >= d);
    if (!p) pendingDays.push(d);
    else byPeriod.set(p.id, [...(byPeriod.get(p.id) ?? []), d]);
  }
  for (const p of periods) {
    const list = byPeriod.get(p.id);
    if (!list) continue;
    violations.push(
      ...(await setCells(
        tx,
        clock,
        p,
        req.personId,
        req.unitId,
        list.map((date) => ({ date, mode: req.mode })),
        req.approvedByUserId,
        `Theo đơn số ${req.number} đã duyệt`,
      )),
    );
    days.push(...list.map((date) => ({ date, mode: req.mode })));
  }
  if (pendingDays.length)
    await tx
      .insert(leavePendingDays)
      .values(pendingDays.map((date) => ({ requestId: req.id, date, personId: req.personId, agencyId: req.agencyId, mode: req.mode })))
      .onConflictDoNothing();
  return { appliedAt: clock.now().toISOString(), days, pendingDays, violations };
}

/**
 * A new period: the approved requests' days that fell in no period yet are set (pinned) in the unit rosters now,
 * and each request's roster effect says so. Call inside the createPeriod transaction.
 */
export async function prefillPendingDays(tx: Db, clock: Clock, period: PeriodRow, userId: string): Promise<number> {
  const pending = await tx
    .select()
    .from(leavePendingDays)
    .where(and(eq(leavePendingDays.agencyId, period.agencyId), gte(leavePendingDays.date, period.fromDate), lte(leavePendingDays.date, period.toDate)));
  if (!pending.length) return 0;
  const unitOf = new Map(
    (
      await tx
        .select({ id: people.id, unitId: people.unitId })
        .from(people)
        .where(
          inArray(
            people.id,
            pending.map((p) => p.personId),
          ),
        )
    ).map((p) => [p.id, p.unitId]),
  );
  const byRequest = new Map<string, typeof pending>();
  for (const p of pending) byRequest.set(p.requestId, [...(byRequest.get(p.requestId) ?? []), p]);
  let n = 0;
  for (const [requestId, rows] of byRequest) {
    const [req] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, requestId));
    const unitId = unitOf.get(rows[0]!.personId);
    if (!req || !unitId) continue;
    const violations = await setCells(
      tx,
      clock,
      period,
      req.personId,
      unitId,
      rows.map((r) => ({ date: r.date, mode: r.mode as Mode })),
      userId,
      `Theo đơn số ${req.number} đã duyệt`,
    );
    await tx.delete(leavePendingDays).where(
      and(
        eq(leavePendingDays.requestId, requestId),
        inArray(
          leavePendingDays.date,
          rows.map((r) => r.date),
        ),
      ),
    );
    const effect = req.rosterEffect as RosterEffect | null;
    if (effect) {
      const moved = new Set(rows.map((r) => r.date));
      await tx
        .update(leaveRequests)
        .set({
          rosterEffect: {
            ...effect,
            days: [...effect.days, ...rows.map((r) => ({ date: r.date, mode: r.mode }))].sort((a, b) => (a.date < b.date ? -1 : 1)),
            pendingDays: effect.pendingDays.filter((d) => !moved.has(d)),
            violations: [...effect.violations, ...violations],
          },
        })
        .where(eq(leaveRequests.id, requestId));
    }
    n += rows.length;
  }
  return n;
}
