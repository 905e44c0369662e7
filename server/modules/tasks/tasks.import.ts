/**
 * Import of work activity from another e-office system (F3): a `congvu.activity/1` JSON document or
 * the CSV pair `tasks.csv` + `actions.csv` (formats/activity.md), read by the activity module's own
 * parsers (shared/domain/activity), then checked against the agency's people.
 *
 * - All or nothing: any error (format, row, unknown person) and nothing is written; the whole import
 *   is one transaction, serialised per agency.
 * - Idempotent: tasks are keyed by (agency, source id = `externalId`); importing the same file again
 *   changes nothing. The file is the truth for its tasks: their imported actions are made equal to the
 *   file's (new ones inserted, vanished ones removed); actions people recorded in Congvu on an
 *   imported task (views, comments) are kept.
 * - Imported tasks have source `import`, the lead person's current unit, and status `done` when
 *   finished, else `assigned` (their status is kept up to date by the source system).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TaskImportIssue, TaskImportResult } from '../../../shared/contracts/tasks';
import { fromDayNumber } from '../../../shared/domain/dates';
import { columnLetter, parseActivityCsv, readCsv, type ActivityCsvInput } from '../../../shared/domain/activity/csv';
import { MAX_REPORTED_ISSUES, timeToUtcMinutes, vnDayOfUtcMinutes, type Activity, type CsvIssue } from '../../../shared/domain/activity/format';
import { parseActivity, parseActivityText } from '../../../shared/domain/activity/parse';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { findBadText, findBadTextInCsv, findBadTextInJson } from '../../lib/limits';
import { agencyTarget, assertCan } from '../../lib/scope';
import { agencies, people } from '../org/org.table';
import { taskActions, tasks } from './tasks.table';

export type ActivitySource =
  | { kind: 'json'; text: string }
  | { kind: 'json-value'; value: unknown }
  | { kind: 'csv'; tasks: string | Uint8Array; actions: string | Uint8Array; names?: { tasks?: string; actions?: string } };

/** Marks the actions written by an import (`task_actions.data`). */
export const IMPORT_MARK = { source: 'import' } as const;

const CHUNK = 1000;

function fail(issues: TaskImportIssue[], omitted: number): never {
  const n = issues.length + omitted;
  throw new AppError('VALIDATION', `Tệp có ${n} lỗi; chưa nhập dữ liệu nào. Sửa các lỗi rồi nhập lại.`, {
    issues: issues.map((i) => ({ path: i.path, message: i.message })),
    details: { errors: issues, omitted },
  });
}

function csvIssue(i: CsvIssue): TaskImportIssue {
  let path = i.file;
  if (i.row !== null) path += `, dòng ${i.row}`;
  if (i.column !== null) path += `, cột ${i.column}`;
  return { path, file: i.file, row: i.row, column: i.column, message: i.message };
}

const jsonPath = (p: string) => `body${p.replace(/^\$/, '')}`;

/** Milliseconds since the epoch of a time of the format (seconds and fractions kept; no offset = Vietnam). */
export function activityTimeToMs(s: string): number {
  let ms = timeToUtcMinutes(s) * 60_000;
  if (s.charCodeAt(16) === 58 /* : */) {
    ms += Number(s.slice(17, 19)) * 1000;
    if (s.charCodeAt(19) === 46 /* . */) {
      const digits = /^\d+/.exec(s.slice(20))?.[0] ?? '0';
      ms += Math.floor(Number(`0.${digits}`) * 1000);
    }
  }
  return ms;
}

/** Spreadsheet rows of the records of a (valid) CSV file, and the label of `column`. */
function csvRows(input: string | Uint8Array, column: string): { rows: number[]; label: string } {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const rows: number[] = [];
  let width = 0;
  let label = column;
  readCsv(text, (cells, row) => {
    if (row === 1) {
      width = cells.length;
      const k = cells.indexOf(column);
      label = `${columnLetter(k)} (${column})`;
      return;
    }
    if (cells.length === width) rows.push(row);
  });
  return { rows, label };
}

export async function importActivity(
  deps: Deps,
  user: CurrentUser,
  agencyId: string,
  source: ActivitySource,
  opts: { dryRun?: boolean } = {},
): Promise<TaskImportResult> {
  assertCan(user, 'task.import', await agencyTarget(deps.db, agencyId));

  // 0. Text PostgreSQL refuses (NUL) or that is not Unicode (lone surrogates), named by its cell or path.
  const badText =
    source.kind === 'csv'
      ? (findBadTextInCsv(source.tasks, source.names?.tasks ?? 'tasks.csv') ?? findBadTextInCsv(source.actions, source.names?.actions ?? 'actions.csv'))
      : source.kind === 'json'
        ? findBadTextInJson(source.text)
        : (() => {
            const i = findBadText(source.value, 'body');
            return i && { ...i, file: null, row: null, column: null };
          })();
  if (badText) fail([badText], 0);

  // 1. The format, with the activity module's parsers (all-or-nothing, paths / rows and columns).
  let activity: Activity;
  // Records imported anyway but worth a look (a task finished before it was assigned: clocks differ).
  let warnings: TaskImportIssue[];
  if (source.kind === 'csv') {
    const parsed = parseActivityCsv({ tasks: source.tasks, actions: source.actions } satisfies ActivityCsvInput, source.names);
    if (!parsed.ok) fail(parsed.issues.map(csvIssue), parsed.omitted);
    activity = parsed.value;
    warnings = (parsed.warnings ?? []).map(csvIssue);
  } else {
    const parsed = source.kind === 'json' ? parseActivityText(source.text) : parseActivity(source.value);
    const jsonIssue = (i: { path: string; message: string }): TaskImportIssue => ({
      path: jsonPath(i.path),
      file: null,
      row: null,
      column: null,
      message: i.message,
    });
    if (!parsed.ok) fail(parsed.issues.map(jsonIssue), parsed.omitted);
    activity = parsed.value;
    warnings = (parsed.warnings ?? []).map(jsonIssue);
  }

  // 2. Every person must be a person of the agency.
  const [agency] = await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  const unitOf = new Map(
    (await deps.db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.agencyId, agencyId))).map((p) => [p.id, p.unitId]),
  );
  const unknown = (id: string) => `Không có cán bộ mã ${JSON.stringify(id)} trong ${agency?.name ?? agencyId}`;
  const badTasks: number[] = [];
  const badActions: number[] = [];
  activity.tasks.forEach((t, i) => unitOf.has(t.assigneeId) || badTasks.push(i));
  for (let i = 0; i < activity.actions.length; i++) if (!unitOf.has(activity.actions[i]!.personId)) badActions.push(i);
  const badCount = badTasks.length + badActions.length;
  if (badCount) {
    const issues: TaskImportIssue[] = [];
    if (source.kind === 'csv') {
      const tasksFile = source.names?.tasks ?? 'tasks.csv';
      const actionsFile = source.names?.actions ?? 'actions.csv';
      if (badTasks.length) {
        const { rows, label } = csvRows(source.tasks, 'assigneeId');
        for (const i of badTasks.slice(0, MAX_REPORTED_ISSUES))
          issues.push(csvIssue({ file: tasksFile, row: rows[i] ?? null, column: label, message: unknown(activity.tasks[i]!.assigneeId) }));
      }
      if (badActions.length && issues.length < MAX_REPORTED_ISSUES) {
        const { rows, label } = csvRows(source.actions, 'personId');
        for (const i of badActions.slice(0, MAX_REPORTED_ISSUES - issues.length))
          issues.push(csvIssue({ file: actionsFile, row: rows[i] ?? null, column: label, message: unknown(activity.actions[i]!.personId) }));
      }
    } else {
      for (const i of badTasks.slice(0, MAX_REPORTED_ISSUES))
        issues.push({ path: `body.tasks[${i}].assigneeId`, file: null, row: null, column: null, message: unknown(activity.tasks[i]!.assigneeId) });
      for (const i of badActions.slice(0, MAX_REPORTED_ISSUES - issues.length))
        issues.push({ path: `body.actions[${i}].personId`, file: null, row: null, column: null, message: unknown(activity.actions[i]!.personId) });
    }
    fail(issues, badCount - issues.length);
  }

  // 3. Write, in one transaction.
  const DRY_RUN = Symbol('dry-run');
  let result: Omit<TaskImportResult, 'warnings'> | undefined;
  try {
    await deps.db.transaction(async (tx) => {
      result = await write(deps, tx, user, agencyId, activity, unitOf, source.kind === 'csv' ? 'csv' : 'json', !!opts.dryRun);
      if (opts.dryRun) throw DRY_RUN;
    });
  } catch (err) {
    if (err !== DRY_RUN) throw err;
  }
  return { ...result!, warnings };
}

async function write(
  deps: Deps,
  tx: Db,
  user: CurrentUser,
  agencyId: string,
  activity: Activity,
  unitOf: Map<string, string>,
  format: 'json' | 'csv',
  dryRun: boolean,
): Promise<Omit<TaskImportResult, 'warnings'>> {
  // One import per agency at a time: the existence checks below stay true until commit.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tasks-import:${agencyId}`}))`);
  const now = deps.clock.now();

  // Tasks: insert new ones, update changed ones, keyed by (agency, externalId).
  const existing = new Map<string, typeof tasks.$inferSelect>();
  const externalIds = activity.tasks.map((t) => t.id);
  for (let i = 0; i < externalIds.length; i += CHUNK) {
    const rows = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.agencyId, agencyId), inArray(tasks.externalId, externalIds.slice(i, i + CHUNK))));
    for (const r of rows) existing.set(r.externalId!, r);
  }
  const idOf = new Map<string, string>();
  const upserts: (typeof tasks.$inferInsert)[] = [];
  let created = 0;
  let updated = 0;
  let unchangedTasks = 0;
  for (const t of activity.tasks) {
    const assignedAt = new Date(activityTimeToMs(t.assignedAt));
    const finishedAt = t.finishedAt ? new Date(activityTimeToMs(t.finishedAt)) : null;
    const wanted = {
      title: t.title,
      assigneeId: t.assigneeId,
      unitId: unitOf.get(t.assigneeId)!,
      assignedAt,
      dueDate: t.dueDate ?? null,
      finishedAt,
      status: finishedAt ? 'done' : 'assigned',
    };
    const old = existing.get(t.id);
    if (old) {
      idOf.set(t.id, old.id);
      const same =
        old.title === wanted.title &&
        old.assigneeId === wanted.assigneeId &&
        old.unitId === wanted.unitId &&
        old.assignedAt.getTime() === assignedAt.getTime() &&
        old.dueDate === wanted.dueDate &&
        (old.finishedAt?.getTime() ?? null) === (finishedAt?.getTime() ?? null) &&
        old.status === wanted.status &&
        old.source === 'import';
      if (same) {
        unchangedTasks++;
        continue;
      }
      updated++;
      upserts.push({ id: old.id, agencyId, externalId: t.id, source: 'import', createdAt: now, updatedAt: now, ...wanted });
    } else {
      created++;
      const id = newId('tsk');
      idOf.set(t.id, id);
      upserts.push({ id, agencyId, externalId: t.id, source: 'import', createdAt: now, updatedAt: now, ...wanted });
    }
  }
  for (let i = 0; i < upserts.length; i += CHUNK) {
    await tx
      .insert(tasks)
      .values(upserts.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [tasks.agencyId, tasks.externalId],
        set: {
          title: sql`excluded.title`,
          assigneeId: sql`excluded.assignee_id`,
          unitId: sql`excluded.unit_id`,
          assignedAt: sql`excluded.assigned_at`,
          dueDate: sql`excluded.due_date`,
          finishedAt: sql`excluded.finished_at`,
          status: sql`excluded.status`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
          version: sql`${tasks.version} + 1`,
        },
      });
  }

  // Actions: make the imported actions of these tasks equal to the file's (as a multiset).
  const key = (taskId: string, personId: string, atMs: number, kind: string) => `${taskId}\u0000${personId}\u0000${atMs}\u0000${kind}`;
  const old = new Map<string, number[]>();
  const internalIds = [...existing.values()].map((r) => r.id);
  for (let i = 0; i < internalIds.length; i += CHUNK) {
    const rows = await tx
      .select({ id: taskActions.id, taskId: taskActions.taskId, personId: taskActions.personId, at: taskActions.at, kind: taskActions.kind })
      .from(taskActions)
      .where(and(inArray(taskActions.taskId, internalIds.slice(i, i + CHUNK)), sql`${taskActions.data}->>'source' = 'import'`));
    for (const r of rows) {
      const k = key(r.taskId, r.personId, r.at.getTime(), r.kind);
      const list = old.get(k);
      if (list) list.push(r.id);
      else old.set(k, [r.id]);
    }
  }
  const inserts: (typeof taskActions.$inferInsert)[] = [];
  let unchangedActions = 0;
  for (const a of activity.actions) {
    const taskId = idOf.get(a.taskId)!;
    const atMs = activityTimeToMs(a.at);
    const list = old.get(key(taskId, a.personId, atMs, a.kind));
    if (list?.length) {
      list.pop();
      unchangedActions++;
      continue;
    }
    inserts.push({
      taskId,
      personId: a.personId,
      agencyId,
      at: new Date(atMs),
      day: fromDayNumber(vnDayOfUtcMinutes(Math.floor(atMs / 60_000))),
      kind: a.kind,
      body: null,
      data: IMPORT_MARK,
    });
  }
  const stale = [...old.values()].flat();
  for (let i = 0; i < stale.length; i += CHUNK) await tx.delete(taskActions).where(inArray(taskActions.id, stale.slice(i, i + CHUNK)));
  for (let i = 0; i < inserts.length; i += CHUNK) await tx.insert(taskActions).values(inserts.slice(i, i + CHUNK));

  const result: Omit<TaskImportResult, 'warnings'> = {
    dryRun,
    tasks: { created, updated, unchanged: unchangedTasks },
    actions: { inserted: inserts.length, removed: stale.length, unchanged: unchangedActions },
  };
  if (!dryRun) {
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'task.imported',
      entity: 'agency',
      entityId: agencyId,
      agencyId,
      data: { format, tasks: result.tasks, actions: result.actions },
    });
  }
  return result;
}
