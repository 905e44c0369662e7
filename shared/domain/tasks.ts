/**
 * Tasks (giao việc, F1): the status state machine with its Vietnamese labels, who may make which
 * transition, the activity kind each transition records (formats/activity.md), and the overdue rule.
 * Pure, isomorphic: the server enforces it, the web app uses it to show only the allowed buttons.
 *
 *   assigned (Mới giao) → received (Đã nhận) → in_progress (Đang xử lý) → done (Hoàn thành)
 *          ╲__________________╲______________________╲→ returned (Trả lại, with a reason)
 *   returned → assigned (the assigner reopens it, possibly for another lead person)
 */
import { vnDateOf } from './dates';

export const TASK_STATUSES = ['assigned', 'received', 'in_progress', 'done', 'returned'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS_VI: Record<TaskStatus, string> = {
  assigned: 'Mới giao',
  received: 'Đã nhận',
  in_progress: 'Đang xử lý',
  done: 'Hoàn thành',
  returned: 'Trả lại',
};

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_PRIORITY_LABELS_VI: Record<TaskPriority, string> = {
  low: 'Thấp',
  normal: 'Bình thường',
  high: 'Cao',
  urgent: 'Khẩn',
};

/** Kinds of actions the app records (formats/activity.md); every kind but `view` is processing. */
export const TASK_ACTION_LABELS_VI: Record<string, string> = {
  view: 'Xem',
  comment: 'Ý kiến',
  status: 'Cập nhật trạng thái',
  attach: 'Đính kèm tệp',
  forward: 'Chuyển',
  draft: 'Dự thảo',
  finish: 'Hoàn thành',
};

/** Vietnamese label of an action kind (a word of another system is shown as it is). */
export function actionKindLabel(kind: string): string {
  return TASK_ACTION_LABELS_VI[kind] ?? kind;
}

/**
 * Who acts on a task: the lead person (chủ trì, `assignee`) or the assigner (the leader who gave it, or
 * another leader allowed to assign in the task's unit). Coordinators comment and attach but never
 * change the status.
 */
export type TaskActorRole = 'assignee' | 'assigner';

interface TransitionRule {
  from: TaskStatus;
  to: TaskStatus;
  by: TaskActorRole;
}

export const TASK_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'assigned', to: 'received', by: 'assignee' },
  { from: 'received', to: 'in_progress', by: 'assignee' },
  { from: 'in_progress', to: 'done', by: 'assignee' },
  { from: 'assigned', to: 'returned', by: 'assignee' },
  { from: 'received', to: 'returned', by: 'assignee' },
  { from: 'in_progress', to: 'returned', by: 'assignee' },
  { from: 'returned', to: 'assigned', by: 'assigner' },
];

export type Decision = { ok: true } | { ok: false; message: string };

/** Statuses `roles` may move a task to from `from` (in the order of TASK_STATUSES). */
export function allowedTransitions(from: TaskStatus, roles: readonly TaskActorRole[]): TaskStatus[] {
  const to = new Set(TASK_TRANSITIONS.filter((t) => t.from === from && roles.includes(t.by)).map((t) => t.to));
  return TASK_STATUSES.filter((s) => to.has(s));
}

/** May someone with `roles` move a task from `from` to `to`? With a Vietnamese reason when not. */
export function canTransition(from: TaskStatus, to: TaskStatus, roles: readonly TaskActorRole[]): Decision {
  const rule = TASK_TRANSITIONS.find((t) => t.from === from && t.to === to);
  const fromVi = TASK_STATUS_LABELS_VI[from];
  const toVi = TASK_STATUS_LABELS_VI[to];
  if (!rule) {
    if (from === 'done') return { ok: false, message: 'Công việc đã hoàn thành, không thay đổi trạng thái được nữa.' };
    if (from === to) return { ok: false, message: `Công việc đang ở trạng thái "${fromVi}".` };
    return { ok: false, message: `Không chuyển được từ "${fromVi}" sang "${toVi}".` };
  }
  if (!roles.includes(rule.by)) {
    return {
      ok: false,
      message:
        rule.by === 'assignee'
          ? `Chỉ người chủ trì xử lý mới chuyển được công việc sang "${toVi}".`
          : 'Chỉ người giao việc hoặc lãnh đạo có quyền giao việc mới giao lại được công việc bị trả lại.',
    };
  }
  return { ok: true };
}

/** A reason is required to return a task (trả lại). */
export function reasonRequired(to: TaskStatus): boolean {
  return to === 'returned';
}

/** The activity kind a transition records: `finish` when the task is done, else `status`. */
export function actionKindOfTransition(to: TaskStatus): 'finish' | 'status' {
  return to === 'done' ? 'finish' : 'status';
}

/** Today's date (YYYY-MM-DD) in Asia/Ho_Chi_Minh. */
export function todayVn(now: Date | number): string {
  return vnDateOf(now);
}

/**
 * Overdue (quá hạn): the task has a deadline, the deadline is before today (Asia/Ho_Chi_Minh: a task
 * due today is not overdue until the day is over), and it is not done.
 */
export function isOverdue(task: { dueDate: string | null | undefined; status: TaskStatus | string }, today: string): boolean {
  return !!task.dueDate && task.dueDate < today && task.status !== 'done';
}

/** Whole days past the deadline (0 when not overdue). */
export function daysOverdue(task: { dueDate: string | null | undefined; status: TaskStatus | string }, today: string): number {
  if (!isOverdue(task, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.dueDate}T00:00:00Z`)) / 86_400_000);
}
