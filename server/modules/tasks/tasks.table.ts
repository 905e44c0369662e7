import { sql } from 'drizzle-orm';
import { bigserial, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Tasks (giao việc, F1), from the app or imported from another e-office system (source = import).
 * status: assigned → received → in_progress → done, or returned (with a reason).
 */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** The lead person (chủ trì), `assigneeId` of the activity format. */
    assigneeId: text('assignee_id').notNull(),
    assignedByUserId: text('assigned_by_user_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    dueDate: text('due_date'),
    /** low | normal | high | urgent */
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('assigned'),
    returnReason: text('return_reason'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** app | import */
    source: text('source').notNull().default('app'),
    /** Id in the source system for imported tasks (unique per agency). */
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.assignedAt),
    index('tasks_agency_idx').on(t.agencyId, t.assignedAt),
    index('tasks_unit_idx').on(t.unitId, t.status),
    index('tasks_assigned_by_idx').on(t.assignedByUserId, t.assignedAt),
    uniqueIndex('tasks_external_uq').on(t.agencyId, t.externalId),
  ],
);

/** Coordinating people of a task (phối hợp). */
export const taskPeople = pgTable(
  'task_people',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    role: text('role').notNull().default('coordinate'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.personId] }), index('task_people_person_idx').on(t.personId)],
);

/**
 * Every action on a task (F2): the activity of formats/activity.md. kind: view, comment, status,
 * attach, forward, draft, finish, or a word of the source system; every kind but `view` is processing.
 */
export const taskActions = pgTable(
  'task_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: text('task_id').notNull(),
    personId: text('person_id').notNull(),
    agencyId: text('agency_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Local date of `at` (Asia/Ho_Chi_Minh), for daily reports. */
    day: text('day').notNull(),
    kind: text('kind').notNull(),
    body: text('body'),
    data: jsonb('data'),
  },
  (t) => [
    index('task_actions_task_idx').on(t.taskId, t.at),
    index('task_actions_person_day_idx').on(t.personId, t.day),
    index('task_actions_agency_day_idx').on(t.agencyId, t.day),
    // Phụ lục 2: "a processing action by the lead on a home day" answered from the index alone.
    index('task_actions_processing_idx').on(t.taskId, t.personId, t.day).where(sql`${t.kind} <> 'view'`),
  ],
);

/** Files attached to a task (never the content of a secret document). */
export const taskAttachments = pgTable(
  'task_attachments',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('task_attachments_task_idx').on(t.taskId)],
);
