import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Frozen daily reports (G1): the agency's Phụ lục 2 at 16:00 and the province report at 17:00, as
 * immutable snapshots with the SHA-256 of their canonical content. kind: agency | province.
 */
export const dailyReports = pgTable(
  'daily_reports',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The agency (kind agency) or the province root agency (kind province). */
    agencyId: text('agency_id').notNull(),
    date: text('date').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
    content: jsonb('content').notNull(),
    hash: text('hash').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('daily_reports_uq').on(t.kind, t.agencyId, t.date), index('daily_reports_date_idx').on(t.date, t.kind)],
);

/** The Office's note for the day's report, editable until the report is frozen. */
export const reportNotes = pgTable(
  'report_notes',
  {
    agencyId: text('agency_id').notNull(),
    date: text('date').notNull(),
    note: text('note').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_notes_uq').on(t.agencyId, t.date)],
);

/**
 * The province's deadline for Phụ lục 1 (issue 10 item 7, seed 002 §1.2: "gửi về Sở Nội vụ, Sở Thông tin
 * và Truyền thông trong ngày 19/7/2021"): for the agencies under a province root, the days covered and
 * the instant by which each agency sends its plan.
 */
export const appendix1Deadlines = pgTable(
  'appendix1_deadlines',
  {
    id: text('id').primaryKey(),
    rootId: text('root_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    recipients: text('recipients').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('appendix1_deadlines_uq').on(t.rootId, t.fromDate, t.toDate), index('appendix1_deadlines_deadline_idx').on(t.deadline)],
);

/** Phụ lục 1 of an approved roster version sent by the agency's Office to the province (one row per version sent). */
export const appendix1Submissions = pgTable(
  'appendix1_submissions',
  {
    id: text('id').primaryKey(),
    periodId: text('period_id').notNull(),
    agencyId: text('agency_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    rosterVersion: integer('roster_version').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: text('sent_by').notNull(),
    /** SHA-256 of the canonical content of the Phụ lục 1 sent. */
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('appendix1_submissions_uq').on(t.periodId, t.rosterVersion), index('appendix1_submissions_agency_idx').on(t.agencyId, t.fromDate)],
);

/** Reminders sent to an agency about Phụ lục 1 (by a province user, or automatic: before / at the deadline). */
export const appendix1Reminders = pgTable(
  'appendix1_reminders',
  {
    id: text('id').primaryKey(),
    deadlineId: text('deadline_id').notNull(),
    agencyId: text('agency_id').notNull(),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: text('sent_by'),
  },
  (t) => [index('appendix1_reminders_deadline_idx').on(t.deadlineId, t.agencyId)],
);
