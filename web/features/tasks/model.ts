/**
 * Pure helpers of the task screens (Công việc): which tabs a user has, the list filters and the URL,
 * the due-date state ("Quá hạn N ngày"), the actions a user may take on a task, the assign form and
 * its payload, the timeline lines, file sizes, and the import errors. No React, no I/O.
 */
import type { TaskCreate, TaskDetail, TaskImportIssue, TaskListItem, TaskStatusChange } from '../../../shared/contracts/tasks';
import { TASK_ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/tasks';
import { PERMISSIONS, type AppRole } from '../../../shared/domain/permissions';
import {
  allowedTransitions,
  daysOverdue,
  reasonRequired,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskActorRole,
  type TaskPriority,
  type TaskStatus,
} from '../../../shared/domain/tasks';
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { foldVi as foldText } from '../../../shared/domain/text';

// ---------------------------------------------------------------- tabs and scopes

export const TASK_TABS = ['mine', 'assigned', 'unit', 'agency'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

/** The part of a session grant these helpers read. */
export interface GrantLike {
  role: AppRole;
  agencyId: string;
  agencyName?: string;
  unitId: string | null;
  unitName?: string | null;
}

export interface UnitScope {
  unitId: string;
  unitName: string;
  agencyId: string;
}
export interface AgencyScope {
  agencyId: string;
  agencyName: string;
}

function reachOf(action: 'task.read' | 'task.assign' | 'task.import', role: AppRole) {
  return PERMISSIONS[action][role];
}

/** Units whose tasks the user reads through a unit role (Trưởng phòng, Phó Trưởng phòng). */
export function readableUnits(grants: readonly GrantLike[]): UnitScope[] {
  const out = new Map<string, UnitScope>();
  for (const g of grants) {
    if (reachOf('task.read', g.role) === 'unit' && g.unitId && !out.has(g.unitId))
      out.set(g.unitId, { unitId: g.unitId, unitName: g.unitName ?? g.unitId, agencyId: g.agencyId });
  }
  return [...out.values()];
}

function agenciesFor(action: 'task.read' | 'task.assign' | 'task.import', grants: readonly GrantLike[]): AgencyScope[] {
  const out = new Map<string, AgencyScope>();
  for (const g of grants) {
    if (reachOf(action, g.role) === 'agency' && !out.has(g.agencyId)) out.set(g.agencyId, { agencyId: g.agencyId, agencyName: g.agencyName ?? g.agencyId });
  }
  return [...out.values()];
}

/** Agencies whose tasks the user reads as a whole (Văn phòng, Giám đốc, Phó Giám đốc). */
export const readableAgencies = (grants: readonly GrantLike[]) => agenciesFor('task.read', grants);
/** Agencies the user may import activity into (Văn phòng, Tổ CNTT). */
export const importAgencies = (grants: readonly GrantLike[]) => agenciesFor('task.import', grants);

/** Where the user may assign tasks: whole agencies (Giám đốc) or units (Trưởng phòng). */
export function assignScopes(grants: readonly GrantLike[]): { agencyIds: string[]; unitIds: string[] } {
  const agencyIds = agenciesFor('task.assign', grants).map((a) => a.agencyId);
  const unitIds: string[] = [];
  for (const g of grants) {
    if (reachOf('task.assign', g.role) === 'unit' && g.unitId && !agencyIds.includes(g.agencyId) && !unitIds.includes(g.unitId)) unitIds.push(g.unitId);
  }
  return { agencyIds, unitIds };
}

/** The tabs of the list: mine always; assigned for those who assign; unit / agency with task.read. */
export function tabsFor(grants: readonly GrantLike[]): TaskTab[] {
  const tabs: TaskTab[] = ['mine'];
  const assign = assignScopes(grants);
  if (assign.agencyIds.length || assign.unitIds.length) tabs.push('assigned');
  if (readableUnits(grants).length) tabs.push('unit');
  if (readableAgencies(grants).length) tabs.push('agency');
  return tabs;
}

// ---------------------------------------------------------------- filters ↔ URL ↔ API query

/** '' = every status; 'open' = not finished and not returned (chưa xử lý xong). */
export type StatusFilter = '' | 'open' | TaskStatus;
export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'received', 'in_progress'];
export const STATUS_FILTERS: readonly StatusFilter[] = ['', 'open', ...TASK_STATUSES];

export interface TaskFilters {
  tab: TaskTab;
  status: StatusFilter;
  overdue: boolean;
  q: string;
  /** Assigned from / to (ISO dates, '' = no bound). */
  from: string;
  to: string;
  /** Unit (unit tab with several units, agency tab narrowed to a unit); '' = default. */
  unitId: string;
  /** Agency (agency tab with several agencies); '' = default. */
  agencyId: string;
  /** 1-based page. */
  page: number;
}

export const PAGE_SIZE = 50;

export function defaultFilters(tab: TaskTab = 'mine'): TaskFilters {
  return { tab, status: '', overdue: false, q: '', from: '', to: '', unitId: '', agencyId: '', page: 1 };
}

const isStatusFilter = (v: string): v is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(v);

/** Filters from the address (`?tab=unit&status=open&overdue=1&q=báo cáo&from=2021-07-19&page=2`). */
export function filtersFromParams(params: URLSearchParams, tabs: readonly TaskTab[]): TaskFilters {
  const tab = params.get('tab') ?? '';
  const f = defaultFilters(tabs.includes(tab as TaskTab) ? (tab as TaskTab) : (tabs[0] ?? 'mine'));
  const status = params.get('status') ?? '';
  if (isStatusFilter(status)) f.status = status;
  f.overdue = params.get('overdue') === '1';
  f.q = params.get('q') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (isIsoDate(from)) f.from = from;
  if (isIsoDate(to)) f.to = to;
  f.unitId = params.get('unit') ?? '';
  f.agencyId = params.get('agency') ?? '';
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) f.page = page;
  return f;
}

/** The address of filters (defaults left out, so `/tasks` is "Việc của tôi", page 1, no filter). */
export function filtersToParams(f: TaskFilters, defaultTab: TaskTab = 'mine'): URLSearchParams {
  const p = new URLSearchParams();
  if (f.tab !== defaultTab) p.set('tab', f.tab);
  if (f.status) p.set('status', f.status);
  if (f.overdue) p.set('overdue', '1');
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.unitId) p.set('unit', f.unitId);
  if (f.agencyId) p.set('agency', f.agencyId);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export type ListQuery = Record<string, string | number | undefined>;

/** The query of GET /api/tasks for filters (the unit/agency scope ids resolved by the page). */
export function listQueryOf(f: TaskFilters, scope: { unitId?: string; agencyId?: string } = {}, pageSize = PAGE_SIZE): ListQuery {
  const status = f.status === 'open' ? OPEN_STATUSES.join(',') : f.status || undefined;
  let [from, to] = [f.from || undefined, f.to || undefined];
  if (from && to && from > to) [from, to] = [to, from];
  return {
    scope: f.tab,
    unitId: f.tab === 'unit' || f.tab === 'agency' ? scope.unitId || undefined : undefined,
    agencyId: f.tab === 'agency' ? scope.agencyId || undefined : undefined,
    status,
    overdue: f.overdue ? '1' : undefined,
    q: f.q.trim() || undefined,
    from,
    to,
    limit: pageSize,
    offset: (Math.max(1, f.page) - 1) * pageSize,
  };
}

/** Any filter other than the tab and the scope? (an empty list then says "no match", not "no task"). */
export function hasFilters(f: TaskFilters): boolean {
  return !!(f.status || f.overdue || f.q.trim() || f.from || f.to);
}

// ---------------------------------------------------------------- due date

export type DueState =
  | { kind: 'none' }
  /** Done: the deadline is history. */
  | { kind: 'done' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  /** Due within the next `days` (1 or 2) days. */
  | { kind: 'soon'; days: number }
  | { kind: 'later' };

/**
 * The state of a task's deadline on `today` (Asia/Ho_Chi_Minh): overdue the day after the deadline
 * (shared/domain/tasks isOverdue), whoever looks at it — lead, coordinator or assigner.
 */
export function dueStateOf(task: { dueDate: string | null; status: TaskStatus | string }, today: string): DueState {
  if (!task.dueDate) return { kind: 'none' };
  if (task.status === 'done') return { kind: 'done' };
  const days = daysOverdue(task, today);
  if (days > 0) return { kind: 'overdue', days };
  if (task.dueDate === today) return { kind: 'today' };
  if (task.dueDate <= addDays(today, 2)) return { kind: 'soon', days: task.dueDate === addDays(today, 1) ? 1 : 2 };
  return { kind: 'later' };
}

/** Open tasks first by urgency: overdue (longest first), then by deadline, tasks without one last. */
export function byUrgency(a: TaskListItem, b: TaskListItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.dueDate !== b.dueDate) {
    if (!a.dueDate) return 1;
    if (!b.dueDate) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.assignedAt < b.assignedAt ? -1 : a.assignedAt > b.assignedAt ? 1 : a.id < b.id ? -1 : 1;
}

// ---------------------------------------------------------------- actions on a task

export type TaskActionKind = 'receive' | 'start' | 'finish' | 'return' | 'reopen';

export interface TaskAction {
  kind: TaskActionKind;
  /** The status it moves the task to. */
  to: TaskStatus;
  /** Trả lại needs a reason. */
  needsReason: boolean;
  /** Giao lại may change the lead person and the deadline. */
  reassign: boolean;
  /** Asks for confirmation first (Hoàn thành cannot be undone). */
  confirm: boolean;
}

const ACTION_OF: Record<TaskStatus, TaskActionKind> = { received: 'receive', in_progress: 'start', done: 'finish', returned: 'return', assigned: 'reopen' };
/** Buttons left to right: moving forward first, returning last. */
const ACTION_ORDER: readonly TaskActionKind[] = ['receive', 'start', 'finish', 'reopen', 'return'];

/** The buttons for statuses a user may move a task to (from the server's `can.statuses`). */
export function actionsFor(statuses: readonly TaskStatus[]): TaskAction[] {
  return statuses
    .map((to) => ({ kind: ACTION_OF[to], to, needsReason: reasonRequired(to), reassign: to === 'assigned', confirm: to === 'done' }))
    .sort((a, b) => ACTION_ORDER.indexOf(a.kind) - ACTION_ORDER.indexOf(b.kind));
}

/**
 * The roles of a user in the state machine: the lead person moves the task; the assigner (or a leader
 * who may assign in the task's unit) reopens a returned one. Coordinators only comment and attach.
 */
export function actorRoles(myRoles: readonly TaskListItem['myRoles'][number][], mayAssignInUnit = false): TaskActorRole[] {
  const roles: TaskActorRole[] = [];
  if (myRoles.includes('lead')) roles.push('assignee');
  if (myRoles.includes('assigner') || mayAssignInUnit) roles.push('assigner');
  return roles;
}

/** What a user may do now on a task (imported tasks are updated in their source system only). */
export function allowedActions(task: Pick<TaskListItem, 'status' | 'source' | 'myRoles'>, mayAssignInUnit = false): TaskAction[] {
  if (task.source === 'import') return [];
  return actionsFor(allowedTransitions(task.status, actorRoles(task.myRoles, mayAssignInUnit)));
}

export type StatusFormError = 'reasonRequired' | 'dueInvalid' | 'duePast';

/**
 * The body of POST /tasks/:id/status for an action, with the version read; or the field errors.
 * A return needs a reason (≥ 3 characters); a reopening may name a new lead person and deadline.
 */
export function statusChangeOf(
  task: Pick<TaskDetail, 'version' | 'lead'>,
  action: TaskAction,
  input: { reason?: string; assigneeId?: string | null; dueDateText?: string },
  today: string,
): { ok: true; body: TaskStatusChange } | { ok: false; errors: Partial<Record<'reason' | 'dueDate', StatusFormError>> } {
  const body: TaskStatusChange = { status: action.to, version: task.version };
  const errors: Partial<Record<'reason' | 'dueDate', StatusFormError>> = {};
  if (action.needsReason) {
    const reason = (input.reason ?? '').trim();
    if (reason.length < 3) errors.reason = 'reasonRequired';
    else body.reason = reason;
  }
  if (action.reassign) {
    if (input.assigneeId && input.assigneeId !== task.lead.id) body.assigneeId = input.assigneeId;
    const due = parseDateText(input.dueDateText ?? '');
    if (due === null) errors.dueDate = 'dueInvalid';
    else if (due && due < today) errors.dueDate = 'duePast';
    else if (due) body.dueDate = due;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

// ---------------------------------------------------------------- assign form ↔ payload

export interface AssignFormValues {
  title: string;
  description: string;
  assigneeId: string | null;
  coordinatorIds: string[];
  /** As typed: dd/mm/yyyy, '' = no deadline. */
  dueDate: string;
  priority: TaskPriority;
}

export type AssignFormError = 'titleRequired' | 'titleShort' | 'assigneeRequired' | 'dueInvalid' | 'duePast' | 'coordinatorIsLead';
export type AssignFormErrors = Partial<Record<keyof AssignFormValues, AssignFormError>>;

export const EMPTY_ASSIGN_FORM: AssignFormValues = { title: '', description: '', assigneeId: null, coordinatorIds: [], dueDate: '', priority: 'normal' };

export function isPriority(v: unknown): v is TaskPriority {
  return typeof v === 'string' && (TASK_PRIORITIES as readonly string[]).includes(v);
}

/** The errors of the form on `today` (the server checks the same, in Vietnamese). */
export function validateAssignForm(v: AssignFormValues, today: string): AssignFormErrors {
  const e: AssignFormErrors = {};
  const title = v.title.trim();
  if (!title) e.title = 'titleRequired';
  else if (title.length < 3) e.title = 'titleShort';
  if (!v.assigneeId) e.assigneeId = 'assigneeRequired';
  const due = parseDateText(v.dueDate);
  if (due === null) e.dueDate = 'dueInvalid';
  else if (due && due < today) e.dueDate = 'duePast';
  if (v.assigneeId && v.coordinatorIds.includes(v.assigneeId)) e.coordinatorIds = 'coordinatorIsLead';
  return e;
}

/** The body of POST /api/tasks (call after validateAssignForm found nothing). */
export function assignPayloadOf(v: AssignFormValues): TaskCreate {
  const body: TaskCreate = { title: v.title.trim(), assigneeId: v.assigneeId ?? '', priority: v.priority };
  const description = v.description.trim();
  if (description) body.description = description;
  const coordinators = [...new Set(v.coordinatorIds)].filter((id) => id !== v.assigneeId);
  if (coordinators.length) body.coordinatorIds = coordinators;
  const due = parseDateText(v.dueDate);
  if (due) body.dueDate = due;
  return body;
}

/** A form filled from a task (to assign a similar one). */
export function assignFormOf(task: Pick<TaskDetail, 'title' | 'description' | 'lead' | 'people' | 'dueDate' | 'priority'>): AssignFormValues {
  return {
    title: task.title,
    description: task.description ?? '',
    assigneeId: task.lead.id,
    coordinatorIds: task.people.filter((p) => p.role === 'coordinate').map((p) => p.personId),
    dueDate: formatDateText(task.dueDate),
    priority: task.priority,
  };
}

// ---------------------------------------------------------------- timeline

export const KNOWN_ACTION_KINDS = ['view', 'comment', 'status', 'attach', 'forward', 'draft', 'finish'] as const;
export type KnownActionKind = (typeof KNOWN_ACTION_KINDS)[number];

export type TimelineDetail =
  | { type: 'status'; from: TaskStatus | null; to: TaskStatus; reason: string | null; reassignedTo: string | null; dueDate: string | null }
  | { type: 'comment'; text: string }
  | { type: 'file'; name: string; attachmentId: string | null }
  | { type: 'none' };

export interface TimelineLine {
  id: number;
  at: string;
  personId: string;
  fullName: string;
  /** A kind of formats/activity.md, or null for a word of another system (shown as the server's label). */
  kind: KnownActionKind | null;
  kindLabel: string;
  detail: TimelineDetail;
  /** Imported from another e-office system. */
  imported: boolean;
}

const isStatus = (v: unknown): v is TaskStatus => typeof v === 'string' && (TASK_STATUSES as readonly string[]).includes(v);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** A timeline entry of the detail, read for display. */
export function timelineLineOf(e: TaskDetail['timeline'][number]): TimelineLine {
  const data = record(e.data);
  const kind = (KNOWN_ACTION_KINDS as readonly string[]).includes(e.kind) ? (e.kind as KnownActionKind) : null;
  let detail: TimelineDetail = { type: 'none' };
  if ((kind === 'status' || kind === 'finish') && isStatus(data.to)) {
    detail = {
      type: 'status',
      from: isStatus(data.from) ? data.from : null,
      to: data.to,
      reason: e.body,
      reassignedTo: typeof data.assigneeId === 'string' ? data.assigneeId : null,
      dueDate: typeof data.dueDate === 'string' ? data.dueDate : null,
    };
  } else if (kind === 'comment' && e.body) detail = { type: 'comment', text: e.body };
  else if (kind === 'attach' && e.body) detail = { type: 'file', name: e.body, attachmentId: typeof data.attachmentId === 'string' ? data.attachmentId : null };
  return { id: e.id, at: e.at, personId: e.personId, fullName: e.fullName, kind, kindLabel: e.kindLabel, detail, imported: data.source === 'import' };
}

/** Newest first, optionally without the views (they are many and say little). */
export function timelineLines(entries: TaskDetail['timeline'], opts: { views?: boolean } = {}): TimelineLine[] {
  return entries
    .map(timelineLineOf)
    .filter((l) => opts.views !== false || l.kind !== 'view')
    .reverse();
}

// ---------------------------------------------------------------- files

/** `532 B`, `12,3 KB`, `1,5 MB` (Vietnamese decimal comma; English `1.5 MB`). */
export function formatFileSize(bytes: number, lang: 'vi' | 'en' = 'vi'): string {
  const fmt = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${fmt(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

export type FileProblem = 'empty' | 'tooLarge';

/** What stops a file from being attached before sending it (the server checks again). */
export function attachmentProblem(file: { size: number }): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > TASK_ATTACHMENT_MAX_BYTES) return 'tooLarge';
  return null;
}

// ---------------------------------------------------------------- import

export type ImportFormat = 'json' | 'csv';

export interface ImportIssues {
  issues: TaskImportIssue[];
  /** Errors the server counted but did not list. */
  omitted: number;
  /** Any issue with a file / row / column (a CSV table), else JSON paths. */
  tabular: boolean;
}

/**
 * The errors of a refused import, from the ApiError's `details.errors` (file, row, column, JSON path)
 * or, for another VALIDATION error, its `issues` (path + message). Null for other errors (too large,
 * forbidden, network), which are shown as an alert.
 */
export function importIssuesOf(error: unknown): ImportIssues | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { code?: string; details?: unknown; issues?: { path: string; message: string }[] };
  const details = record(e.details);
  let issues: TaskImportIssue[] = [];
  if (Array.isArray(details.errors)) {
    issues = details.errors
      .map(record)
      .filter((i) => typeof i.message === 'string')
      .map((i) => ({
        path: typeof i.path === 'string' ? i.path : '',
        file: typeof i.file === 'string' ? i.file : null,
        row: typeof i.row === 'number' ? i.row : null,
        column: typeof i.column === 'string' ? i.column : null,
        message: i.message as string,
      }));
  } else if (e.code === 'VALIDATION' && Array.isArray(e.issues)) {
    issues = e.issues.map((i) => ({ path: i.path, file: null, row: null, column: null, message: i.message }));
  }
  if (!issues.length) return null;
  const omitted = typeof details.omitted === 'number' ? details.omitted : 0;
  return { issues, omitted, tabular: issues.some((i) => i.file !== null || i.row !== null) };
}

/** `body.tasks[3].assigneeId` → `tasks[3].assigneeId` (the path inside the user's file). */
export function jsonPathOfIssue(path: string): string {
  return path.replace(/^body\.?/, '') || '(tệp)';
}

/**
 * Which CSV of the pair a file is, from its header row: `tasks` starts `id,title…`, `actions`
 * `taskId,personId…` (a byte-order mark and quotes are allowed). Null when it is neither.
 */
export function csvKindOf(firstLine: string): 'tasks' | 'actions' | null {
  const cells = firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.includes('taskId') && cells.includes('personId')) return 'actions';
  if (cells.includes('id') && cells.includes('assigneeId')) return 'tasks';
  return null;
}

// ---------------------------------------------------------------- people pickers

/** Lower case without diacritics (`Nguyễn Thị Đào` → `nguyen thi dao`), to search names typed without accents. */
export function foldVi(s: string): string {
  return foldText(s).trim();
}

/** Does a name match what was typed (every word, in any order, with or without diacritics)? */
export function nameMatches(name: string, search: string): boolean {
  const words = foldVi(search).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const folded = foldVi(name);
  return words.every((w) => folded.includes(w));
}

export interface PersonOption {
  value: string;
  label: string;
}
export interface PersonGroup {
  group: string;
  items: PersonOption[];
}

/**
 * Options of a people picker grouped by unit (units in the order the server gives them), without the
 * ids in `exclude`; people met twice (two queries) appear once.
 */
export function peopleGroups(people: readonly { id: string; fullName: string; unitName: string }[], exclude: readonly string[] = []): PersonGroup[] {
  const groups = new Map<string, PersonOption[]>();
  const seen = new Set<string>(exclude);
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const list = groups.get(p.unitName) ?? [];
    list.push({ value: p.id, label: p.fullName });
    groups.set(p.unitName, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
