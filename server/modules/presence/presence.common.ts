/** Presence: what the check-in, board, summons and health parts share (rows to views, working hours, open summons). */
import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { CheckinView, StatusView, SummonsView } from '../../../shared/contracts/presence';
import { addDays, vnDateOf, vnInstant } from '../../../shared/domain/dates';
import {
  DEFAULT_WORKING_HOURS,
  validHours,
  type CheckinPlace,
  type PresenceStatus,
  type Session,
  type SummonsStatus,
  type WorkingHours,
} from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { roleGrants, users } from '../auth/auth.table';
import { agencies, people } from '../org/org.table';
import { activePolicy, type PolicyRow } from '../policy/policy.resolve';
import { checkins, summons } from './presence.table';

export type CheckinRow = typeof checkins.$inferSelect;
export type SummonsRow = typeof summons.$inferSelect;

/** Summons awaiting an acknowledgement. */
export const OPEN_STATUSES: SummonsStatus[] = ['pending', 'escalated'];

// ---------------------------------------------------------------- helpers

export function requirePersonId(user: CurrentUser): string {
  if (!user.personId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  return user.personId;
}

/** The working hours of a policy (the seed 000 hours when none applies or they are malformed). */
export function hoursOfPolicy(p: Pick<PolicyRow, 'morningStart' | 'morningEnd' | 'afternoonStart' | 'afternoonEnd'> | null): WorkingHours {
  if (!p) return DEFAULT_WORKING_HOURS;
  const h = { morningStart: p.morningStart, morningEnd: p.morningEnd, afternoonStart: p.afternoonStart, afternoonEnd: p.afternoonEnd };
  return validHours(h) ? h : DEFAULT_WORKING_HOURS;
}

/** The policy of an agency on a date and its working hours. */
export async function hoursFor(db: Db, agencyId: string, date: string): Promise<{ hours: WorkingHours; policy: PolicyRow | null }> {
  const [agency] = await db
    .select({ id: agencies.id, path: agencies.path, district: agencies.district })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  const policy = agency ? await activePolicy(db, agency, date) : null;
  return { hours: hoursOfPolicy(policy), policy };
}

export function presentCheckin(r: CheckinRow): CheckinView {
  return {
    id: r.id,
    personId: r.personId,
    date: r.date,
    session: r.session as Session,
    at: r.at.toISOString(),
    place: r.place as CheckinPlace,
    otherPlace: r.otherPlace,
    reason: r.reason,
    lateMinutes: r.lateMinutes,
  };
}

export function presentStatus(r: { status: string; note: string | null; updatedAt: Date } | undefined, date: string): StatusView | null {
  // The availability is "now": a status set on another day is not shown.
  if (!r || vnDateOf(r.updatedAt) !== date) return null;
  return { status: r.status as PresenceStatus, note: r.note, updatedAt: r.updatedAt.toISOString() };
}

export async function findCheckin(db: Db, personId: string, date: string, session: Session): Promise<CheckinRow | undefined> {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.personId, personId), eq(checkins.date, date), eq(checkins.session, session)))
    .limit(1);
  return row;
}

// ---------------------------------------------------------------- summons views

export async function summonsViews(db: Db, where: SQL | undefined, limit = 200): Promise<SummonsView[]> {
  const rows = await db
    .select({ s: summons, personName: people.fullName, calledByName: users.displayName })
    .from(summons)
    .innerJoin(people, eq(people.id, summons.personId))
    .leftJoin(users, eq(users.id, summons.calledByUserId))
    .where(where)
    .orderBy(desc(summons.createdAt))
    .limit(limit);
  return rows.map((r) => presentSummons(r.s, r.personName, r.calledByName ?? r.s.calledByUserId));
}

export function presentSummons(s: SummonsRow, personName: string, calledByName: string): SummonsView {
  return {
    id: s.id,
    personId: s.personId,
    personName,
    agencyId: s.agencyId,
    unitId: s.unitId,
    calledByUserId: s.calledByUserId,
    calledByName,
    reason: s.reason,
    requiredAt: s.requiredAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
    acknowledgedAt: s.acknowledgedAt?.toISOString() ?? null,
    escalatedAt: s.escalatedAt?.toISOString() ?? null,
    declinedAt: s.declinedAt?.toISOString() ?? null,
    declineReason: s.declineReason ?? null,
    status: s.status as SummonsStatus,
  };
}

/**
 * Summons that matter on a day: awaiting acknowledgement (pending, escalated), or acknowledged with
 * the person due at the office that day.
 */
export function openOnDay(date: string): SQL {
  const dayStart = vnInstant(date, '00:00');
  const dayEnd = vnInstant(addDays(date, 1), '00:00');
  return or(
    and(inArray(summons.status, OPEN_STATUSES), lt(summons.createdAt, dayEnd)),
    and(inArray(summons.status, ['acknowledged', 'declined']), gte(summons.requiredAt, dayStart), lt(summons.requiredAt, dayEnd)),
  )!;
}

// ---------------------------------------------------------------- shared with the jobs

/** Accounts holding unit_head / unit_deputy grants of each unit (enabled accounts only). */
export async function unitLeaderUsers(db: Db, unitIds: string[], roles: string[] = ['unit_head', 'unit_deputy']): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db
      .selectDistinct({ userId: roleGrants.userId, unitId: roleGrants.unitId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(inArray(roleGrants.unitId, unitIds.slice(i, i + 5000)), inArray(roleGrants.role, roles), eq(users.disabled, false)));
    for (const r of rows) out.set(r.unitId!, [...(out.get(r.unitId!) ?? []), r.userId]);
  }
  return out;
}
