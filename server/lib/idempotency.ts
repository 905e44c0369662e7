/**
 * Idempotent POSTs (issue 8): a client that sends `Idempotency-Key: <1-200 printable characters>` may
 * retry a request whose answer it lost without doing the work twice. Keys are per account (the
 * middleware runs after the session middleware) and remembered for 24 hours.
 *
 * - The key is claimed first: a row "in progress" is inserted (primary key account + key), so a
 *   concurrent duplicate conflicts instead of running. The duplicate waits for the first run's answer
 *   (a few seconds), then replays it, or answers 409.
 * - A 2xx answer is stored and replayed to a retry with the same method, path and body (header
 *   `Idempotent-Replayed: true`); the same key with another request is a 409.
 * - A 4xx/5xx answer frees the key (the client may retry), unless the run had already committed a change.
 * - Crash safety: every database transaction of the run first marks the key (`effect_at`), checking that
 *   the run still owns it. A run that died (kill -9) holds its key until its lease ends; then a retry
 *   takes it over only if nothing was committed, and the dead run, if it is in fact alive, can no longer
 *   commit (its mark fails and rolls its transaction back). A run that committed but died before storing
 *   its answer is reported as done (409 with a message), never run again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../modules/idempotency/idempotency.table';
import type { AppEnv, Deps } from './context';
import { AppError } from './errors';
import { randomToken } from './ids';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY_PATTERN = /^[\x20-\x7E]{1,200}$/;
const KEEP_MS = 24 * 3_600_000;
const KEY_PATH = 'headers.idempotency-key';
/**
 * POSTs that are idempotent by themselves (a repeated check-in answers with the first one, by a unique
 * key): their Idempotency-Key is accepted but not stored, which keeps two statements off the hot path.
 */
const NATURALLY_IDEMPOTENT = new Set(['/api/presence/checkin']);

export interface IdempotencyOptions {
  /** How long a run owns its key before a retry may take it over (default 60 s). */
  leaseMs?: number;
  /** How long a concurrent duplicate waits for the first run's answer before a 409 (default 5 s). */
  waitMs?: number;
}

interface Run {
  userId: string;
  key: string;
  attempt: string;
  done: boolean;
}

const runs = new AsyncLocalStorage<Run>();
const marked = new WeakSet<object>();

function conflict(message: string): AppError {
  return new AppError('CONFLICT', message, { issues: [{ path: KEY_PATH, message }] });
}

/**
 * Makes every `db.transaction(...)` started by a run mark its key first (see above). Installed once per
 * database object; outside a run (or after it answered) transactions are untouched.
 */
function installEffectMark(deps: Pick<Deps, 'db' | 'clock'>): void {
  const db = deps.db as unknown as { transaction: (fn: (tx: Db) => Promise<unknown>, config?: unknown) => Promise<unknown> };
  if (marked.has(db)) return;
  marked.add(db);
  const original = db.transaction.bind(db);
  db.transaction = (fn, config) =>
    original(async (tx: Db) => {
      const run = runs.getStore();
      if (run && !run.done) {
        const rows = await tx
          .update(idempotencyKeys)
          .set({ effectAt: sql`coalesce(${idempotencyKeys.effectAt}, ${deps.clock.now()})` })
          .where(and(eq(idempotencyKeys.userId, run.userId), eq(idempotencyKeys.key, run.key), eq(idempotencyKeys.attempt, run.attempt)))
          .returning({ key: idempotencyKeys.key });
        if (!rows.length) throw conflict('Yêu cầu với khoá Idempotency-Key này đã được một lần gửi khác xử lý.');
      }
      return fn(tx);
    }, config);
}

const TEXT_TYPE = /^(text\/|application\/(json|problem\+json|xml|javascript)|[^;]*\+json)/i;

function replay(row: typeof idempotencyKeys.$inferSelect): Response {
  const body = row.body === null ? null : row.bodyEncoding === 'base64' ? Buffer.from(row.body, 'base64') : row.body;
  const headers: Record<string, string> = { [REPLAYED_HEADER]: 'true' };
  if (row.contentType) headers['content-type'] = row.contentType;
  return new Response(body, { status: row.status!, headers });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function idempotencyMiddleware(deps: Deps, opts: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  installEffectMark(deps);
  const leaseMs = opts.leaseMs ?? 60_000;
  const waitMs = opts.waitMs ?? 5_000;
  const { db, clock } = deps;
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      const message = 'Khoá Idempotency-Key phải gồm 1–200 ký tự in được (ASCII).';
      throw new AppError('VALIDATION', message, { issues: [{ path: KEY_PATH, message }] });
    }
    const user = c.get('user');
    // Without an account there is nothing to scope the key to (login is the only such POST).
    if (!user) return next();
    const url = new URL(c.req.url);
    if (NATURALLY_IDEMPOTENT.has(url.pathname)) return next();
    const path = url.pathname + url.search;
    const method = c.req.method;
    const requestHash = createHash('sha256')
      .update(c.req.header('content-type') ?? '')
      .update('\n')
      .update(new Uint8Array(await c.req.arrayBuffer()))
      .digest('hex');
    const where = and(eq(idempotencyKeys.userId, user.userId), eq(idempotencyKeys.key, key));
    const deadline = Date.now() + waitMs;

    let attempt: string | null = null;
    while (!attempt) {
      const now = clock.now();
      const mine = randomToken(12);
      const inserted = await db
        .insert(idempotencyKeys)
        .values({
          userId: user.userId,
          key,
          method,
          path,
          requestHash,
          attempt: mine,
          lockedUntil: new Date(now.getTime() + leaseMs),
          createdAt: now,
          expiresAt: new Date(now.getTime() + KEEP_MS),
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) {
        attempt = mine;
        break;
      }
      const [row] = await db.select().from(idempotencyKeys).where(where);
      if (!row) continue; // the other run failed and freed the key meanwhile
      if (row.expiresAt.getTime() <= now.getTime()) {
        await db.delete(idempotencyKeys).where(and(where, lte(idempotencyKeys.expiresAt, now)));
        continue;
      }
      if (row.method !== method || row.path !== path || row.requestHash !== requestHash) {
        throw conflict('Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác (khác địa chỉ hoặc nội dung).');
      }
      if (row.status !== null) return replay(row);
      if (row.lockedUntil.getTime() <= now.getTime()) {
        if (row.effectAt) {
          throw conflict('Yêu cầu với khoá này đã được thực hiện trước đó nhưng kết quả không còn lưu. Vui lòng tải lại để xem kết quả.');
        }
        // The run that held the key is presumed dead and committed nothing: take the key over.
        const taken = await db
          .update(idempotencyKeys)
          .set({ attempt: mine, lockedUntil: new Date(now.getTime() + leaseMs) })
          .where(and(where, eq(idempotencyKeys.attempt, row.attempt), isNull(idempotencyKeys.effectAt), isNull(idempotencyKeys.status)))
          .returning({ key: idempotencyKeys.key });
        if (taken.length) attempt = mine;
        continue;
      }
      if (Date.now() >= deadline) throw conflict('Yêu cầu với khoá Idempotency-Key này đang được xử lý. Vui lòng thử lại sau.');
      await sleep(40);
    }

    const run: Run = { userId: user.userId, key, attempt, done: false };
    const owned = and(where, eq(idempotencyKeys.attempt, attempt));
    const free = async () => {
      // Nothing committed: the key is freed for a retry. Otherwise the answer is kept, whatever it is.
      const freed = await db
        .delete(idempotencyKeys)
        .where(and(owned, isNull(idempotencyKeys.effectAt)))
        .returning({ key: idempotencyKeys.key });
      return freed.length > 0;
    };
    try {
      await runs.run(run, next);
    } catch (err) {
      run.done = true;
      await free().catch(() => undefined);
      throw err;
    }
    run.done = true;
    const res = c.res;
    const ok = res.status >= 200 && res.status < 300;
    if (!ok && (await free())) return;
    const contentType = res.headers.get('content-type');
    const bytes = Buffer.from(await res.clone().arrayBuffer());
    const text = !contentType || TEXT_TYPE.test(contentType);
    await db
      .update(idempotencyKeys)
      .set({
        status: res.status,
        contentType,
        body: text ? bytes.toString('utf8') : bytes.toString('base64'),
        bodyEncoding: text ? 'utf8' : 'base64',
        lockedUntil: clock.now(),
      })
      .where(owned);
  };
}

/** Forgets keys older than 24 hours (housekeeping; expired keys are also ignored when met). */
export async function purgeIdempotencyKeys(deps: Pick<Deps, 'db'>, now: Date): Promise<number> {
  const rows = await deps.db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
