/** Meetings in iCalendar: the invitation (or its cancel) in the app and by e-mail with invite.ics, and the personal calendar feed (secret token). */
import { createHash } from 'node:crypto';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { IN_PERSON_REASON_VI, KIND_VI, type FeedTokenView, type MeetingKind } from '../../../shared/contracts/meetings';
import { buildCalendar, type IcsEvent, type IcsMethod } from '../../../shared/domain/meetings/ics';
import { REMINDER_MINUTES } from '../../../shared/domain/meetings/rules';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { decryptText, encryptText } from '../auth/secret';
import { notify } from '../notifications/notify';
import { people } from '../org/org.table';
import { attendeesOf, timeVi, type AttendeeInfo, type MeetingRow } from './meetings.access';
import { meetingAttendees, meetingFeedTokens, meetings } from './meetings.table';

const ICS_CONTENT_TYPE = (method: IcsMethod) => `text/calendar; method=${method}; charset=UTF-8`;
const FEED_LOOKBACK_DAYS = 30;
const FEED_AHEAD_DAYS = 366;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

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
export async function sendInvitation(
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
