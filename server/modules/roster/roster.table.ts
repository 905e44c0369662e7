import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, people, units } from '../org/org.table';

/**
 * A registration period of an agency (e.g. 19/07-30/07/2021) with its deadline. The Office compiles
 * it, the Director approves it; every approval is a new version.
 * status: collecting → compiled → approved (a change after approval goes back to collecting).
 */
export const rosterPeriods = pgTable(
  'roster_periods',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    policyId: text('policy_id'),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** Registration deadline (instant). */
    deadline: timestamp('deadline', { withTimezone: true }),
    status: text('status').notNull().default('collecting'),
    approvedVersion: integer('approved_version').notNull().default(0),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    compiledAt: timestamp('compiled_at', { withTimezone: true }),
    compiledBy: text('compiled_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roster_periods_agency_from_uq').on(t.agencyId, t.fromDate)],
);

/**
 * The roster of one unit for one period. status: draft → submitted → compiled → approved;
 * returned (by the Office, with a comment) → draft again when edited.
 */
export const unitRosters = pgTable(
  'unit_rosters',
  {
    id: text('id').primaryKey(),
    periodId: text('period_id')
      .notNull()
      .references(() => rosterPeriods.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    returnComment: text('return_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    /** Optimistic concurrency: incremented on every change. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('unit_rosters_period_unit_uq').on(t.periodId, t.unitId)],
);

/** Draft cells of a unit roster. `pinned` cells are kept by the generator. */
export const rosterEntries = pgTable(
  'roster_entries',
  {
    unitRosterId: text('unit_roster_id')
      .notNull()
      .references(() => unitRosters.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    date: text('date').notNull(),
    mode: text('mode').notNull(),
    pinned: boolean('pinned').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.unitRosterId, t.personId, t.date] })],
);

/** Every approved version of a period: the full roster and the difference from the previous one. */
export const rosterVersions = pgTable(
  'roster_versions',
  {
    periodId: text('period_id')
      .notNull()
      .references(() => rosterPeriods.id),
    version: integer('version').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    approvedBy: text('approved_by').notNull(),
    assignments: jsonb('assignments').notNull(),
    diff: jsonb('diff').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.version] })],
);

/** The published schedule: one row per person per working day, from the last approved version. */
export const schedule = pgTable(
  'schedule',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    date: text('date').notNull(),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id').notNull(),
    mode: text('mode').notNull(),
    periodId: text('period_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.date] }),
    index('schedule_agency_date_idx').on(t.agencyId, t.date),
    index('schedule_unit_date_idx').on(t.unitId, t.date),
    index('schedule_date_mode_idx').on(t.date, t.mode),
  ],
);

/** Office duty and leader duty per day (lịch trực cơ quan, trực lãnh đạo). A duty day forces on site. */
export const dutyAssignments = pgTable(
  'duty_assignments',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    date: text('date').notNull(),
    /** office | leader | epidemic | documents */
    kind: text('kind').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    note: text('note'),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('duty_agency_date_kind_person_uq').on(t.agencyId, t.date, t.kind, t.personId), index('duty_person_idx').on(t.personId, t.date)],
);

/** A person's wish for a day (prefer home / on site), entered before the deadline. */
export const rosterWishes = pgTable(
  'roster_wishes',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    date: text('date').notNull(),
    preference: text('preference').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.date] })],
);

/** Comments on a unit roster (returns, notes), kept for history. */
export const rosterComments = pgTable('roster_comments', {
  id: text('id').primaryKey(),
  unitRosterId: text('unit_roster_id')
    .notNull()
    .references(() => unitRosters.id, { onDelete: 'cascade' }),
  authorUserId: text('author_user_id').notNull(),
  kind: text('kind').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RosterDiffEntry = { personId: string; date: string; from: string | null; to: string | null };
