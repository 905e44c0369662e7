/**
 * The roster interchange format (formats/roster.md) between the database and files: export an agency
 * period as `congvu.roster/1` + `congvu.assignments/1`, import assignments as drafts of the units.
 * Used by the HTTP API and the `congvu roster import|export` commands.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ResolvedInstance, Roster } from '../../../shared/domain/roster/format';
import { can } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, HIDDEN_MESSAGE } from '../../lib/scope';
import { canEdit, statusAfterEdit, type PeriodStatus, type UnitRosterStatus } from '../../../shared/domain/roster/workflow';
import { buildInstance, checkWithSeverity, loadPeriod, severityOf } from './roster.instance';
import { periodCells } from './roster.agency';
import { rosterEntries, rosterPeriods, unitRosters } from './roster.table';

export async function exportPeriod(deps: Deps, user: CurrentUser | null, periodId: string): Promise<{ instance: ResolvedInstance; roster: Roster }> {
  const period = await loadPeriod(deps.db, periodId);
  if (user) assertCan(user, 'roster.read', await agencyTarget(deps.db, period.agencyId));
  const { ctx, cells } = await periodCells(deps.db, period);
  const workdays = new Set(ctx.workdays);
  const known = new Set(ctx.people.map((p) => p.id));
  return {
    instance: buildInstance(ctx, cells),
    roster: {
      format: 'congvu.assignments/1',
      assignments: cells
        .filter((c) => workdays.has(c.date) && known.has(c.personId))
        .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.date < b.date ? -1 : 1))
        .map((c) => ({ personId: c.personId, date: c.date, mode: c.mode })),
    },
  };
}

/**
 * Imports assignments into the period's unit rosters as drafts (replacing their cells). With a user,
 * deny by default: the agency's Office may import any unit of the period, a unit head or deputy only
 * the units they edit (every person id of the body must belong to one of them: another unit's person
 * and an unknown id get the same answer); anyone else gets the hidden 404 / 403 of lib/scope, before
 * anything about the body or the agency's people is looked at. An import that touches no unit changes
 * nothing (an approved period is not reopened). Nothing is saved when any assignment is invalid.
 */
export async function importAssignments(deps: Deps, user: CurrentUser | null, periodId: string, roster: Roster) {
  const period = await loadPeriod(deps.db, periodId);
  const target = await agencyTarget(deps.db, period.agencyId);
  const { ctx } = await periodCells(deps.db, period);
  const office = user ? can(user, 'period.manage', target) : true;
  // Units the actor may write: all of the agency's for the Office (and the CLI), else those they edit.
  const writable = new Set(ctx.units.filter((u) => office || can(user!, 'roster.edit', { ...target, unitId: u.id })).map((u) => u.id));
  if (user && !office && writable.size === 0) assertCan(user, 'period.manage', target);
  const personUnit = new Map(ctx.people.filter((p) => writable.has(p.unitId)).map((p) => [p.id, p.unitId]));
  const workdays = new Set(ctx.workdays);
  const issues: { path: string; message: string }[] = [];
  roster.assignments.forEach((a, i) => {
    if (!personUnit.has(a.personId))
      issues.push({ path: `$.assignments[${i}].personId`, message: office ? `Không có cán bộ "${a.personId}" trong cơ quan.` : HIDDEN_MESSAGE });
    else if (!workdays.has(a.date)) issues.push({ path: `$.assignments[${i}].date`, message: `Ngày ${a.date} không phải ngày làm việc của kỳ đăng ký.` });
  });
  // For a unit head, a person of another unit and an unknown id are both the hidden 404 (lib/scope), with their paths.
  const hidden = issues.filter((i) => i.message === HIDDEN_MESSAGE);
  if (!office && hidden.length) throw new AppError('NOT_FOUND', HIDDEN_MESSAGE, { issues: hidden.slice(0, 100) });
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, { issues: issues.slice(0, 100) });
  const byUnit = new Map<string, Roster['assignments']>();
  for (const a of roster.assignments) {
    const u = personUnit.get(a.personId)!;
    byUnit.set(u, [...(byUnit.get(u) ?? []), a]);
  }
  const shown = (v: { unitId?: string; personId?: string }) => office || (v.unitId ? writable.has(v.unitId) : v.personId ? personUnit.has(v.personId) : false);
  let cellsWritten = 0;
  if (byUnit.size)
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
      const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
      const now = deps.clock.now();
      for (const [unitId, list] of byUnit) {
        let [ur] = await tx
          .select()
          .from(unitRosters)
          .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.unitId, unitId)));
        const status = (ur?.status ?? 'none') as UnitRosterStatus;
        const decision = canEdit(status, fresh!.status as PeriodStatus);
        if (!decision.ok) throw new AppError('INVALID_STATE', decision.message);
        if (!ur)
          [ur] = await tx
            .insert(unitRosters)
            .values({ id: newId('ur'), periodId, unitId, status: 'draft', version: 1, updatedAt: now, updatedBy: user?.userId ?? 'cli' })
            .returning();
        else
          await tx
            .update(unitRosters)
            .set({ status: statusAfterEdit(status), version: ur.version + 1, updatedAt: now, updatedBy: user?.userId ?? 'cli' })
            .where(eq(unitRosters.id, ur.id));
        await tx.delete(rosterEntries).where(eq(rosterEntries.unitRosterId, ur!.id));
        const rows = list.map((a) => ({ unitRosterId: ur!.id, personId: a.personId, date: a.date, mode: a.mode, pinned: false }));
        for (let i = 0; i < rows.length; i += 1000) await tx.insert(rosterEntries).values(rows.slice(i, i + 1000));
        cellsWritten += rows.length;
      }
      if (fresh!.status === 'approved')
        await tx
          .update(rosterPeriods)
          .set({ status: 'collecting', version: fresh!.version + 1 })
          .where(eq(rosterPeriods.id, periodId));
      await deps.audit(tx, {
        actorUserId: user?.userId ?? null,
        action: 'roster.imported',
        entity: 'roster_period',
        entityId: periodId,
        agencyId: period.agencyId,
        data: { units: byUnit.size, cells: cellsWritten, via: user ? 'api' : 'cli' },
      });
    });
  const after = await periodCells(deps.db, period);
  const violations = checkWithSeverity(
    buildInstance(after.ctx, after.cells),
    after.cells.filter((c) => workdays.has(c.date)),
    severityOf(after.ctx.policy),
    user?.locale,
  );
  // A unit head sees the violations of their own units only (not other units' people).
  return { units: byUnit.size, cells: cellsWritten, violations: violations.filter(shown) };
}
