/**
 * Pure meeting rules (issue 10 item 4, PRODUCT.md I1): during a WFH policy in-person meetings are stopped
 * except epidemic or urgent ones (S2 §1.4), so an in-person meeting held by the agency then needs a reason.
 * An outside meeting (hội nghị bên ngoài) is organised by someone else: the agency only sends attendees.
 */
export type MeetingKindRule = 'internal' | 'online' | 'outside';

/** Does this meeting need an in-person reason (khẩn cấp / phòng chống dịch)? */
export function needsInPersonReason(kind: MeetingKindRule, policyInForce: boolean): boolean {
  return policyInForce && kind === 'internal';
}

export const IN_PERSON_REASON_REQUIRED_VI =
  'Đang áp dụng phương án làm việc tại nhà: chỉ họp trực tiếp khi khẩn cấp hoặc phục vụ phòng, chống dịch. Chọn lý do, hoặc chuyển sang họp trực tuyến.';

/** Reminder minutes before the start (I1). */
export const REMINDER_MINUTES = 15;

/** Is the reminder of a meeting starting at `startMs` due at `nowMs` (from 15 minutes before until the start)? */
export function reminderDue(startMs: number, nowMs: number): boolean {
  return nowMs >= startMs - REMINDER_MINUTES * 60_000 && nowMs < startMs;
}
