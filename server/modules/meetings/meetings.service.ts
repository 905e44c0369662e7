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
import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  InviteeOptions,
  MeetingCancel,
  MeetingCreate,
  MeetingKind,
  MeetingList,
  MeetingListQuery,
  MeetingResponse,
  MeetingSummary,
  MeetingUpdate,
  MeetingView,
} from '../../../shared/contracts/meetings';
import { addDays, vnDateOf, vnInstant } from '../../../shared/domain/dates';
import { IN_PERSON_REASON_REQUIRED_VI, needsInPersonReason } from '../../../shared/domain/meetings/rules';
import { compareVietnameseNames } from '../../../shared/domain/org';
import { can, PERMISSIONS, type Target } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, forbidden, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget } from '../../lib/scope';
import { documents } from '../documents/documents.table';
import { activeActing } from '../leave/acting';
import { agencies, people, units } from '../org/org.table';
import { activePolicy } from '../policy/policy.resolve';
import { assertScheduled, attendeesOf, presentMeeting, readable, type MeetingRow } from './meetings.access';
import { sendInvitation } from './meetings.ics';
import { meetingAttendees, meetingReports, meetings } from './meetings.table';

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
    const { getDocumentAccess } = await import('../documents/documents.detail');
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
