import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** In-app notifications (J3), shown live and listed until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; method=REQUEST; charset=UTF-8` */
  contentType: string;
  /** UTF-8 text content. */
  content: string;
}

/** E-mails to send through SMTP (an outbox: sent by one worker at a time, retried on failure). */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Files sent with the message (e.g. a meeting's `invite.ics`, method REQUEST or CANCEL). */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('email_outbox_pending_idx').on(t.sentAt, t.nextAttemptAt)],
);
