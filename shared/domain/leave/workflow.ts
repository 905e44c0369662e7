/**
 * The approval machinery of requests (issue 10): which steps a request goes through, from its kind and
 * the requester's position, and the state after a decision. Pure.
 *
 * - Leave (annual, sick, personal, unpaid): the unit head, then the Director (E1). A unit head asks the Director
 *   only; a Deputy Director asks the Director; the Director asks the province (Sở Nội vụ / the province role of the
 *   parent agency).
 * - Business trip inside the province: the Director. Out of the province: the Chief of Office, then the Director
 *   (S4 §1: leaving the province needs the Director's approval through the Chief of Office, in writing). The Chief
 *   of Office's own trip skips the Office step. The Director's trip: the province.
 * - Asking to come to the office for urgent work (Hải Dương's plan): the unit head, one tap. A unit head asks the
 *   Director; the Director asks nobody but the province.
 */
import type { RequestKind, RequestStatus, StepRole } from '../../contracts/leave';
import type { Mode, PersonRole } from '../roster/format';

/** Heads of a unit (not deputies): they decide their unit's first step and ask the Director themselves. */
export const UNIT_HEAD_POSITIONS: readonly PersonRole[] = ['head', 'chief_of_office', 'center_director'];

export function isLeaveKind(kind: RequestKind): boolean {
  return kind === 'annual' || kind === 'sick' || kind === 'personal' || kind === 'unpaid';
}

export interface Requester {
  position: PersonRole | string;
  /** Holds the unit head role of their unit (a grant), even when the position says otherwise. */
  isUnitHead?: boolean;
}

/** The steps of a request, in order. */
export function stepsFor(kind: RequestKind, requester: Requester, opts: { outOfProvince?: boolean } = {}): StepRole[] {
  const pos = requester.position;
  if (pos === 'director') return ['province'];
  const unitHead = requester.isUnitHead || UNIT_HEAD_POSITIONS.includes(pos as PersonRole);
  const agencyLeader = pos === 'deputy_director';
  if (kind === 'trip') {
    if (opts.outOfProvince && pos !== 'chief_of_office') return ['office', 'director'];
    return ['director'];
  }
  if (kind === 'office') return unitHead || agencyLeader ? ['director'] : ['unit_head'];
  return unitHead || agencyLeader ? ['director'] : ['unit_head', 'director'];
}

/** The roster mode a request sets on each working day it covers once approved. */
export function modeOfKind(kind: RequestKind): Mode {
  if (kind === 'trip') return 'business_trip';
  if (kind === 'office') return 'onsite';
  return 'leave';
}

export interface WorkflowState {
  status: RequestStatus;
  /** Index of the waiting step (null when decided or cancelled). */
  currentStep: number | null;
  stepCount: number;
}

export type Transition = { ok: true; state: WorkflowState; final: boolean } | { ok: false; message: string };

/** Approving or rejecting the waiting step: the next step, or the final status. */
export function decide(state: WorkflowState, decision: 'approve' | 'reject'): Transition {
  if (state.status !== 'pending' || state.currentStep === null) return { ok: false, message: 'Đơn đã được quyết định hoặc đã hủy, không thể duyệt nữa.' };
  if (decision === 'reject') return { ok: true, state: { ...state, status: 'rejected', currentStep: null }, final: true };
  const next = state.currentStep + 1;
  if (next >= state.stepCount) return { ok: true, state: { ...state, status: 'approved', currentStep: null }, final: true };
  return { ok: true, state: { ...state, currentStep: next }, final: false };
}

/**
 * Cancelling: the person (or who filed it) may cancel a request while it waits for a decision. An approved request
 * is not cancelled by the person: the roster it changed was published as approved, so the Office adjusts it (the
 * message says so); a rejected or cancelled request needs no cancelling.
 */
export function cancel(state: WorkflowState): Transition {
  if (state.status === 'pending') return { ok: true, state: { ...state, status: 'cancelled', currentStep: null }, final: true };
  if (state.status === 'approved')
    return { ok: false, message: 'Đơn đã được duyệt và lịch làm việc đã cập nhật: không thể tự hủy. Hãy liên hệ Văn phòng để điều chỉnh lịch.' };
  return { ok: false, message: state.status === 'cancelled' ? 'Đơn đã được hủy trước đó.' : 'Đơn đã bị từ chối, không cần hủy.' };
}

export const STEP_ROLE_LABELS_VI: Record<StepRole, string> = {
  unit_head: 'Trưởng phòng',
  office: 'Chánh Văn phòng',
  director: 'Giám đốc',
  province: 'Lãnh đạo cấp trên',
};

export const REQUEST_KIND_LABELS_VI: Record<RequestKind, string> = {
  annual: 'Nghỉ phép năm',
  sick: 'Nghỉ ốm',
  personal: 'Nghỉ việc riêng',
  unpaid: 'Nghỉ không lương',
  trip: 'Đi công tác',
  office: 'Đăng ký lên cơ quan làm việc',
};
