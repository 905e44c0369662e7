import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (J2). Each row carries the SHA-256 of the previous row's hash and its own
 * content, so a change or a deletion breaks the chain; a trigger refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    agencyId: text('agency_id'),
    data: jsonb('data'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_agency_idx').on(t.agencyId, t.at),
    // The log screen: newest first (keyset on id) within an agency, or of one account.
    index('audit_agency_id_idx').on(t.agencyId, t.id),
    index('audit_actor_id_idx').on(t.actorUserId, t.id),
  ],
);
