import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency keys of POST requests (issue 8): per account, the request a key was first used for and,
 * once answered, the response to replay on a retry. A row is inserted before the request runs
 * ("in progress": no status yet, with a lease), so a concurrent duplicate conflicts on the primary key
 * instead of creating a second record. `attempt` identifies the run that owns the key: every transaction
 * of that run marks `effect_at` (and fails if another run took the key over), so a run whose changes were
 * committed is never run again. Rows expire after 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    attempt: text('attempt').notNull(),
    /** Until then the run is presumed alive; after it, a retry may take over (if nothing was committed). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    /** Set by the first committed transaction of the run. */
    effectAt: timestamp('effect_at', { withTimezone: true }),
    status: integer('status'),
    contentType: text('content_type'),
    /** The response body: UTF-8 text, or base64 when `bodyEncoding` is `base64`. */
    body: text('body'),
    bodyEncoding: text('body_encoding'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
