/**
 * Presence (D1-D3): people at home check in for each session from their registered place (or say
 * where and why), show their availability, answer summons, and declare their health once a day.
 * Leaders see who is where now and who has not checked in. No location is ever recorded other than
 * the words the person types (no GPS). Health declarations are sensitive personal data: only the
 * person, their unit head and the Office read them; reads of other people's declarations are audited
 * without their content; they are deleted after the retention period.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type {
  BoardCounts,
  BoardPerson,
  BoardResponse,
  CheckinRequest,
  CheckinView,
  HealthList,
  HealthPut,
  HealthView,
  MeResponse,
  MissingResponse,
  StatusRequest,
  StatusView,
  SummonsCreate,
  SummonsView,
} from '../../../shared/contracts/presence';
import { addDays, datesBetween, formatDateVi, vnDateOf, vnInstant, vnMinutesOf } from '../../../shared/domain/dates';
import { compareVietnameseNames, POSITION_ORDER } from '../../../shared/domain/org';
import { can } from '../../../shared/domain/permissions';
import {
  checkinDecision,
  currentSession,
  dayRelation,
  DEFAULT_WORKING_HOURS,
  healthDeleteAfter,
  hhmmOf,
  missingSessions,
  noCurrentSessionMessage,
  referenceSession,
  SESSIONS,
  sessionState,
  sessionWindow,
  validHours,
  type CheckinPlace,
  type PresenceStatus,
  type Session,
  type SummonsStatus,
  type WorkingHours,
} from '../../../shared/domain/presence';
import type { Mode, PersonRole } from '../../../shared/domain/roster/format';
import { arrayLiteral, preparedRows, type Db } from '../../db/client';
import { batcherPer, createBatcher } from '../../lib/batcher';
import { RefreshingCache } from '../../lib/cache';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, hiddenNotFound, personTarget, unitTarget } from '../../lib/scope';
import { roleGrants, users } from '../auth/auth.table';
import { markNotificationsRead, notify } from '../notifications/notify';
import { agencies, people, units } from '../org/org.table';
import { activePolicy, type PolicyRow } from '../policy/policy.resolve';
import { schedule } from '../roster/roster.table';
import { checkins, healthDeclarations, presenceStatus, summons } from './presence.table';

type CheckinRow = typeof checkins.$inferSelect;
type SummonsRow = typeof summons.$inferSelect;

/** Summons awaiting an acknowledgement. */
const OPEN_STATUSES: SummonsStatus[] = ['pending', 'escalated'];
const HEALTH_MAX_RANGE_DAYS = 92;
const HEALTH_BACKDATE_DAYS = 7;

// ---------------------------------------------------------------- helpers

function requirePersonId(user: CurrentUser): string {
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

function presentCheckin(r: CheckinRow): CheckinView {
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

function presentStatus(r: { status: string; note: string | null; updatedAt: Date } | undefined, date: string): StatusView | null {
  // The availability is "now": a status set on another day is not shown.
  if (!r || vnDateOf(r.updatedAt) !== date) return null;
  return { status: r.status as PresenceStatus, note: r.note, updatedAt: r.updatedAt.toISOString() };
}

async function findCheckin(db: Db, personId: string, date: string, session: Session): Promise<CheckinRow | undefined> {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.personId, personId), eq(checkins.date, date), eq(checkins.session, session)))
    .limit(1);
  return row;
}

const NOT_AT_HOME: Record<Exclude<Mode, 'wfh'> | 'none', string> = {
  onsite: 'Hôm nay bạn làm việc tại cơ quan, không cần điểm danh tại nhà.',
  leave: 'Hôm nay bạn nghỉ phép, không cần điểm danh.',
  business_trip: 'Hôm nay bạn đi công tác, không cần điểm danh tại nhà.',
  none: 'Hôm nay bạn không có lịch làm việc tại nhà đã được công bố, không cần điểm danh.',
};

// ---------------------------------------------------------------- check-in

/**
 * Working hours of an agency on a date, kept a minute (every check-in of the 07:00 burst needs them;
 * server/lib/cache.ts: shared loads, no stall on expiry — a policy edit is seen within a minute or two).
 * Keyed by agency and date; null for an unknown agency.
 */
const hoursCache = new RefreshingCache<WorkingHours | null>(60_000);

async function cachedHours(db: Db, agency: { id: string; path: string; district: string | null }, date: string, nowMs: number): Promise<WorkingHours> {
  const hours = await hoursCache.get(`${agency.id}|${date}`, nowMs, async () => hoursOfPolicy(await activePolicy(db, agency, date)));
  return hours ?? hoursOfPolicy(null);
}

/** Hours by agency id (loads the agency on a miss); null for an unknown agency. */
async function cachedHoursById(db: Db, agencyId: string, date: string, nowMs: number): Promise<WorkingHours | null> {
  return hoursCache.get(`${agencyId}|${date}`, nowMs, async () => {
    const [agency] = await db
      .select({ id: agencies.id, path: agencies.path, district: agencies.district })
      .from(agencies)
      .where(eq(agencies.id, agencyId))
      .limit(1);
    return agency ? hoursOfPolicy(await activePolicy(db, agency, date)) : null;
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
  const hours = await cachedHoursById(deps.db, agencyId, date, now.getTime());
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
  const hours = await cachedHours(deps.db, { id: day.agencyId, path: day.path, district: day.district }, date, now.getTime());
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

// ---------------------------------------------------------------- summons views

async function summonsViews(db: Db, where: SQL | undefined, limit = 200): Promise<SummonsView[]> {
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

function presentSummons(s: SummonsRow, personName: string, calledByName: string): SummonsView {
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
function openOnDay(date: string): SQL {
  const dayStart = vnInstant(date, '00:00');
  const dayEnd = vnInstant(addDays(date, 1), '00:00');
  return or(
    and(inArray(summons.status, OPEN_STATUSES), lt(summons.createdAt, dayEnd)),
    and(inArray(summons.status, ['acknowledged', 'declined']), gte(summons.requiredAt, dayStart), lt(summons.requiredAt, dayEnd)),
  )!;
}

// ---------------------------------------------------------------- me

export async function myPresence(deps: Deps, user: CurrentUser, dateParam?: string): Promise<MeResponse> {
  const personId = requirePersonId(user);
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'schedule.readOwn', target);
  const now = deps.clock.now();
  const today = vnDateOf(now);
  const date = dateParam ?? today;
  const rel = dayRelation(date, today);
  const minutes = vnMinutesOf(now);
  const [[day], rows, [status], open, { hours }] = await Promise.all([
    deps.db
      .select({ mode: schedule.mode })
      .from(schedule)
      .where(and(eq(schedule.personId, personId), eq(schedule.date, date)))
      .limit(1),
    deps.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.personId, personId), eq(checkins.date, date))),
    deps.db.select().from(presenceStatus).where(eq(presenceStatus.personId, personId)).limit(1),
    summonsViews(deps.db, and(eq(summons.personId, personId), openOnDay(date))),
    hoursFor(deps.db, target.agencyId, date),
  ]);
  const mode = (day?.mode as Mode | undefined) ?? null;
  const required = mode === 'wfh';
  const bySession = new Map(rows.map((r) => [r.session, r]));
  return {
    date,
    personId,
    mode,
    checkinRequired: required,
    hours,
    currentSession: required && rel === 'today' ? currentSession(hours, minutes) : null,
    sessions: SESSIONS.map((session) => {
      const w = sessionWindow(hours, session);
      const row = bySession.get(session);
      return {
        session,
        start: hhmmOf(w.start),
        end: hhmmOf(w.end),
        opensAt: hhmmOf(w.opens),
        state: row ? 'checked_in' : required ? sessionState(hours, session, rel, minutes, false) : 'not_required',
        checkin: row ? presentCheckin(row) : null,
      };
    }),
    status: presentStatus(status, date),
    summons: open,
  };
}

// ---------------------------------------------------------------- board and missing

interface Scope {
  agencyId: string;
  unitId: string | null;
}

/** The unit or agency asked for, after checking presence.read on it. */
async function readScope(deps: Deps, user: CurrentUser, q: { unitId?: string; agencyId?: string }): Promise<Scope> {
  if (q.unitId) {
    const t = await unitTarget(deps.db, q.unitId);
    assertCan(user, 'presence.read', t);
    if (q.agencyId && q.agencyId !== t.agencyId) throw invalid('query.unitId', 'Đơn vị không thuộc cơ quan đã chọn.');
    return { agencyId: t.agencyId, unitId: q.unitId };
  }
  if (q.agencyId) {
    assertCan(user, 'presence.read', await agencyTarget(deps.db, q.agencyId));
    return { agencyId: q.agencyId, unitId: null };
  }
  throw invalid('query.unitId', 'Chọn đơn vị hoặc cơ quan.');
}

function emptyCounts(session: Session | null): BoardCounts {
  return { people: 0, atHome: 0, onSite: 0, leave: 0, businessTrip: 0, unscheduled: 0, checkedIn: 0, notCheckedIn: 0, referenceSession: session };
}

function addToCounts(c: BoardCounts, p: BoardPerson): void {
  c.people++;
  if (p.mode === 'wfh') c.atHome++;
  else if (p.mode === 'onsite') c.onSite++;
  else if (p.mode === 'leave') c.leave++;
  else if (p.mode === 'business_trip') c.businessTrip++;
  else c.unscheduled++;
  if (p.mode === 'wfh' && c.referenceSession) {
    const cell = p.sessions.find((s) => s.session === c.referenceSession);
    if (cell?.state === 'checked_in') c.checkedIn++;
    else c.notCheckedIn++;
  }
}

/** "Who is where now" of a unit or an agency: mode of the day, check-ins, availability, open summons. */
export async function board(deps: Deps, user: CurrentUser, q: { unitId?: string; agencyId?: string; date?: string }): Promise<BoardResponse> {
  const scope = await readScope(deps, user, q);
  const now = deps.clock.now();
  const today = vnDateOf(now);
  const date = q.date ?? today;
  const rel = dayRelation(date, today);
  const minutes = vnMinutesOf(now);
  const db = deps.db;
  const unitRows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(scope.unitId ? eq(units.id, scope.unitId) : eq(units.agencyId, scope.agencyId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const inScope = scope.unitId ? eq(people.unitId, scope.unitId) : eq(people.agencyId, scope.agencyId);
  const [peopleRows, modes, checkinRows, statuses, open, { hours }] = await Promise.all([
    db
      .select({ id: people.id, unitId: people.unitId, fullName: people.fullName, position: people.position })
      .from(people)
      .where(and(inScope, eq(people.active, true))),
    db
      .select({ personId: schedule.personId, mode: schedule.mode })
      .from(schedule)
      .innerJoin(people, eq(people.id, schedule.personId))
      .where(and(eq(schedule.agencyId, scope.agencyId), eq(schedule.date, date), inScope)),
    db
      .select()
      .from(checkins)
      .where(and(scope.unitId ? eq(checkins.unitId, scope.unitId) : eq(checkins.agencyId, scope.agencyId), eq(checkins.date, date))),
    db
      .select({ personId: presenceStatus.personId, status: presenceStatus.status, note: presenceStatus.note, updatedAt: presenceStatus.updatedAt })
      .from(presenceStatus)
      .innerJoin(people, eq(people.id, presenceStatus.personId))
      .where(and(inScope, gte(presenceStatus.updatedAt, vnInstant(date, '00:00')))),
    summonsViews(db, and(scope.unitId ? eq(summons.unitId, scope.unitId) : eq(summons.agencyId, scope.agencyId), openOnDay(date)), 1000),
    hoursFor(db, scope.agencyId, date),
  ]);
  const modeOf = new Map(modes.map((m) => [m.personId, m.mode as Mode]));
  const checkinOf = new Map(checkinRows.map((r) => [`${r.personId}:${r.session}`, r]));
  const statusOf = new Map(statuses.map((s) => [s.personId, s]));
  const summonsOf = new Map<string, SummonsView[]>();
  for (const s of open) summonsOf.set(s.personId, [...(summonsOf.get(s.personId) ?? []), s]);
  const refSession = referenceSession(hours, rel, minutes);

  const total = emptyCounts(refSession);
  const out = unitRows.map((u) => {
    const counts = emptyCounts(refSession);
    const list: BoardPerson[] = peopleRows
      .filter((p) => p.unitId === u.id)
      .sort((a, b) => POSITION_ORDER[a.position as PersonRole] - POSITION_ORDER[b.position as PersonRole] || compareVietnameseNames(a.fullName, b.fullName))
      .map((p) => {
        const mode = modeOf.get(p.id) ?? null;
        const person: BoardPerson = {
          personId: p.id,
          fullName: p.fullName,
          position: p.position as PersonRole,
          mode,
          sessions: SESSIONS.map((session) => {
            const c = checkinOf.get(`${p.id}:${session}`);
            return {
              session,
              state: c ? 'checked_in' : mode === 'wfh' ? sessionState(hours, session, rel, minutes, false) : 'not_required',
              at: c?.at.toISOString() ?? null,
              lateMinutes: c?.lateMinutes ?? null,
              place: (c?.place as CheckinPlace | undefined) ?? null,
              otherPlace: c?.otherPlace ?? null,
            };
          }),
          status: presentStatus(statusOf.get(p.id), date),
          summons: summonsOf.get(p.id) ?? [],
        };
        addToCounts(counts, person);
        addToCounts(total, person);
        return person;
      });
    return { unitId: u.id, unitName: u.name, counts, people: list };
  });
  return { date, at: now.toISOString(), agencyId: scope.agencyId, unitId: scope.unitId, hours, counts: total, units: out };
}

/**
 * People at home not checked in 30 minutes or more after a session start (today), or for any session
 * of a past day: the unit head's list. One query per session (at most two), set-based.
 */
export async function missing(deps: Deps, user: CurrentUser, q: { unitId?: string; agencyId?: string; date?: string }): Promise<MissingResponse> {
  const scope = await readScope(deps, user, q);
  const now = deps.clock.now();
  const today = vnDateOf(now);
  const date = q.date ?? today;
  const rel = dayRelation(date, today);
  const minutes = vnMinutesOf(now);
  const { hours } = await hoursFor(deps.db, scope.agencyId, date);
  const result: MissingResponse['people'] = [];
  for (const session of missingSessions(hours, rel, minutes)) {
    const w = sessionWindow(hours, session);
    const rows = await deps.db
      .select({ personId: people.id, fullName: people.fullName, position: people.position, unitId: units.id, unitName: units.name, unitOrder: units.sortOrder })
      .from(schedule)
      .innerJoin(people, eq(people.id, schedule.personId))
      .innerJoin(units, eq(units.id, people.unitId))
      .where(
        and(
          eq(schedule.agencyId, scope.agencyId),
          eq(schedule.date, date),
          eq(schedule.mode, 'wfh'),
          eq(people.active, true),
          scope.unitId ? eq(people.unitId, scope.unitId) : undefined,
          notExists(
            deps.db
              .select({ one: sql`1` })
              .from(checkins)
              .where(and(eq(checkins.personId, schedule.personId), eq(checkins.date, schedule.date), eq(checkins.session, session))),
          ),
        ),
      );
    const late = (rel === 'today' ? Math.min(minutes, w.end) : w.end) - w.start;
    rows
      .sort(
        (a, b) =>
          a.unitOrder - b.unitOrder ||
          a.unitName.localeCompare(b.unitName, 'vi') ||
          POSITION_ORDER[a.position as PersonRole] - POSITION_ORDER[b.position as PersonRole] ||
          compareVietnameseNames(a.fullName, b.fullName),
      )
      .forEach((r) =>
        result.push({
          personId: r.personId,
          fullName: r.fullName,
          unitId: r.unitId,
          unitName: r.unitName,
          session,
          sessionStart: hhmmOf(w.start),
          minutesLate: late,
        }),
      );
  }
  return { date, at: now.toISOString(), agencyId: scope.agencyId, unitId: scope.unitId, people: result };
}

// ---------------------------------------------------------------- summons

const timeVi = (d: Date) => `${hhmmOf(vnMinutesOf(d))} ngày ${formatDateVi(vnDateOf(d))}`;

/** A leader calls a person (at home) to the office with a reason and a time; the person is notified in the app and by e-mail. */
export async function createSummons(deps: Deps, user: CurrentUser, input: SummonsCreate): Promise<SummonsView> {
  const target = await personTarget(deps.db, input.personId);
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

// ---------------------------------------------------------------- health declarations

type HealthData = { symptoms: boolean; contact: boolean; note?: string };

function presentHealth(r: typeof healthDeclarations.$inferSelect, fullName: string): HealthView {
  const d = r.data as HealthData;
  return {
    id: r.id,
    personId: r.personId,
    fullName,
    unitId: r.unitId,
    date: r.date,
    symptoms: !!d.symptoms,
    contact: !!d.contact,
    note: d.note ?? null,
    createdAt: r.createdAt.toISOString(),
    deleteAfter: r.deleteAfter,
  };
}

/** Declares one's health for a day (replaces the declaration of that day). */
export async function declareHealth(deps: Deps, user: CurrentUser, input: HealthPut): Promise<HealthView> {
  const personId = requirePersonId(user);
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'health.declare', target);
  const now = deps.clock.now();
  const today = vnDateOf(now);
  const date = input.date ?? today;
  if (date > today) throw invalid('body.date', 'Không khai báo y tế cho ngày chưa đến.');
  if (date < addDays(today, -HEALTH_BACKDATE_DAYS)) throw invalid('body.date', `Chỉ khai báo bổ sung trong ${HEALTH_BACKDATE_DAYS} ngày gần nhất.`);
  const { policy } = await hoursFor(deps.db, target.agencyId, date);
  const deleteAfter = healthDeleteAfter(date, policy?.validTo ?? null, deps.config.HEALTH_RETENTION_DAYS);
  const data: HealthData = { symptoms: input.symptoms, contact: input.contact, ...(input.note ? { note: input.note } : {}) };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(healthDeclarations)
      .values({ id: newId('hd'), personId, agencyId: target.agencyId, unitId: target.unitId, date, data, createdAt: now, deleteAfter })
      .onConflictDoUpdate({
        target: [healthDeclarations.personId, healthDeclarations.date],
        set: { data, createdAt: now, deleteAfter, unitId: target.unitId, agencyId: target.agencyId },
      })
      .returning();
    // Never the health data itself in the audit log.
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'health.declare',
      entity: 'person',
      entityId: personId,
      agencyId: target.agencyId,
      data: { date },
    });
    const [p] = await tx.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId));
    return presentHealth(row!, p!.fullName);
  });
}

/**
 * Declarations of a person (oneself by default) or of a unit, in [from, to]. Others' declarations:
 * the unit head of the person's unit (health.read 'unit') and the Office (health.read 'agency') only;
 * each such read is audited (who, whose, which days, how many), never with the data.
 */
export async function readHealth(deps: Deps, user: CurrentUser, q: { personId?: string; unitId?: string; from?: string; to?: string }): Promise<HealthList> {
  const today = vnDateOf(deps.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (to < from) throw invalid('query.to', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  if (datesBetween(from, to).length > HEALTH_MAX_RANGE_DAYS) throw invalid('query.to', `Xem tối đa ${HEALTH_MAX_RANGE_DAYS} ngày mỗi lần.`);
  if (q.unitId && q.personId) throw invalid('query.unitId', 'Chọn một người hoặc một đơn vị.');

  let where: SQL;
  let audited: { entity: string; entityId: string; agencyId: string } | null = null;
  if (q.unitId) {
    const t = await unitTarget(deps.db, q.unitId);
    assertCan(user, 'health.read', t);
    where = eq(people.unitId, q.unitId);
    audited = { entity: 'unit', entityId: q.unitId, agencyId: t.agencyId };
  } else {
    const personId = q.personId ?? requirePersonId(user);
    const t = await personTarget(deps.db, personId);
    if (personId !== user.personId) {
      assertCan(user, 'health.read', t);
      audited = { entity: 'person', entityId: personId, agencyId: t.agencyId };
    }
    where = eq(healthDeclarations.personId, personId);
  }
  const read = (db: Db) =>
    db
      .select({ h: healthDeclarations, fullName: people.fullName })
      .from(healthDeclarations)
      .innerJoin(people, eq(people.id, healthDeclarations.personId))
      .where(and(where, gte(healthDeclarations.date, from), lte(healthDeclarations.date, to)))
      .orderBy(desc(healthDeclarations.date), asc(people.fullName));
  if (!audited) return { declarations: (await read(deps.db)).map((r) => presentHealth(r.h, r.fullName)) };
  const a = audited;
  return deps.db.transaction(async (tx) => {
    const rows = await read(tx);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'health.read',
      entity: a.entity,
      entityId: a.entityId,
      agencyId: a.agencyId,
      data: { from, to, count: rows.length },
    });
    return { declarations: rows.map((r) => presentHealth(r.h, r.fullName)) };
  });
}

/** Deletes the health declarations whose retention has passed (deleteAfter before `today`). */
export async function purgeExpiredHealth(deps: Pick<Deps, 'db' | 'audit'>, today: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    // One server at a time (the others skip: nothing would be left for them).
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('presence-health-purge')) as ok`)) as unknown as { rows: { ok: boolean }[] };
    if (locked.rows[0]?.ok !== true) return 0;
    const gone = await tx.delete(healthDeclarations).where(lt(healthDeclarations.deleteAfter, today)).returning({ id: healthDeclarations.id });
    if (gone.length) await deps.audit(tx, { action: 'health.purged', entity: 'health_declarations', data: { before: today, count: gone.length } });
    return gone.length;
  });
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
