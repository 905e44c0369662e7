import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from '../org/org.table';

/**
 * Meetings (issue 10 item 4, PRODUCT.md I1-I2): an invitation with a time, a place or an online link and
 * linked documents. `sequence` is the iCalendar SEQUENCE (bumped at every change attendees must see);
 * `version` guards concurrent edits. status: scheduled | cancelled.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    /** The organiser's unit (null for the Office or the Director inviting across units). */
    unitId: text('unit_id'),
    title: text('title').notNull(),
    /** internal | online | outside */
    kind: text('kind').notNull(),
    status: text('status').notNull().default('scheduled'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    agenda: text('agenda'),
    /** urgent | epidemic: why it is in person while a WFH policy is in force. */
    inPersonReason: text('in_person_reason'),
    inPersonNote: text('in_person_note'),
    chairPersonId: text('chair_person_id'),
    /** Ids of linked documents (links only). */
    documentIds: jsonb('document_ids').$type<string[]>().notNull().default([]),
    organizerUserId: text('organizer_user_id').notNull(),
    organizerPersonId: text('organizer_person_id'),
    organizerName: text('organizer_name').notNull(),
    cancelReason: text('cancel_reason'),
    sequence: integer('sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meetings_agency_start_idx').on(t.agencyId, t.startAt), index('meetings_start_idx').on(t.startAt)],
);

/** Who is invited: their answer (pending | accepted | declined) and attendance (present | absent | excused). */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    response: text('response').notNull().default('pending'),
    responseReason: text('response_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    attendance: text('attendance'),
    /** Invited as the acting deputy (ủy quyền) of this invited leader. */
    actingForPersonId: text('acting_for_person_id'),
    /** The 15-minute reminder was sent (exactly once: set by an UPDATE … WHERE reminded_at IS NULL). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('meeting_attendees_person_idx').on(t.personId)],
);

/** The report an attendee files to the Director after an outside meeting (I2). One per attendee and meeting (a later one replaces it). */
export const meetingReports = pgTable(
  'meeting_reports',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id').notNull(),
    summary: text('summary').notNull(),
    conclusions: text('conclusions').notNull(),
    tasksProposed: text('tasks_proposed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('meeting_reports_uq').on(t.meetingId, t.personId)],
);

/** One calendar-feed token per person: its SHA-256 (looked up) and the token encrypted (to show the URL again). */
export const meetingFeedTokens = pgTable(
  'meeting_feed_tokens',
  {
    personId: text('person_id')
      .primaryKey()
      .references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    tokenEnc: text('token_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('meeting_feed_tokens_hash_uq').on(t.tokenHash)],
);
