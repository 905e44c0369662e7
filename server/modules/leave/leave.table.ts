import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, people, units } from '../org/org.table';

/**
 * Requests a person makes (issue 10): leave of every kind, business trips, asking to come to the office.
 * status: pending → approved | rejected | cancelled. `currentStep` is the order of the step waiting (null when decided).
 * The number is `<seq>/<year>/ĐP` within the agency, gapless per agency and year (unique).
 */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    /** annual | sick | personal | unpaid | trip | office */
    kind: text('kind').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    workingDays: integer('working_days').notNull(),
    reason: text('reason').notNull(),
    destination: text('destination'),
    outOfProvince: boolean('out_of_province').notNull().default(false),
    status: text('status').notNull().default('pending'),
    currentStep: integer('current_step'),
    /** Filed by someone else for the person (the Office, a unit head). */
    filedByPersonId: text('filed_by_person_id'),
    createdByUserId: text('created_by_user_id').notNull(),
    cancelReason: text('cancel_reason'),
    /** What approval did to the roster (RequestView.rosterEffect). */
    rosterEffect: jsonb('roster_effect'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('leave_requests_number_uq').on(t.agencyId, t.year, t.seq),
    index('leave_requests_person_idx').on(t.personId, t.fromDate),
    index('leave_requests_unit_idx').on(t.unitId, t.status),
    index('leave_requests_agency_idx').on(t.agencyId, t.status),
  ],
);

/**
 * The steps of a request, in order. A decided step keeps who decided, for whom (acting), and the signature of the
 * canonical decision record with the agency key (algorithm, key fingerprint, certificate PEM).
 */
export const leaveSteps = pgTable(
  'leave_steps',
  {
    requestId: text('request_id')
      .notNull()
      .references(() => leaveRequests.id, { onDelete: 'cascade' }),
    order: integer('step_order').notNull(),
    /** unit_head | office | director | province */
    role: text('role').notNull(),
    decision: text('decision'),
    approverPersonId: text('approver_person_id'),
    approverUserId: text('approver_user_id'),
    /** The leader the approver acted for (ủy quyền). */
    actingForPersonId: text('acting_for_person_id'),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    signature: text('signature'),
    algorithm: text('algorithm'),
    keyFingerprint: text('key_fingerprint'),
    certificatePem: text('certificate_pem'),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.order] }), index('leave_steps_approver_idx').on(t.approverPersonId)],
);

/** Acting approvers (ủy quyền): a leader names a deputy for dates. scope: approvals | all. */
export const actingAssignments = pgTable(
  'acting_assignments',
  {
    id: text('id').primaryKey(),
    leaderPersonId: text('leader_person_id')
      .notNull()
      .references(() => people.id),
    deputyPersonId: text('deputy_person_id')
      .notNull()
      .references(() => people.id),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: text('unit_id'),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    scope: text('scope').notNull().default('all'),
    note: text('note'),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: text('revoked_by_user_id'),
  },
  (t) => [index('acting_leader_idx').on(t.leaderPersonId, t.fromDate), index('acting_deputy_idx').on(t.deputyPersonId, t.fromDate)],
);

/** The agency's leave settings: carry-over of annual leave. */
export const leaveSettings = pgTable('leave_settings', {
  agencyId: text('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  carryOverMaxDays: integer('carry_over_max_days').notNull().default(0),
  /** `MM-DD`, or null: the whole year. */
  carryOverUntil: text('carry_over_until'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A person's leave profile: service start date (seniority) and an opening balance for one year. */
export const leaveProfiles = pgTable('leave_profiles', {
  personId: text('person_id')
    .primaryKey()
    .references(() => people.id),
  serviceStartDate: text('service_start_date'),
  openingYear: integer('opening_year'),
  openingCarriedOver: real('opening_carried_over'),
  openingTaken: real('opening_taken'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Days of an approved request outside any registration period yet: applied when the period is created. */
export const leavePendingDays = pgTable(
  'leave_pending_days',
  {
    requestId: text('request_id')
      .notNull()
      .references(() => leaveRequests.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    personId: text('person_id').notNull(),
    agencyId: text('agency_id').notNull(),
    mode: text('mode').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.date] }), index('leave_pending_days_agency_idx').on(t.agencyId, t.date)],
);
