/** Meetings: loading one with what the user may do on it (the hidden 404 otherwise), its attendees and its view. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Attendance, MeetingKind, MeetingResponse, MeetingView } from '../../../shared/contracts/meetings';
import { formatDateVi, vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';
import { compareVietnameseNames } from '../../../shared/domain/org';
import { can, type Target } from '../../../shared/domain/permissions';
import { hhmmOf } from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget, hiddenNotFound } from '../../lib/scope';
import { documents } from '../documents/documents.table';
import { people, units } from '../org/org.table';
import { meetingAttendees, meetingReports, meetings } from './meetings.table';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;

export const timeVi = (d: Date) => `${hhmmOf(vnMinutesOf(d))} ngày ${formatDateVi(vnDateOf(d))}`;

// ---------------------------------------------------------------- access

export async function loadMeeting(db: Db, id: string): Promise<MeetingRow> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  return row;
}

async function targetOf(db: Db, m: MeetingRow): Promise<Target> {
  const a = await agencyTarget(db, m.agencyId);
  return { ...a, ...(m.unitId ? { unitId: m.unitId } : {}) };
}

export interface Access {
  target: Target;
  attendee: AttendeeRow | null;
  organizer: boolean;
  chair: boolean;
  read: boolean;
  edit: boolean;
  director: boolean;
}

async function accessOf(deps: Deps, user: CurrentUser, m: MeetingRow): Promise<Access> {
  const target = await targetOf(deps.db, m);
  const [attendee] = user.personId
    ? await deps.db
        .select()
        .from(meetingAttendees)
        .where(and(eq(meetingAttendees.meetingId, m.id), eq(meetingAttendees.personId, user.personId)))
        .limit(1)
    : [];
  const organizer = m.organizerUserId === user.userId;
  const chair = !!user.personId && m.chairPersonId === user.personId;
  const read = !!attendee || organizer || chair || can(user, 'meeting.read', target);
  const edit = organizer || chair || can(user, 'meeting.create', target);
  const director = user.grants.some((g) => (g.role === 'director' || g.role === 'deputy_director') && g.agencyId === m.agencyId);
  return { target, attendee: attendee ?? null, organizer, chair, read, edit, director };
}

/** The meeting and what the user may do, or the hidden 404 when they may not even read it. */
export async function readable(deps: Deps, user: CurrentUser, id: string): Promise<{ m: MeetingRow; a: Access }> {
  const m = await loadMeeting(deps.db, id);
  const a = await accessOf(deps, user, m);
  if (!a.read) throw hiddenNotFound();
  return { m, a };
}

export function assertScheduled(m: MeetingRow) {
  if (m.status === 'cancelled') throw new AppError('INVALID_STATE', 'Cuộc họp đã bị hủy.');
}

// ---------------------------------------------------------------- views

export interface AttendeeInfo extends AttendeeRow {
  fullName: string;
  email: string | null;
  unitName: string;
}

export async function attendeesOf(db: Db, meetingIds: string[]): Promise<AttendeeInfo[]> {
  if (!meetingIds.length) return [];
  return db
    .select({
      meetingId: meetingAttendees.meetingId,
      personId: meetingAttendees.personId,
      response: meetingAttendees.response,
      responseReason: meetingAttendees.responseReason,
      respondedAt: meetingAttendees.respondedAt,
      attendance: meetingAttendees.attendance,
      actingForPersonId: meetingAttendees.actingForPersonId,
      remindedAt: meetingAttendees.remindedAt,
      fullName: people.fullName,
      email: people.email,
      unitName: units.name,
    })
    .from(meetingAttendees)
    .innerJoin(people, eq(people.id, meetingAttendees.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(inArray(meetingAttendees.meetingId, meetingIds));
}

export async function presentMeeting(deps: Deps, user: CurrentUser, m: MeetingRow, a: Access): Promise<MeetingView> {
  const db = deps.db;
  const atts = await attendeesOf(db, [m.id]);
  const nameOf = new Map(atts.map((x) => [x.personId, x.fullName]));
  const missingNames = atts.filter((x) => x.actingForPersonId && !nameOf.has(x.actingForPersonId)).map((x) => x.actingForPersonId!);
  if (missingNames.length) {
    for (const p of await db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, missingNames)))
      nameOf.set(p.id, p.fullName);
  }
  const docs = m.documentIds.length
    ? await db
        .select({ id: documents.id, subject: documents.subject, numberText: documents.numberText, secrecy: documents.secrecy })
        .from(documents)
        .where(inArray(documents.id, m.documentIds))
    : [];
  const seeAllReports = a.director || a.organizer || a.chair;
  const reportRows =
    m.kind === 'outside' && (seeAllReports || a.attendee)
      ? await db
          .select({
            id: meetingReports.id,
            personId: meetingReports.personId,
            summary: meetingReports.summary,
            conclusions: meetingReports.conclusions,
            tasksProposed: meetingReports.tasksProposed,
            createdAt: meetingReports.createdAt,
            fullName: people.fullName,
          })
          .from(meetingReports)
          .innerJoin(people, eq(people.id, meetingReports.personId))
          .where(and(eq(meetingReports.meetingId, m.id), seeAllReports ? undefined : eq(meetingReports.personId, user.personId ?? '')))
          .orderBy(asc(meetingReports.createdAt))
      : [];
  const now = deps.clock.now();
  const started = now.getTime() >= m.startAt.getTime();
  return {
    id: m.id,
    agencyId: m.agencyId,
    unitId: m.unitId,
    title: m.title,
    kind: m.kind as MeetingKind,
    status: m.status as MeetingView['status'],
    startAt: m.startAt.toISOString(),
    endAt: m.endAt.toISOString(),
    place: m.place,
    onlineUrl: m.onlineUrl,
    agenda: m.agenda,
    inPersonReason: (m.inPersonReason as MeetingView['inPersonReason']) ?? null,
    inPersonNote: m.inPersonNote,
    cancelReason: m.cancelReason,
    organizerName: m.organizerName,
    chairPersonId: m.chairPersonId,
    sequence: m.sequence,
    version: m.version,
    attendees: atts
      .sort((x, y) => Number(y.personId === m.chairPersonId) - Number(x.personId === m.chairPersonId) || compareVietnameseNames(x.fullName, y.fullName))
      .map((x) => ({
        personId: x.personId,
        fullName: x.fullName,
        unitName: x.unitName,
        isChair: x.personId === m.chairPersonId,
        response: x.response as MeetingResponse,
        responseReason: x.responseReason,
        respondedAt: x.respondedAt?.toISOString() ?? null,
        attendance: (x.attendance as Attendance | null) ?? null,
        actingForName: x.actingForPersonId ? (nameOf.get(x.actingForPersonId) ?? null) : null,
      })),
    documents: docs.filter((d) => d.secrecy === 'none').map((d) => ({ id: d.id, label: [d.numberText, d.subject].filter(Boolean).join(' — ') || 'Văn bản' })),
    myRole: a.organizer ? 'organizer' : a.chair ? 'chair' : a.attendee ? 'attendee' : 'viewer',
    myResponse: (a.attendee?.response as MeetingResponse | undefined) ?? null,
    canEdit: a.edit && m.status === 'scheduled',
    canMarkAttendance: (a.organizer || a.chair) && m.status === 'scheduled' && started,
    canReport: m.kind === 'outside' && !!a.attendee && a.attendee.response !== 'declined' && m.status === 'scheduled' && started,
    reports: reportRows.map((r) => ({
      id: r.id,
      personId: r.personId,
      fullName: r.fullName,
      summary: r.summary,
      conclusions: r.conclusions,
      tasksProposed: r.tasksProposed,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
