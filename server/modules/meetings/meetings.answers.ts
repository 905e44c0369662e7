/** Meetings after the invitation: an attendee's answer, attendance marked by the organiser or the chair, the report of an outside meeting (I2). */
import { and, eq } from 'drizzle-orm';
import type { AttendanceMark, MeetingReportCreate, MeetingRespond, MeetingResponse, MeetingView } from '../../../shared/contracts/meetings';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { roleGrants, users } from '../auth/auth.table';
import { notify } from '../notifications/notify';
import { assertScheduled, presentMeeting, readable, timeVi } from './meetings.access';
import { getMeeting } from './meetings.service';
import { meetingAttendees, meetingReports } from './meetings.table';

/** The attendee answers (idempotent: the same answer again changes nothing). A decline tells the organiser. */
export async function respond(deps: Deps, user: CurrentUser, id: string, input: MeetingRespond): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  if (!a.attendee) throw forbidden('Chỉ người được mời mới trả lời lời mời họp.');
  assertScheduled(m);
  if (deps.clock.now().getTime() >= m.endAt.getTime()) throw new AppError('INVALID_STATE', 'Cuộc họp đã kết thúc.');
  const response: MeetingResponse = input.answer === 'accept' ? 'accepted' : 'declined';
  const reason = input.answer === 'decline' ? (input.reason ?? null) : null;
  if (a.attendee.response === response && a.attendee.responseReason === reason) return presentMeeting(deps, user, m, a);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(meetingAttendees)
      .set({ response, responseReason: reason, respondedAt: deps.clock.now() })
      .where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.personId, user.personId!)));
    if (response === 'declined')
      await notify(tx, deps.clock, {
        userIds: [m.organizerUserId],
        kind: 'meeting.declined',
        title: `${user.displayName} không tham dự: ${m.title}`,
        body: `Lý do: ${reason}`,
        link: `/meetings/${m.id}`,
      });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.respond',
      entity: 'meeting',
      entityId: id,
      agencyId: m.agencyId,
      data: { response, reason },
    });
  });
  return getMeeting(deps, user, id);
}

/** The organiser or the chair marks attendance once the meeting has started (idempotent). */
export async function markAttendance(deps: Deps, user: CurrentUser, id: string, input: AttendanceMark): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  if (!a.organizer && !a.chair) throw forbidden('Chỉ người mời họp hoặc người chủ trì được điểm danh cuộc họp.');
  assertScheduled(m);
  if (deps.clock.now().getTime() < m.startAt.getTime()) throw new AppError('INVALID_STATE', `Cuộc họp chưa bắt đầu (${timeVi(m.startAt)}).`);
  const atts = await deps.db.select({ personId: meetingAttendees.personId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
  const invited = new Set(atts.map((x) => x.personId));
  input.marks.forEach((mk, i) => {
    if (!invited.has(mk.personId)) throw invalid(`body.marks[${i}].personId`, 'Người này không có trong danh sách mời họp.');
  });
  await deps.db.transaction(async (tx) => {
    for (const mk of input.marks)
      await tx
        .update(meetingAttendees)
        .set({ attendance: mk.attendance })
        .where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.personId, mk.personId)));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.attendance',
      entity: 'meeting',
      entityId: id,
      agencyId: m.agencyId,
      data: { marks: input.marks },
    });
  });
  return getMeeting(deps, user, id);
}

/** Director accounts (director, deputy directors) of an agency. */
async function directorUsers(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.agencyId, agencyId), eq(roleGrants.role, 'director')));
  return [...new Set(rows.map((r) => r.userId))];
}

/** An attendee of an outside meeting reports to the Director after it (I2); filing again replaces the report. */
export async function fileReport(deps: Deps, user: CurrentUser, id: string, input: MeetingReportCreate): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  if (m.kind !== 'outside') throw new AppError('INVALID_STATE', 'Chỉ báo cáo kết quả sau hội nghị, cuộc họp bên ngoài.');
  if (!a.attendee) throw forbidden('Chỉ người được cử đi dự mới báo cáo kết quả.');
  if (a.attendee.response === 'declined') throw new AppError('INVALID_STATE', 'Đồng chí đã báo không tham dự cuộc họp này.');
  assertScheduled(m);
  if (deps.clock.now().getTime() < m.startAt.getTime()) throw new AppError('INVALID_STATE', `Cuộc họp chưa diễn ra (${timeVi(m.startAt)}).`);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tx
      .insert(meetingReports)
      .values({
        id: newId('mrp'),
        meetingId: id,
        personId: user.personId!,
        summary: input.summary,
        conclusions: input.conclusions,
        tasksProposed: input.tasksProposed ?? null,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [meetingReports.meetingId, meetingReports.personId],
        set: { summary: input.summary, conclusions: input.conclusions, tasksProposed: input.tasksProposed ?? null, createdAt: now },
      });
    const directors = await directorUsers(tx, m.agencyId);
    await notify(tx, deps.clock, {
      userIds: [...new Set([...directors, m.organizerUserId])].filter((u) => u !== user.userId),
      kind: 'meeting.report',
      title: `Báo cáo kết quả: ${m.title}`,
      body: `${user.displayName} báo cáo kết quả dự "${m.title}" (${timeVi(m.startAt)}).`,
      link: `/meetings/${m.id}`,
      email: true,
    });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.report',
      entity: 'meeting',
      entityId: id,
      agencyId: m.agencyId,
      data: { summary: input.summary.slice(0, 200) },
    });
  });
  return getMeeting(deps, user, id);
}
