/**
 * Acting approvers (ủy quyền): while a leader is away, a deputy named for dates decides in their place
 * (requests, rosters) and, with scope 'all', also receives summons rights and meeting invitations addressed to them.
 */
import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { UNIT_HEAD_POSITIONS } from '../../../shared/domain/leave/workflow';
import { actingAssignments } from './leave.table';
import type { ActingCreate, ActingListQuery, ActingListResponse, ActingView } from '../../../shared/contracts/leave';
import { dayNumber, formatDateVi, vnDateOf } from '../../../shared/domain/dates';
import { can, scopesFor } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, hiddenNotFound, personTarget } from '../../lib/scope';
import { notify } from '../notifications/notify';
import { people } from '../org/org.table';

export type ActingScope = 'approvals' | 'all';

/**
 * The acting assignment of a leader in force on a date (not revoked, fromDate ≤ date ≤ toDate), the latest
 * named first; null when the leader decides themselves.
 */
export async function activeActing(db: Db, leaderPersonId: string, date: string): Promise<{ deputyPersonId: string; scope: ActingScope } | null> {
  const [row] = await db
    .select({ deputyPersonId: actingAssignments.deputyPersonId, scope: actingAssignments.scope })
    .from(actingAssignments)
    .where(
      and(
        eq(actingAssignments.leaderPersonId, leaderPersonId),
        lte(actingAssignments.fromDate, date),
        gte(actingAssignments.toDate, date),
        isNull(actingAssignments.revokedAt),
      ),
    )
    .orderBy(desc(actingAssignments.createdAt))
    .limit(1);
  return row ? { deputyPersonId: row.deputyPersonId, scope: row.scope === 'approvals' ? 'approvals' : 'all' } : null;
}

/** The leaders a deputy acts for on a date (with the scope of each assignment). */
export async function actingFor(db: Db, deputyPersonId: string, date: string): Promise<Array<{ leaderPersonId: string; scope: ActingScope }>> {
  const rows = await db
    .select({ leaderPersonId: actingAssignments.leaderPersonId, scope: actingAssignments.scope })
    .from(actingAssignments)
    .where(
      and(
        eq(actingAssignments.deputyPersonId, deputyPersonId),
        lte(actingAssignments.fromDate, date),
        gte(actingAssignments.toDate, date),
        isNull(actingAssignments.revokedAt),
      ),
    );
  return rows.map((r) => ({ leaderPersonId: r.leaderPersonId, scope: r.scope === 'approvals' ? 'approvals' : 'all' }));
}

// ---------------------------------------------------------------- the API: name, list, revoke

type ActingRow = typeof actingAssignments.$inferSelect;
const MAX_ACTING_DAYS = 366;

function stateOf(r: ActingRow, today: string): ActingView['state'] {
  if (r.revokedAt) return 'revoked';
  if (r.toDate < today) return 'ended';
  if (r.fromDate > today) return 'upcoming';
  return 'active';
}

async function presentActing(db: Db, rows: ActingRow[], today: string): Promise<ActingView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.leaderPersonId, r.deputyPersonId]))];
  const names = new Map(
    ids.length ? (await db.select({ id: people.id, n: people.fullName }).from(people).where(inArray(people.id, ids))).map((p) => [p.id, p.n]) : [],
  );
  return rows.map((r) => ({
    id: r.id,
    leaderPersonId: r.leaderPersonId,
    leaderName: names.get(r.leaderPersonId) ?? '',
    deputyPersonId: r.deputyPersonId,
    deputyName: names.get(r.deputyPersonId) ?? '',
    agencyId: r.agencyId,
    unitId: r.unitId,
    fromDate: r.fromDate,
    toDate: r.toDate,
    scope: r.scope === 'approvals' ? 'approvals' : 'all',
    note: r.note,
    state: stateOf(r, today),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A leader names an acting deputy for dates (the Office may record it for a leader of its agency). */
export async function createActing(deps: Deps, user: CurrentUser, input: ActingCreate): Promise<ActingView> {
  const db = deps.db;
  const leaderId = input.leaderPersonId ?? user.personId;
  if (!leaderId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  const target = await personTarget(db, leaderId);
  assertCan(user, 'acting.manage', target, 'Chỉ lãnh đạo (hoặc Văn phòng ghi thay) được ủy quyền.');
  const today = vnDateOf(deps.clock.now());
  if (input.toDate < today) throw invalid('body.toDate', 'Không ủy quyền cho khoảng ngày đã qua.');
  if (dayNumber(input.toDate) - dayNumber(input.fromDate) > MAX_ACTING_DAYS) throw invalid('body.toDate', 'Một lần ủy quyền dài tối đa một năm.');
  if (input.deputyPersonId === leaderId) throw invalid('body.deputyPersonId', 'Không thể ủy quyền cho chính mình.');
  const [deputy] = await db.select().from(people).where(eq(people.id, input.deputyPersonId));
  // A missing person and one of another agency give the same answer.
  if (!deputy || deputy.agencyId !== target.agencyId || !deputy.active)
    throw invalid('body.deputyPersonId', 'Người được ủy quyền phải là cán bộ đang làm việc cùng cơ quan.');
  const [overlap] = await db
    .select({ id: actingAssignments.id, fromDate: actingAssignments.fromDate, toDate: actingAssignments.toDate })
    .from(actingAssignments)
    .where(
      and(
        eq(actingAssignments.leaderPersonId, leaderId),
        isNull(actingAssignments.revokedAt),
        lte(actingAssignments.fromDate, input.toDate),
        gte(actingAssignments.toDate, input.fromDate),
      ),
    )
    .limit(1);
  if (overlap)
    throw new AppError(
      'CONFLICT',
      `Đã có ủy quyền từ ${formatDateVi(overlap.fromDate)} đến ${formatDateVi(overlap.toDate)} trùng thời gian: hãy thu hồi trước.`,
      {
        issues: [{ path: 'body.fromDate', message: 'Trùng thời gian với ủy quyền đã có.' }],
      },
    );
  const [leader] = await db.select().from(people).where(eq(people.id, leaderId));
  const agencyLevel = leader!.position === 'director' || leader!.position === 'deputy_director';
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(actingAssignments)
      .values({
        id: newId('act'),
        leaderPersonId: leaderId,
        deputyPersonId: input.deputyPersonId,
        agencyId: target.agencyId,
        unitId: agencyLevel ? null : leader!.unitId,
        fromDate: input.fromDate,
        toDate: input.toDate,
        scope: input.scope,
        note: input.note ?? null,
        createdByUserId: user.userId,
        createdAt: deps.clock.now(),
      })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'acting.created',
      entity: 'acting_assignment',
      entityId: created!.id,
      agencyId: target.agencyId,
      data: { leaderPersonId: leaderId, deputyPersonId: input.deputyPersonId, fromDate: input.fromDate, toDate: input.toDate, scope: input.scope },
    });
    await notify(tx, deps.clock, {
      personIds: [input.deputyPersonId],
      kind: 'acting_assigned',
      title: `${leader!.fullName} ủy quyền cho bạn từ ${formatDateVi(input.fromDate)} đến ${formatDateVi(input.toDate)}`,
      body:
        input.scope === 'all'
          ? 'Bạn duyệt đơn, lịch làm việc và nhận triệu tập, giấy mời họp thay trong thời gian này.'
          : 'Bạn duyệt đơn và lịch làm việc thay trong thời gian này.',
      link: '/leave/acting',
      email: true,
    });
    return created!;
  });
  return (await presentActing(db, [row], today))[0]!;
}

export async function listActing(deps: Deps, user: CurrentUser, q: ActingListQuery): Promise<ActingListResponse> {
  const db = deps.db;
  const today = vnDateOf(deps.clock.now());
  let where: SQL | undefined;
  if (q.box === 'mine') {
    if (!user.personId) return { items: [] };
    where = or(eq(actingAssignments.leaderPersonId, user.personId), eq(actingAssignments.deputyPersonId, user.personId));
  } else {
    const s = scopesFor(user, 'leave.read');
    const m = scopesFor(user, 'acting.manage');
    const agencyIds = [...new Set([...s.agencyIds, ...m.agencyIds])].filter((a) => !q.agencyId || a === q.agencyId);
    const parts: SQL[] = [];
    if (agencyIds.length) parts.push(inArray(actingAssignments.agencyId, agencyIds));
    if (s.unitIds.length) parts.push(inArray(actingAssignments.unitId, s.unitIds));
    if (!parts.length) return { items: [] };
    where = or(...parts);
  }
  const rows = await db.select().from(actingAssignments).where(where).orderBy(desc(actingAssignments.fromDate)).limit(500);
  return { items: await presentActing(db, rows, today) };
}

export async function revokeActing(deps: Deps, user: CurrentUser, id: string): Promise<ActingView> {
  const db = deps.db;
  const [row] = await db.select().from(actingAssignments).where(eq(actingAssignments.id, id));
  if (!row) throw hiddenNotFound();
  const target = await personTarget(db, row.leaderPersonId);
  const mine = user.personId === row.leaderPersonId || row.createdByUserId === user.userId;
  if (!mine && !can(user, 'acting.manage', target)) {
    if (user.personId === row.deputyPersonId || can(user, 'leave.read', target))
      throw new AppError('FORBIDDEN', 'Chỉ người ủy quyền hoặc Văn phòng được thu hồi.');
    throw hiddenNotFound();
  }
  const today = vnDateOf(deps.clock.now());
  if (row.revokedAt) return (await presentActing(db, [row], today))[0]!;
  const updated = await db.transaction(async (tx) => {
    const [u] = await tx
      .update(actingAssignments)
      .set({ revokedAt: deps.clock.now(), revokedByUserId: user.userId })
      .where(and(eq(actingAssignments.id, id), isNull(actingAssignments.revokedAt)))
      .returning();
    const r = u ?? (await tx.select().from(actingAssignments).where(eq(actingAssignments.id, id)))[0]!;
    if (u) {
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'acting.revoked',
        entity: 'acting_assignment',
        entityId: id,
        agencyId: row.agencyId,
        data: { leaderPersonId: row.leaderPersonId, deputyPersonId: row.deputyPersonId },
      });
      await notify(tx, deps.clock, {
        personIds: [row.deputyPersonId],
        kind: 'acting_revoked',
        title: `Ủy quyền từ ${formatDateVi(row.fromDate)} đến ${formatDateVi(row.toDate)} đã được thu hồi`,
        link: '/leave/acting',
      });
    }
    return r;
  });
  return (await presentActing(db, [updated], today))[0]!;
}

/**
 * May this person summon people of the unit (or agency) today as an acting deputy with scope 'all'? True when they act
 * for the unit's head (a head of the target unit) or for a Director / Deputy Director of the target's agency.
 * Used by presence summons (the permission check of createSummons).
 */
export async function actsForSummons(db: Db, deputyPersonId: string | null, target: { agencyId: string; unitId: string }, date: string): Promise<boolean> {
  if (!deputyPersonId) return false;
  const leaders = (await actingFor(db, deputyPersonId, date)).filter((l) => l.scope === 'all');
  if (!leaders.length) return false;
  const rows = await db
    .select({ unitId: people.unitId, agencyId: people.agencyId, position: people.position })
    .from(people)
    .where(
      inArray(
        people.id,
        leaders.map((l) => l.leaderPersonId),
      ),
    );
  return rows.some(
    (r) =>
      (r.unitId === target.unitId && (UNIT_HEAD_POSITIONS as readonly string[]).includes(r.position)) ||
      (r.agencyId === target.agencyId && (r.position === 'director' || r.position === 'deputy_director')),
  );
}
