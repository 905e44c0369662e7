import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, people, units } from '../org/org.table';

/** Login accounts. Most belong to a person; a few (admin) may not. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    personId: text('person_id').references(() => people.id),
    displayName: text('display_name').notNull(),
    /** argon2id hash. */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    locale: text('locale').notNull().default('vi'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** TOTP (RFC 6238) secret, encrypted with the server key (AES-256-GCM); set once the user confirmed a code. */
    totpSecret: text('totp_secret'),
    /** A secret being enrolled (encrypted), until the user confirms a code from it. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted time step: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_person_idx').on(t.personId)],
);

/**
 * Roles are granted per account and scoped: unit roles to a unit, agency roles to an agency,
 * province and admin to an agency subtree.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: text('unit_id').references(() => units.id),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Login throttling, one row per key (`user:<name>`, `ip:<addr>`, `dev:<device>:<name>`, `totp:<user>`): the
 * instants of the attempts in the sliding window. One upsert records an attempt and answers whether it is
 * allowed, atomically (the row lock serialises concurrent attempts on one key).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  attempts: timestamp('attempts', { withTimezone: true }).array().notNull(),
  /** Whether the last recorded call was allowed (and added its instant to `attempts`). */
  lastAllowed: boolean('last_allowed').notNull().default(true),
});

/** Single-use recovery codes of two-factor login (SHA-256 of high-entropy codes). */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('totp_recovery_codes_uq').on(t.userId, t.codeHash)],
);
