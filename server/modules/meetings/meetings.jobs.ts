/**
 * The meetings tick, called every minute by the scheduler (server/modules/jobs/scheduler.ts): 15 minutes
 * before a meeting starts, its attendees who accepted or have not answered are reminded ("Cuộc họp …
 * bắt đầu lúc 14:00 — link"). Exactly once across ticks and app servers (see `remindDueMeetings`).
 */
import type { Deps } from '../../lib/context';
import { remindDueMeetings } from './meetings.service';

export async function runMeetingsTick(deps: Deps, now: Date): Promise<{ reminded: number }> {
  return { reminded: await remindDueMeetings(deps, now) };
}
