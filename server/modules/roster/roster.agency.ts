/** The agency's roster (C2, C3, C5): status of every unit, compile by the Office, approve or return by the Director, differences and versions. */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DiffResponse, PeriodStatusResponse } from '../../../shared/contracts/roster';
import type { Mode } from '../../../shared/domain/roster/format';
import { canApprove, canCompile, diffAssignments, type PeriodStatus, type UnitRosterStatus } from '../../../shared/domain/roster/workflow';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget, assertCan } from '../../lib/scope';
import { buildInstance, checkWithSeverity, loadPeriod, loadPeriodContext, severityOf, type Cell, type PeriodContext, type PeriodRow } from './roster.instance';
import { rosterPeriods, rosterVersions, schedule, unitRosters } from './roster.table';
import * as notices from '../notifications/roster-notices';
import { presentPeriod } from './roster.periods';
import { cellsOf, throwUnless, unitCheck } from './roster.service';

async function agencyState(db: Db, period: PeriodRow) {
  const ctx = await loadPeriodContext(db, period);
  const urs = await db.select().from(unitRosters).where(eq(unitRosters.periodId, period.id));
  const cells = await cellsOf(
    db,
    urs.map((u) => u.id),
  );
  return { ctx, urs, cells };
}

export async function getPeriodStatus(deps: Deps, user: CurrentUser, periodId: string): Promise<PeriodStatusResponse> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await agencyTarget(deps.db, period.agencyId);
  assertCan(user, 'roster.read', target);
  const { ctx, urs, cells } = await agencyState(deps.db, period);
  const now = deps.clock.now();
  const severity = severityOf(ctx.policy);
  const full = checkWithSeverity(
    buildInstance(ctx, cells),
    cells.filter((c) => ctx.workdays.includes(c.date)),
    severity,
    user.locale,
  );
  const byUnit = new Map(urs.map((u) => [u.unitId, u]));
  const peopleCount = new Map<string, number>();
  for (const p of ctx.people) peopleCount.set(p.unitId, (peopleCount.get(p.unitId) ?? 0) + 1);
  const pastDeadline = !!period.deadline && period.deadline.getTime() < now.getTime();
  const rows = ctx.units.map((u) => {
    const ur = byUnit.get(u.id);
    const status = (ur?.status ?? 'none') as UnitRosterStatus;
    const unitViolations = unitCheck(ctx, u.id, cells, user.locale);
    const late = pastDeadline && (peopleCount.get(u.id) ?? 0) > 0 && (status === 'none' || status === 'draft' || status === 'returned');
    return {
      unitId: u.id,
      unitName: u.name,
      unitKind: u.kind as PeriodStatusResponse['units'][number]['unitKind'],
      people: peopleCount.get(u.id) ?? 0,
      status,
      submittedAt: ur?.submittedAt?.toISOString() ?? null,
      returnComment: ur?.returnComment ?? null,
      late,
      blocking: unitViolations.filter((v) => v.severity === 'block').length,
      warnings: unitViolations.filter((v) => v.severity === 'warn').length,
      version: ur?.version ?? null,
    };
  });
  return {
    period: presentPeriod(period, ctx.workdays),
    units: rows,
    violations: full,
    late: rows.filter((r) => r.late).map((r) => ({ unitId: r.unitId, unitName: r.unitName })),
  };
}

export async function compilePeriod(deps: Deps, user: CurrentUser, periodId: string, periodVersion: number): Promise<PeriodStatusResponse> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.compile', await agencyTarget(deps.db, period.agencyId));
  if (period.status === 'compiled' && period.version === periodVersion + 1) return getPeriodStatus(deps, user, periodId);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    if (fresh!.version !== periodVersion) throw new AppError('VERSION_CONFLICT');
    const { ctx, urs, cells } = await agencyState(tx, fresh!);
    const byUnit = new Map(urs.map((u) => [u.unitId, u]));
    const count = new Map<string, number>();
    for (const p of ctx.people) count.set(p.unitId, (count.get(p.unitId) ?? 0) + 1);
    throwUnless(
      canCompile(
        fresh!.status as PeriodStatus,
        ctx.units.map((u) => ({ unitName: u.name, status: (byUnit.get(u.id)?.status ?? 'none') as UnitRosterStatus, people: count.get(u.id) ?? 0 })),
      ),
    );
    const violations = checkWithSeverity(
      buildInstance(ctx, cells),
      cells.filter((c) => ctx.workdays.includes(c.date)),
      severityOf(ctx.policy),
      user.locale,
    );
    const blocking = violations.filter((v) => v.severity === 'block');
    if (blocking.length) {
      throw new AppError('RULE_VIOLATION', `Lịch toàn cơ quan còn ${blocking.length} vi phạm; trả lại đơn vị liên quan để sửa.`, { details: { violations } });
    }
    const now = deps.clock.now();
    await tx
      .update(unitRosters)
      .set({ status: 'compiled', version: sql`${unitRosters.version} + 1`, updatedAt: now })
      .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.status, 'submitted')));
    await tx
      .update(rosterPeriods)
      .set({ status: 'compiled', compiledAt: now, compiledBy: user.userId, version: fresh!.version + 1 })
      .where(eq(rosterPeriods.id, periodId));
    await notices.noticePeriodCompiled(tx, deps.clock, fresh!, user, violations.length);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.period_compiled',
      entity: 'roster_period',
      entityId: periodId,
      agencyId: period.agencyId,
      data: { warnings: violations.length },
    });
  });
  return getPeriodStatus(deps, user, periodId);
}

export async function approvePeriod(deps: Deps, user: CurrentUser, periodId: string, periodVersion: number, comment?: string): Promise<PeriodStatusResponse> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.approve', await agencyTarget(deps.db, period.agencyId));
  if (period.status === 'approved' && period.version === periodVersion + 1) return getPeriodStatus(deps, user, periodId);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    if (fresh!.version !== periodVersion) throw new AppError('VERSION_CONFLICT');
    throwUnless(canApprove(fresh!.status as PeriodStatus));
    const { ctx, cells } = await agencyState(tx, fresh!);
    const workdays = new Set(ctx.workdays);
    const unitOf = new Map(ctx.people.map((p) => [p.id, p.unitId]));
    const assignments = cells
      .filter((c) => workdays.has(c.date) && unitOf.has(c.personId))
      .map((c) => ({ personId: c.personId, date: c.date, mode: c.mode }))
      .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.date < b.date ? -1 : 1));
    const [prev] = await tx.select().from(rosterVersions).where(eq(rosterVersions.periodId, periodId)).orderBy(desc(rosterVersions.version)).limit(1);
    const diff = diffAssignments((prev?.assignments as typeof assignments | undefined) ?? [], assignments);
    const nextVersion = (prev?.version ?? 0) + 1;
    const now = deps.clock.now();
    await tx
      .insert(rosterVersions)
      .values({ periodId, version: nextVersion, approvedAt: now, approvedBy: user.userId, assignments, diff, comment: comment ?? null });
    // Publish: replace the schedule of the agency's people on the period's days.
    await tx.delete(schedule).where(and(eq(schedule.agencyId, period.agencyId), gte(schedule.date, period.fromDate), lte(schedule.date, period.toDate)));
    const rows = assignments.map((a) => ({ ...a, agencyId: period.agencyId, unitId: unitOf.get(a.personId)!, periodId, version: nextVersion }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(schedule).values(rows.slice(i, i + 1000));
    await tx
      .update(unitRosters)
      .set({ status: 'approved', version: sql`${unitRosters.version} + 1`, updatedAt: now })
      .where(eq(unitRosters.periodId, periodId));
    await tx
      .update(rosterPeriods)
      .set({ status: 'approved', approvedVersion: nextVersion, approvedAt: now, approvedBy: user.userId, version: fresh!.version + 1 })
      .where(eq(rosterPeriods.id, periodId));
    await notices.noticePeriodApproved(tx, deps.clock, fresh!, nextVersion, diff, user);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.period_approved',
      entity: 'roster_period',
      entityId: periodId,
      agencyId: period.agencyId,
      data: { version: nextVersion, changes: diff.length, cells: assignments.length },
    });
  });
  return getPeriodStatus(deps, user, periodId);
}

/** The Director sends the compiled roster back to the Office (units become "submitted" again). */
export async function returnPeriod(
  deps: Deps,
  user: CurrentUser,
  periodId: string,
  input: { version: number; comment: string },
): Promise<PeriodStatusResponse> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.approve', await agencyTarget(deps.db, period.agencyId));
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    if (fresh!.status === 'collecting' && fresh!.version === input.version + 1) return;
    if (fresh!.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (fresh!.status !== 'compiled') throw new AppError('INVALID_STATE', 'Chỉ trả lại được lịch đang chờ phê duyệt.');
    await tx
      .update(unitRosters)
      .set({ status: 'submitted', version: sql`${unitRosters.version} + 1` })
      .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.status, 'compiled')));
    await tx
      .update(rosterPeriods)
      .set({ status: 'collecting', version: fresh!.version + 1 })
      .where(eq(rosterPeriods.id, periodId));
    await notices.noticePeriodReturned(tx, deps.clock, fresh!, input.comment, user);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.period_returned',
      entity: 'roster_period',
      entityId: periodId,
      agencyId: period.agencyId,
      data: { comment: input.comment },
    });
  });
  return getPeriodStatus(deps, user, periodId);
}

/** Differences between the current rosters and the last approved version, with the version history. */
export async function getDiff(deps: Deps, user: CurrentUser, periodId: string): Promise<DiffResponse> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.read', await agencyTarget(deps.db, period.agencyId));
  const { ctx, cells } = await agencyState(deps.db, period);
  const versions = await deps.db.select().from(rosterVersions).where(eq(rosterVersions.periodId, periodId)).orderBy(asc(rosterVersions.version));
  const last = versions[versions.length - 1];
  const workdays = new Set(ctx.workdays);
  const diff = diffAssignments(
    (last?.assignments as { personId: string; date: string; mode: string }[] | undefined) ?? [],
    cells.filter((c) => workdays.has(c.date)),
  );
  const person = new Map(ctx.people.map((p) => [p.id, p]));
  const unitName = new Map(ctx.units.map((u) => [u.id, u.name]));
  return {
    baseVersion: last?.version ?? 0,
    diff: diff.map((d) => {
      const p = person.get(d.personId);
      return {
        personId: d.personId,
        fullName: p?.fullName ?? d.personId,
        unitName: p ? (unitName.get(p.unitId) ?? '') : '',
        date: d.date,
        from: d.from as Mode | null,
        to: d.to as Mode | null,
      };
    }),
    versions: versions.map((v) => ({
      version: v.version,
      approvedAt: v.approvedAt.toISOString(),
      approvedBy: v.approvedBy,
      changes: (v.diff as unknown[]).length,
      comment: v.comment,
    })),
  };
}

/** Every cell of the agency period (for the interchange export and Phụ lục 1). */
export async function periodCells(db: Db, period: PeriodRow): Promise<{ ctx: PeriodContext; cells: Cell[] }> {
  const { ctx, cells } = await agencyState(db, period);
  return { ctx, cells };
}
