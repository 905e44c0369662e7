import { describe, expect, it } from 'vitest';
import {
  actionKindLabel,
  actionKindOfTransition,
  allowedTransitions,
  canTransition,
  daysOverdue,
  isOverdue,
  reasonRequired,
  TASK_STATUS_LABELS_VI,
  TASK_STATUSES,
  todayVn,
  type TaskStatus,
} from './tasks';

describe('task status labels', () => {
  it('names every status in Vietnamese', () => {
    expect(TASK_STATUS_LABELS_VI).toEqual({ assigned: 'Mới giao', received: 'Đã nhận', in_progress: 'Đang xử lý', done: 'Hoàn thành', returned: 'Trả lại' });
  });
  it('labels known action kinds and keeps words of other systems', () => {
    expect(actionKindLabel('comment')).toBe('Ý kiến');
    expect(actionKindLabel('ky_so')).toBe('ky_so');
  });
});

describe('task state machine', () => {
  it('lets the lead person go assigned → received → in_progress → done, one step at a time', () => {
    expect(canTransition('assigned', 'received', ['assignee'])).toEqual({ ok: true });
    expect(canTransition('received', 'in_progress', ['assignee'])).toEqual({ ok: true });
    expect(canTransition('in_progress', 'done', ['assignee'])).toEqual({ ok: true });
    expect(canTransition('assigned', 'done', ['assignee']).ok).toBe(false);
    expect(canTransition('assigned', 'in_progress', ['assignee']).ok).toBe(false);
    expect(canTransition('in_progress', 'received', ['assignee']).ok).toBe(false);
  });

  it('lets the lead person return an open task, never a finished one', () => {
    for (const from of ['assigned', 'received', 'in_progress'] as const) expect(canTransition(from, 'returned', ['assignee']).ok).toBe(true);
    const done = canTransition('done', 'returned', ['assignee']);
    expect(done).toEqual({ ok: false, message: 'Công việc đã hoàn thành, không thay đổi trạng thái được nữa.' });
  });

  it('keeps the assigner out of the lead person transitions, and the lead person out of reopening', () => {
    const r = canTransition('assigned', 'received', ['assigner']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('người chủ trì');
    expect(canTransition('returned', 'assigned', ['assigner'])).toEqual({ ok: true });
    const back = canTransition('returned', 'assigned', ['assignee']);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.message).toContain('người giao việc');
  });

  it('explains a repeat of the current status and an impossible jump in Vietnamese', () => {
    expect(canTransition('received', 'received', ['assignee'])).toEqual({ ok: false, message: 'Công việc đang ở trạng thái "Đã nhận".' });
    expect(canTransition('returned', 'done', ['assignee', 'assigner'])).toEqual({ ok: false, message: 'Không chuyển được từ "Trả lại" sang "Hoàn thành".' });
  });

  it('lists the allowed next statuses per role (what the buttons show)', () => {
    expect(allowedTransitions('assigned', ['assignee'])).toEqual(['received', 'returned']);
    expect(allowedTransitions('received', ['assignee'])).toEqual(['in_progress', 'returned']);
    expect(allowedTransitions('in_progress', ['assignee'])).toEqual(['done', 'returned']);
    expect(allowedTransitions('done', ['assignee', 'assigner'])).toEqual([]);
    expect(allowedTransitions('returned', ['assignee'])).toEqual([]);
    expect(allowedTransitions('returned', ['assigner'])).toEqual(['assigned']);
    expect(allowedTransitions('assigned', [])).toEqual([]);
  });

  it('has no transition outside the five statuses and none into a status twice from the same state', () => {
    for (const from of TASK_STATUSES) {
      const to = allowedTransitions(from, ['assignee', 'assigner']);
      expect(new Set(to).size).toBe(to.length);
      expect(to).not.toContain(from);
    }
  });

  it('requires a reason only to return, and records finish for done, status otherwise', () => {
    expect(TASK_STATUSES.filter(reasonRequired)).toEqual(['returned']);
    const kinds = Object.fromEntries(TASK_STATUSES.map((s: TaskStatus) => [s, actionKindOfTransition(s)]));
    expect(kinds).toEqual({ assigned: 'status', received: 'status', in_progress: 'status', done: 'finish', returned: 'status' });
  });
});

describe('overdue rule', () => {
  it('counts a task overdue from the day after its deadline until it is done', () => {
    expect(isOverdue({ dueDate: '2021-07-23', status: 'in_progress' }, '2021-07-23')).toBe(false);
    expect(isOverdue({ dueDate: '2021-07-23', status: 'in_progress' }, '2021-07-24')).toBe(true);
    expect(isOverdue({ dueDate: '2021-07-23', status: 'returned' }, '2021-07-24')).toBe(true);
    expect(isOverdue({ dueDate: '2021-07-23', status: 'done' }, '2021-07-30')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'assigned' }, '2030-01-01')).toBe(false);
    expect(daysOverdue({ dueDate: '2021-07-23', status: 'assigned' }, '2021-07-26')).toBe(3);
    expect(daysOverdue({ dueDate: '2021-07-23', status: 'done' }, '2021-07-26')).toBe(0);
  });

  it('takes today in Asia/Ho_Chi_Minh: 23:30 UTC is already the next day in Vietnam', () => {
    expect(todayVn(new Date('2021-07-23T16:59:00Z'))).toBe('2021-07-23');
    expect(todayVn(new Date('2021-07-23T17:00:00Z'))).toBe('2021-07-24');
    const now = new Date('2021-07-23T17:30:00Z');
    expect(isOverdue({ dueDate: '2021-07-23', status: 'received' }, todayVn(now))).toBe(true);
  });
});
