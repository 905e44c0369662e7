import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EmailMode, NotificationCategory } from '../../../shared/domain/notifications';

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

/** How each account wants to be reached beyond the app (no row: the defaults of shared/domain/notifications.ts). */
export const notificationPrefs = pgTable('notification_prefs', {
  userId: text('user_id').primaryKey(),
  email: text('email').$type<EmailMode>().notNull().default('immediate'),
  chat: boolean('chat').notNull().default(true),
  mutedCategories: jsonb('muted_categories').$type<NotificationCategory[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Chat-group webhooks of an agency (or of one of its units): every matching notification is POSTed, signed. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    unitId: text('unit_id'),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** The signing secret, encrypted with the server secret (shown in clear once, at creation). */
    secret: text('secret').notNull(),
    categories: jsonb('categories').$type<NotificationCategory[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    lastDeliveryAt: timestamp('last_delivery_at', { withTimezone: true }),
    lastDeliveryOk: boolean('last_delivery_ok'),
    lastError: text('last_error'),
  },
  (t) => [index('webhook_endpoints_agency_idx').on(t.agencyId)],
);

/** What a webhook delivery carries (the link is made absolute when sent). */
export interface WebhookPayload {
  id: string;
  kind: string;
  category: NotificationCategory;
  title: string;
  body: string | null;
  link: string | null;
  agency: { id: string; name: string };
  unit: { id: string; name: string } | null;
  createdAt: string;
  recipients: string[];
}

/** Webhook deliveries to make: one per endpoint and event (a notify() call), retried with a growing delay. */
export const webhookOutbox = pgTable(
  'webhook_outbox',
  {
    /** The delivery id (`X-Congvu-Delivery`), the same on every retry. */
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    payload: jsonb('payload').$type<WebhookPayload>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('webhook_outbox_event_uq').on(t.endpointId, t.eventId), index('webhook_outbox_pending_idx').on(t.deliveredAt, t.nextAttemptAt)],
);
