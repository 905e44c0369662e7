/**
 * Presence rules (D1, D2): the two working sessions of a day from the policy hours, when a person at
 * home may check in, how late a check-in is, the state of a session at a time, and when a reminder,
 * the unit head's "missing" list and a summons escalation are due. Pure and isomorphic: times are
 * minutes since local midnight (Asia/Ho_Chi_Minh), so the web app computes the same states.
 */
import { addDays } from './dates';

export const SESSIONS = ['morning', 'afternoon'] as const;
export type Session = (typeof SESSIONS)[number];

export const SESSION_LABELS_VI: Record<Session, string> = { morning: 'buổi sáng', afternoon: 'buổi chiều' };

/** Availability of a person during working hours: sẵn sàng / đang họp / tạm vắng. */
export const PRESENCE_STATUSES = ['ready', 'in_meeting', 'away'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export const PRESENCE_STATUS_LABELS_VI: Record<PresenceStatus, string> = { ready: 'Sẵn sàng', in_meeting: 'Đang họp', away: 'Tạm vắng' };

/** Where the person checks in from: the registered place of work at home, or another place (with a reason). */
export const CHECKIN_PLACES = ['registered', 'other'] as const;
export type CheckinPlace = (typeof CHECKIN_PLACES)[number];

/**
 * pending → acknowledged | escalated (30 min without acknowledgement) → acknowledged; any open one → cancelled;
 * the person may answer "không thể đến" with a reason (declined) instead of acknowledging, or after.
 */
export const SUMMONS_STATUSES = ['pending', 'acknowledged', 'escalated', 'cancelled', 'declined'] as const;
export type SummonsStatus = (typeof SUMMONS_STATUSES)[number];
export const SUMMONS_STATUS_LABELS_VI: Record<SummonsStatus, string> = {
  pending: 'Chờ xác nhận',
  acknowledged: 'Đã xác nhận',
  escalated: 'Quá hạn xác nhận, đã báo Trưởng phòng',
  cancelled: 'Đã hủy',
  declined: 'Không thể đến',
};

/** Working hours of a policy (`HH:MM`, local time). */
export interface WorkingHours {
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
}

/** Seed 000: "Buổi sáng: 07 giờ đến 11 giờ 30 phút; Buổi chiều: 13 giờ 30 phút đến 17 giờ" (when no policy applies). */
export const DEFAULT_WORKING_HOURS: WorkingHours = { morningStart: '07:00', morningEnd: '11:30', afternoonStart: '13:30', afternoonEnd: '17:00' };

/** Check-in opens this many minutes before a session starts. */
export const CHECKIN_OPENS_BEFORE_MINUTES = 30;
/** Not checked in this many minutes after the start → reminder to the person. */
export const REMINDER_AFTER_MINUTES = 15;
/** Not checked in this many minutes after the start → listed for the unit head. */
export const MISSING_AFTER_MINUTES = 30;
/** A summons not acknowledged within this many minutes is escalated to the unit head. */
export const SUMMONS_ESCALATE_AFTER_MINUTES = 30;

/** Minutes since midnight of `HH:MM`. */
export function minutesOfHhmm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** `HH:MM` of minutes since midnight. */
export function hhmmOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export interface SessionWindow {
  session: Session;
  /** Minutes since midnight. */
  start: number;
  end: number;
  /** First minute a check-in is accepted (start − 30). */
  opens: number;
}

export function sessionWindow(hours: WorkingHours, session: Session): SessionWindow {
  const start = minutesOfHhmm(session === 'morning' ? hours.morningStart : hours.afternoonStart);
  const end = minutesOfHhmm(session === 'morning' ? hours.morningEnd : hours.afternoonEnd);
  return { session, start, end, opens: start - CHECKIN_OPENS_BEFORE_MINUTES };
}

export function sessionWindows(hours: WorkingHours): SessionWindow[] {
  return SESSIONS.map((s) => sessionWindow(hours, s));
}

/** The session whose check-in window [start − 30 min, end) contains the time, or null (before, between, after). */
export function currentSession(hours: WorkingHours, minutes: number): Session | null {
  for (const w of sessionWindows(hours)) if (minutes >= w.opens && minutes < w.end) return w.session;
  return null;
}

/** Minutes late of a check-in at `minutes` (0 when on time or early). */
export function lateMinutes(hours: WorkingHours, session: Session, minutes: number): number {
  return Math.max(0, minutes - sessionWindow(hours, session).start);
}

export type CheckinDecision = { ok: true; lateMinutes: number } | { ok: false; reason: 'too_early' | 'closed'; message: string };

/** May a person check in for `session` at `minutes`? Early by up to 30 minutes; until the session ends. */
export function checkinDecision(hours: WorkingHours, session: Session, minutes: number): CheckinDecision {
  const w = sessionWindow(hours, session);
  if (minutes < w.opens) {
    return {
      ok: false,
      reason: 'too_early',
      message: `Chưa đến giờ điểm danh ${SESSION_LABELS_VI[session]}: mở từ ${hhmmOf(w.opens)} (${CHECKIN_OPENS_BEFORE_MINUTES} phút trước giờ làm việc ${hhmmOf(w.start)}).`,
    };
  }
  if (minutes >= w.end) {
    return { ok: false, reason: 'closed', message: `${capitalize(SESSION_LABELS_VI[session])} đã kết thúc lúc ${hhmmOf(w.end)}, không thể điểm danh.` };
  }
  return { ok: true, lateMinutes: Math.max(0, minutes - w.start) };
}

/** Why there is no session to check in for now (no session given, outside every window). */
export function noCurrentSessionMessage(hours: WorkingHours, minutes: number): string {
  const [m, a] = sessionWindows(hours) as [SessionWindow, SessionWindow];
  if (minutes < m.opens) return `Chưa đến giờ điểm danh: buổi sáng mở điểm danh từ ${hhmmOf(m.opens)}.`;
  if (minutes < a.opens) return `Buổi sáng đã kết thúc lúc ${hhmmOf(m.end)}; điểm danh buổi chiều mở từ ${hhmmOf(a.opens)}.`;
  return `Đã hết giờ làm việc (buổi chiều kết thúc lúc ${hhmmOf(a.end)}), không thể điểm danh.`;
}

/**
 * State of a session for a person at home who has not checked in, seen at `minutes` of the day
 * (`when` says whether the day is before, after or the day of the time):
 *  - upcoming: check-in not open yet; due: open, on time still possible; late: started, not ended;
 *  - missed: ended without a check-in.
 */
export type SessionState = 'checked_in' | 'upcoming' | 'due' | 'late' | 'missed';

export function sessionState(hours: WorkingHours, session: Session, when: 'past' | 'today' | 'future', minutes: number, checkedIn: boolean): SessionState {
  if (checkedIn) return 'checked_in';
  if (when === 'past') return 'missed';
  if (when === 'future') return 'upcoming';
  const w = sessionWindow(hours, session);
  if (minutes < w.opens) return 'upcoming';
  if (minutes <= w.start) return 'due';
  if (minutes < w.end) return 'late';
  return 'missed';
}

/** Whether `date` is before, on or after `today`. */
export function dayRelation(date: string, today: string): 'past' | 'today' | 'future' {
  return date < today ? 'past' : date > today ? 'future' : 'today';
}

export type AlertKind = 'reminder' | 'missing';

/**
 * Alerts due at `minutes` for people at home not checked in: a reminder from start + 15 and the
 * unit head's list from start + 30, while the session lasts. The caller sends each one once
 * (a unique key per person, day, session and kind), so a tick that runs late still sends them.
 */
export function alertsDue(hours: WorkingHours, minutes: number): { session: Session; kind: AlertKind }[] {
  const out: { session: Session; kind: AlertKind }[] = [];
  for (const w of sessionWindows(hours)) {
    if (minutes >= w.end) continue;
    if (minutes >= w.start + REMINDER_AFTER_MINUTES) out.push({ session: w.session, kind: 'reminder' });
    if (minutes >= w.start + MISSING_AFTER_MINUTES) out.push({ session: w.session, kind: 'missing' });
  }
  return out;
}

/**
 * Sessions whose "missing" list applies at `minutes` of a day seen as `when`: all sessions of a past
 * day, the sessions of today started 30 minutes ago or more (ended ones included), none of a future day.
 */
export function missingSessions(hours: WorkingHours, when: 'past' | 'today' | 'future', minutes: number): Session[] {
  if (when === 'future') return [];
  return sessionWindows(hours)
    .filter((w) => when === 'past' || minutes >= w.start + MISSING_AFTER_MINUTES)
    .map((w) => w.session);
}

/** The session a board's "checked in / not checked in" counts refer to: the last one whose check-in has opened. */
export function referenceSession(hours: WorkingHours, when: 'past' | 'today' | 'future', minutes: number): Session | null {
  if (when === 'past') return 'afternoon';
  if (when === 'future') return null;
  let out: Session | null = null;
  for (const w of sessionWindows(hours)) if (minutes >= w.opens) out = w.session;
  return out;
}

/** Is a summons created at `createdAtMs` and still pending due for escalation at `nowMs`? */
export function summonsEscalationDue(createdAtMs: number, nowMs: number): boolean {
  return nowMs - createdAtMs >= SUMMONS_ESCALATE_AFTER_MINUTES * 60_000;
}

/** Last day a health declaration is kept: the policy's end (or the declaration date when open-ended) + retention days. */
export function healthDeleteAfter(declarationDate: string, policyValidTo: string | null, retentionDays: number): string {
  const base = policyValidTo && policyValidTo > declarationDate ? policyValidTo : declarationDate;
  return addDays(base, retentionDays);
}

/** Working hours are valid when each session starts before it ends and the morning ends by the afternoon start. */
export function validHours(h: WorkingHours): boolean {
  const re = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (![h.morningStart, h.morningEnd, h.afternoonStart, h.afternoonEnd].every((x) => re.test(x))) return false;
  const [ms, me, as, ae] = [h.morningStart, h.morningEnd, h.afternoonStart, h.afternoonEnd].map(minutesOfHhmm) as [number, number, number, number];
  return ms < me && me <= as && as < ae;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
