/**
 * The append-only audit log (J2). Rows are chained per agency with SHA-256; the database refuses
 * UPDATE and DELETE on the table (migration 0001). `verifyAuditChain` detects a changed or removed row.
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../modules/audit/audit.table';
import type { Clock } from './clock';

export interface AuditEvent {
  actorUserId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  agencyId?: string | null;
  data?: unknown;
}

export type Audit = (tx: Db, event: AuditEvent) => Promise<void>;

const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

function hashRow(prevHash: string, at: Date, e: AuditEvent): string {
  const content = canonicalJson([at.toISOString(), e.actorUserId ?? null, e.action, e.entity, e.entityId ?? null, e.agencyId ?? null, e.data ?? null]);
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/** Builds the audit writer for a clock. Call it inside the transaction of the change it records. */
export function createAudit(clock: Clock): Audit {
  return async (tx, event) => {
    const chain = event.agencyId ?? '';
    // Serialise writers of one chain (per agency) so that prev_hash is the real previous row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'audit:' + chain}))`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(event.agencyId ? eq(auditLog.agencyId, event.agencyId) : isNull(auditLog.agencyId))
      .orderBy(desc(auditLog.id))
      .limit(1);
    const prevHash = last?.hash ?? GENESIS;
    const at = clock.now();
    await tx.insert(auditLog).values({
      at,
      actorUserId: event.actorUserId ?? null,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      agencyId: event.agencyId ?? null,
      data: (event.data ?? null) as never,
      prevHash,
      hash: hashRow(prevHash, at, event),
    });
  };
}

/** Re-computes the chain of an agency (null = events without agency). Returns the first broken row id, if any. */
export async function verifyAuditChain(db: Db, agencyId: string | null): Promise<{ ok: boolean; rows: number; brokenAt?: number }> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(agencyId ? eq(auditLog.agencyId, agencyId) : isNull(auditLog.agencyId))
    .orderBy(asc(auditLog.id));
  let prev = GENESIS;
  for (const r of rows) {
    const expected = hashRow(prev, r.at, r);
    if (r.prevHash !== prev || r.hash !== expected) return { ok: false, rows: rows.length, brokenAt: r.id };
    prev = r.hash;
  }
  return { ok: true, rows: rows.length };
}

