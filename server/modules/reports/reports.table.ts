import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
