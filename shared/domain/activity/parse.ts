/**
 * Reads a `congvu.activity/1` JSON document (../shared/formats/activity.md). Pure, isomorphic.
 *
 * Strict like the roster format: an unknown field is an error, every error names the JSON path
 * of the bad value, with a Vietnamese message; nothing is returned when anything is wrong.
 * Checks beyond the types: task ids are unique, every action names a task of the document.
 * A `finishedAt` before `assignedAt` (clocks of two systems differ) is not an error: the format asks
 * for no order (a task counts by its day of assignment and its day of finishing); it is a warning.
 */
import { isIsoDate } from '../dates';
import {
  ACTIVITY_FORMAT,
  MAX_REPORTED_ISSUES,
  timeToUtcMinutes,
  type Activity,
  type ActivityAction,
  type ActivityTask,
  type JsonIssue,
  type ParseResult,
  finishedBeforeAssignedMessage,
} from './format';

export type ActivityParseResult = ParseResult<Activity, JsonIssue>;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** JSON path of a field of the object at `base`. */
export function fieldPath(base: string, key: string): string {
  return IDENT.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Collects issues, keeping the first `MAX_REPORTED_ISSUES`. */
class Issues {
  list: JsonIssue[] = [];
  count = 0;
  add(path: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ path, message });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'một mảng';
  if (typeof v === 'object') return 'một đối tượng';
  if (typeof v === 'string') return `chuỗi ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
  return `${typeof v === 'number' ? 'số' : typeof v === 'boolean' ? 'giá trị' : typeof v} ${String(v)}`;
}

const TIME_HINT = 'cần thời gian ISO 8601, ví dụ 2021-07-20T09:12:00+07:00 (không ghi múi giờ = giờ Việt Nam)';

/** Message for a bad time value, or null when it is a valid time. */
export function timeProblem(v: unknown): string | null {
  if (typeof v !== 'string') return `Phải là chuỗi thời gian, không phải ${describe(v)}; ${TIME_HINT}`;
  if (Number.isNaN(timeToUtcMinutes(v))) return `Thời gian không hợp lệ ${JSON.stringify(v)}: ${TIME_HINT}`;
  return null;
}

/** Message for a bad calendar date, or null. */
export function dateProblem(v: unknown): string | null {
  if (typeof v !== 'string') return `Phải là chuỗi ngày dạng YYYY-MM-DD, không phải ${describe(v)}`;
  if (!isIsoDate(v)) return `Ngày không hợp lệ ${JSON.stringify(v)}: cần dạng YYYY-MM-DD, ví dụ 2021-07-23`;
  return null;
}

/** Message for a bad identifier (non-empty string), or null. */
export function idProblem(v: unknown): string | null {
  if (typeof v !== 'string') return `Phải là chuỗi ký tự (mã), không phải ${describe(v)}`;
  if (v.length === 0) return 'Không được để trống';
  return null;
}

/** Message for a bad action kind, or null. */
export function kindProblem(v: unknown): string | null {
  if (typeof v !== 'string') return `Phải là chuỗi ký tự (loại thao tác, ví dụ "view", "comment"), không phải ${describe(v)}`;
  if (v.length === 0) return 'Không được để trống (loại thao tác, ví dụ "view", "comment")';
  return null;
}

const TASK_FIELDS = new Set(['id', 'title', 'assigneeId', 'assignedAt', 'dueDate', 'finishedAt']);
const ACTION_FIELDS = new Set(['taskId', 'personId', 'at', 'kind']);
const ROOT_FIELDS = new Set(['format', 'tasks', 'actions']);

function unknownField(issues: Issues, base: string, key: string, allowed: Set<string>): void {
  issues.add(fieldPath(base, key), `Trường ${JSON.stringify(key)} không có trong định dạng ${ACTIVITY_FORMAT} (các trường hợp lệ: ${[...allowed].join(', ')})`);
}

function missing(issues: Issues, base: string, key: string): void {
  issues.add(fieldPath(base, key), `Thiếu trường bắt buộc ${JSON.stringify(key)}`);
}

function parseTask(v: unknown, path: string, issues: Issues, dates: Map<string, boolean>, warnings: Issues): ActivityTask | null {
  if (!isObject(v)) {
    issues.add(path, `Mỗi công việc phải là một đối tượng JSON, không phải ${describe(v)}`);
    return null;
  }
  const before = issues.count;
  for (const key in v) if (!TASK_FIELDS.has(key)) unknownField(issues, path, key, TASK_FIELDS);
  for (const key of ['id', 'assigneeId'] as const) {
    if (!(key in v)) missing(issues, path, key);
    else {
      const p = idProblem(v[key]);
      if (p) issues.add(fieldPath(path, key), p);
    }
  }
  if (!('title' in v)) missing(issues, path, 'title');
  else if (typeof v.title !== 'string') issues.add(`${path}.title`, `Phải là chuỗi ký tự (tên công việc), không phải ${describe(v.title)}`);
  let assigned = NaN;
  if (!('assignedAt' in v)) missing(issues, path, 'assignedAt');
  else {
    const p = timeProblem(v.assignedAt);
    if (p) issues.add(`${path}.assignedAt`, p);
    else assigned = timeToUtcMinutes(v.assignedAt as string);
  }
  const due = v.dueDate;
  if (due !== undefined && due !== null) {
    // A few distinct deadlines for thousands of tasks: remember valid ones.
    if (typeof due !== 'string' || !dates.has(due)) {
      const p = dateProblem(due);
      if (p) issues.add(`${path}.dueDate`, p);
      else dates.set(due as string, true);
    }
  }
  if (v.finishedAt !== undefined && v.finishedAt !== null) {
    const p = timeProblem(v.finishedAt);
    if (p) issues.add(`${path}.finishedAt`, p);
    else if (timeToUtcMinutes(v.finishedAt as string) < assigned) {
      warnings.add(`${path}.finishedAt`, finishedBeforeAssignedMessage(v.finishedAt as string, v.assignedAt as string));
    }
  }
  if (issues.count !== before) return null;
  const task: ActivityTask = {
    id: v.id as string,
    title: v.title as string,
    assigneeId: v.assigneeId as string,
    assignedAt: v.assignedAt as string,
  };
  if (typeof v.dueDate === 'string') task.dueDate = v.dueDate;
  if (typeof v.finishedAt === 'string') task.finishedAt = v.finishedAt;
  return task;
}

/**
 * Checks one action in place. Hot path (millions of calls): a valid action costs a key scan, four
 * type checks, one map lookup and one time parse; paths and messages are only built on error.
 */
function checkAction(v: unknown, i: number, taskIds: Map<string, number>, issues: Issues): void {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    let known = true;
    for (const key in o) if (key !== 'taskId' && key !== 'personId' && key !== 'at' && key !== 'kind') known = false;
    const { taskId, personId, at, kind } = o;
    if (
      known &&
      typeof taskId === 'string' &&
      typeof personId === 'string' &&
      typeof at === 'string' &&
      typeof kind === 'string' &&
      personId.length > 0 &&
      kind.length > 0 &&
      taskIds.has(taskId) &&
      !Number.isNaN(timeToUtcMinutes(at))
    ) {
      return;
    }
  }
  actionIssues(v, i, taskIds, issues);
}

/** Every issue of an action that failed the fast check. */
function actionIssues(v: unknown, i: number, taskIds: Map<string, number>, issues: Issues): void {
  const path = `$.actions[${i}]`;
  if (!isObject(v)) {
    issues.add(path, `Mỗi thao tác phải là một đối tượng JSON, không phải ${describe(v)}`);
    return;
  }
  for (const key in v) if (!ACTION_FIELDS.has(key)) unknownField(issues, path, key, ACTION_FIELDS);
  if (!('taskId' in v)) missing(issues, path, 'taskId');
  else {
    const p = idProblem(v.taskId);
    if (p) issues.add(`${path}.taskId`, p);
    else if (!taskIds.has(v.taskId as string)) {
      issues.add(`${path}.taskId`, `Không có công việc nào có mã ${JSON.stringify(v.taskId)} trong "tasks"`);
    }
  }
  if (!('personId' in v)) missing(issues, path, 'personId');
  else {
    const p = idProblem(v.personId);
    if (p) issues.add(`${path}.personId`, p);
  }
  if (!('at' in v)) missing(issues, path, 'at');
  else {
    const p = timeProblem(v.at);
    if (p) issues.add(`${path}.at`, p);
  }
  if (!('kind' in v)) missing(issues, path, 'kind');
  else {
    const p = kindProblem(v.kind);
    if (p) issues.add(`${path}.kind`, p);
  }
}

/**
 * Checks a parsed JSON value against `congvu.activity/1`. On success the value holds fresh task
 * objects (a `null` `dueDate`/`finishedAt` is read as absent and dropped) and the input's action
 * objects themselves (they are exactly of the format: no copy of millions of objects).
 */
export function parseActivity(json: unknown): ActivityParseResult {
  const issues = new Issues();
  const warnings = new Issues();
  if (!isObject(json)) {
    issues.add('$', `Tệp hoạt động phải là một đối tượng JSON có "format": "${ACTIVITY_FORMAT}", không phải ${describe(json)}`);
    return { ok: false, issues: issues.list, omitted: issues.count - issues.list.length };
  }
  for (const key in json) if (!ROOT_FIELDS.has(key)) unknownField(issues, '$', key, ROOT_FIELDS);
  if (!('format' in json)) missing(issues, '$', 'format');
  else if (json.format !== ACTIVITY_FORMAT) {
    issues.add('$.format', `Định dạng phải là "${ACTIVITY_FORMAT}", không phải ${describe(json.format)}`);
  }

  const tasks: ActivityTask[] = [];
  const taskIds = new Map<string, number>();
  if (!('tasks' in json)) missing(issues, '$', 'tasks');
  else if (!Array.isArray(json.tasks)) issues.add('$.tasks', `Phải là một mảng công việc, không phải ${describe(json.tasks)}`);
  else {
    const list = json.tasks as unknown[];
    const dates = new Map<string, boolean>();
    for (let i = 0; i < list.length; i++) {
      const path = `$.tasks[${i}]`;
      const task = parseTask(list[i], path, issues, dates, warnings);
      const id = isObject(list[i]) ? (list[i] as Record<string, unknown>).id : undefined;
      if (typeof id === 'string' && id.length > 0) {
        const first = taskIds.get(id);
        if (first !== undefined) {
          issues.add(`${path}.id`, `Mã công việc ${JSON.stringify(id)} bị trùng (đã có ở $.tasks[${first}])`);
        } else taskIds.set(id, i);
      }
      if (task) tasks.push(task);
    }
  }

  let actions: ActivityAction[] = [];
  if (!('actions' in json)) missing(issues, '$', 'actions');
  else if (!Array.isArray(json.actions)) issues.add('$.actions', `Phải là một mảng thao tác, không phải ${describe(json.actions)}`);
  else {
    const list = json.actions as unknown[];
    for (let i = 0; i < list.length; i++) checkAction(list[i], i, taskIds, issues);
    actions = list as ActivityAction[];
  }

  if (issues.count > 0) return { ok: false, issues: issues.list, omitted: issues.count - issues.list.length };
  return { ok: true, value: { format: ACTIVITY_FORMAT, tasks, actions }, ...(warnings.count ? { warnings: warnings.list } : {}) };
}

/** Parses JSON text (an optional BOM is skipped) and checks it; a syntax error is an issue at `$`. */
export function parseActivityText(text: string): ActivityParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: [{ path: '$', message: `Không phải JSON hợp lệ: ${detail}` }], omitted: 0 };
  }
  return parseActivity(json);
}
