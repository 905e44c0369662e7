/** Contracts of the tasks module (F1-F3): assign, list, detail with timeline, status, comments, attachments, import. */
import { z } from 'zod';
import { TASK_PRIORITIES, TASK_STATUSES } from '../domain/tasks';
import { IdSchema, IsoDateSchema, VersionSchema } from './common';

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const TaskPrioritySchema = z.enum(TASK_PRIORITIES);

/** Largest attachment (10 MB). */
export const TASK_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const TaskCreate = z
  .object({
    title: z.string().trim().min(3, 'Nhập tên công việc (ít nhất 3 ký tự).').max(500),
    description: z.string().trim().max(20000).optional(),
    /** The lead person (chủ trì). */
    assigneeId: IdSchema,
    /** Coordinating people (phối hợp). */
    coordinatorIds: z.array(IdSchema).max(50).optional(),
    dueDate: IsoDateSchema.optional(),
    priority: TaskPrioritySchema,
  })
  .strict();
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TASK_LIST_SCOPES = ['mine', 'assigned', 'unit', 'agency'] as const;
export const TaskListQuery = z.object({
  /** mine: I lead or coordinate; assigned: I gave; unit/agency: with the task.read permission. */
  scope: z.enum(TASK_LIST_SCOPES).optional(),
  unitId: IdSchema.optional(),
  agencyId: IdSchema.optional(),
  /** One status or several separated by commas. */
  status: z
    .string()
    .regex(new RegExp(`^(${TASK_STATUSES.join('|')})(,(${TASK_STATUSES.join('|')}))*$`), `Trạng thái phải là ${TASK_STATUSES.join(', ')}.`)
    .optional(),
  overdue: z.enum(['0', '1']).optional(),
  q: z.string().trim().max(200).optional(),
  /** Assigned on or after this day. */
  from: IsoDateSchema.optional(),
  /** Assigned on or before this day. */
  to: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const PersonRef = z.object({ id: z.string(), fullName: z.string() });
export const TaskMyRole = z.enum(['lead', 'coordinator', 'assigner']);

export const TaskListItem = z.object({
  id: z.string(),
  title: z.string(),
  status: TaskStatusSchema,
  statusLabel: z.string(),
  priority: TaskPrioritySchema,
  dueDate: z.string().nullable(),
  assignedAt: z.string(),
  finishedAt: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  lead: PersonRef,
  /** Coordinating people (phối hợp), by name. */
  coordinators: z.array(PersonRef),
  unit: z.object({ id: z.string(), name: z.string() }),
  agencyId: z.string(),
  source: z.enum(['app', 'import']),
  commentCount: z.number(),
  attachmentCount: z.number(),
  /** The current user's part in the task (they may have several; the first of lead, coordinator, assigner). */
  myRoles: z.array(TaskMyRole),
  version: z.number(),
});
export type TaskListItem = z.infer<typeof TaskListItem>;

export const TaskCounts = z.object({
  /** Tasks of the scope (and unit, q, from, to filters), whatever their status. */
  total: z.number(),
  overdue: z.number(),
  byStatus: z.record(TaskStatusSchema, z.number()),
});
export type TaskCounts = z.infer<typeof TaskCounts>;

export const TaskListResponse = z.object({
  tasks: z.array(TaskListItem),
  /** Rows matching every filter (the page is `tasks`). */
  total: z.number(),
  counts: TaskCounts,
  today: z.string(),
});
export type TaskListResponse = z.infer<typeof TaskListResponse>;

export const TaskPersonView = z.object({ personId: z.string(), fullName: z.string(), unitName: z.string(), role: z.enum(['lead', 'coordinate']) });
/** The data of a timeline entry (task_actions.data): every key optional, others kept. */
export const TaskActionData = z
  .object({
    from: TaskStatusSchema.optional(),
    to: TaskStatusSchema.optional(),
    assigneeId: z.string().optional(),
    previousAssigneeId: z.string().optional(),
    dueDate: z.string().optional(),
    attachmentId: z.string().optional(),
    size: z.number().optional(),
    sha256: z.string().optional(),
    source: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export const TaskTimelineEntry = z.object({
  id: z.number(),
  personId: z.string(),
  fullName: z.string(),
  at: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  /** Comment text, return reason, or file name. */
  body: z.string().nullable(),
  /** For status changes: { from, to } (and the new lead, due date); for attachments: { attachmentId, size, sha256 }; imported actions: { source }. */
  data: TaskActionData.nullable() as unknown as z.ZodType<unknown>,
});
export const TaskAttachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  personId: z.string(),
  fullName: z.string(),
  createdAt: z.string(),
});
export type TaskAttachmentView = z.infer<typeof TaskAttachmentView>;

export const TaskDetail = TaskListItem.extend({
  description: z.string().nullable(),
  returnReason: z.string().nullable(),
  assignedBy: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  externalId: z.string().nullable(),
  people: z.array(TaskPersonView),
  timeline: z.array(TaskTimelineEntry),
  attachments: z.array(TaskAttachmentView),
  /** What the current user may do now. */
  can: z.object({ comment: z.boolean(), attach: z.boolean(), statuses: z.array(TaskStatusSchema) }),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskStatusChange = z
  .object({
    status: TaskStatusSchema,
    /** Required to return a task (trả lại). */
    reason: z.string().trim().max(2000).optional(),
    version: VersionSchema,
    /** Reopening a returned task: the new lead person (default: the same). */
    assigneeId: IdSchema.optional(),
    /** Reopening a returned task: a new deadline. */
    dueDate: IsoDateSchema.optional(),
  })
  .strict();
export type TaskStatusChange = z.infer<typeof TaskStatusChange>;

export const TaskCommentCreate = z.object({ body: z.string().trim().min(1, 'Nhập nội dung ý kiến.').max(10000) }).strict();

export const TaskImportQuery = z.object({ agencyId: IdSchema, dryRun: z.enum(['0', '1']).optional() });
export const TaskImportIssue = z.object({
  /** JSON path (`body.tasks[3].assigneeId`) or `tasks.csv, dòng 5, cột C (assigneeId)`. */
  path: z.string(),
  file: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type TaskImportIssue = z.infer<typeof TaskImportIssue>;
export const TaskImportResult = z.object({
  dryRun: z.boolean(),
  tasks: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  actions: z.object({ inserted: z.number(), removed: z.number(), unchanged: z.number() }),
  /** Records imported anyway but worth a look (e.g. a task finished before it was assigned: clocks of two systems differ). */
  warnings: z.array(TaskImportIssue),
});
export type TaskImportResult = z.infer<typeof TaskImportResult>;
