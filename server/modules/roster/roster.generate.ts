/**
 * "Tạo lịch tự động" (C4, issue 3): the solver fills a unit's roster (unit head) or every open unit of
 * the agency (Office). Kept as they are: pinned cells, leave and business trips, and — for the agency —
 * the rosters of units already sent or approved. Duties force on site; wishes are honoured when the rules
 * allow. The result is saved as a draft for review, never submitted or approved by itself.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Mode, ResolvedInstance } from '../../../shared/domain/roster/format';
import { unitView } from '../../../shared/domain/roster/scope';
import { solveRoster, type RosterScore } from '../../../shared/domain/roster/solver/index';
import { summarizeRoster, type RosterSummary } from '../../../shared/domain/roster/summary';
import { canEdit, statusAfterEdit, type PeriodStatus, type UnitRosterStatus } from '../../../shared/domain/roster/workflow';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, hiddenNotFound, unitTarget } from '../../lib/scope';
import { buildInstance, checkWithSeverity, loadPeriod, loadPeriodContext, severityOf, type Cell } from './roster.instance';
import { rosterEntries, rosterPeriods, unitRosters } from './roster.table';

export interface GenerateResult {
  units: { unitId: string; unitName: string; version: number; cells: number }[];
  feasible: boolean;
  score: RosterScore;
  /** The result in figures people read: spread of days at home, share at home per day against the plan, wishes met. */
  summary: RosterSummary;
  /** Violations the solver could not avoid, each explained in the request's language (user.locale). */
  explanations: { rule: string; date?: string; unitId?: string; personId?: string; message: string }[];
  violations: ReturnType<typeof checkWithSeverity>;
  ms: number;
}

/** Cells that stay as they are: pinned, leave, business trip. */
const isKept = (c: Cell) => c.pinned || c.mode === 'leave' || c.mode === 'business_trip';

/** Adds kept cells to `fixed` of the instance's people (pinned cells are already there). */
function withKept(instance: ResolvedInstance, kept: Cell[]): ResolvedInstance {
  const byPerson = new Map<string, Record<string, Mode>>();
  for (const c of kept) {
    let f = byPerson.get(c.personId);
    if (!f) byPerson.set(c.personId, (f = {}));
    f[c.date] = c.mode;
  }
  return { ...instance, people: instance.people.map((p) => (byPerson.has(p.id) ? { ...p, fixed: { ...p.fixed, ...byPerson.get(p.id) } } : p)) };
}

export async function generateRoster(deps: Deps, user: CurrentUser, periodId: string, opts: { unitId?: string; version: number }): Promise<GenerateResult> {
  const period = await loadPeriod(deps.db, periodId);
  if (opts.unitId) {
    const target = await unitTarget(deps.db, opts.unitId);
    if (target.agencyId !== period.agencyId) throw hiddenNotFound();
    assertCan(user, 'roster.edit', target);
  } else {
    assertCan(user, 'roster.compile', await agencyTarget(deps.db, period.agencyId));
  }
  const ctx = await loadPeriodContext(deps.db, period);
  const workdays = new Set(ctx.workdays);
  const urs = await deps.db.select().from(unitRosters).where(eq(unitRosters.periodId, periodId));
  const urByUnit = new Map(urs.map((u) => [u.unitId, u]));
  const allCells: Cell[] = [];
  if (urs.length) {
    const rows = await deps.db
      .select()
      .from(rosterEntries)
      .where(sql`${rosterEntries.unitRosterId} in (select id from unit_rosters where period_id = ${periodId})`);
    const unitOfUr = new Map(urs.map((u) => [u.id, u.unitId]));
    for (const r of rows)
      if (workdays.has(r.date) && unitOfUr.has(r.unitRosterId)) allCells.push({ personId: r.personId, date: r.date, mode: r.mode as Mode, pinned: r.pinned });
  }
  const unitOfPerson = new Map(ctx.people.map((p) => [p.id, p.unitId]));
  const open = (unitId: string) => canEdit((urByUnit.get(unitId)?.status ?? 'none') as UnitRosterStatus, period.status as PeriodStatus).ok;
  // Units the generator fills; the others keep their cells as fixed.
  const targets = opts.unitId
    ? [opts.unitId]
    : ctx.units.filter((u) => open(u.id) && !['submitted', 'approved', 'compiled'].includes(urByUnit.get(u.id)?.status ?? 'none')).map((u) => u.id);
  if (opts.unitId) {
    const decision = canEdit((urByUnit.get(opts.unitId)?.status ?? 'none') as UnitRosterStatus, period.status as PeriodStatus);
    if (!decision.ok) throw new AppError('INVALID_STATE', decision.message);
  }
  if (!opts.unitId && period.version !== opts.version) throw new AppError('VERSION_CONFLICT');
  if (opts.unitId && (urByUnit.get(opts.unitId)?.version ?? 0) !== opts.version) throw new AppError('VERSION_CONFLICT');
  const targetSet = new Set(targets);
  const kept = allCells.filter((c) => isKept(c) || !targetSet.has(unitOfPerson.get(c.personId) ?? ''));
  let instance = withKept(buildInstance(ctx, allCells), kept);
  if (opts.unitId) {
    instance = unitView(instance, opts.unitId);
    // An agency-wide share is balanced by the Office: a unit aims at the target without hard bounds.
    const share = ctx.policy ? (ctx.policy.rules as ResolvedInstance['policy']).wfhShare : null;
    if (share?.scope === 'agency')
      instance = { ...instance, policy: { ...instance.policy, wfhShare: share.target != null ? { scope: 'unit', target: share.target } : null } };
  }
  const result = solveRoster(instance, { lang: user.locale });
  const generated = result.roster.assignments.filter((a) => targetSet.has(unitOfPerson.get(a.personId) ?? ''));
  const pinned = new Set(allCells.filter((c) => c.pinned).map((c) => `${c.personId}|${c.date}`));

  const written: GenerateResult['units'] = [];
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    if (fresh!.version !== period.version) throw new AppError('VERSION_CONFLICT');
    const now = deps.clock.now();
    for (const unitId of targets) {
      const cells = generated.filter((a) => unitOfPerson.get(a.personId) === unitId);
      if (!cells.length) continue;
      let [ur] = await tx
        .select()
        .from(unitRosters)
        .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.unitId, unitId)));
      if (ur && ur.version !== urByUnit.get(unitId)?.version) throw new AppError('VERSION_CONFLICT');
      if (!ur)
        [ur] = await tx
          .insert(unitRosters)
          .values({ id: newId('ur'), periodId, unitId, status: 'draft', version: 1, updatedAt: now, updatedBy: user.userId })
          .returning();
      else
        [ur] = await tx
          .update(unitRosters)
          .set({ status: statusAfterEdit(ur.status as UnitRosterStatus), version: ur.version + 1, updatedAt: now, updatedBy: user.userId })
          .where(eq(unitRosters.id, ur.id))
          .returning();
      await tx.delete(rosterEntries).where(eq(rosterEntries.unitRosterId, ur!.id));
      const rows = cells.map((a) => ({
        unitRosterId: ur!.id,
        personId: a.personId,
        date: a.date,
        mode: a.mode,
        pinned: pinned.has(`${a.personId}|${a.date}`),
      }));
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(rosterEntries).values(rows.slice(i, i + 1000));
      written.push({ unitId, unitName: ctx.units.find((u) => u.id === unitId)?.name ?? unitId, version: ur!.version, cells: rows.length });
    }
    if (fresh!.status === 'approved' && written.length)
      await tx
        .update(rosterPeriods)
        .set({ status: 'collecting', version: fresh!.version + 1 })
        .where(eq(rosterPeriods.id, periodId));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.generated',
      entity: 'roster_period',
      entityId: periodId,
      agencyId: period.agencyId,
      data: { unitId: opts.unitId ?? null, units: written.length, feasible: result.feasible, score: result.score.total, ms: Math.round(result.stats.ms) },
    });
  });
  const finalCells = [
    ...allCells.filter((c) => !targetSet.has(unitOfPerson.get(c.personId) ?? '')),
    ...generated.map((a) => ({ ...a, pinned: pinned.has(`${a.personId}|${a.date}`) })),
  ];
  const checkInstance = opts.unitId ? unitView(buildInstance(ctx, finalCells), opts.unitId) : buildInstance(ctx, finalCells);
  const ids = new Set(checkInstance.people.map((p) => p.id));
  // Fairness and wishes over the people whose roster was generated; the daily share over the whole scope of the plan.
  const forPeople = summarizeRoster(instance, result.roster, targetSet);
  const forShares = summarizeRoster(instance, result.roster);
  const summary: RosterSummary = {
    ...forPeople,
    dailyShareMin: forShares.dailyShareMin,
    dailyShareMax: forShares.dailyShareMax,
    daysOnTarget: forShares.daysOnTarget,
    daysCounted: forShares.daysCounted,
  };
  return {
    units: written,
    feasible: result.feasible,
    score: result.score,
    summary,
    explanations: result.violations,
    violations: checkWithSeverity(
      checkInstance,
      finalCells.filter((c) => ids.has(c.personId)),
      severityOf(ctx.policy),
      user.locale,
    ),
    ms: Math.round(result.stats.ms),
  };
}
