import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from '../org/org.table';

/**
 * Check-ins of people working at home (D1): one per person, day and session (morning, afternoon).
 * The unique key makes a repeated check-in idempotent.
 */
export const checkins = pgTable(
  'checkins',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id').notNull(),
    /** Local date (Asia/Ho_Chi_Minh). */
    date: text('date').notNull(),
    /** morning | afternoon */
    session: text('session').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** registered (the registered place of work at home) | other */
    place: text('place').notNull(),
    otherPlace: text('other_place'),
    reason: text('reason'),
    /** Minutes after the session start (0 when on time). */
    lateMinutes: integer('late_minutes').notNull().default(0),
  },
  (t) => [
    uniqueIndex('checkins_person_date_session_uq').on(t.personId, t.date, t.session),
    index('checkins_unit_date_idx').on(t.unitId, t.date),
    index('checkins_agency_date_idx').on(t.agencyId, t.date),
  ],
);

/** Current availability of a person: sẵn sàng (ready) / đang họp (in a meeting) / tạm vắng (away). */
export const presenceStatus = pgTable('presence_status', {
  personId: text('person_id')
    .primaryKey()
    .references(() => people.id),
  status: text('status').notNull(),
  note: text('note'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Summons (triệu tập, D2): a leader calls a person at home to the office. Not acknowledged in 30 minutes
 * → escalated to the unit head. status: pending | acknowledged | escalated | cancelled | declined.
 */
export const summons = pgTable(
  'summons',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id').notNull(),
    calledByUserId: text('called_by_user_id').notNull(),
    reason: text('reason').notNull(),
    /** When the person must be at the office. */
    requiredAt: timestamp('required_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** "Không thể đến": when and why the person answered they cannot come. */
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    status: text('status').notNull().default('pending'),
  },
  (t) => [index('summons_person_idx').on(t.personId, t.createdAt), index('summons_unit_idx').on(t.unitId, t.createdAt)],
);

/**
 * Daily health declarations (khai báo y tế, D3): sensitive personal data, minimal fields, visible to the
 * person, their unit head and the Office only; deleted after `deleteAfter`.
 */
export const healthDeclarations = pgTable(
  'health_declarations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id').notNull(),
    date: text('date').notNull(),
    /** { symptoms: boolean, contact: boolean, note?: string } */
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deleteAfter: date('delete_after', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('health_person_date_uq').on(t.personId, t.date), index('health_delete_after_idx').on(t.deleteAfter)],
);

/** Reminders and escalations already sent, so that each is sent exactly once. */
export const presenceAlerts = pgTable(
  'presence_alerts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: text('date').notNull(),
    session: text('session').notNull(),
    /** reminder (15 min) | missing (30 min, listed for the unit head) | summons_escalated */
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('presence_alerts_uq').on(t.personId, t.date, t.session, t.kind)],
);
