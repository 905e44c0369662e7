/**
 * Meetings (issue 10 item 4, PRODUCT.md I1-I2): leaders and the Office invite people to a meeting held at
 * the agency, online, or outside (a conference the agency sends people to). Every attendee gets the
 * invitation in the app and by e-mail with an `invite.ics` (METHOD:REQUEST; an update sends a new
 * SEQUENCE, a cancel METHOD:CANCEL); answers, attendance, the report of an outside meeting to the
 * Director (I2). A leader whose acting deputy (ủy quyền, scope 'all') is in force on the meeting day has
 * the invitation sent to the deputy as well. During a WFH policy an in-person meeting needs a reason.
 *
 * Scope: attendees always see their own meetings; the organiser and the chair see theirs; others read
 * through `meeting.read` on the meeting's agency/unit; anyone else gets the hidden 404 (lib/scope.ts).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  IN_PERSON_REASON_VI,
  KIND_VI,
  type Attendance,
  type AttendanceMark,
  type FeedTokenView,
  type InviteeOptions,
  type MeetingCancel,
  type MeetingCreate,
  type MeetingKind,
  type MeetingList,
  type MeetingListQuery,
  type MeetingReportCreate,
  type MeetingRespond,
  type MeetingResponse,
  type MeetingSummary,
  type MeetingUpdate,
  type MeetingView,
} from '../../../shared/contracts/meetings';
import { addDays, formatDateVi, vnDateOf, vnInstant, vnMinutesOf } from '../../../shared/domain/dates';
import { buildCalendar, type IcsEvent, type IcsMethod } from '../../../shared/domain/meetings/ics';
import { IN_PERSON_REASON_REQUIRED_VI, needsInPersonReason, REMINDER_MINUTES } from '../../../shared/domain/meetings/rules';
import { compareVietnameseNames } from '../../../shared/domain/org';
import { can, PERMISSIONS, type Target } from '../../../shared/domain/permissions';
import { hhmmOf } from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { newId, randomToken } from '../../lib/ids';
import { agencyTarget, hiddenNotFound } from '../../lib/scope';
import { roleGrants, users } from '../auth/auth.table';
import { decryptText, encryptText } from '../auth/secret';
import { documents } from '../documents/documents.table';
import { activeActing } from '../leave/acting';
import { notify } from '../notifications/notify';
import { agencies, people, units } from '../org/org.table';
import { activePolicy } from '../policy/policy.resolve';
import { meetingAttendees, meetingFeedTokens, meetingReports, meetings } from './meetings.table';

type MeetingRow = typeof meetings.$inferSelect;
type AttendeeRow = typeof meetingAttendees.$inferSelect;

const ICS_CONTENT_TYPE = (method: IcsMethod) => `text/calendar; method=${method}; charset=UTF-8`;
const FEED_LOOKBACK_DAYS = 30;
const FEED_AHEAD_DAYS = 366;

export const timeVi = (d: Date) => `${hhmmOf(vnMinutesOf(d))} ngày ${formatDateVi(vnDateOf(d))}`;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

// ---------------------------------------------------------------- access

async function loadMeeting(db: Db, id: string): Promise<MeetingRow> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  return row;
}

async function targetOf(db: Db, m: MeetingRow): Promise<Target> {
  const a = await agencyTarget(db, m.agencyId);
  return { ...a, ...(m.unitId ? { unitId: m.unitId } : {}) };
}

interface Access {
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
async function readable(deps: Deps, user: CurrentUser, id: string): Promise<{ m: MeetingRow; a: Access }> {
  const m = await loadMeeting(deps.db, id);
  const a = await accessOf(deps, user, m);
  if (!a.read) throw hiddenNotFound();
  return { m, a };
}

function assertScheduled(m: MeetingRow) {
  if (m.status === 'cancelled') throw new AppError('INVALID_STATE', 'Cuộc họp đã bị hủy.');
}

// ---------------------------------------------------------------- views

interface AttendeeInfo extends AttendeeRow {
  fullName: string;
  email: string | null;
  unitName: string;
}

async function attendeesOf(db: Db, meetingIds: string[]): Promise<AttendeeInfo[]> {
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

async function presentMeeting(deps: Deps, user: CurrentUser, m: MeetingRow, a: Access): Promise<MeetingView> {
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

// ---------------------------------------------------------------- iCalendar

function mailFromAddress(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1]! : from).trim();
}

function appLink(deps: Deps, id: string): string {
  return `${deps.config.PUBLIC_URL.replace(/\/$/, '')}/meetings/${id}`;
}

function locationOf(m: Pick<MeetingRow, 'place' | 'onlineUrl' | 'kind'>): string | null {
  if (m.kind === 'online') return m.place ? `${m.place} — Trực tuyến: ${m.onlineUrl}` : `Trực tuyến: ${m.onlineUrl}`;
  return m.place;
}

async function icsEvent(deps: Deps, tx: Db, m: MeetingRow, atts: AttendeeInfo[], opts: { attendees: boolean }): Promise<IcsEvent> {
  const [org] = m.organizerPersonId ? await tx.select({ email: people.email }).from(people).where(eq(people.id, m.organizerPersonId)) : [];
  const link = appLink(deps, m.id);
  const lines = [KIND_VI[m.kind as MeetingKind]];
  if (m.onlineUrl) lines.push(`Đường dẫn họp: ${m.onlineUrl}`);
  if (m.inPersonReason) lines.push(`Họp trực tiếp: ${IN_PERSON_REASON_VI[m.inPersonReason as keyof typeof IN_PERSON_REASON_VI]}`);
  if (m.agenda) lines.push('', m.agenda);
  if (m.status === 'cancelled' && m.cancelReason) lines.push('', `Lý do hủy: ${m.cancelReason}`);
  lines.push('', `Chi tiết: ${link}`);
  return {
    uid: `${m.id}@congvu`,
    sequence: m.sequence,
    stamp: deps.clock.now(),
    start: m.startAt,
    end: m.endAt,
    summary: m.title,
    location: locationOf(m),
    url: m.onlineUrl ?? link,
    description: lines.join('\n'),
    organizer: { name: m.organizerName, email: org?.email ?? mailFromAddress(deps.config.MAIL_FROM) },
    attendees: opts.attendees
      ? atts
          .filter((x) => !!x.email)
          .map((x) => ({
            name: x.fullName,
            email: x.email!,
            role: x.personId === m.chairPersonId ? 'CHAIR' : 'REQ-PARTICIPANT',
            partstat: x.response === 'accepted' ? 'ACCEPTED' : x.response === 'declined' ? 'DECLINED' : 'NEEDS-ACTION',
          }))
      : [],
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    alarmMinutes: REMINDER_MINUTES,
  };
}

/** Sends the invitation (or its cancel) to the given attendees: in the app and by e-mail with `invite.ics`. */
async function sendInvitation(
  deps: Deps,
  tx: Db,
  m: MeetingRow,
  personIds: string[],
  method: 'REQUEST' | 'CANCEL',
  kind: 'meeting.invite' | 'meeting.update' | 'meeting.cancel',
): Promise<void> {
  if (!personIds.length) return;
  const atts = await attendeesOf(tx, [m.id]);
  const event = await icsEvent(deps, tx, m, atts, { attendees: true });
  const content = buildCalendar({ method, events: [event] });
  const when = `${timeVi(m.startAt)}`;
  const where = m.kind === 'online' ? `trực tuyến (${m.onlineUrl})` : (m.place ?? '');
  const title =
    kind === 'meeting.cancel'
      ? `Hủy cuộc họp: ${m.title} (${when})`
      : kind === 'meeting.update'
        ? `Thay đổi cuộc họp: ${m.title} — ${when}`
        : `Mời họp: ${m.title} — ${when}`;
  const body =
    kind === 'meeting.cancel'
      ? `${m.organizerName} đã hủy cuộc họp "${m.title}" lúc ${when}.${m.cancelReason ? ` Lý do: ${m.cancelReason}.` : ''}`
      : `${m.organizerName} mời đồng chí dự "${m.title}" lúc ${when}, ${where}. Vui lòng trả lời Tham dự hoặc Không tham dự.`;
  await notify(tx, deps.clock, {
    personIds,
    kind,
    title,
    body,
    link: `/meetings/${m.id}`,
    email: true,
    attachments: [{ filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: ICS_CONTENT_TYPE(method), content }],
  });
}

// ---------------------------------------------------------------- create / update / cancel

interface Checked {
  attendees: Array<{ personId: string; actingForPersonId: string | null }>;
  documentIds: string[];
}

/** Attendees (active people of the agency), the chair, documents (readable, never secret), the in-person rule, acting deputies. */
async function checkInput(deps: Deps, user: CurrentUser, agencyId: string, input: MeetingCreate): Promise<Checked> {
  const db = deps.db;
  // The chair is invited too (unless they are the one inviting).
  const chair =
    input.chairPersonId && input.chairPersonId !== user.personId && !input.attendeePersonIds.includes(input.chairPersonId) ? input.chairPersonId : null;
  const ids = chair ? [...input.attendeePersonIds, chair] : input.attendeePersonIds;
  const pathOf = (i: number) => (i < input.attendeePersonIds.length ? `body.attendeePersonIds[${i}]` : 'body.chairPersonId');
  const found = await db
    .select({ id: people.id, agencyId: people.agencyId, active: people.active, fullName: people.fullName })
    .from(people)
    .where(inArray(people.id, ids));
  const byId = new Map(found.map((p) => [p.id, p]));
  ids.forEach((pid, i) => {
    const p = byId.get(pid);
    if (!p || p.agencyId !== agencyId) throw invalid(pathOf(i), 'Không tìm thấy cán bộ này trong cơ quan.');
    if (!p.active) throw invalid(pathOf(i), `${p.fullName} không còn công tác.`);
  });
  const docIds = [...new Set(input.documentIds ?? [])];
  if (docIds.length) {
    const rows = await db
      .select({ id: documents.id, agencyId: documents.agencyId, secrecy: documents.secrecy })
      .from(documents)
      .where(inArray(documents.id, docIds));
    const docById = new Map(rows.map((d) => [d.id, d]));
    const { getDocumentAccess } = await import('../documents/documents.service');
    for (const [i, id] of docIds.entries()) {
      const d = docById.get(id);
      if (!d || d.agencyId !== agencyId) throw invalid(`body.documentIds[${i}]`, 'Không tìm thấy văn bản hoặc bạn không có quyền xem văn bản này.');
      if (d.secrecy !== 'none') throw invalid(`body.documentIds[${i}]`, 'Không gắn văn bản mật vào cuộc họp: văn bản mật chỉ được chuyển bằng giấy.');
      try {
        await getDocumentAccess(deps, user, id);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN'))
          throw invalid(`body.documentIds[${i}]`, 'Không tìm thấy văn bản hoặc bạn không có quyền xem văn bản này.');
        throw err;
      }
    }
  }
  const start = new Date(input.startAt);
  const date = vnDateOf(start);
  if (input.kind !== 'online') {
    const [agency] = await db.select({ id: agencies.id, path: agencies.path, district: agencies.district }).from(agencies).where(eq(agencies.id, agencyId));
    const policy = agency ? await activePolicy(db, agency, date) : null;
    if (needsInPersonReason(input.kind, !!policy) && !input.inPersonReason) throw invalid('body.inPersonReason', IN_PERSON_REASON_REQUIRED_VI);
  }
  // Acting (ủy quyền) with scope 'all' on the meeting day: the deputy is invited too.
  const attendees: Checked['attendees'] = ids.map((personId) => ({ personId, actingForPersonId: null }));
  const invited = new Set(ids);
  for (const pid of ids) {
    const acting = await activeActing(db, pid, date);
    if (acting && acting.scope === 'all' && !invited.has(acting.deputyPersonId)) {
      invited.add(acting.deputyPersonId);
      attendees.push({ personId: acting.deputyPersonId, actingForPersonId: pid });
    }
  }
  return { attendees, documentIds: docIds };
}

function assertFuture(deps: Deps, input: { startAt: string }, path = 'body.startAt') {
  const start = Date.parse(input.startAt);
  const now = deps.clock.now().getTime();
  if (start < now - 5 * 60_000) throw invalid(path, 'Giờ bắt đầu phải sau thời điểm hiện tại.');
  if (start > now + 366 * 86_400_000) throw invalid(path, 'Chỉ lên lịch họp trong vòng một năm tới.');
}

function fieldsOf(input: MeetingCreate) {
  return {
    title: input.title,
    kind: input.kind,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    agenda: input.agenda ?? null,
    inPersonReason: input.kind === 'online' ? null : (input.inPersonReason ?? null),
    inPersonNote: input.kind === 'online' ? null : (input.inPersonNote ?? null),
    chairPersonId: input.chairPersonId ?? null,
  };
}

export async function createMeeting(deps: Deps, user: CurrentUser, input: MeetingCreate): Promise<MeetingView> {
  if (!user.agencyId) throw forbidden('Tài khoản chưa gắn với cơ quan nào nên không mời họp được.');
  const target: Target = { ...(await agencyTarget(deps.db, user.agencyId)), ...(user.unitId ? { unitId: user.unitId } : {}) };
  if (!can(user, 'meeting.create', target)) throw forbidden('Chỉ lãnh đạo và Văn phòng được mời họp.');
  assertFuture(deps, input);
  const checked = await checkInput(deps, user, user.agencyId, input);
  const now = deps.clock.now();
  const id = newId('mtg');
  const agencyId = user.agencyId;
  await deps.db.transaction(async (tx) => {
    await tx.insert(meetings).values({
      id,
      agencyId,
      unitId: user.unitId,
      ...fieldsOf(input),
      documentIds: checked.documentIds,
      organizerUserId: user.userId,
      organizerPersonId: user.personId,
      organizerName: user.displayName,
      status: 'scheduled',
      sequence: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(meetingAttendees).values(checked.attendees.map((x) => ({ meetingId: id, ...x, response: 'pending' })));
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, id));
    await sendInvitation(
      deps,
      tx,
      m!,
      checked.attendees.map((x) => x.personId),
      'REQUEST',
      'meeting.invite',
    );
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.create',
      entity: 'meeting',
      entityId: id,
      agencyId,
      data: { title: input.title, kind: input.kind, startAt: input.startAt, endAt: input.endAt, attendees: checked.attendees.map((x) => x.personId) },
    });
  });
  return getMeeting(deps, user, id);
}

export async function updateMeeting(deps: Deps, user: CurrentUser, id: string, input: MeetingUpdate): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  if (!a.edit) throw forbidden('Chỉ người mời họp, người chủ trì hoặc lãnh đạo được sửa cuộc họp.');
  assertScheduled(m);
  if (m.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (Date.parse(input.startAt) !== m.startAt.getTime()) assertFuture(deps, input);
  const checked = await checkInput(deps, user, m.agencyId, input);
  const fields = fieldsOf(input);
  const timeChanged = fields.startAt.getTime() !== m.startAt.getTime() || fields.endAt.getTime() !== m.endAt.getTime();
  const placeChanged = fields.place !== m.place || fields.onlineUrl !== m.onlineUrl || fields.kind !== m.kind;
  await deps.db.transaction(async (tx) => {
    const updated = await reviseScheduled(tx, deps, id, input.version, { ...fields, documentIds: checked.documentIds });
    const before = await tx.select({ personId: meetingAttendees.personId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    const keep = new Set(checked.attendees.map((x) => x.personId));
    const removed = before.map((b) => b.personId).filter((p) => !keep.has(p));
    const existing = new Set(before.map((b) => b.personId));
    // Removed attendees receive the cancel of their invitation (same UID, the new SEQUENCE).
    if (removed.length) {
      await sendInvitation(deps, tx, { ...updated, status: 'cancelled' }, removed, 'CANCEL', 'meeting.cancel');
      await tx.delete(meetingAttendees).where(and(eq(meetingAttendees.meetingId, id), inArray(meetingAttendees.personId, removed)));
    }
    const added = checked.attendees.filter((x) => !existing.has(x.personId));
    if (added.length) await tx.insert(meetingAttendees).values(added.map((x) => ({ meetingId: id, ...x, response: 'pending' })));
    // A new time or place asks everyone again (RFC 5546: PARTSTAT back to NEEDS-ACTION); a new start reminds again.
    if (timeChanged || placeChanged)
      await tx
        .update(meetingAttendees)
        .set({ response: 'pending', responseReason: null, respondedAt: null, ...(timeChanged ? { remindedAt: null } : {}) })
        .where(eq(meetingAttendees.meetingId, id));
    await sendInvitation(deps, tx, updated, [...keep], 'REQUEST', 'meeting.update');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      agencyId: m.agencyId,
      data: { sequence: updated.sequence, startAt: input.startAt, endAt: input.endAt, added: added.map((x) => x.personId), removed },
    });
  });
  return getMeeting(deps, user, id);
}

/**
 * Inside a transaction: writes `changes` to a meeting still scheduled at `version`, with the next SEQUENCE
 * (RFC 5545: attendees' calendars replace the event) and the next version; otherwise VERSION_CONFLICT.
 */
async function reviseScheduled(tx: Db, deps: Pick<Deps, 'clock'>, id: string, version: number, changes: Partial<MeetingRow>): Promise<MeetingRow> {
  const [updated] = await tx
    .update(meetings)
    .set({ ...changes, sequence: sql`${meetings.sequence} + 1`, version: sql`${meetings.version} + 1`, updatedAt: deps.clock.now() })
    .where(and(eq(meetings.id, id), eq(meetings.version, version), eq(meetings.status, 'scheduled')))
    .returning();
  if (!updated) throw new AppError('VERSION_CONFLICT');
  return updated;
}

/** Cancels (METHOD:CANCEL to every attendee). Idempotent: a cancelled meeting is returned as it is. */
export async function cancelMeeting(deps: Deps, user: CurrentUser, id: string, input: MeetingCancel): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  if (!a.edit) throw forbidden('Chỉ người mời họp, người chủ trì hoặc lãnh đạo được hủy cuộc họp.');
  if (m.status === 'cancelled') return presentMeeting(deps, user, m, a);
  if (m.version !== input.version) throw new AppError('VERSION_CONFLICT');
  await deps.db.transaction(async (tx) => {
    const updated = await reviseScheduled(tx, deps, id, input.version, { status: 'cancelled', cancelReason: input.reason });
    const atts = await tx.select({ personId: meetingAttendees.personId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    await sendInvitation(
      deps,
      tx,
      updated,
      atts.map((x) => x.personId),
      'CANCEL',
      'meeting.cancel',
    );
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.cancel',
      entity: 'meeting',
      entityId: id,
      agencyId: m.agencyId,
      data: { reason: input.reason, sequence: updated.sequence },
    });
  });
  return getMeeting(deps, user, id);
}

// ---------------------------------------------------------------- reads

export async function getMeeting(deps: Deps, user: CurrentUser, id: string): Promise<MeetingView> {
  const { m, a } = await readable(deps, user, id);
  return presentMeeting(deps, user, m, a);
}

/** Conditions of the meetings the user reads through `meeting.read` (agency, unit or subtree grants). */
function scopeCondition(user: CurrentUser): SQL | undefined {
  const parts: SQL[] = [];
  for (const g of user.grants) {
    const reach = PERMISSIONS['meeting.read'][g.role];
    if (!reach) continue;
    if (reach === 'agency') parts.push(eq(meetings.agencyId, g.agencyId));
    else if (reach === 'unit' && g.unitId) parts.push(and(eq(meetings.agencyId, g.agencyId), eq(meetings.unitId, g.unitId))!);
    else if (reach === 'subtree')
      parts.push(sql`${meetings.agencyId} in (select ${agencies.id} from ${agencies} where ${agencies.path} like ${`${g.agencyPath}%`})`);
  }
  return parts.length ? or(...parts) : undefined;
}

export async function listMeetings(deps: Deps, user: CurrentUser, q: MeetingListQuery): Promise<MeetingList> {
  const today = vnDateOf(deps.clock.now());
  const from = q.from ?? today;
  const to = q.to ?? addDays(from, 60);
  if (to < from) throw invalid('query.to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
  if (to > addDays(from, 400)) throw invalid('query.to', 'Chỉ xem tối đa 400 ngày một lần.');
  const mineIds = user.personId
    ? sql`${meetings.id} in (select ${meetingAttendees.meetingId} from ${meetingAttendees} where ${meetingAttendees.personId} = ${user.personId})`
    : sql`false`;
  const mine = or(mineIds, eq(meetings.organizerUserId, user.userId), user.personId ? eq(meetings.chairPersonId, user.personId) : undefined)!;
  const scoped = q.mine === '0' ? scopeCondition(user) : undefined;
  const rows = await deps.db
    .select()
    .from(meetings)
    .where(and(scoped ? or(mine, scoped) : mine, gte(meetings.endAt, vnInstant(from, '00:00')), lt(meetings.startAt, vnInstant(addDays(to, 1), '00:00'))))
    .orderBy(asc(meetings.startAt))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const atts = await attendeesOf(deps.db, ids);
  const reports = ids.length
    ? await deps.db
        .select({ meetingId: meetingReports.meetingId, n: sql<number>`count(*)::int` })
        .from(meetingReports)
        .where(inArray(meetingReports.meetingId, ids))
        .groupBy(meetingReports.meetingId)
    : [];
  const reportCount = new Map(reports.map((r) => [r.meetingId, Number(r.n)]));
  const list: MeetingSummary[] = rows.map((m) => {
    const mineAtt = atts.find((x) => x.meetingId === m.id && x.personId === user.personId);
    return {
      id: m.id,
      title: m.title,
      kind: m.kind as MeetingKind,
      status: m.status as MeetingSummary['status'],
      startAt: m.startAt.toISOString(),
      endAt: m.endAt.toISOString(),
      place: m.place,
      onlineUrl: m.onlineUrl,
      myResponse: (mineAtt?.response as MeetingResponse | undefined) ?? null,
      attendeeCount: atts.filter((x) => x.meetingId === m.id).length,
      reportCount: reportCount.get(m.id) ?? 0,
    };
  });
  return { meetings: list, canCreate: await canCreateSomewhere(deps, user) };
}

async function canCreateSomewhere(deps: Deps, user: CurrentUser): Promise<boolean> {
  if (!user.agencyId) return false;
  const target: Target = { ...(await agencyTarget(deps.db, user.agencyId)), ...(user.unitId ? { unitId: user.unitId } : {}) };
  return can(user, 'meeting.create', target);
}

/** People the user may invite: the active people of their agency, by unit (for the attendee picker). */
export async function invitees(deps: Deps, user: CurrentUser): Promise<InviteeOptions> {
  if (!(await canCreateSomewhere(deps, user))) throw forbidden('Chỉ lãnh đạo và Văn phòng được mời họp.');
  const rows = await deps.db
    .select({ personId: people.id, fullName: people.fullName, unitId: units.id, unitName: units.name, position: people.position, sortOrder: units.sortOrder })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.agencyId, user.agencyId!), eq(people.active, true)))
    .orderBy(asc(units.sortOrder), asc(units.name));
  return {
    people: rows
      .sort((a, b) => a.sortOrder - b.sortOrder || a.unitName.localeCompare(b.unitName, 'vi') || compareVietnameseNames(a.fullName, b.fullName))
      .map(({ sortOrder: _s, ...p }) => p),
  };
}

// ---------------------------------------------------------------- answers, attendance, reports

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

// ---------------------------------------------------------------- calendar feed

function feedUrls(deps: Deps, token: string): { httpsUrl: string; webcalUrl: string } {
  const httpsUrl = `${deps.config.PUBLIC_URL.replace(/\/$/, '')}/api/meetings/feed/${token}.ics`;
  return { httpsUrl, webcalUrl: httpsUrl.replace(/^https?:\/\//, 'webcal://') };
}

function requirePerson(user: CurrentUser): string {
  if (!user.personId) throw forbidden('Tài khoản chưa gắn với cán bộ nào nên không có lịch họp.');
  return user.personId;
}

export async function getFeedToken(deps: Deps, user: CurrentUser): Promise<FeedTokenView> {
  const personId = requirePerson(user);
  const [row] = await deps.db.select().from(meetingFeedTokens).where(eq(meetingFeedTokens.personId, personId));
  if (!row) return { httpsUrl: null, webcalUrl: null, createdAt: null };
  return { ...feedUrls(deps, decryptText(deps.config, row.tokenEnc)), createdAt: row.createdAt.toISOString() };
}

/** Makes (or replaces) the person's feed token: the previous URL stops working at once. */
export async function regenerateFeedToken(deps: Deps, user: CurrentUser): Promise<FeedTokenView> {
  const personId = requirePerson(user);
  const token = randomToken(32);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const values = { tokenHash: hash(token), tokenEnc: encryptText(deps.config, token), createdAt: now };
    await tx
      .insert(meetingFeedTokens)
      .values({ personId, ...values })
      .onConflictDoUpdate({ target: meetingFeedTokens.personId, set: values });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'meeting.feed_token',
      entity: 'person',
      entityId: personId,
      agencyId: user.agencyId,
      data: { regenerated: true },
    });
  });
  return { ...feedUrls(deps, token), createdAt: now.toISOString() };
}

/** The iCalendar feed of a token (METHOD:PUBLISH), or null for an unknown token. */
export async function feedCalendar(deps: Deps, file: string): Promise<string | null> {
  const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  if (!m) return null;
  const [row] = await deps.db
    .select({ personId: meetingFeedTokens.personId, fullName: people.fullName })
    .from(meetingFeedTokens)
    .innerJoin(people, eq(people.id, meetingFeedTokens.personId))
    .where(eq(meetingFeedTokens.tokenHash, hash(m[1]!)));
  if (!row) return null;
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ m: meetings, response: meetingAttendees.response })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(
      and(
        eq(meetingAttendees.personId, row.personId),
        gte(meetings.endAt, new Date(now.getTime() - FEED_LOOKBACK_DAYS * 86_400_000)),
        lte(meetings.startAt, new Date(now.getTime() + FEED_AHEAD_DAYS * 86_400_000)),
      ),
    )
    .orderBy(asc(meetings.startAt))
    .limit(1000);
  const events: IcsEvent[] = [];
  for (const r of rows) {
    const ev = await icsEvent(deps, deps.db, r.m, [], { attendees: false });
    // A declined meeting stays in the feed as cancelled for this person, so calendars drop it.
    events.push(r.response === 'declined' ? { ...ev, status: 'CANCELLED' } : ev);
  }
  return buildCalendar({ method: 'PUBLISH', name: `Lịch họp — ${row.fullName}`, events });
}

// ---------------------------------------------------------------- reminder (tick) and who-is-where

/**
 * Reminds attendees who accepted or have not answered, 15 minutes before the start. Exactly once across
 * ticks and app servers: `reminded_at` is set by UPDATE … WHERE reminded_at IS NULL RETURNING inside the
 * transaction of the notification, and only the rows it returned are notified.
 */
export async function remindDueMeetings(deps: Pick<Deps, 'db' | 'clock'>, now: Date = deps.clock.now()): Promise<number> {
  const soon = new Date(now.getTime() + REMINDER_MINUTES * 60_000);
  return deps.db.transaction(async (tx) => {
    const due = tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.status, 'scheduled'), lte(meetings.startAt, soon), gt(meetings.startAt, now)));
    const marked = await tx
      .update(meetingAttendees)
      .set({ remindedAt: now })
      .where(and(inArray(meetingAttendees.meetingId, due), isNull(meetingAttendees.remindedAt), inArray(meetingAttendees.response, ['pending', 'accepted'])))
      .returning({ meetingId: meetingAttendees.meetingId, personId: meetingAttendees.personId });
    if (!marked.length) return 0;
    const byMeeting = new Map<string, string[]>();
    for (const r of marked) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r.personId]);
    const rows = await tx
      .select()
      .from(meetings)
      .where(inArray(meetings.id, [...byMeeting.keys()]));
    for (const m of rows) {
      const hhmm = hhmmOf(vnMinutesOf(m.startAt));
      const where = m.kind === 'online' ? (m.onlineUrl ?? '') : (m.place ?? '');
      await notify(tx, deps.clock, {
        personIds: byMeeting.get(m.id)!,
        kind: 'meeting.reminder',
        title: `Cuộc họp "${m.title}" bắt đầu lúc ${hhmm}`,
        body: `Cuộc họp "${m.title}" bắt đầu lúc ${hhmm} — ${where}`,
        link: `/meetings/${m.id}`,
      });
    }
    return marked.length;
  });
}

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
