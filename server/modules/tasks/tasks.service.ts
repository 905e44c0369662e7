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
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { FOLD_FROM, FOLD_TO, foldVi } from '../../../shared/domain/text';
import type {
  TaskAttachmentView,
  TaskCounts,
  TaskCreate,
  TaskDetail,
  TaskListItem,
  TaskListQuery,
  TaskListResponse,
  TaskStatusChange,
} from '../../../shared/contracts/tasks';
import { TASK_ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/tasks';
import { addDays, formatDateVi, vnInstant } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/permissions';
import {
  actionKindLabel,
  actionKindOfTransition,
  allowedTransitions,
  canTransition,
  daysOverdue,
  isOverdue,
  TASK_PRIORITY_LABELS_VI,
  TASK_STATUS_LABELS_VI,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  todayVn,
  type TaskActorRole,
  type TaskPriority,
  type TaskStatus,
} from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, deny, hiddenNotFound, sees, unitTarget } from '../../lib/scope';
import { users } from '../auth/auth.table';
import { jobRuns } from '../jobs/jobs.table';
import { notify } from '../notifications/notify';
import { people, units } from '../org/org.table';
import { taskActions, taskAttachments, taskPeople, tasks } from './tasks.table';

type TaskRow = typeof tasks.$inferSelect;

// ---------------------------------------------------------------- helpers

export async function loadTask(db: Db, id: string): Promise<TaskRow> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  return row;
}

async function coordinatorIdsOf(db: Db, taskId: string): Promise<string[]> {
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

async function accessOf(db: Db, user: CurrentUser, task: TaskRow, coordinators: string[]): Promise<Access> {
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
function assertRead(user: CurrentUser, access: Access) {
  if (!access.read) throw deny(user, access.target, 'Bạn không tham gia công việc này và không có quyền xem công việc của đơn vị.');
}

/** The person behind the account: actions are recorded per person. */
function actingPerson(user: CurrentUser): string {
  if (!user.personId) throw new AppError('FORBIDDEN', 'Tài khoản chưa gắn với cán bộ nào nên không ghi nhận được thao tác trên công việc.');
  return user.personId;
}

/**
 * An active person of the agency, or NOT_FOUND at `path`: a missing, inactive or other agency's person
 * (and, in the callers, one outside what the actor sees) all give this same answer (lib/scope rule).
 */
const personNotFound = (path: string, personId: string) => {
  const message = `Không tìm thấy cán bộ đang công tác có mã "${personId}" trong cơ quan.`;
  return new AppError('NOT_FOUND', message, { issues: [{ path, message }] });
};
async function activePersonOf(db: Db, personId: string, agencyId: string | null, path: string) {
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

async function recordAction(
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

// ---------------------------------------------------------------- list

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL: the task is overdue on `today`. */
export function overdueSql(today: string): SQL {
  return and(isNotNull(tasks.dueDate), lt(tasks.dueDate, today), ne(tasks.status, 'done'))!;
}

const coordinatorOf = (personId: string) => sql`exists (select 1 from task_people tp where tp.task_id = ${tasks.id} and tp.person_id = ${personId})`;

export async function listTasks(deps: Deps, user: CurrentUser, q: TaskListQuery): Promise<TaskListResponse> {
  const today = todayVn(deps.clock.now());
  const scope = q.scope ?? 'mine';
  const base: SQL[] = [];
  if (scope === 'mine') {
    if (!user.personId) base.push(sql`false`);
    // A union of two index lookups (lead, coordinator) rather than an OR that would scan every task.
    else
      base.push(
        sql`${tasks.id} in (select t2.id from tasks t2 where t2.assignee_id = ${user.personId} union select tp.task_id from task_people tp where tp.person_id = ${user.personId})`,
      );
    if (q.unitId) base.push(eq(tasks.unitId, q.unitId));
    if (q.agencyId) base.push(eq(tasks.agencyId, q.agencyId));
  } else if (scope === 'assigned') {
    base.push(eq(tasks.assignedByUserId, user.userId));
    if (q.unitId) base.push(eq(tasks.unitId, q.unitId));
    if (q.agencyId) base.push(eq(tasks.agencyId, q.agencyId));
  } else if (scope === 'unit') {
    const unitId = q.unitId ?? user.unitId;
    if (!unitId) throw invalid('query.unitId', 'Chọn đơn vị.');
    const target = await unitTarget(deps.db, unitId);
    if (!can(user, 'task.read', target)) throw deny(user, target, 'Bạn không có quyền xem công việc của đơn vị này.');
    base.push(eq(tasks.unitId, unitId));
  } else {
    const agencyId = q.agencyId ?? user.agencyId;
    if (!agencyId) throw invalid('query.agencyId', 'Chọn cơ quan.');
    const target = await agencyTarget(deps.db, agencyId);
    if (!can(user, 'task.read', target)) throw deny(user, target, 'Bạn không có quyền xem công việc của cả cơ quan.');
    base.push(eq(tasks.agencyId, agencyId));
    if (q.unitId) base.push(eq(tasks.unitId, q.unitId));
  }
  // Without diacritics on both sides: "bien che" finds "Biên chế".
  if (q.q) base.push(sql`translate(${tasks.title}, ${FOLD_FROM}, ${FOLD_TO}) like ${`%${escapeLike(foldVi(q.q))}%`}`);
  if (q.from) base.push(gte(tasks.assignedAt, vnInstant(q.from, '00:00')));
  if (q.to) base.push(lt(tasks.assignedAt, vnInstant(addDays(q.to, 1), '00:00')));

  const filters = [...base];
  if (q.status) filters.push(inArray(tasks.status, q.status.split(',')));
  if (q.overdue === '1') filters.push(overdueSql(today));
  if (q.overdue === '0') filters.push(sql`not (${overdueSql(today)})`);

  const myPerson = user.personId ?? '';
  const rows = await deps.db
    .select({
      task: tasks,
      leadName: people.fullName,
      unitName: units.name,
      commentCount: sql<number>`(select count(*)::int from task_actions a where a.task_id = ${tasks.id} and a.kind = 'comment')`,
      attachmentCount: sql<number>`(select count(*)::int from task_attachments f where f.task_id = ${tasks.id})`,
      coordinators: sql<unknown>`coalesce((select json_agg(json_build_object('id', cp.id, 'fullName', cp.full_name) order by cp.full_name) from task_people tpc join people cp on cp.id = tpc.person_id where tpc.task_id = ${tasks.id}), '[]')`,
      coordinator: user.personId ? sql<boolean>`${coordinatorOf(myPerson)}` : sql<boolean>`false`,
    })
    .from(tasks)
    .leftJoin(people, eq(people.id, tasks.assigneeId))
    .leftJoin(units, eq(units.id, tasks.unitId))
    .where(and(...filters))
    .orderBy(sql`${tasks.status} = 'done'`, sql`${tasks.dueDate} asc nulls last`, desc(tasks.assignedAt), asc(tasks.id))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
  const [totalRow] = await deps.db
    .select({ n: count() })
    .from(tasks)
    .where(and(...filters));
  const countRows = await deps.db
    .select({ status: tasks.status, n: count(), overdue: sql<number>`count(*) filter (where ${overdueSql(today)})` })
    .from(tasks)
    .where(and(...base))
    .groupBy(tasks.status);
  const counts: TaskCounts = { total: 0, overdue: 0, byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as TaskCounts['byStatus'] };
  for (const r of countRows) {
    counts.total += Number(r.n);
    counts.overdue += Number(r.overdue);
    if ((TASK_STATUSES as readonly string[]).includes(r.status)) counts.byStatus[r.status as TaskStatus] = Number(r.n);
  }
  return {
    tasks: rows.map((r) =>
      presentItem(
        r.task,
        {
          leadName: r.leadName,
          unitName: r.unitName,
          commentCount: Number(r.commentCount),
          attachmentCount: Number(r.attachmentCount),
          coordinator: !!r.coordinator,
          coordinators: (typeof r.coordinators === 'string' ? JSON.parse(r.coordinators) : r.coordinators) as { id: string; fullName: string }[],
        },
        user,
        today,
      ),
    ),
    total: Number(totalRow?.n ?? 0),
    counts,
    today,
  };
}

function presentItem(
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

// ---------------------------------------------------------------- detail

async function detailOf(db: Db, user: CurrentUser, task: TaskRow, today: string, known?: { coordinators: string[]; access: Access }): Promise<TaskDetail> {
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

function presentAttachment(a: Omit<typeof taskAttachments.$inferSelect, 'content' | 'taskId'>, fullName: string | null): TaskAttachmentView {
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

// ---------------------------------------------------------------- comments and attachments

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

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A file name without folders or control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .normalize('NFC')
    .trim();
  return (base || 'tep-dinh-kem').slice(-200);
}

export async function addAttachment(deps: Deps, user: CurrentUser, id: string, file: UploadedFile): Promise<TaskAttachmentView> {
  const task = await loadTask(deps.db, id);
  const coordinators = await coordinatorIdsOf(deps.db, id);
  const access = await accessOf(deps.db, user, task, coordinators);
  assertRead(user, access);
  const personId = actingPerson(user);
  if (file.bytes.length === 0) throw invalid('body.file', 'Tệp đính kèm rỗng (0 byte).');
  if (file.bytes.length > TASK_ATTACHMENT_MAX_BYTES) throw invalid('body.file', 'Tệp đính kèm vượt quá 10 MB.');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // Sent as base64 and decoded by the database: a bytea parameter is several times slower in PGlite.
  const now = deps.clock.now();
  const fileName = safeFileName(file.name);
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type.toLowerCase() : 'application/octet-stream';
  const attachmentId = newId('att');
  await deps.db.transaction(async (tx) => {
    await tx.insert(taskAttachments).values({
      id: attachmentId,
      taskId: id,
      personId,
      fileName,
      mimeType,
      size: file.bytes.length,
      sha256,
      content: sql`decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64')}, 'base64')`,
      createdAt: now,
    });
    await recordAction(tx, task, personId, now, 'attach', fileName, { attachmentId, size: file.bytes.length, sha256 });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'task.attachment_added',
      entity: 'task',
      entityId: id,
      agencyId: task.agencyId,
      data: { attachmentId, fileName, size: file.bytes.length, sha256 },
    });
  });
  const [p] = await deps.db.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId));
  return presentAttachment({ id: attachmentId, fileName, mimeType, size: file.bytes.length, sha256, personId, createdAt: now }, p?.fullName ?? null);
}

export async function getAttachment(
  deps: Deps,
  user: CurrentUser,
  id: string,
  attachmentId: string,
): Promise<{ fileName: string; mimeType: string; sha256: string; content: Buffer }> {
  const task = await loadTask(deps.db, id);
  const access = await accessOf(deps.db, user, task, await coordinatorIdsOf(deps.db, id));
  assertRead(user, access);
  const [a] = await deps.db
    .select({
      fileName: taskAttachments.fileName,
      mimeType: taskAttachments.mimeType,
      sha256: taskAttachments.sha256,
      content: sql<string>`encode(${taskAttachments.content}, 'base64')`,
    })
    .from(taskAttachments)
    .where(and(eq(taskAttachments.id, attachmentId), eq(taskAttachments.taskId, id)))
    .limit(1);
  if (!a) throw hiddenNotFound();
  return { fileName: a.fileName, mimeType: a.mimeType, sha256: a.sha256, content: Buffer.from(a.content, 'base64') };
}

// ---------------------------------------------------------------- overdue

export interface OverdueTask {
  id: string;
  title: string;
  agencyId: string;
  unitId: string;
  /** The lead person. */
  assigneeId: string;
  assignedByUserId: string | null;
  dueDate: string;
  status: TaskStatus;
  daysOverdue: number;
}

/**
 * Tasks overdue on `today` (deadline before today, not done), oldest deadline first: for dashboards and
 * reminders. `personId` selects the tasks the person leads.
 */
export async function overdueTasks(db: Db, opts: { agencyId?: string; unitId?: string; personId?: string; today: string }): Promise<OverdueTask[]> {
  const conds: SQL[] = [overdueSql(opts.today)];
  if (opts.agencyId) conds.push(eq(tasks.agencyId, opts.agencyId));
  if (opts.unitId) conds.push(eq(tasks.unitId, opts.unitId));
  if (opts.personId) conds.push(eq(tasks.assigneeId, opts.personId));
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      agencyId: tasks.agencyId,
      unitId: tasks.unitId,
      assigneeId: tasks.assigneeId,
      assignedByUserId: tasks.assignedByUserId,
      dueDate: tasks.dueDate,
      status: tasks.status,
    })
    .from(tasks)
    .where(and(...conds))
    .orderBy(asc(tasks.dueDate), asc(tasks.id));
  return rows.map((r) => ({ ...r, dueDate: r.dueDate!, status: r.status as TaskStatus, daysOverdue: daysOverdue(r, opts.today) }));
}

/**
 * Tells the lead person, the coordinators and the assigner (in the app and by e-mail) that a task is
 * overdue, once per task and deadline, exactly once across app servers (a `job_runs` key per task and
 * deadline is inserted in the same transaction). For the scheduler, once a day. Returns the number of
 * tasks announced.
 */
export async function notifyOverdueTasks(deps: Deps, opts: { today?: string; agencyId?: string } = {}): Promise<number> {
  const today = opts.today ?? todayVn(deps.clock.now());
  const list = await overdueTasks(deps.db, { today, agencyId: opts.agencyId });
  let sent = 0;
  for (const t of list) {
    await deps.db.transaction(async (tx) => {
      const key = `task-overdue:${t.id}:${t.dueDate}`;
      const now = deps.clock.now();
      const claimed = await tx
        .insert(jobRuns)
        .values({ key, startedAt: now, finishedAt: now, result: 'notified' })
        .onConflictDoNothing()
        .returning({ key: jobRuns.key });
      if (!claimed.length) return;
      const coordinators = await coordinatorIdsOf(tx, t.id);
      const title = `Công việc quá hạn: ${t.title}`;
      const body = `Hạn xử lý ${formatDateVi(t.dueDate)}, đã quá ${t.daysOverdue} ngày; trạng thái: ${TASK_STATUS_LABELS_VI[t.status]}.`;
      await notify(tx, deps.clock, {
        personIds: [t.assigneeId, ...coordinators],
        userIds: t.assignedByUserId ? [t.assignedByUserId] : [],
        kind: 'task.overdue',
        title,
        body,
        link: `/tasks/${t.id}`,
        email: true,
      });
      sent++;
    });
  }
  return sent;
}
