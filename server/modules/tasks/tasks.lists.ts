/** Task lists: the filtered list with its counts (mine, assigned by me, a unit, the agency), overdue tasks and their notice. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { TaskCounts, TaskListQuery, TaskListResponse } from '../../../shared/contracts/tasks';
import { addDays, formatDateVi, vnInstant } from '../../../shared/domain/dates';
import { can } from '../../../shared/domain/permissions';
import { FOLD_FROM, FOLD_TO, foldVi } from '../../../shared/domain/text';
import { daysOverdue, TASK_STATUS_LABELS_VI, TASK_STATUSES, todayVn, type TaskStatus } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { agencyTarget, deny, unitTarget } from '../../lib/scope';
import { jobRuns } from '../jobs/jobs.table';
import { notify } from '../notifications/notify';
import { people, units } from '../org/org.table';
import { coordinatorIdsOf, presentItem } from './tasks.service';
import { tasks } from './tasks.table';
import { escapeLike } from '../../lib/like';

// ---------------------------------------------------------------- list

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
