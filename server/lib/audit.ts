/**
 * The append-only audit log (J2). Rows are chained per agency with SHA-256; the database refuses
 * UPDATE and DELETE on the table (migration 0001). `verifyAuditChain` detects a changed or removed row.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../modules/audit/audit.table';
import type { Context } from 'hono';
import { clientIp } from './client-ip';
import { isHiddenNotFound } from './scope';
import type { Clock } from './clock';
import type { AppEnv } from './context';
import { AppError } from './errors';

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
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash of a row: SHA-256 of the previous row's hash and the canonical JSON of the row's content. */
export function hashRow(prevHash: string, at: Date, e: AuditEvent): string {
  const content = canonicalJson([at.toISOString(), e.actorUserId ?? null, e.action, e.entity, e.entityId ?? null, e.agencyId ?? null, e.data ?? null]);
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/**
 * Keys whose values never go into the log, whatever a caller passes: passwords and their hashes, TOTP
 * and other secrets, tokens, recovery codes, health answers (symptoms, close contact, notes of a health
 * declaration). Their values are replaced by a marker, so the log still shows that they changed.
 */
const SECRET_KEY = /password|passwd|passphrase|secret|token|totp|^otp|otpauth|recovery.?codes?|private.?key/i;
const HEALTH_KEY = /^symptoms$|^contact$|health.?note|^healthData$/i;
export const REDACTED = '[đã ẩn]';

/** Counts and flags under a secret-sounding key (`recoveryCodes: 10`, `mustChangePassword: true`) are not secrets; health answers always are. */
function hidden(key: string, value: unknown): boolean {
  if (HEALTH_KEY.test(key)) return true;
  if (!SECRET_KEY.test(key)) return false;
  return typeof value !== 'number' && typeof value !== 'boolean';
}

/** A copy of `data` with the values of secret keys replaced (any depth). */
export function redactAuditData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(redactAuditData);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = v !== undefined && hidden(k, v) ? REDACTED : redactAuditData(v);
  return out;
}

/** Builds the audit writer for a clock. Call it inside the transaction of the change it records. */
export function createAudit(clock: Clock): Audit {
  return async (tx, original) => {
    const event: AuditEvent = original.data === undefined || original.data === null ? original : { ...original, data: redactAuditData(original.data) };
    const chain = event.agencyId ?? '';
    // Serialise writers of one chain (per agency) so that prev_hash is the real previous row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
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

/** The first row of a chain whose stored hashes do not match what is recomputed. */
export interface BrokenLink {
  id: number;
  at: string;
  agencyId: string | null;
  action: string;
  /** `prev_hash`: the row does not follow the previous one (a row removed or inserted); `hash`: its content was changed. */
  reason: 'prev_hash' | 'hash';
  expectedPrevHash: string;
  storedPrevHash: string;
  expectedHash: string;
  storedHash: string;
}

export interface ChainResult {
  agencyId: string | null;
  ok: boolean;
  rows: number;
  brokenAt?: number;
  broken?: BrokenLink;
}

const VERIFY_PAGE = 5000;

/**
 * Re-computes the chain of an agency (null = events without agency), reading it in pages by id.
 * Stops at the first broken row and names it. (Removing the newest rows of a chain cannot be seen from
 * the chain alone: compare the counts with a copy kept elsewhere for that.)
 */
export async function verifyAuditChain(db: Db, agencyId: string | null): Promise<ChainResult> {
  let prev = GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(agencyId ? eq(auditLog.agencyId, agencyId) : isNull(auditLog.agencyId), gt(auditLog.id, after)))
      .orderBy(asc(auditLog.id))
      .limit(VERIFY_PAGE);
    for (const r of page) {
      rows++;
      const expected = hashRow(prev, r.at, r);
      if (r.prevHash !== prev || r.hash !== expected) {
        const broken: BrokenLink = {
          id: r.id,
          at: r.at.toISOString(),
          agencyId: r.agencyId,
          action: r.action,
          reason: r.prevHash !== prev ? 'prev_hash' : 'hash',
          expectedPrevHash: prev,
          storedPrevHash: r.prevHash,
          expectedHash: expected,
          storedHash: r.hash,
        };
        return { agencyId, ok: false, rows, brokenAt: r.id, broken };
      }
      prev = r.hash;
    }
    if (page.length < VERIFY_PAGE) return { agencyId, ok: true, rows };
    after = page[page.length - 1]!.id;
  }
}

/** Every chain of the log (each agency, and the events without agency), end to end. */
export async function verifyAllAuditChains(
  db: Db,
  opts: { agencyIds?: string[]; concurrency?: number } = {},
): Promise<{ ok: boolean; chains: number; rows: number; results: ChainResult[]; broken: BrokenLink[] }> {
  const ids = opts.agencyIds ?? (await db.selectDistinct({ agencyId: auditLog.agencyId }).from(auditLog)).map((r) => r.agencyId);
  ids.sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  // Chains are independent; `concurrency` verifies several at once (no gain measured on 2 cores: bench/audit.ts).
  const results: ChainResult[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await verifyAuditChain(db, ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, ids.length)) }, worker));
  const broken = results.flatMap((r) => (r.broken ? [r.broken] : [])).sort((a, b) => a.id - b.id);
  return { ok: broken.length === 0, chains: results.length, rows: results.reduce((n, r) => n + r.rows, 0), results, broken };
}

/** A request refused with 401/403, as written to the log. */
export interface DeniedRequest {
  code: string;
  status: number;
  method: string;
  path: string;
  userId: string | null;
  agencyId: string | null;
  ip: string;
  requestId?: string;
}

export const DENIED_ACTIONS: Record<string, string> = {
  CSRF: 'csrf.refused',
  FORBIDDEN: 'access.denied',
  UNAUTHENTICATED: 'access.unauthenticated',
  NOT_FOUND: 'access.hidden',
};

/**
 * Writes refused requests to the audit log, in their own transaction (the request's one, if any, was
 * rolled back). Bounded: within one minute, a repeat of the same (user or address, method, path, code) is
 * only counted, and at most `perMinute` rows are written by this process; the counts of what was
 * coalesced or dropped go into the next row written (`coalescedBefore`, `droppedBefore`).
 */
export function createDeniedAudit(deps: { db: Db; audit: Audit; clock: Clock }, opts: { perMinute?: number } = {}) {
  const perMinute = opts.perMinute ?? 300;
  let window = -1;
  const seen = new Set<string>();
  let written = 0;
  let coalesced = 0;
  let dropped = 0;
  const stats = { written: 0, coalesced: 0, dropped: 0 };
  async function record(req: DeniedRequest): Promise<boolean> {
    const minute = Math.floor(deps.clock.now().getTime() / 60_000);
    if (minute !== window) {
      window = minute;
      seen.clear();
      written = 0;
    }
    const key = `${req.userId ?? `ip:${req.ip}`}|${req.method}|${req.path}|${req.code}`;
    if (seen.has(key)) {
      coalesced++;
      stats.coalesced++;
      return false;
    }
    if (written >= perMinute) {
      dropped++;
      stats.dropped++;
      return false;
    }
    seen.add(key);
    written++;
    stats.written++;
    const data = {
      method: req.method,
      path: req.path,
      code: req.code,
      status: req.status,
      ip: req.ip,
      ...(req.requestId ? { requestId: req.requestId } : {}),
      ...(coalesced || dropped ? { coalescedBefore: coalesced, droppedBefore: dropped } : {}),
    };
    coalesced = 0;
    dropped = 0;
    await deps.db.transaction(async (tx) => {
      await deps.audit(tx, {
        actorUserId: req.userId,
        action: DENIED_ACTIONS[req.code] ?? 'access.denied',
        entity: 'request',
        entityId: `${req.method} ${req.path}`.slice(0, 300),
        agencyId: req.agencyId,
        data,
      });
    });
    return true;
  }
  return Object.assign(record, { stats });
}
export type DeniedAudit = ReturnType<typeof createDeniedAudit>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Text PostgreSQL accepts in jsonb: a NUL byte written as \\0, lone surrogates replaced (U+FFFD). */
function storable(text: string): string {
  return text.replace(/\u0000/g, '\\0').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * The hook of the app's error handler: every 403 (FORBIDDEN, CSRF or Origin refused) and every 401 on a
 * write goes to the log (a failed login is already logged by the login itself). Never fails the response.
 */
export async function auditDenied(denied: DeniedAudit, err: unknown, c: Context<AppEnv>): Promise<void> {
  if (!(err instanceof AppError)) return;
  // Workflow answers with a 403 status (a password to change first…) are not refusals of authority.
  const user = c.get('user');
  // A logged-in user asking for a record outside their reach gets the same 404 as for a missing one; the
  // log still records it (probing other agencies' ids shows here, coalesced like the 403s).
  const hidden = !!user && isHiddenNotFound(err);
  const refused =
    hidden ||
    err.code === 'FORBIDDEN' ||
    err.code === 'CSRF' ||
    (err.code === 'UNAUTHENTICATED' && !SAFE_METHODS.has(c.req.method) && c.req.path !== '/api/auth/login');
  if (!refused) return;
  try {
    await denied({
      code: err.code,
      status: err.status,
      method: c.req.method,
      path: storable(c.req.path.slice(0, 500)),
      userId: user?.userId ?? null,
      agencyId: user?.agencyId ?? null,
      ip: storable(clientIp(c).slice(0, 100)),
      requestId: storable((c.get('requestId') ?? '').slice(0, 100)) || undefined,
    });
  } catch (e) {
    console.error(`[${c.get('requestId') ?? '-'}] audit of a refused request failed: ${e instanceof Error ? e.constructor.name : typeof e}`);
  }
}
