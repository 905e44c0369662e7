import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Keys of the agency's digital signature (issue 9, item 6). One row: the installation's Congvu root CA
 * (`id` = 'root'), created on the first signature. Its certificate is public (GET /api/documents/ca.pem);
 * the private key is sealed (AES-256-GCM under the server secret, server/modules/auth/secret.ts).
 */
export const signingRoots = pgTable('signing_roots', {
  id: text('id').primaryKey(),
  certPem: text('cert_pem').notNull(),
  /** sealPrivateKey(keyPem, serverSecret, 'root'). */
  sealedKey: text('sealed_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Each agency's certificate issued by the root, created on that agency's first signature. */
export const agencySigningKeys = pgTable('agency_signing_keys', {
  agencyId: text('agency_id').primaryKey(),
  certPem: text('cert_pem').notNull(),
  /** sealPrivateKey(keyPem, serverSecret, agencyId): a sealed key copied to another agency's row does not open. */
  sealedKey: text('sealed_key').notNull(),
  serialNumber: text('serial_number').notNull(),
  notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
  notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
  /** Bumped when the credentials are replaced (expiry). */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
