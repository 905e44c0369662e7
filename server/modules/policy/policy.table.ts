import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A WFH policy (phương án / kế hoạch làm việc tại nhà): its issuing document, period, scope,
 * parametric rules (the `policy` object of the roster format, plus a severity per rule),
 * working hours, registration deadline and reporting times.
 */
export const policies = pgTable('policies', {
  id: text('id').primaryKey(),
  /** The agency that issued it (owner); scope may be wider. */
  ownerAgencyId: text('owner_agency_id').notNull(),
  title: text('title').notNull(),
  docNumber: text('doc_number'),
  docDate: text('doc_date'),
  issuer: text('issuer'),
  validFrom: text('valid_from').notNull(),
  /** null = until further notice (đến khi có thông báo mới). */
  validTo: text('valid_to'),
  /** Agency ids (each covers its subtree). */
  scopeAgencyIds: jsonb('scope_agency_ids').$type<string[]>().notNull().default([]),
  /** Areas (districts) where the agency sits, e.g. "Phan Rang-Tháp Chàm" (seed 002 §1). */
  scopeDistricts: jsonb('scope_districts').$type<string[]>().notNull().default([]),
  /** Roster-format policy object. */
  rules: jsonb('rules').notNull(),
  /** RuleId → "block" | "warn". */
  severity: jsonb('severity').$type<Record<string, 'block' | 'warn'>>().notNull().default({}),
  morningStart: text('morning_start').notNull().default('07:00'),
  morningEnd: text('morning_end').notNull().default('11:30'),
  afternoonStart: text('afternoon_start').notNull().default('13:30'),
  afternoonEnd: text('afternoon_end').notNull().default('17:00'),
  /** Registration deadline of the first period, e.g. "2021-08-10T08:00" local time. */
  registrationDeadline: text('registration_deadline'),
  /** Days before a period starts by which units must register (default deadlines of later periods). */
  registrationLeadDays: integer('registration_lead_days').notNull().default(1),
  agencyReportTime: text('agency_report_time').notNull().default('16:00'),
  provinceReportTime: text('province_report_time').notNull().default('17:00'),
  notes: text('notes'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
