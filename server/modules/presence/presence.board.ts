/** Presence: one's own day, the leaders' board (who is where now) and the list of people not checked in. */
import { and, asc, eq, gte, notExists, sql } from 'drizzle-orm';
import type { BoardCounts, BoardPerson, BoardResponse, MeResponse, MissingResponse, SummonsView } from '../../../shared/contracts/presence';
import { vnDateOf, vnInstant, vnMinutesOf } from '../../../shared/domain/dates';
import { compareVietnameseNames, POSITION_ORDER } from '../../../shared/domain/org';
import {
  currentSession,
  dayRelation,
  hhmmOf,
  missingSessions,
  referenceSession,
  SESSIONS,
  sessionState,
  sessionWindow,
  type CheckinPlace,
  type Session,
} from '../../../shared/domain/presence';
import type { Mode, PersonRole } from '../../../shared/domain/roster/format';
import type { CurrentUser, Deps } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { agencyTarget, assertCan, personTarget, unitTarget } from '../../lib/scope';
import { people, units } from '../org/org.table';
import { schedule } from '../roster/roster.table';
import { checkins, presenceStatus, summons } from './presence.table';
import { meetingStatuses } from '../meetings/meetings.whereabouts';
import { openOnDay, presentCheckin, presentStatus, requirePersonId, summonsViews, hoursFor } from './presence.common';
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
  // During a meeting its attendees show "Đang họp" (with the title when the viewer may read the meeting).
  const inMeeting =
    date === today
      ? await meetingStatuses(
          db,
          user,
          peopleRows.map((p) => p.id),
          now,
        )
      : new Map();
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
          status: inMeeting.get(p.id) ?? presentStatus(statusOf.get(p.id), date),
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
