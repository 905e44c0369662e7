/** Presence: summons to the office (create, acknowledge, decline, cancel, list). */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SummonsCreate, SummonsView } from '../../../shared/contracts/presence';
import { formatDateVi, vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/permissions';
import { hhmmOf, type SummonsStatus } from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, hiddenNotFound, personTarget, unitTarget } from '../../lib/scope';
import { markNotificationsRead, notify } from '../notifications/notify';
import { people } from '../org/org.table';
import { actsForSummons } from '../leave/acting';
import { summons } from './presence.table';
import { OPEN_STATUSES, requirePersonId, summonsViews, type SummonsRow } from './presence.common';
// ---------------------------------------------------------------- summons

const timeVi = (d: Date) => `${hhmmOf(vnMinutesOf(d))} ngày ${formatDateVi(vnDateOf(d))}`;

/** A leader calls a person (at home) to the office with a reason and a time; the person is notified in the app and by e-mail. */
export async function createSummons(deps: Deps, user: CurrentUser, input: SummonsCreate): Promise<SummonsView> {
  const target = await personTarget(deps.db, input.personId);
  // A deputy acting for the unit head or the Director (ủy quyền, scope 'all') may summon in their place.
  if (!can(user, 'presence.summon', target) && !(await actsForSummons(deps.db, user.personId, target, vnDateOf(deps.clock.now()))))
    assertCan(user, 'presence.summon', target);
  const [person] = await deps.db.select({ id: people.id, fullName: people.fullName, active: people.active }).from(people).where(eq(people.id, input.personId));
  if (!person!.active) throw new AppError('INVALID_STATE', `${person!.fullName} không còn công tác, không thể triệu tập.`);
  if (input.personId === user.personId) throw invalid('body.personId', 'Không thể tự triệu tập chính mình.');
  const now = deps.clock.now();
  const requiredAt = new Date(input.requiredAt);
  if (requiredAt.getTime() < now.getTime() - 60_000) throw invalid('body.requiredAt', 'Thời điểm có mặt phải sau thời điểm hiện tại.');
  if (requiredAt.getTime() > now.getTime() + 14 * 86_400_000) throw invalid('body.requiredAt', 'Chỉ triệu tập trong vòng 14 ngày tới.');
  const reason = input.reason;
  const id = await deps.db.transaction(async (tx) => {
    // One writer per summoned person: a repeated request (double click, retry) returns the open summons it created.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`summons:${input.personId}`}))`);
    const [same] = await tx
      .select({ id: summons.id })
      .from(summons)
      .where(
        and(
          eq(summons.personId, input.personId),
          eq(summons.calledByUserId, user.userId),
          eq(summons.reason, reason),
          eq(summons.requiredAt, requiredAt),
          inArray(summons.status, OPEN_STATUSES),
        ),
      )
      .limit(1);
    if (same) return same.id;
    const sid = newId('sum');
    await tx.insert(summons).values({
      id: sid,
      personId: input.personId,
      agencyId: target.agencyId,
      unitId: target.unitId,
      calledByUserId: user.userId,
      reason,
      requiredAt,
      createdAt: now,
      status: 'pending',
    });
    await notify(tx, deps.clock, {
      personIds: [input.personId],
      kind: 'summons',
      title: `Triệu tập về cơ quan lúc ${timeVi(requiredAt)}`,
      body: `${user.displayName} triệu tập đồng chí có mặt tại cơ quan lúc ${timeVi(requiredAt)}. Lý do: ${reason}. Vui lòng xác nhận đã nhận lệnh triệu tập.`,
      link: `/presence/summons/${sid}`,
      email: true,
    });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'presence.summon',
      entity: 'summons',
      entityId: sid,
      agencyId: target.agencyId,
      data: { personId: input.personId, requiredAt: requiredAt.toISOString(), reason },
    });
    return sid;
  });
  return (await summonsViews(deps.db, eq(summons.id, id), 1))[0]!;
}

async function loadSummons(db: Db, id: string): Promise<SummonsRow> {
  const [row] = await db.select().from(summons).where(eq(summons.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  return row;
}

/** 403 for a summons the user sees (theirs, called by them, or their unit's), else the hidden 404 (lib/scope). */
async function denySummons(db: Db, user: CurrentUser, s: SummonsRow, message: string): Promise<AppError> {
  const visible =
    (!!user.personId && s.personId === user.personId) || s.calledByUserId === user.userId || can(user, 'presence.read', await unitTarget(db, s.unitId));
  return visible ? forbidden(message) : hiddenNotFound();
}

/** The summoned person acknowledges (idempotent: an acknowledged summons is returned as it is). */
export async function acknowledgeSummons(deps: Deps, user: CurrentUser, id: string): Promise<SummonsView> {
  const s = await loadSummons(deps.db, id);
  if (!user.personId || s.personId !== user.personId) throw await denySummons(deps.db, user, s, 'Chỉ người được triệu tập mới xác nhận được.');
  if (s.status === 'cancelled') throw new AppError('INVALID_STATE', 'Lệnh triệu tập đã bị hủy.');
  if (s.status !== 'acknowledged') {
    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [row] = await tx
        .update(summons)
        .set({ status: 'acknowledged', acknowledgedAt: now })
        .where(and(eq(summons.id, id), inArray(summons.status, OPEN_STATUSES)))
        .returning();
      if (!row) {
        const fresh = await loadSummons(tx, id);
        if (fresh.status === 'cancelled') throw new AppError('INVALID_STATE', 'Lệnh triệu tập đã bị hủy.');
        return; // acknowledged meanwhile
      }
      await notify(tx, deps.clock, {
        userIds: [s.calledByUserId],
        kind: 'summons_acknowledged',
        title: `${user.displayName} đã xác nhận lệnh triệu tập`,
        body: `Có mặt tại cơ quan lúc ${timeVi(s.requiredAt)}.`,
        link: `/presence/summons/${id}`,
      });
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'presence.summons_acknowledged',
        entity: 'summons',
        entityId: id,
        agencyId: s.agencyId,
        data: { personId: s.personId },
      });
    });
  }
  // The notification of the summons is answered: it no longer waits in the bell.
  await markNotificationsRead(deps.db, user.userId, `/presence/summons/${id}`, deps.clock.now());
  return (await summonsViews(deps.db, eq(summons.id, id), 1))[0]!;
}

/**
 * The summoned person answers "không thể đến" with a reason (idempotent for the same state): the caller
 * is told at once, in the app and by e-mail, with the reason; the escalation stops. Allowed while the
 * summons is open or after acknowledging it (plans change); not after a cancellation.
 */
export async function declineSummons(deps: Deps, user: CurrentUser, id: string, reason: string): Promise<SummonsView> {
  const s = await loadSummons(deps.db, id);
  if (!user.personId || s.personId !== user.personId) throw await denySummons(deps.db, user, s, 'Chỉ người được triệu tập mới trả lời được.');
  if (s.status === 'cancelled') throw new AppError('INVALID_STATE', 'Lệnh triệu tập đã bị hủy.');
  if (s.status !== 'declined') {
    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [row] = await tx
        .update(summons)
        .set({ status: 'declined', declinedAt: now, declineReason: reason })
        .where(and(eq(summons.id, id), inArray(summons.status, [...OPEN_STATUSES, 'acknowledged'])))
        .returning();
      if (!row) {
        const fresh = await loadSummons(tx, id);
        if (fresh.status === 'cancelled') throw new AppError('INVALID_STATE', 'Lệnh triệu tập đã bị hủy.');
        return; // declined meanwhile
      }
      await notify(tx, deps.clock, {
        userIds: [s.calledByUserId],
        kind: 'summons_declined',
        title: `${user.displayName} không thể đến cơ quan lúc ${timeVi(s.requiredAt)}`,
        body: `Lý do: ${reason}. Lý do triệu tập: ${s.reason}.`,
        link: `/presence/summons/${id}`,
        email: true,
      });
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'presence.summons_declined',
        entity: 'summons',
        entityId: id,
        agencyId: s.agencyId,
        data: { personId: s.personId, previousStatus: s.status },
      });
    });
  }
  await markNotificationsRead(deps.db, user.userId, `/presence/summons/${id}`, deps.clock.now());
  return (await summonsViews(deps.db, eq(summons.id, id), 1))[0]!;
}

/** The caller or the unit head cancels a summons (idempotent). */
export async function cancelSummons(deps: Deps, user: CurrentUser, id: string): Promise<SummonsView> {
  const s = await loadSummons(deps.db, id);
  const isCaller = s.calledByUserId === user.userId;
  const isUnitHead = user.grants.some((g) => g.role === 'unit_head' && g.unitId === s.unitId);
  if (!isCaller && !isUnitHead) throw await denySummons(deps.db, user, s, 'Chỉ người triệu tập hoặc Trưởng phòng mới hủy được lệnh triệu tập.');
  if (s.status !== 'cancelled') {
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(summons)
        .set({ status: 'cancelled' })
        .where(and(eq(summons.id, id), inArray(summons.status, ['pending', 'escalated', 'acknowledged'])))
        .returning();
      if (!row) return;
      await notify(tx, deps.clock, {
        personIds: [s.personId],
        kind: 'summons_cancelled',
        title: `Đã hủy lệnh triệu tập lúc ${timeVi(s.requiredAt)}`,
        body: `${user.displayName} đã hủy lệnh triệu tập về cơ quan. Lý do triệu tập: ${s.reason}.`,
        link: `/presence/summons/${id}`,
        email: true,
      });
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'presence.summons_cancelled',
        entity: 'summons',
        entityId: id,
        agencyId: s.agencyId,
        data: { personId: s.personId, previousStatus: s.status },
      });
    });
  }
  return (await summonsViews(deps.db, eq(summons.id, id), 1))[0]!;
}

export async function listSummons(deps: Deps, user: CurrentUser, q: { mine?: '0' | '1'; unitId?: string; status?: SummonsStatus }): Promise<SummonsView[]> {
  const byStatus = q.status ? eq(summons.status, q.status) : undefined;
  if (q.mine === '1') return summonsViews(deps.db, and(eq(summons.personId, requirePersonId(user)), byStatus));
  if (q.unitId) {
    assertCan(user, 'presence.read', await unitTarget(deps.db, q.unitId));
    return summonsViews(deps.db, and(eq(summons.unitId, q.unitId), byStatus));
  }
  throw invalid('query.mine', 'Chọn mine=1 (lệnh triệu tập của tôi) hoặc một đơn vị (unitId).');
}
