import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Admin-editable calendar: official days off, compensatory days off and make-up working days decided
 * each year (the Prime Minister decides some of them). An entry replaces the computed default of its date;
 * kind `workday` cancels a proposed day off.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  /** holiday | substitute_off | makeup_workday | workday */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** Legal source, e.g. "Công văn 1234/TTg-KGVX". */
  source: text('source'),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
