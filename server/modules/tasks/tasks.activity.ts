/**
 * The app's work activity as a `congvu.activity/1` document (formats/activity.md): what the Phụ lục 2
 * report feeds to the pure `computeAppendix2`. Tasks made in Congvu and imported ones alike.
 *
 * Set-based and lean for 50,000 people × 30 days × 3,000,000 actions: two queries (tasks, actions),
 * only the columns of the format, times formatted by the database (`YYYY-MM-DDTHH:MM:SS+07:00`, no
 * `Date` per row), filters on indexed columns (tasks by agency or lead person; actions by task, or by
 * agency and `day`), and lists passed as one `text[]` parameter (no parameter per id).
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, isIsoDate, vnInstant } from '../../../shared/domain/dates';
import { ACTIVITY_FORMAT, type Activity, type ActivityAction, type ActivityTask } from '../../../shared/domain/activity/format';
import type { Db } from '../../db/client';
import { textArray } from '../../db/client';
import { AppError } from '../../lib/errors';

export interface ActivityFromDbOptions {
  /** Tasks of these agencies (default: every agency). */
  agencyIds?: string[];
  /** Tasks whose lead person (`assigneeId`) is one of these (default: everybody). */
  personIds?: string[];
  /** Inclusive period (ISO dates). */
  from: string;
  to: string;
  /**
   * `all` (default): every action on the selected tasks whose day is in [from, to].
   * `appendix2`: only what Phụ lục 2 can count, fewer rows for the same report: the processing
   * actions (not `view`) of each task's lead person.
   */
  actions?: 'all' | 'appendix2';
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fff]+07:00` of a timestamptz column, computed by the database without time
 * zone data (the text of a timestamp is ISO with the ISO DateStyle the app's drivers already expect;
 * cheaper than `to_char`, which is the slowest part of a 3,000,000-row read).
 */
const vnTime = (column: SQL) => sql`replace(((${column} at time zone 'UTC') + interval '7 hours')::text, ' ', 'T') || '+07:00'`;

interface TaskRowOut {
  id: string;
  title: string;
  assignee_id: string;
  assigned_at: string;
  due_date: string | null;
  finished_at: string | null;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Tasks that can be open on a day of [from, to] (the day of `assignedAt` ≤ to and no `finishedAt`
 * or its day ≥ from), with their actions whose day is in [from, to] (actions outside the period
 * never count in its report). Validates against the format (`parseActivity` accepts the result).
 */
export async function activityFromDb(db: Db, opts: ActivityFromDbOptions): Promise<Activity> {
  if (!isIsoDate(opts.from) || !isIsoDate(opts.to) || opts.to < opts.from) throw new AppError('VALIDATION', 'Khoảng thời gian không hợp lệ.');
  if (opts.agencyIds && !opts.agencyIds.length) return { format: ACTIVITY_FORMAT, tasks: [], actions: [] };
  if (opts.personIds && !opts.personIds.length) return { format: ACTIVITY_FORMAT, tasks: [], actions: [] };
  const start = vnInstant(opts.from, '00:00');
  const end = vnInstant(addDays(opts.to, 1), '00:00');
  const agencies = opts.agencyIds ? textArray([...new Set(opts.agencyIds)]) : null;
  const persons = opts.personIds ? textArray([...new Set(opts.personIds)]) : null;

  // Tasks open at some time of the period.
  const taskConds: SQL[] = [
    sql`t.assigned_at < ${end.toISOString()}::timestamptz`,
    sql`(t.finished_at is null or t.finished_at >= ${start.toISOString()}::timestamptz)`,
  ];
  if (agencies) taskConds.push(sql`t.agency_id = any(${agencies})`);
  if (persons) taskConds.push(sql`t.assignee_id = any(${persons})`);
  const taskWhere = sql.join(taskConds, sql` and `);

  const taskRows = rowsOf<TaskRowOut>(
    await db.execute(sql`
      select t.id, t.title, t.assignee_id, ${vnTime(sql`t.assigned_at`)} as assigned_at, t.due_date,
             case when t.finished_at is null then null else ${vnTime(sql`t.finished_at`)} end as finished_at
      from tasks t where ${taskWhere}
      order by t.id`),
  );

  // Their actions on the days of the period (the agency filter lets the (agency_id, day) index serve).
  const actionConds: SQL[] = [sql`a.day >= ${opts.from}`, sql`a.day <= ${opts.to}`, taskWhere];
  if (agencies) actionConds.push(sql`a.agency_id = any(${agencies})`);
  const actionWhere = sql.join(actionConds, sql` and `);
  // Rows come back already shaped as actions of the format: no copy of millions of objects.
  const actions =
    opts.actions === 'appendix2'
      ? rowsOf<ActivityAction>(
          await db.execute(sql`
            select a.task_id as "taskId", a.person_id as "personId", ${vnTime(sql`a.at`)} as "at", a.kind as "kind"
            from task_actions a join tasks t on t.id = a.task_id
            where ${actionWhere} and a.person_id = t.assignee_id and a.kind <> 'view'`),
        )
      : rowsOf<ActivityAction>(
          await db.execute(sql`
            select a.task_id as "taskId", a.person_id as "personId", ${vnTime(sql`a.at`)} as "at", a.kind as "kind"
            from task_actions a join tasks t on t.id = a.task_id
            where ${actionWhere}`),
        );

  const tasks: ActivityTask[] = new Array(taskRows.length);
  for (let i = 0; i < taskRows.length; i++) {
    const r = taskRows[i]!;
    const t: ActivityTask = { id: r.id, title: r.title, assigneeId: r.assignee_id, assignedAt: r.assigned_at };
    if (r.due_date) t.dueDate = r.due_date;
    if (r.finished_at) t.finishedAt = r.finished_at;
    tasks[i] = t;
  }
  return { format: ACTIVITY_FORMAT, tasks, actions };
}
