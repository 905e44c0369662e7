/** Presence: checking in for a session (the 07:00 burst: cached hours, batched inserts) and one's availability status. */
import { and, eq } from 'drizzle-orm';
import type { CheckinRequest, CheckinView, StatusRequest, StatusView } from '../../../shared/contracts/presence';
import { vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';
import {
  checkinDecision,
  currentSession,
  noCurrentSessionMessage,
  type PresenceStatus,
  type Session,
  type WorkingHours,
} from '../../../shared/domain/presence';
import type { Mode } from '../../../shared/domain/roster/format';
import { arrayLiteral, preparedRows, type Db } from '../../db/client';
import { batcherPer, createBatcher } from '../../lib/batcher';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, personTarget } from '../../lib/scope';
import { agencies } from '../org/org.table';
import { activePolicy } from '../policy/policy.resolve';
import { schedule } from '../roster/roster.table';
import { checkins, presenceStatus } from './presence.table';
import { findCheckin, presentCheckin, requirePersonId, hoursOfPolicy } from './presence.common';

const NOT_AT_HOME: Record<Exclude<Mode, 'wfh'> | 'none', string> = {
  onsite: 'Hôm nay bạn làm việc tại cơ quan, không cần điểm danh tại nhà.',
  leave: 'Hôm nay bạn nghỉ phép, không cần điểm danh.',
  business_trip: 'Hôm nay bạn đi công tác, không cần điểm danh tại nhà.',
  none: 'Hôm nay bạn không có lịch làm việc tại nhà đã được công bố, không cần điểm danh.',
};

// ---------------------------------------------------------------- check-in

/** Working hours of an agency on a date from this app's cache (Deps.caches.workingHours). */
async function cachedHours(deps: Deps, agency: { id: string; path: string; district: string | null }, date: string, nowMs: number): Promise<WorkingHours> {
  const hours = await deps.caches.workingHours.get(`${agency.id}|${date}`, nowMs, async () => hoursOfPolicy(await activePolicy(deps.db, agency, date)));
  return hours ?? hoursOfPolicy(null);
}

/** Hours by agency id (loads the agency on a miss); null for an unknown agency. */
async function cachedHoursById(deps: Deps, agencyId: string, date: string, nowMs: number): Promise<WorkingHours | null> {
  return deps.caches.workingHours.get(`${agencyId}|${date}`, nowMs, async () => {
    const [agency] = await deps.db
      .select({ id: agencies.id, path: agencies.path, district: agencies.district })
      .from(agencies)
      .where(eq(agencies.id, agencyId))
      .limit(1);
    return agency ? hoursOfPolicy(await activePolicy(deps.db, agency, date)) : null;
  });
}

/**
 * The common case in one statement: at the registered place, in the current session's window, on a
 * published home day in the person's agency — insert selected from the schedule row. Anything else
 * (not at home, a repeat, another agency's schedule) returns null and takes the general path.
 */
async function checkinFast(
  deps: Deps,
  personId: string,
  agencyId: string,
  wanted: Session | undefined,
  now: Date,
  date: string,
  minutes: number,
): Promise<CheckinView | null> {
  const hours = await cachedHoursById(deps, agencyId, date, now.getTime());
  if (!hours) return null;
  const session = wanted ?? currentSession(hours, minutes);
  if (!session) return null;
  const decision = checkinDecision(hours, session, minutes);
  if (!decision.ok) return null;
  return fastCheckins(deps.db)({ id: newId('chk'), personId, agencyId, date, session, at: now.toISOString(), lateMinutes: decision.lateMinutes });
}

/** Deadlock or serialization failure: PostgreSQL cancelled the statement, nothing was written. */
function transientPgError(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; e = e.cause as typeof e, i++) {
    if (e.code === '40P01' || e.code === '40001') return true;
  }
  return false;
}

interface FastCheckin {
  id: string;
  personId: string;
  agencyId: string;
  date: string;
  session: Session;
  at: string;
  lateMinutes: number;
}

/**
 * The fast check-ins of concurrent requests go to PostgreSQL together: one `INSERT … SELECT` from the
 * schedule for the whole batch (group commit). A person twice in a batch (a retry) gets one row: the
 * second is answered by the general path, which returns the first check-in. Rows go in key order, so
 * two batches (of two servers) with the same people wait for each other instead of deadlocking; if
 * PostgreSQL still cancels a batch (deadlock, serialization), its requests take the general path one by one.
 */
const fastCheckins = batcherPer((db: Db) =>
  createBatcher<FastCheckin, CheckinView | null>(
    async (items) => {
      type Inserted = { id: string; person_id: string; date: string; session: string; at: Date | string; late_minutes: number };
      let rows: Inserted[];
      try {
        rows = await preparedRows<Inserted>(
          db,
          'congvu_fast_checkins',
          `insert into checkins (id, person_id, agency_id, unit_id, date, session, at, place, late_minutes)
         select v.id, s.person_id, s.agency_id, s.unit_id, s.date, v.session, v.at::timestamptz, 'registered', v.late::int
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as v(id, person_id, agency_id, date, session, at, late)
         join schedule s on s.person_id = v.person_id and s.date = v.date and s.mode = 'wfh' and s.agency_id = v.agency_id
         order by s.person_id, s.date, v.session
         on conflict (person_id, date, session) do nothing
         returning id, person_id, date, session, at, late_minutes`,
          [
            arrayLiteral(items.map((i) => i.id)),
            arrayLiteral(items.map((i) => i.personId)),
            arrayLiteral(items.map((i) => i.agencyId)),
            arrayLiteral(items.map((i) => i.date)),
            arrayLiteral(items.map((i) => i.session)),
            arrayLiteral(items.map((i) => i.at)),
            arrayLiteral(items.map((i) => String(i.lateMinutes))),
          ],
        );
      } catch (err) {
        if (transientPgError(err)) return items.map(() => null);
        throw err;
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      return items.map((i) => {
        const row = byId.get(i.id);
        if (!row) return null;
        return {
          id: row.id,
          personId: row.person_id,
          date: row.date,
          session: row.session as Session,
          at: new Date(row.at).toISOString(),
          place: 'registered',
          otherPlace: null,
          reason: null,
          lateMinutes: Number(row.late_minutes),
        };
      });
    },
    { maxBatch: 500, maxInFlight: 2 },
  ),
);

/**
 * Checks the person in for a session of today. Idempotent: the same session again returns the first
 * check-in (the unique key person/day/session decides between concurrent requests). The common path is
 * two queries (the day's schedule with the agency, the insert) plus the policy's hours (cached a minute):
 * 50,000 people check in within minutes of 07:00. A check-in row is itself the append-only record (no
 * API changes or deletes one); only check-ins from another place than the registered one, with their
 * reason, also go to the audit log.
 */
export async function checkin(deps: Deps, user: CurrentUser, input: CheckinRequest): Promise<CheckinView> {
  const personId = requirePersonId(user);
  assertCan(user, 'presence.checkin', { personId });
  const now = deps.clock.now();
  const date = vnDateOf(now);
  const minutes = vnMinutesOf(now);
  if (input.place === 'registered' && user.agencyId) {
    const fast = await checkinFast(deps, personId, user.agencyId, input.session, now, date, minutes);
    if (fast) return fast;
  }
  const [day] = await deps.db
    .select({ mode: schedule.mode, agencyId: schedule.agencyId, unitId: schedule.unitId, path: agencies.path, district: agencies.district })
    .from(schedule)
    .innerJoin(agencies, eq(agencies.id, schedule.agencyId))
    .where(and(eq(schedule.personId, personId), eq(schedule.date, date)))
    .limit(1);
  if (day?.mode !== 'wfh') throw new AppError('INVALID_STATE', NOT_AT_HOME[(day?.mode as Exclude<Mode, 'wfh'> | undefined) ?? 'none'] ?? NOT_AT_HOME.none);
  const hours = await cachedHours(deps, { id: day.agencyId, path: day.path, district: day.district }, date, now.getTime());
  const session = input.session ?? currentSession(hours, minutes);
  if (!session) throw new AppError('INVALID_STATE', noCurrentSessionMessage(hours, minutes));
  const decision = checkinDecision(hours, session, minutes);
  if (!decision.ok) {
    // Outside the window a repeat of an earlier check-in still answers with it.
    const existing = await findCheckin(deps.db, personId, date, session);
    if (existing) return presentCheckin(existing);
    throw new AppError('INVALID_STATE', decision.message);
  }
  const other = input.place === 'other';
  const values = {
    id: newId('chk'),
    personId,
    agencyId: day.agencyId,
    unitId: day.unitId,
    date,
    session,
    at: now,
    place: input.place,
    otherPlace: other ? (input.otherPlace ?? null) : null,
    reason: other ? (input.reason ?? null) : null,
    lateMinutes: decision.lateMinutes,
  };
  const insert = async (db: Db) => {
    const [row] = await db
      .insert(checkins)
      .values(values)
      .onConflictDoNothing({ target: [checkins.personId, checkins.date, checkins.session] })
      .returning();
    if (row) return { row, created: true };
    // A repeat, or a concurrent request of the same person that won: answer with the first check-in.
    const first = await findCheckin(db, personId, date, session);
    if (!first) throw new AppError('CONFLICT', 'Điểm danh đang được ghi nhận, vui lòng thử lại.');
    return { row: first, created: false };
  };
  if (!other) return presentCheckin((await insert(deps.db)).row);
  return deps.db.transaction(async (tx) => {
    const { row, created } = await insert(tx);
    if (created) {
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'presence.checkin_elsewhere',
        entity: 'checkin',
        entityId: row.id,
        agencyId: day.agencyId,
        data: { personId, date, session, otherPlace: values.otherPlace, reason: values.reason, lateMinutes: decision.lateMinutes },
      });
    }
    return presentCheckin(row);
  });
}

// ---------------------------------------------------------------- status

export async function setStatus(deps: Deps, user: CurrentUser, input: StatusRequest): Promise<StatusView> {
  const personId = requirePersonId(user);
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'presence.checkin', target);
  const now = deps.clock.now();
  const note = input.note ? input.note : null;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(presenceStatus)
      .values({ personId, status: input.status, note, updatedAt: now })
      .onConflictDoUpdate({ target: presenceStatus.personId, set: { status: input.status, note, updatedAt: now } })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'presence.status',
      entity: 'person',
      entityId: personId,
      agencyId: target.agencyId,
      data: { status: input.status },
    });
    return { status: row!.status as PresenceStatus, note: row!.note, updatedAt: row!.updatedAt.toISOString() };
  });
}
