/**
 * Unit rosters (C1, C2): a unit's grid with live rule checks, saving cells, copying the previous period,
 * and the unit's steps of the workflow (submit, on behalf, remind, return). Periods: roster.periods.ts;
 * the agency's compile, approval and differences: roster.agency.ts.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GridCell, SaveCellsRequest, SaveResult, UnitGridResponse, ViolationView } from '../../../shared/contracts/roster';
import { formatDateVi, vnDateOf, vnMinutesOf, weekday } from '../../../shared/domain/dates';
import { canWorkFromHome } from '../../../shared/domain/org';
import { hhmmOf } from '../../../shared/domain/presence';
import type { Mode, PersonRole } from '../../../shared/domain/roster/format';
import { unitView } from '../../../shared/domain/roster/scope';
import { canEdit, canReturnUnit, canSubmit, statusAfterEdit, type PeriodStatus, type UnitRosterStatus } from '../../../shared/domain/roster/workflow';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, deny, hiddenNotFound, unitTarget } from '../../lib/scope';
import { can } from '../../../shared/domain/permissions';
import { workdaysFor } from '../calendar/calendar.service';
import { buildInstance, checkWithSeverity, loadPeriod, loadPeriodContext, severityOf, type Cell, type PeriodContext } from './roster.instance';
import { rosterComments, rosterEntries, rosterPeriods, unitRosters } from './roster.table';
import { roleGrants } from '../auth/auth.table';
import { notify } from '../notifications/notify';
import * as notices from '../notifications/roster-notices';
import { presentPeriod } from './roster.periods';

type UnitRosterRow = typeof unitRosters.$inferSelect;

export const throwUnless = (d: { ok: true } | { ok: false; message: string }) => {
  if (!d.ok) throw new AppError('INVALID_STATE', d.message);
};

// ---------------------------------------------------------------- unit grid

async function unitRosterOf(db: Db, periodId: string, unitId: string): Promise<UnitRosterRow | null> {
  const [row] = await db
    .select()
    .from(unitRosters)
    .where(and(eq(unitRosters.periodId, periodId), eq(unitRosters.unitId, unitId)))
    .limit(1);
  return row ?? null;
}

export async function cellsOf(db: Db, unitRosterIds: string[]): Promise<Cell[]> {
  if (!unitRosterIds.length) return [];
  const rows = await db
    .select({ personId: rosterEntries.personId, date: rosterEntries.date, mode: rosterEntries.mode, pinned: rosterEntries.pinned })
    .from(rosterEntries)
    .where(inArray(rosterEntries.unitRosterId, unitRosterIds));
  return rows.map((r) => ({ ...r, mode: r.mode as Mode }));
}

/** A unit's violations, in the reader's language (`lang`: CurrentUser.locale). */
export function unitCheck(ctx: PeriodContext, unitId: string, cells: Cell[], lang = 'vi'): ViolationView[] {
  const instance = unitView(buildInstance(ctx, cells), unitId);
  const ids = new Set(instance.people.map((p) => p.id));
  const workdays = new Set(ctx.workdays);
  const violations = checkWithSeverity(
    instance,
    cells.filter((c) => ids.has(c.personId) && workdays.has(c.date)),
    severityOf(ctx.policy),
    lang,
  );
  // An agency-wide share is the Office's to balance: in a unit it is advice, checked exactly at compile.
  if (ctx.policy && (ctx.policy.rules as { wfhShare?: { scope?: string } }).wfhShare?.scope === 'agency') {
    for (const v of violations) {
      if (v.rule === 'wfh_share_min' || v.rule === 'wfh_share_max') {
        v.severity = 'warn';
        v.message +=
          lang === 'en'
            ? ' (the share applies to the whole agency; the Office checks it when compiling)'
            : ' (tỷ lệ áp dụng cho toàn cơ quan; Văn phòng kiểm tra khi tổng hợp)';
      }
    }
  }
  return violations;
}

function mayReadUnitRoster(user: CurrentUser, target: Parameters<typeof can>[2]) {
  return can(user, 'roster.read', target);
}

export async function getUnitGrid(deps: Deps, user: CurrentUser, periodId: string, unitId: string): Promise<UnitGridResponse> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await unitTarget(deps.db, unitId);
  if (target.agencyId !== period.agencyId) throw hiddenNotFound();
  if (!mayReadUnitRoster(user, target)) throw deny(user, target);
  const ctx = await loadPeriodContext(deps.db, period);
  const ur = await unitRosterOf(deps.db, periodId, unitId);
  const cells = ur ? await cellsOf(deps.db, [ur.id]) : [];
  const unit = ctx.units.find((u) => u.id === unitId)!;
  const unitPeople = ctx.people.filter((p) => p.unitId === unitId);
  const instance = unitView(buildInstance(ctx, cells), unitId);
  const ids = new Set(unitPeople.map((p) => p.id));
  const status = (ur?.status ?? 'none') as UnitRosterStatus;
  const editable = can(user, 'roster.edit', target) && canEdit(status, period.status as PeriodStatus).ok;
  const violations = unitCheck(ctx, unitId, cells, user.locale);
  return {
    period: presentPeriod(period, ctx.workdays),
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitGridResponse['unit']['kind'], agencyId: unit.agencyId },
    status,
    version: ur?.version ?? null,
    returnComment: ur?.returnComment ?? null,
    people: unitPeople.map((p) => ({ id: p.id, fullName: p.fullName, role: p.position as PersonRole, canWorkFromHome: canWorkFromHome(p) })),
    holidays: ctx.holidays,
    cells: cells.filter((c) => ids.has(c.personId)) as GridCell[],
    duties: ctx.duties.filter((d) => ids.has(d.personId)),
    wishes: ctx.wishes.filter((w) => ids.has(w.personId)),
    instance,
    severity: severityOf(ctx.policy),
    wfhShareScope: (ctx.policy?.rules as { wfhShare?: { scope?: 'agency' | 'unit' } } | undefined)?.wfhShare?.scope ?? null,
    policy: ctx.policy ? { id: ctx.policy.id, title: ctx.policy.title, docNumber: ctx.policy.docNumber } : null,
    violations,
    editable,
    canSubmit: can(user, 'roster.submit', target) && canSubmit(status, period.status as PeriodStatus).ok,
  };
}

/** Saves changed cells of a unit roster (creating it on first save). `version` 0 means "no roster yet". */
export async function saveCells(deps: Deps, user: CurrentUser, periodId: string, unitId: string, input: SaveCellsRequest): Promise<SaveResult> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await unitTarget(deps.db, unitId);
  if (target.agencyId !== period.agencyId) throw hiddenNotFound();
  assertCan(user, 'roster.edit', target);
  const ctx = await loadPeriodContext(deps.db, period);
  const unitPeople = new Set(ctx.people.filter((p) => p.unitId === unitId).map((p) => p.id));
  const workdays = new Set(ctx.workdays);
  input.cells.forEach((c, i) => {
    if (!unitPeople.has(c.personId)) throw invalid(`body.cells[${i}].personId`, 'Người này không thuộc đơn vị.');
    if (!workdays.has(c.date)) throw invalid(`body.cells[${i}].date`, 'Ngày này không phải ngày làm việc của kỳ đăng ký.');
  });
  const result = await deps.db.transaction(async (tx) => {
    // Lock the period row so that edits and workflow steps of one agency do not interleave.
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    let ur = await unitRosterOf(tx, periodId, unitId);
    const current = ur?.version ?? 0;
    if (input.version !== current) throw new AppError('VERSION_CONFLICT');
    const status = (ur?.status ?? 'none') as UnitRosterStatus;
    throwUnless(canEdit(status, fresh!.status as PeriodStatus));
    const now = deps.clock.now();
    if (!ur) {
      [ur] = await tx
        .insert(unitRosters)
        .values({ id: newId('ur'), periodId, unitId, status: 'draft', version: 1, updatedAt: now, updatedBy: user.userId })
        .returning();
    } else {
      [ur] = await tx
        .update(unitRosters)
        .set({ status: statusAfterEdit(status), version: ur.version + 1, updatedAt: now, updatedBy: user.userId })
        .where(eq(unitRosters.id, ur.id))
        .returning();
    }
    const toDelete = input.cells.filter((c) => c.mode === null);
    const toUpsert = input.cells.filter((c) => c.mode !== null);
    for (const c of toDelete) {
      await tx.delete(rosterEntries).where(and(eq(rosterEntries.unitRosterId, ur!.id), eq(rosterEntries.personId, c.personId), eq(rosterEntries.date, c.date)));
    }
    for (let i = 0; i < toUpsert.length; i += 500) {
      const chunk = toUpsert
        .slice(i, i + 500)
        .map((c) => ({ unitRosterId: ur!.id, personId: c.personId, date: c.date, mode: c.mode!, pinned: c.pinned ?? false }));
      await tx
        .insert(rosterEntries)
        .values(chunk)
        .onConflictDoUpdate({
          target: [rosterEntries.unitRosterId, rosterEntries.personId, rosterEntries.date],
          set: { mode: sql`excluded.mode`, pinned: sql`excluded.pinned` },
        });
    }
    // A change after approval reopens the period: the published schedule stays until the next approval.
    if (fresh!.status === 'approved') {
      await tx
        .update(rosterPeriods)
        .set({ status: 'collecting', version: fresh!.version + 1 })
        .where(eq(rosterPeriods.id, periodId));
      await notices.noticePeriodReopened(tx, deps.clock, fresh!, ctx.units.find((u) => u.id === unitId)?.name ?? '', user);
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.cells_saved',
      entity: 'unit_roster',
      entityId: ur!.id,
      agencyId: period.agencyId,
      data: { unitId, periodId, cells: input.cells.length, version: ur!.version },
    });
    return ur!;
  });
  const cells = await cellsOf(deps.db, [result.id]);
  return { version: result.version, status: result.status as UnitRosterStatus, violations: unitCheck(ctx, unitId, cells, user.locale) };
}

/** Copies the previous period's published modes of the unit onto this period (same weekday, in order). */
export async function copyPrevious(deps: Deps, user: CurrentUser, periodId: string, unitId: string, version: number): Promise<SaveResult> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await unitTarget(deps.db, unitId);
  if (target.agencyId !== period.agencyId) throw hiddenNotFound();
  assertCan(user, 'roster.edit', target);
  const [prev] = await deps.db
    .select()
    .from(rosterPeriods)
    .where(and(eq(rosterPeriods.agencyId, period.agencyId), sql`${rosterPeriods.toDate} < ${period.fromDate}`))
    .orderBy(desc(rosterPeriods.fromDate))
    .limit(1);
  if (!prev) throw new AppError('NOT_FOUND', 'Không có kỳ đăng ký trước để sao chép.');
  const prevUr = await unitRosterOf(deps.db, prev.id, unitId);
  const prevCells = prevUr ? await cellsOf(deps.db, [prevUr.id]) : [];
  if (!prevCells.length) throw new AppError('NOT_FOUND', 'Kỳ trước đơn vị chưa có lịch để sao chép.');
  const ctx = await loadPeriodContext(deps.db, period);
  const prevDays = await workdaysFor(deps.db, prev.fromDate, prev.toDate);
  const unitPeople = new Set(ctx.people.filter((p) => p.unitId === unitId).map((p) => p.id));
  // Match days by weekday first (T2 → T2), else by position.
  const byWeekday = new Map<number, string>();
  for (const d of prevDays) if (!byWeekday.has(weekday(d))) byWeekday.set(weekday(d), d);
  const cells: SaveCellsRequest['cells'] = [];
  const prevMap = new Map(prevCells.map((c) => [`${c.personId}|${c.date}`, c.mode]));
  ctx.workdays.forEach((day, i) => {
    const source = byWeekday.get(weekday(day)) ?? prevDays[Math.min(i, prevDays.length - 1)]!;
    for (const pid of unitPeople) {
      const mode = prevMap.get(`${pid}|${source}`);
      // Leave and business trips do not repeat; they become "on site" to be reviewed.
      if (mode) cells.push({ personId: pid, date: day, mode: mode === 'leave' || mode === 'business_trip' ? 'onsite' : mode });
    }
  });
  return saveCells(deps, user, periodId, unitId, { version, cells });
}

// ---------------------------------------------------------------- workflow

/**
 * Sends a unit's roster to the Office: by its unit head or deputy, or — when a unit cannot (away, no
 * connection) — by the Office on its behalf (`onBehalf`), recorded as such in the audit log and told to
 * the unit's leaders. The same rules hold either way (no blocking violation).
 */
export async function submitUnit(
  deps: Deps,
  user: CurrentUser,
  periodId: string,
  unitId: string,
  version: number,
  opts: { onBehalf?: boolean } = {},
): Promise<SaveResult> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await unitTarget(deps.db, unitId);
  if (target.agencyId !== period.agencyId) throw hiddenNotFound();
  assertCan(user, opts.onBehalf ? 'roster.compile' : 'roster.submit', target);
  const ctx = await loadPeriodContext(deps.db, period);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const ur = await unitRosterOf(tx, periodId, unitId);
    if (!ur) throw new AppError('INVALID_STATE', 'Đơn vị chưa lập lịch.');
    const cells = await cellsOf(tx, [ur.id]);
    const violations = unitCheck(ctx, unitId, cells, user.locale);
    // Repeating a submit that already went through is not an error (idempotent).
    if (ur.status === 'submitted' && version === ur.version - 1) return { version: ur.version, status: 'submitted' as const, violations };
    if (version !== ur.version) throw new AppError('VERSION_CONFLICT');
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    throwUnless(canSubmit(ur.status as UnitRosterStatus, fresh!.status as PeriodStatus));
    const blocking = violations.filter((v) => v.severity === 'block');
    if (blocking.length) {
      throw new AppError('RULE_VIOLATION', `Lịch còn ${blocking.length} vi phạm phải sửa trước khi gửi Văn phòng.`, { details: { violations } });
    }
    const now = deps.clock.now();
    const [row] = await tx
      .update(unitRosters)
      .set({
        status: 'submitted',
        submittedAt: now,
        submittedBy: user.userId,
        returnComment: null,
        version: ur.version + 1,
        updatedAt: now,
        updatedBy: user.userId,
      })
      .where(eq(unitRosters.id, ur.id))
      .returning();
    if (opts.onBehalf) {
      const unitName = ctx.units.find((u) => u.id === unitId)?.name ?? unitId;
      await tx.insert(rosterComments).values({
        id: newId('rc'),
        unitRosterId: ur.id,
        authorUserId: user.userId,
        kind: 'on_behalf',
        body: `Văn phòng (${user.displayName}) gửi thay đơn vị.`,
        createdAt: now,
      });
      await notify(tx, deps.clock, {
        userIds: await unitLeaderUserIds(tx, [unitId]),
        kind: 'roster_submitted_on_behalf',
        title: `Văn phòng đã gửi thay lịch làm việc của ${unitName}`,
        body: `${user.displayName} đã gửi lịch kỳ ${formatDateVi(period.fromDate)} – ${formatDateVi(period.toDate)} thay đơn vị. Muốn sửa, liên hệ Văn phòng để được trả lại.`,
        link: `/roster/unit?period=${periodId}`,
      });
    } else {
      await notices.noticeUnitSubmitted(tx, deps.clock, period, ctx.units.find((u) => u.id === unitId)?.name ?? unitId, user);
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: opts.onBehalf ? 'roster.unit_submitted_on_behalf' : 'roster.unit_submitted',
      entity: 'unit_roster',
      entityId: ur.id,
      agencyId: period.agencyId,
      data: { unitId, periodId, warnings: violations.length },
    });
    return { version: row!.version, status: 'submitted' as const, violations };
  });
}

/** Accounts that lead these units (unit head and deputy grants). */
async function unitLeaderUserIds(db: Db, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, ['unit_head', 'unit_deputy'])));
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * "Nhắc đơn vị": the Office reminds the leaders of the units that have not sent their roster (all of
 * them, or the given ones), in the app and by e-mail. Returns who was reminded; units already sent or
 * without people are skipped.
 */
export async function remindUnits(
  deps: Deps,
  user: CurrentUser,
  periodId: string,
  unitIds?: string[],
): Promise<{ reminded: { unitId: string; unitName: string; recipients: number }[] }> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.compile', await agencyTarget(deps.db, period.agencyId));
  const ctx = await loadPeriodContext(deps.db, period);
  if (unitIds?.some((id) => !ctx.units.some((u) => u.id === id))) throw hiddenNotFound();
  const urs = await deps.db.select().from(unitRosters).where(eq(unitRosters.periodId, periodId));
  const statusOf = new Map(urs.map((u) => [u.unitId, u.status as UnitRosterStatus]));
  const withPeople = new Set(ctx.people.map((p) => p.unitId));
  const pending = ctx.units.filter(
    (u) => withPeople.has(u.id) && ['none', 'draft', 'returned'].includes(statusOf.get(u.id) ?? 'none') && (!unitIds || unitIds.includes(u.id)),
  );
  const deadline = period.deadline ? ` trước ${hhmmOf(vnMinutesOf(period.deadline))} ngày ${formatDateVi(vnDateOf(period.deadline))}` : '';
  const reminded: { unitId: string; unitName: string; recipients: number }[] = [];
  const range = `${formatDateVi(period.fromDate)} – ${formatDateVi(period.toDate)}`;
  await deps.db.transaction(async (tx) => {
    for (const u of pending) {
      const recipients = await unitLeaderUserIds(tx, [u.id]);
      if (recipients.length) {
        await notify(tx, deps.clock, {
          userIds: recipients,
          kind: 'roster_reminder',
          title: `Văn phòng nhắc gửi lịch làm việc của ${u.name}`,
          body: `Kỳ ${range}: đơn vị chưa gửi lịch. Đề nghị hoàn thành và gửi Văn phòng${deadline}.`,
          link: `/roster/unit?period=${periodId}`,
          email: true,
        });
      }
      reminded.push({ unitId: u.id, unitName: u.name, recipients: recipients.length });
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.units_reminded',
      entity: 'roster_period',
      entityId: periodId,
      agencyId: period.agencyId,
      data: { units: reminded.map((r) => r.unitId) },
    });
  });
  return { reminded };
}

export async function returnUnit(
  deps: Deps,
  user: CurrentUser,
  periodId: string,
  unitId: string,
  input: { version: number; comment: string },
): Promise<SaveResult> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await unitTarget(deps.db, unitId);
  if (target.agencyId !== period.agencyId) throw hiddenNotFound();
  assertCan(user, 'roster.return', target);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from roster_periods where id = ${periodId} for update`);
    const ur = await unitRosterOf(tx, periodId, unitId);
    if (!ur) throw new AppError('INVALID_STATE', 'Đơn vị chưa lập lịch.');
    if (ur.status === 'returned' && ur.version === input.version + 1) return { version: ur.version, status: 'returned' as const, violations: [] };
    if (ur.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const [fresh] = await tx.select().from(rosterPeriods).where(eq(rosterPeriods.id, periodId));
    throwUnless(canReturnUnit(ur.status as UnitRosterStatus, fresh!.status as PeriodStatus));
    const now = deps.clock.now();
    const [row] = await tx
      .update(unitRosters)
      .set({ status: 'returned', returnComment: input.comment, version: ur.version + 1, updatedAt: now, updatedBy: user.userId })
      .where(eq(unitRosters.id, ur.id))
      .returning();
    await tx
      .insert(rosterComments)
      .values({ id: newId('rc'), unitRosterId: ur.id, authorUserId: user.userId, kind: 'return', body: input.comment, createdAt: now });
    await notices.noticeUnitReturned(tx, deps.clock, period, unitId, input.comment, user);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.unit_returned',
      entity: 'unit_roster',
      entityId: ur.id,
      agencyId: period.agencyId,
      data: { unitId, periodId, comment: input.comment },
    });
    return { version: row!.version, status: 'returned' as const, violations: [] };
  });
}
