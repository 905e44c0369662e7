/**
 * Tasks (F1, F2): leaders assign tasks to a lead person with coordinating people; the lead person moves
 * the status (nhận → đang xử lý → hoàn thành, or trả lại with a reason); everybody on the task comments
 * and attaches files; overdue tasks show on both sides. Every action of a person on a task is a row of
 * `task_actions`, the activity of formats/activity.md that Phụ lục 2 counts (see tasks.activity.ts).
 *
 * Who may do what:
 * - assign: `task.assign` on the lead person's unit (unit head/deputy of that unit, Director/Deputy of
 *   the agency); lead and coordinators are active people of the same agency;
 * - read, comment, attach: the lead person, the coordinators, the assigner, and `task.read` on the
 *   task's unit (unit leaders, Office, Director);
 * - status: the lead person moves it forward or returns it; the assigner (or a leader with
 *   `task.assign` on the unit) reopens a returned task, possibly for another lead person.
 * The creation is in the audit log; the assigner is not a worker on the task, so it records no action.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TaskAttachmentView, TaskCreate, TaskDetail, TaskListItem } from '../../../shared/contracts/tasks';
import { formatDateVi } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/permissions';
import {
  actionKindLabel,
  allowedTransitions,
  daysOverdue,
  isOverdue,
  TASK_PRIORITY_LABELS_VI,
  TASK_STATUS_LABELS_VI,
  todayVn,
  type TaskActorRole,
  type TaskPriority,
  type TaskStatus,
} from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { deny, hiddenNotFound, sees, unitTarget } from '../../lib/scope';
import { users } from '../auth/auth.table';
import { notify } from '../notifications/notify';
import { people, units } from '../org/org.table';
import { taskActions, taskAttachments, taskPeople, tasks } from './tasks.table';

export type TaskRow = typeof tasks.$inferSelect;

// ---------------------------------------------------------------- helpers

export async function loadTask(db: Db, id: string): Promise<TaskRow> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  return row;
}

export async function coordinatorIdsOf(db: Db, taskId: string): Promise<string[]> {
  const rows = await db.select({ personId: taskPeople.personId }).from(taskPeople).where(eq(taskPeople.taskId, taskId)).orderBy(asc(taskPeople.personId));
  return rows.map((r) => r.personId);
}

interface Access {
  isLead: boolean;
  isCoordinator: boolean;
  isAssigner: boolean;
  /** `task.read` on the task's unit (unit leaders, Office, Director). */
  leaderRead: boolean;
  /** `task.assign` on the task's unit. */
  leaderAssign: boolean;
  read: boolean;
  /** Roles in the state machine. */
  roles: TaskActorRole[];
  /** The task's unit (scope of the hidden 404 / 403 rule). */
  target: Awaited<ReturnType<typeof unitTarget>>;
}

export async function accessOf(db: Db, user: CurrentUser, task: TaskRow, coordinators: string[]): Promise<Access> {
  const target = await unitTarget(db, task.unitId);
  const isLead = !!user.personId && user.personId === task.assigneeId;
  const isCoordinator = !!user.personId && coordinators.includes(user.personId);
  const isAssigner = !!task.assignedByUserId && task.assignedByUserId === user.userId;
  const leaderRead = can(user, 'task.read', target);
  const leaderAssign = can(user, 'task.assign', target);
  const roles: TaskActorRole[] = [];
  if (isLead) roles.push('assignee');
  if (isAssigner || leaderAssign) roles.push('assigner');
  return {
    isLead,
    isCoordinator,
    isAssigner,
    leaderRead,
    leaderAssign,
    read: isLead || isCoordinator || isAssigner || leaderRead || leaderAssign,
    roles,
    target,
  };
}

/** Not a participant and no leader's read: 403 within the actor's own unit, else the hidden 404 (lib/scope). */
export function assertRead(user: CurrentUser, access: Access) {
  if (!access.read) throw deny(user, access.target, 'Bạn không tham gia công việc này và không có quyền xem công việc của đơn vị.');
}

/** The person behind the account: actions are recorded per person. */
export function actingPerson(user: CurrentUser): string {
  if (!user.personId) throw new AppError('FORBIDDEN', 'Tài khoản chưa gắn với cán bộ nào nên không ghi nhận được thao tác trên công việc.');
  return user.personId;
}

/**
 * An active person of the agency, or NOT_FOUND at `path`: a missing, inactive or other agency's person
 * (and, in the callers, one outside what the actor sees) all give this same answer (lib/scope rule).
 */
export const personNotFound = (path: string, personId: string) => {
  const message = `Không tìm thấy cán bộ đang công tác có mã "${personId}" trong cơ quan.`;
  return new AppError('NOT_FOUND', message, { issues: [{ path, message }] });
};
export async function activePersonOf(db: Db, personId: string, agencyId: string | null, path: string) {
  const [p] = await db
    .select({ id: people.id, agencyId: people.agencyId, unitId: people.unitId, fullName: people.fullName, active: people.active })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  // A person of another agency answers like a missing one (no names across agencies).
  if (!p?.active || (agencyId && p.agencyId !== agencyId)) throw personNotFound(path, personId);
  return p;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function recordAction(
  tx: Db,
  task: Pick<TaskRow, 'id' | 'agencyId'>,
  personId: string,
  at: Date,
  kind: string,
  body: string | null,
  data: unknown = null,
) {
  const [row] = await tx
    .insert(taskActions)
    .values({ taskId: task.id, personId, agencyId: task.agencyId, at, day: todayVn(at), kind, body, data: data as never })
    .returning({ id: taskActions.id });
  return row!.id;
}

// ---------------------------------------------------------------- create

export async function createTask(deps: Deps, user: CurrentUser, input: TaskCreate): Promise<TaskDetail> {
  const lead = await activePersonOf(deps.db, input.assigneeId, null, 'body.assigneeId');
  const target = await unitTarget(deps.db, lead.unitId);
  if (!can(user, 'task.assign', target)) {
    // Someone outside what the actor can see answers like a missing person (no names, no probing).
    if (!sees(user, target)) throw personNotFound('body.assigneeId', input.assigneeId);
    throw new AppError('FORBIDDEN', `Bạn không có quyền giao việc cho ${lead.fullName} (chỉ lãnh đạo đơn vị của người đó hoặc lãnh đạo cơ quan giao được).`);
  }
  const coordinatorIds = [...new Set(input.coordinatorIds ?? [])];
  for (const [i, id] of (input.coordinatorIds ?? []).entries()) {
    if (id === lead.id) throw invalid(`body.coordinatorIds[${i}]`, 'Người chủ trì không đồng thời là người phối hợp.');
    await activePersonOf(deps.db, id, lead.agencyId, `body.coordinatorIds[${i}]`);
  }
  const now = deps.clock.now();
  const today = todayVn(now);
  if (input.dueDate && input.dueDate < today) throw invalid('body.dueDate', `Hạn xử lý không được trước hôm nay (${formatDateVi(today)}).`);
  const id = newId('tsk');
  const task = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        id,
        agencyId: lead.agencyId,
        unitId: lead.unitId,
        title: input.title,
        description: input.description || null,
        assigneeId: lead.id,
        assignedByUserId: user.userId,
        assignedAt: now,
        dueDate: input.dueDate ?? null,
        priority: input.priority,
        status: 'assigned',
        source: 'app',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (coordinatorIds.length) await tx.insert(taskPeople).values(coordinatorIds.map((personId) => ({ taskId: id, personId, role: 'coordinate' })));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'task.created',
      entity: 'task',
      entityId: id,
      agencyId: lead.agencyId,
      data: { title: input.title, assigneeId: lead.id, coordinatorIds, dueDate: input.dueDate ?? null, priority: input.priority },
    });
    const due = input.dueDate ? `Hạn xử lý: ${formatDateVi(input.dueDate)}. ` : '';
    const body = `${due}Mức độ: ${TASK_PRIORITY_LABELS_VI[input.priority]}. Người giao: ${user.displayName}.`;
    await notify(tx, deps.clock, {
      personIds: [lead.id],
      kind: 'task.assigned',
      title: `Bạn được giao chủ trì: ${input.title}`,
      body,
      link: `/tasks/${id}`,
      email: true,
    });
    if (coordinatorIds.length) {
      await notify(tx, deps.clock, {
        personIds: coordinatorIds,
        kind: 'task.assigned',
        title: `Bạn được giao phối hợp: ${input.title}`,
        body: `Chủ trì: ${lead.fullName}. ${body}`,
        link: `/tasks/${id}`,
        email: true,
      });
    }
    return row!;
  });
  return detailOf(deps.db, user, task, today);
}

// ---------------------------------------------------------------- detail

export function presentItem(
  t: TaskRow,
  extra: {
    leadName: string | null;
    unitName: string | null;
    commentCount: number;
    attachmentCount: number;
    coordinator: boolean;
    coordinators?: { id: string; fullName: string }[];
  },
  user: CurrentUser,
  today: string,
): TaskListItem {
  const myRoles: TaskListItem['myRoles'] = [];
  if (user.personId && t.assigneeId === user.personId) myRoles.push('lead');
  if (extra.coordinator) myRoles.push('coordinator');
  if (t.assignedByUserId && t.assignedByUserId === user.userId) myRoles.push('assigner');
  const status = t.status as TaskStatus;
  return {
    id: t.id,
    title: t.title,
    status,
    statusLabel: TASK_STATUS_LABELS_VI[status] ?? t.status,
    priority: t.priority as TaskPriority,
    dueDate: t.dueDate,
    assignedAt: t.assignedAt.toISOString(),
    finishedAt: iso(t.finishedAt),
    overdue: isOverdue(t, today),
    daysOverdue: daysOverdue(t, today),
    lead: { id: t.assigneeId, fullName: extra.leadName ?? t.assigneeId },
    coordinators: extra.coordinators ?? [],
    unit: { id: t.unitId, name: extra.unitName ?? t.unitId },
    agencyId: t.agencyId,
    source: t.source === 'import' ? 'import' : 'app',
    commentCount: extra.commentCount,
    attachmentCount: extra.attachmentCount,
    myRoles,
    version: t.version,
  };
}

export async function detailOf(
  db: Db,
  user: CurrentUser,
  task: TaskRow,
  today: string,
  known?: { coordinators: string[]; access: Access },
): Promise<TaskDetail> {
  const coordinators = known?.coordinators ?? (await coordinatorIdsOf(db, task.id));
  const access = known?.access ?? (await accessOf(db, user, task, coordinators));
  const personIds = [task.assigneeId, ...coordinators];
  const peopleRows = await db
    .select({ id: people.id, fullName: people.fullName, unitName: units.name })
    .from(people)
    .leftJoin(units, eq(units.id, people.unitId))
    .where(inArray(people.id, personIds));
  const byId = new Map(peopleRows.map((p) => [p.id, p]));
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, task.unitId));
  const assigner = task.assignedByUserId
    ? (await db.select({ userId: users.id, displayName: users.displayName }).from(users).where(eq(users.id, task.assignedByUserId)))[0]
    : undefined;
  const timeline = await db
    .select({
      id: taskActions.id,
      personId: taskActions.personId,
      fullName: people.fullName,
      at: taskActions.at,
      kind: taskActions.kind,
      body: taskActions.body,
      data: taskActions.data,
    })
    .from(taskActions)
    .leftJoin(people, eq(people.id, taskActions.personId))
    .where(eq(taskActions.taskId, task.id))
    .orderBy(asc(taskActions.at), asc(taskActions.id))
    .limit(5000);
  const attachments = await db
    .select({
      a: {
        id: taskAttachments.id,
        fileName: taskAttachments.fileName,
        mimeType: taskAttachments.mimeType,
        size: taskAttachments.size,
        sha256: taskAttachments.sha256,
        personId: taskAttachments.personId,
        createdAt: taskAttachments.createdAt,
      },
      fullName: people.fullName,
    })
    .from(taskAttachments)
    .leftJoin(people, eq(people.id, taskAttachments.personId))
    .where(eq(taskAttachments.taskId, task.id))
    .orderBy(asc(taskAttachments.createdAt), asc(taskAttachments.id));
  const commentCount = timeline.filter((a) => a.kind === 'comment').length;
  const item = presentItem(
    task,
    {
      leadName: byId.get(task.assigneeId)?.fullName ?? null,
      unitName: unit?.name ?? null,
      commentCount,
      attachmentCount: attachments.length,
      coordinator: access.isCoordinator,
    },
    user,
    today,
  );
  const mayAct = !!user.personId && access.read;
  return {
    ...item,
    description: task.description,
    returnReason: task.returnReason,
    assignedBy: assigner ?? null,
    externalId: task.externalId,
    people: [
      {
        personId: task.assigneeId,
        fullName: byId.get(task.assigneeId)?.fullName ?? task.assigneeId,
        unitName: byId.get(task.assigneeId)?.unitName ?? '',
        role: 'lead' as const,
      },
      ...coordinators.map((id) => ({
        personId: id,
        fullName: byId.get(id)?.fullName ?? id,
        unitName: byId.get(id)?.unitName ?? '',
        role: 'coordinate' as const,
      })),
    ],
    timeline: timeline.map((a) => ({
      id: a.id,
      personId: a.personId,
      fullName: a.fullName ?? a.personId,
      at: a.at.toISOString(),
      kind: a.kind,
      kindLabel: actionKindLabel(a.kind),
      body: a.body,
      data: a.data ?? null,
    })),
    attachments: attachments.map((r) => presentAttachment(r.a, r.fullName)),
    can: { comment: mayAct, attach: mayAct, statuses: task.source === 'import' ? [] : allowedTransitions(task.status as TaskStatus, access.roles) },
  };
}

export function presentAttachment(a: Omit<typeof taskAttachments.$inferSelect, 'content' | 'taskId'>, fullName: string | null): TaskAttachmentView {
  return {
    id: a.id,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    personId: a.personId,
    fullName: fullName ?? a.personId,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * The task with its people, timeline and attachments. A lead person or coordinator opening it records
 * a `view` action, at most once per person per day (Asia/Ho_Chi_Minh).
 */
export async function getTask(deps: Deps, user: CurrentUser, id: string): Promise<TaskDetail> {
  const task = await loadTask(deps.db, id);
  const coordinators = await coordinatorIdsOf(deps.db, id);
  const access = await accessOf(deps.db, user, task, coordinators);
  assertRead(user, access);
  const now = deps.clock.now();
  const today = todayVn(now);
  if ((access.isLead || access.isCoordinator) && user.personId) {
    const personId = user.personId;
    await deps.db.transaction(async (tx) => {
      // Two tabs opening the task at once must not record two views.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`task-view:${id}:${personId}:${today}`}))`);
      const [seen] = await tx
        .select({ id: taskActions.id })
        .from(taskActions)
        .where(and(eq(taskActions.taskId, id), eq(taskActions.personId, personId), eq(taskActions.day, today), eq(taskActions.kind, 'view')))
        .limit(1);
      if (!seen) await recordAction(tx, task, personId, now, 'view', null);
    });
  }
  return detailOf(deps.db, user, task, today, { coordinators, access });
}
