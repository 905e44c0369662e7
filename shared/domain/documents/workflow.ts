/**
 * Workflows of văn bản đi (outgoing: draft → ký nháy → thẩm định thể thức → ký → cấp số, ban hành)
 * and văn bản đến (incoming: đăng ký → trình → chỉ đạo, chuyển đơn vị → giao người xử lý → xong),
 * who may move which step, returns with a reason, round trips and the escalation rule. Pure: the
 * server applies it on every transition, the web shows the buttons from it.
 */
import { addDays } from '../dates';

// ---------------------------------------------------------------- outgoing

export const OUTGOING_STATUSES = [
  'draft',
  'pending_initial',
  'pending_format',
  'pending_signature',
  'signed',
  'issued',
  'returned',
  'cancelled',
  'recalled',
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const OUTGOING_STATUS_LABELS_VI: Record<OutgoingStatus, string> = {
  draft: 'Dự thảo',
  pending_initial: 'Chờ ký nháy',
  pending_format: 'Chờ thẩm định thể thức',
  pending_signature: 'Chờ ký',
  signed: 'Đã ký, chờ ban hành',
  issued: 'Đã ban hành',
  returned: 'Bị trả lại',
  cancelled: 'Đã hủy',
  recalled: 'Đã thu hồi',
};

/**
 * Who acts on an outgoing document: the drafter (chuyên viên soạn thảo), the head of the drafting unit
 * (ký nháy, answers for the content), the Office (thẩm định thể thức; văn thư cấp số, ban hành), the
 * signer (Giám đốc, Phó Giám đốc, or a person with a TL./TUQ. delegation).
 */
export const OUTGOING_ROLES = ['drafter', 'unit_head', 'office', 'signer'] as const;
export type OutgoingRole = (typeof OUTGOING_ROLES)[number];

export const OUTGOING_ACTIONS = ['submit', 'initial', 'approve_format', 'sign', 'issue', 'return', 'cancel', 'recall'] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

export const OUTGOING_ACTION_LABELS_VI: Record<OutgoingAction, string> = {
  submit: 'Trình ký nháy',
  initial: 'Ký nháy',
  approve_format: 'Thẩm định thể thức',
  sign: 'Ký ban hành',
  issue: 'Cấp số, ban hành',
  return: 'Trả lại',
  cancel: 'Hủy dự thảo',
  recall: 'Thu hồi',
};

export interface OutgoingRule {
  action: OutgoingAction;
  from: readonly OutgoingStatus[];
  to: OutgoingStatus;
  by: OutgoingRole;
}

export const OUTGOING_RULES: readonly OutgoingRule[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'pending_initial', by: 'drafter' },
  { action: 'cancel', from: ['draft', 'returned'], to: 'cancelled', by: 'drafter' },
  { action: 'initial', from: ['pending_initial'], to: 'pending_format', by: 'unit_head' },
  { action: 'return', from: ['pending_initial'], to: 'returned', by: 'unit_head' },
  { action: 'approve_format', from: ['pending_format'], to: 'pending_signature', by: 'office' },
  { action: 'return', from: ['pending_format'], to: 'returned', by: 'office' },
  { action: 'sign', from: ['pending_signature'], to: 'signed', by: 'signer' },
  { action: 'return', from: ['pending_signature'], to: 'returned', by: 'signer' },
  { action: 'issue', from: ['signed'], to: 'issued', by: 'office' },
  { action: 'recall', from: ['issued'], to: 'recalled', by: 'office' },
];

/** Actions that need a reason (at least 3 characters). */
export const REASON_REQUIRED: readonly OutgoingAction[] = ['return', 'recall'];

export type Decision<T> = { ok: true; to: T } | { ok: false; code: 'INVALID_STATE' | 'FORBIDDEN' | 'VALIDATION'; message: string };

/** The outgoing actions `roles` may take in `status`. */
export function allowedOutgoingActions(status: OutgoingStatus, roles: readonly OutgoingRole[]): OutgoingAction[] {
  const out: OutgoingAction[] = [];
  for (const r of OUTGOING_RULES) if (r.from.includes(status) && roles.includes(r.by) && !out.includes(r.action)) out.push(r.action);
  return out;
}

/** May `roles` take `action` in `status`? The next status, or why not (Vietnamese). */
export function decideOutgoing(
  status: OutgoingStatus,
  action: OutgoingAction,
  roles: readonly OutgoingRole[],
  reason?: string | null,
): Decision<OutgoingStatus> {
  const rules = OUTGOING_RULES.filter((r) => r.action === action && r.from.includes(status));
  if (!rules.length) {
    return {
      ok: false,
      code: 'INVALID_STATE',
      message: `Không thể "${OUTGOING_ACTION_LABELS_VI[action]}" khi văn bản đang ở trạng thái "${OUTGOING_STATUS_LABELS_VI[status]}".`,
    };
  }
  const rule = rules.find((r) => roles.includes(r.by));
  if (!rule)
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `Bạn không phải người được "${OUTGOING_ACTION_LABELS_VI[action]}" ở bước "${OUTGOING_STATUS_LABELS_VI[status]}".`,
    };
  if (REASON_REQUIRED.includes(action) && (reason ?? '').trim().length < 3) {
    return { ok: false, code: 'VALIDATION', message: 'Nhập lý do (ít nhất 3 ký tự).' };
  }
  return { ok: true, to: rule.to };
}

/** The step a waiting outgoing document is at, and who must act (for "Chờ tôi xử lý / ký"). */
export const WAITING_ON: Partial<Record<OutgoingStatus, OutgoingRole>> = {
  draft: 'drafter',
  returned: 'drafter',
  pending_initial: 'unit_head',
  pending_format: 'office',
  pending_signature: 'signer',
  signed: 'office',
};

/** Round trips (lượt trả lại): the number of returns, whatever the step that returned it. */
export function roundTrips(events: readonly { action: string }[]): number {
  return events.filter((e) => e.action === 'return').length;
}

// ---------------------------------------------------------------- incoming

export const INCOMING_STATUSES = ['registered', 'submitted', 'directed', 'assigned', 'done'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const INCOMING_STATUS_LABELS_VI: Record<IncomingStatus, string> = {
  registered: 'Đã vào sổ',
  submitted: 'Đã trình lãnh đạo',
  directed: 'Đã chuyển đơn vị',
  assigned: 'Đang xử lý',
  done: 'Đã xử lý xong',
};

export const INCOMING_ROLES = ['office', 'director', 'unit_head', 'handler'] as const;
export type IncomingRole = (typeof INCOMING_ROLES)[number];

export const INCOMING_ACTIONS = ['submit', 'direct', 'assign', 'complete'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];
export const INCOMING_ACTION_LABELS_VI: Record<IncomingAction, string> = {
  submit: 'Trình lãnh đạo',
  direct: 'Cho ý kiến chỉ đạo, chuyển đơn vị',
  assign: 'Giao xử lý',
  complete: 'Hoàn thành xử lý',
};

export const INCOMING_RULES: readonly { action: IncomingAction; from: readonly IncomingStatus[]; to: IncomingStatus; by: IncomingRole }[] = [
  { action: 'submit', from: ['registered'], to: 'submitted', by: 'office' },
  { action: 'direct', from: ['submitted', 'directed'], to: 'directed', by: 'director' },
  // The Director may also give it straight to a person; a unit head (re)assigns inside their unit.
  { action: 'assign', from: ['submitted', 'directed', 'assigned'], to: 'assigned', by: 'director' },
  { action: 'assign', from: ['directed', 'assigned'], to: 'assigned', by: 'unit_head' },
  { action: 'complete', from: ['assigned'], to: 'done', by: 'handler' },
];

export function allowedIncomingActions(status: IncomingStatus, roles: readonly IncomingRole[]): IncomingAction[] {
  const out: IncomingAction[] = [];
  for (const r of INCOMING_RULES) if (r.from.includes(status) && roles.includes(r.by) && !out.includes(r.action)) out.push(r.action);
  return out;
}

export function decideIncoming(status: IncomingStatus, action: IncomingAction, roles: readonly IncomingRole[]): Decision<IncomingStatus> {
  const rules = INCOMING_RULES.filter((r) => r.action === action && r.from.includes(status));
  if (!rules.length) {
    return {
      ok: false,
      code: 'INVALID_STATE',
      message: `Không thể "${INCOMING_ACTION_LABELS_VI[action]}" khi văn bản đang ở trạng thái "${INCOMING_STATUS_LABELS_VI[status]}".`,
    };
  }
  const rule = rules.find((r) => roles.includes(r.by));
  if (!rule) return { ok: false, code: 'FORBIDDEN', message: `Bạn không được "${INCOMING_ACTION_LABELS_VI[action]}" văn bản này.` };
  return { ok: true, to: rule.to };
}

// ---------------------------------------------------------------- escalation

export interface EscalationSettings {
  /** A document returned more than this many times escalates to the Director (default 2). */
  maxReturns: number;
  /** Days a document may wait at one step before it escalates (default 2). */
  stepDays: number;
}
export const DEFAULT_ESCALATION: EscalationSettings = { maxReturns: 2, stepDays: 2 };

export type EscalationReason = 'returns' | 'step_overdue';
export const ESCALATION_REASON_LABELS_VI: Record<EscalationReason, string> = {
  returns: 'Bị trả lại nhiều lần',
  step_overdue: 'Quá hạn tại một bước xử lý',
};

/**
 * Why an outgoing document escalates to the Director on `today`: returned more than `maxReturns`
 * times, or waiting at one step (chờ ký nháy, thẩm định, ký, ban hành) past its deadline: the step
 * deadline is `stepDays` after the day it entered the step, or the document's own deadline if earlier.
 */
export function escalationReasons(
  doc: { status: OutgoingStatus; returnCount: number; stepEnteredOn: string; dueDate?: string | null },
  settings: EscalationSettings,
  today: string,
): EscalationReason[] {
  if (doc.status === 'issued' || doc.status === 'cancelled' || doc.status === 'recalled') return [];
  const out: EscalationReason[] = [];
  if (doc.returnCount > settings.maxReturns) out.push('returns');
  if (doc.status !== 'draft' && doc.status !== 'returned') {
    const deadline = stepDeadline(doc.stepEnteredOn, settings.stepDays, doc.dueDate);
    if (today > deadline) out.push('step_overdue');
  }
  return out;
}

export function stepDeadline(stepEnteredOn: string, stepDays: number, dueDate?: string | null): string {
  const byStep = addDays(stepEnteredOn, stepDays);
  return dueDate && dueDate < byStep ? dueDate : byStep;
}
