/**
 * The meetings tick, called every minute by the scheduler (server/modules/jobs/scheduler.ts): 15 minutes
 * before a meeting starts, its attendees who accepted or have not answered are reminded ("Cuộc họp …
 * bắt đầu lúc 14:00 — link"). Exactly once across ticks and app servers (see `remindDueMeetings`).
 */
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { vnMinutesOf } from '../../../shared/domain/dates';
import { REMINDER_MINUTES } from '../../../shared/domain/meetings/rules';
import { hhmmOf } from '../../../shared/domain/presence';
import type { Deps } from '../../lib/context';
import { notify } from '../notifications/notify';
import { meetingAttendees, meetings } from './meetings.table';

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

export async function runMeetingsTick(deps: Deps, now: Date): Promise<{ reminded: number }> {
  return { reminded: await remindDueMeetings(deps, now) };
}
