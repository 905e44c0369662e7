/** Task progress: the status moves (nhận, đang xử lý, hoàn thành, trả lại, giao lại) and comments, each an action of the timeline. */
import { and, eq, sql } from 'drizzle-orm';
import type { TaskDetail, TaskStatusChange } from '../../../shared/contracts/tasks';
import { formatDateVi } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/permissions';
import { actionKindOfTransition, allowedTransitions, canTransition, TASK_TRANSITIONS, todayVn, type TaskStatus } from '../../../shared/domain/tasks';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { sees, unitTarget } from '../../lib/scope';
import { notify } from '../notifications/notify';
import {
  accessOf,
  actingPerson,
  activePersonOf,
  assertRead,
  coordinatorIdsOf,
  detailOf,
  loadTask,
  personNotFound,
  recordAction,
  type TaskRow,
} from './tasks.service';
import { taskPeople, tasks } from './tasks.table';

// ---------------------------------------------------------------- status

export async function changeStatus(deps: Deps, user: CurrentUser, id: string, input: TaskStatusChange): Promise<TaskDetail> {
  const task = await loadTask(deps.db, id);
  const coordinators = await coordinatorIdsOf(deps.db, id);
  const access = await accessOf(deps.db, user, task, coordinators);
  assertRead(user, access);
  if (task.source === 'import')
    throw new AppError('INVALID_STATE', 'Công việc được nhập từ hệ thống quản lý văn bản khác; trạng thái được cập nhật tại hệ thống đó.');
  const reason = input.reason?.trim() || null;
  if (input.status === 'returned' && (!reason || reason.length < 3)) throw invalid('body.reason', 'Nhập lý do trả lại (ít nhất 3 ký tự).');
  const reopening = input.status === 'assigned';
  if (!reopening && input.assigneeId) throw invalid('body.assigneeId', 'Chỉ đổi người chủ trì khi giao lại công việc bị trả lại.');
  if (!reopening && input.dueDate) throw invalid('body.dueDate', 'Chỉ đổi hạn xử lý khi giao lại công việc bị trả lại.');
  const now = deps.clock.now();
  const today = todayVn(now);
  let newLead: Awaited<ReturnType<typeof activePersonOf>> | null = null;
  if (reopening && input.assigneeId && input.assigneeId !== task.assigneeId) {
    newLead = await activePersonOf(deps.db, input.assigneeId, task.agencyId, 'body.assigneeId');
    const leadTarget = await unitTarget(deps.db, newLead.unitId);
    if (!can(user, 'task.assign', leadTarget)) {
      if (!sees(user, leadTarget)) throw personNotFound('body.assigneeId', input.assigneeId!);
      throw new AppError('FORBIDDEN', `Bạn không có quyền giao việc cho ${newLead.fullName}.`);
    }
  }
  if (reopening && input.dueDate && input.dueDate < today) throw invalid('body.dueDate', `Hạn xử lý không được trước hôm nay (${formatDateVi(today)}).`);

  // Only the lead person moves a task forward or returns it; only the assigner side reopens it.
  const rulesTo = TASK_TRANSITIONS.filter((t) => t.to === input.status);
  if (!rulesTo.some((t) => access.roles.includes(t.by))) {
    const d = canTransition(rulesTo[0]!.from, input.status, access.roles);
    throw new AppError('FORBIDDEN', d.ok ? undefined : d.message);
  }

  const result = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from tasks where id = ${id} for update`);
    const fresh = await loadTask(tx, id);
    const to = input.status;
    // Repeating the transition that just went through (a double click, a retried request) is not an error.
    if (fresh.status === to && input.version === fresh.version - 1) return { task: fresh, changed: false };
    if (input.version !== fresh.version) throw new AppError('VERSION_CONFLICT');
    const from = fresh.status as TaskStatus;
    const decision = canTransition(from, to, access.roles);
    if (!decision.ok) {
      const exists = allowedTransitions(from, ['assignee', 'assigner']).includes(to);
      throw new AppError(exists ? 'FORBIDDEN' : 'INVALID_STATE', decision.message);
    }
    const changes: Partial<TaskRow> = { status: to, version: fresh.version + 1, updatedAt: now };
    if (to === 'done') changes.finishedAt = now;
    if (to === 'returned') changes.returnReason = reason;
    if (reopening) {
      changes.returnReason = null;
      changes.finishedAt = null;
      if (newLead) {
        changes.assigneeId = newLead.id;
        changes.unitId = newLead.unitId;
        await tx.delete(taskPeople).where(and(eq(taskPeople.taskId, id), eq(taskPeople.personId, newLead.id)));
      }
      if (input.dueDate) changes.dueDate = input.dueDate;
    }
    const [updated] = await tx.update(tasks).set(changes).where(eq(tasks.id, id)).returning();
    const data = {
      from,
      to,
      ...(newLead ? { assigneeId: newLead.id, previousAssigneeId: fresh.assigneeId } : {}),
      ...(reopening && input.dueDate ? { dueDate: input.dueDate } : {}),
    };
    if (user.personId) await recordAction(tx, fresh, user.personId, now, actionKindOfTransition(to), reason, data);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'task.status_changed',
      entity: 'task',
      entityId: id,
      agencyId: fresh.agencyId,
      data: { ...data, reason },
    });
    const link = `/tasks/${id}`;
    if (to === 'returned' && fresh.assignedByUserId) {
      await notify(tx, deps.clock, {
        userIds: [fresh.assignedByUserId],
        kind: 'task.returned',
        title: `Công việc bị trả lại: ${fresh.title}`,
        body: `${user.displayName} trả lại công việc. Lý do: ${reason}`,
        link,
        email: true,
      });
    } else if (to === 'done' && fresh.assignedByUserId) {
      await notify(tx, deps.clock, {
        userIds: [fresh.assignedByUserId],
        kind: 'task.done',
        title: `Đã hoàn thành: ${fresh.title}`,
        body: `${user.displayName} báo cáo hoàn thành công việc.`,
        link,
      });
    } else if (reopening) {
      const due = updated!.dueDate ? ` Hạn xử lý: ${formatDateVi(updated!.dueDate)}.` : '';
      await notify(tx, deps.clock, {
        personIds: [updated!.assigneeId],
        kind: 'task.assigned',
        title: `Bạn được giao lại chủ trì: ${fresh.title}`,
        body: `Người giao: ${user.displayName}.${due}`,
        link,
        email: true,
      });
    }
    return { task: updated!, changed: true };
  });
  const coordinatorsAfter = result.changed && newLead ? await coordinatorIdsOf(deps.db, id) : coordinators;
  return detailOf(deps.db, user, result.task, today, result.changed && newLead ? undefined : { coordinators: coordinatorsAfter, access });
}

// ---------------------------------------------------------------- comments

export async function addComment(deps: Deps, user: CurrentUser, id: string, body: string): Promise<TaskDetail> {
  const task = await loadTask(deps.db, id);
  const coordinators = await coordinatorIdsOf(deps.db, id);
  const access = await accessOf(deps.db, user, task, coordinators);
  assertRead(user, access);
  const personId = actingPerson(user);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await recordAction(tx, task, personId, now, 'comment', body);
    // The others on the task see the comment in the app (no e-mail for each comment).
    const others = [task.assigneeId, ...coordinators].filter((p) => p !== personId);
    const userIds = task.assignedByUserId && task.assignedByUserId !== user.userId ? [task.assignedByUserId] : [];
    if (others.length || userIds.length) {
      await notify(tx, deps.clock, {
        personIds: others,
        userIds,
        kind: 'task.comment',
        title: `Ý kiến mới: ${task.title}`,
        body: `${user.displayName}: ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`,
        link: `/tasks/${id}`,
      });
    }
  });
  return detailOf(deps.db, user, task, todayVn(now), { coordinators, access });
}
