/** Deciding a request: a step approved or rejected, signed with the agency key; the final approval changes the roster and tells the Office. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestDecision, RequestKind, RequestStatus, RequestView, StepRole } from '../../../shared/contracts/leave';
import { formatDateVi } from '../../../shared/domain/dates';
import { decide, modeOfKind, STEP_ROLE_LABELS_VI } from '../../../shared/domain/leave/workflow';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { roleGrants, users } from '../auth/auth.table';
import { ensureAgencyCredentials } from '../documents/documents.signing';
import { markNotificationsRead, notify } from '../notifications/notify';
import { people } from '../org/org.table';
import { applyRequestToRoster, type RosterEffect } from '../roster/roster.apply';
import { describe, loadReadable, loadSteps, namesOf, notifyApprovers, presentRequest, requestLink, type StepRow } from './leave.service';
import { recordDigest, signDecision } from './leave.signing';
import { leaveRequests, leaveSteps } from './leave.table';

async function officeUserIds(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'office'), eq(roleGrants.agencyId, agencyId), eq(users.disabled, false)));
  return [...new Set(rows.map((r) => r.id))];
}

/** Accounts holding the unit head role of a unit (deputies when there is none). */
async function unitHeadUserIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.unitId, unitId), inArray(roleGrants.role, ['unit_head', 'unit_deputy']), eq(users.disabled, false)));
  const heads = rows.filter((r) => r.role === 'unit_head').map((r) => r.id);
  return [...new Set(heads.length ? heads : rows.map((r) => r.id))];
}

// ---------------------------------------------------------------- decide

export async function decideRequest(deps: Deps, user: CurrentUser, id: string, input: RequestDecision): Promise<RequestView> {
  const { req, steps, acc } = await loadReadable(deps, user, id);
  const wanted = input.decision === 'approve' ? 'approved' : 'rejected';
  // Idempotent: this account already took this decision on this request.
  if (steps.some((s) => s.approverUserId === user.userId && s.decision === wanted) && (req.status !== 'pending' || !acc.decider.ok))
    return presentRequest(deps, user, req, steps);
  if (req.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (req.status !== 'pending') throw new AppError('INVALID_STATE', 'Đơn đã được quyết định hoặc đã hủy, không thể duyệt nữa.');
  if (!acc.decider.ok) {
    const step = steps.find((s) => s.order === req.currentStep);
    throw new AppError('FORBIDDEN', `Đơn đang chờ ${STEP_ROLE_LABELS_VI[(step?.role ?? 'director') as StepRole]} duyệt: bạn không phải người duyệt bước này.`);
  }
  await ensureAgencyCredentials(deps, req.agencyId);
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from leave_requests where id = ${id} for update`);
    const [fresh] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, id));
    if (!fresh || fresh.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const freshSteps = await loadSteps(tx, id);
    const step = freshSteps.find((s) => s.order === fresh.currentStep);
    const t = decide({ status: fresh.status as RequestStatus, currentStep: fresh.currentStep, stepCount: freshSteps.length }, input.decision);
    if (!t.ok || !step) throw new AppError('INVALID_STATE', t.ok ? undefined : t.message);
    const actingForPersonId = acc.decider.ok ? acc.decider.actingForPersonId : null;
    const decided: StepRow = {
      ...step,
      decision: wanted,
      approverPersonId: user.personId,
      approverUserId: user.userId,
      actingForPersonId,
      comment: input.comment ?? null,
      decidedAt: now,
    };
    const signed = await signDecision(tx, deps, fresh, decided);
    await tx
      .update(leaveSteps)
      .set({
        ...signed,
        decision: wanted,
        approverPersonId: user.personId,
        approverUserId: user.userId,
        actingForPersonId,
        comment: input.comment ?? null,
        decidedAt: now,
      })
      .where(and(eq(leaveSteps.requestId, id), eq(leaveSteps.order, step.order)));
    const [updated] = await tx
      .update(leaveRequests)
      .set({ status: t.state.status, currentStep: t.state.currentStep, version: fresh.version + 1, updatedAt: now })
      .where(eq(leaveRequests.id, id))
      .returning();
    let row = updated!;
    const [person] = await tx.select({ fullName: people.fullName }).from(people).where(eq(people.id, fresh.personId));
    const personName = person?.fullName ?? '';
    const what = describe(fresh, personName);
    const decider = `${user.displayName}${actingForPersonId ? ` (thay ${(await namesOf(tx, [actingForPersonId])).get(actingForPersonId) ?? ''})` : ''}`;
    let effect: RosterEffect | null = null;
    if (t.state.status === 'approved') {
      effect = await applyRequestToRoster(tx, deps.clock, {
        id: fresh.id,
        number: fresh.number,
        personId: fresh.personId,
        unitId: fresh.unitId,
        agencyId: fresh.agencyId,
        fromDate: fresh.fromDate,
        toDate: fresh.toDate,
        mode: modeOfKind(fresh.kind as RequestKind),
        approvedByUserId: user.userId,
      });
      [row] = await tx.update(leaveRequests).set({ rosterEffect: effect }).where(eq(leaveRequests.id, id)).returning();
      await notify(tx, deps.clock, {
        personIds: [fresh.personId],
        kind: 'leave_decided',
        title: `Đã duyệt: ${what}`,
        body: `${decider} đã duyệt.${input.comment ? ` Ý kiến: ${input.comment}` : ''}`,
        link: requestLink(id),
        email: true,
      });
      await notify(tx, deps.clock, {
        userIds: await officeUserIds(tx, fresh.agencyId),
        kind: 'leave_approved_office',
        title: `Đã duyệt: ${what}`,
        body: `Lịch làm việc đã được cập nhật${effect.pendingDays.length ? `; ${effect.pendingDays.length} ngày chưa có kỳ đăng ký sẽ được ghi khi tạo kỳ` : ''}.`,
        link: requestLink(id),
        email: true,
      });
      // The unit head is told the unit's roster changed (the Hải Dương office visit they approved themselves excepted).
      const heads = (await unitHeadUserIds(tx, fresh.unitId)).filter((u) => u !== user.userId);
      if (!effect.violations.length && heads.length && (effect.days.length || effect.pendingDays.length))
        await notify(tx, deps.clock, {
          userIds: heads,
          kind: 'leave_roster_changed',
          title: `Lịch của đơn vị đã cập nhật theo đơn số ${fresh.number} (${personName})`,
          body: `${what}. ${effect.days.length ? `Đã ghi ${effect.days.length} ngày vào lịch làm việc` : 'Chưa có kỳ đăng ký cho các ngày này'}${effect.pendingDays.length && effect.days.length ? `; ${effect.pendingDays.length} ngày sẽ được ghi khi tạo kỳ` : ''}. Lịch vẫn đáp ứng quy định của phương án.`,
          link: requestLink(id),
        });
      if (effect.violations.length)
        await notify(tx, deps.clock, {
          userIds: await unitHeadUserIds(tx, fresh.unitId),
          kind: 'leave_roster_violation',
          title: `Lịch của đơn vị vi phạm quy định sau khi duyệt đơn số ${fresh.number} (${personName})`,
          body: effect.violations.map((v) => `${v.date ? `${formatDateVi(v.date)}: ` : ''}${v.message}`).join('\n'),
          link: requestLink(id),
          email: true,
        });
    } else if (t.state.status === 'rejected') {
      await notify(tx, deps.clock, {
        personIds: [fresh.personId],
        kind: 'leave_decided',
        title: `Không duyệt: ${what}`,
        body: `${decider} không duyệt. Lý do: ${input.comment ?? ''}`,
        link: requestLink(id),
        email: true,
      });
    } else {
      const next = freshSteps.find((s) => s.order === t.state.currentStep)!;
      await notify(tx, deps.clock, {
        personIds: [fresh.personId],
        kind: 'leave_step',
        title: `${STEP_ROLE_LABELS_VI[step.role as StepRole]} đã đồng ý: ${what}`,
        body: `${decider} đã đồng ý; đơn chuyển ${STEP_ROLE_LABELS_VI[next.role as StepRole]} duyệt.`,
        link: requestLink(id),
      });
      await notifyApprovers(deps, tx, row, next.role as StepRole, personName);
    }
    await markNotificationsRead(tx, user.userId, requestLink(id), now);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: input.decision === 'approve' ? 'leave.request_approved' : 'leave.request_rejected',
      entity: 'leave_request',
      entityId: id,
      agencyId: fresh.agencyId,
      data: {
        number: fresh.number,
        step: step.order,
        role: step.role,
        actingForPersonId,
        final: t.final,
        status: t.state.status,
        signature: { algorithm: signed.algorithm, keyFingerprint: signed.keyFingerprint, recordSha256: recordDigest(fresh, decided) },
        roster: effect ? { days: effect.days.length, pendingDays: effect.pendingDays.length, violations: effect.violations.length } : undefined,
      },
    });
    return row;
  });
  return presentRequest(deps, user, result);
}
