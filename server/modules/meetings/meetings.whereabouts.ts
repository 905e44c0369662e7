/** Who is in a meeting, for who-is-where (presence board, published schedule): meetingStatuses, meetingsOnDay. */
import { and, asc, eq, gt, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { addDays, vnInstant } from '../../../shared/domain/dates';
import { can, type Target } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../lib/context';
import { agencies } from '../org/org.table';
import { meetingAttendees, meetings } from './meetings.table';

/**
 * The meetings of these people that match `when` (a condition on the meeting's start and end), leaving out
 * cancelled meetings and declined invitations, ordered by start: one row per person and meeting, with
 * `readable` when the viewer may read the meeting (they attend it, organised it, or hold `meeting.read` on its
 * scope). Who-is-where (meetingStatuses, meetingsOnDay) shows the title only when it is readable.
 */
export async function attendeeMeetings(
  db: Db,
  viewer: CurrentUser,
  personIds: string[],
  when: SQL,
): Promise<{ personId: string; title: string; readable: boolean; startAt: Date; endAt: Date }[]> {
  if (!personIds.length) return [];
  const rows = await db
    .select({
      personId: meetingAttendees.personId,
      meetingId: meetings.id,
      title: meetings.title,
      agencyId: meetings.agencyId,
      agencyPath: agencies.path,
      unitId: meetings.unitId,
      organizerUserId: meetings.organizerUserId,
      startAt: meetings.startAt,
      endAt: meetings.endAt,
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .innerJoin(agencies, eq(agencies.id, meetings.agencyId))
    .where(and(inArray(meetingAttendees.personId, personIds), eq(meetings.status, 'scheduled'), sql`${meetingAttendees.response} <> 'declined'`, when))
    .orderBy(asc(meetings.startAt));
  if (!rows.length) return [];
  const attended = viewer.personId
    ? new Set(
        (
          await db
            .select({ meetingId: meetingAttendees.meetingId })
            .from(meetingAttendees)
            .where(and(eq(meetingAttendees.personId, viewer.personId), inArray(meetingAttendees.meetingId, [...new Set(rows.map((r) => r.meetingId))])))
        ).map((r) => r.meetingId),
      )
    : new Set<string>();
  return rows.map((r) => {
    const target: Target = { agencyId: r.agencyId, agencyPath: r.agencyPath, ...(r.unitId ? { unitId: r.unitId } : {}) };
    const readable = attended.has(r.meetingId) || r.organizerUserId === viewer.userId || can(viewer, 'meeting.read', target);
    return { personId: r.personId, title: r.title, readable, startAt: r.startAt, endAt: r.endAt };
  });
}

/**
 * "Đang họp" for who-is-where: the meeting going on at `at` for each of these people (not cancelled, not
 * declined), as a presence status. Its title is given only when the viewer may read that meeting (they
 * attend it, organised it, or hold `meeting.read` on its scope); otherwise the note is null.
 */
export async function meetingStatuses(
  db: Db,
  viewer: CurrentUser,
  personIds: string[],
  at: Date,
): Promise<Map<string, { status: 'meeting'; note: string | null; updatedAt: string }>> {
  const out = new Map<string, { status: 'meeting'; note: string | null; updatedAt: string }>();
  for (const r of await attendeeMeetings(db, viewer, personIds, and(lte(meetings.startAt, at), gt(meetings.endAt, at))!)) {
    if (!out.has(r.personId)) out.set(r.personId, { status: 'meeting', note: r.readable ? r.title : null, updatedAt: r.startAt.toISOString() });
  }
  return out;
}

/**
 * The meetings of people on one day (Vietnam time) for who-is-where: start, end, and the title when the viewer may
 * read the meeting (an attendee, its organiser, or `meeting.read` over it); cancelled meetings and declined
 * invitations are left out. Ordered by start.
 */
export async function meetingsOnDay(
  db: Db,
  viewer: CurrentUser,
  personIds: string[],
  date: string,
): Promise<Map<string, { startAt: string; endAt: string; title: string | null }[]>> {
  const out = new Map<string, { startAt: string; endAt: string; title: string | null }[]>();
  const dayStart = vnInstant(date, '00:00');
  const dayEnd = vnInstant(addDays(date, 1), '00:00');
  for (const r of await attendeeMeetings(db, viewer, personIds, and(lt(meetings.startAt, dayEnd), gt(meetings.endAt, dayStart))!)) {
    const list = out.get(r.personId) ?? [];
    list.push({ startAt: r.startAt.toISOString(), endAt: r.endAt.toISOString(), title: r.readable ? r.title : null });
    out.set(r.personId, list);
  }
  return out;
}
