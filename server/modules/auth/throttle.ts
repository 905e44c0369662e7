/**
 * Login throttling with sliding windows, atomic across requests and app servers.
 *
 * `reserveAttempt` is ONE statement: an upsert per key that drops the instants older than the window and,
 * when fewer than the key's limit remain, adds this attempt's instant — before the password is checked.
 * The row lock of ON CONFLICT DO UPDATE serialises concurrent attempts on a key, so 30 parallel attempts
 * on one account see 1, 2, …, 30 and only the first `limit` pass. An allowed attempt that turns out to be
 * right gives its slot back (`releaseAttempt`, `clearKeys`); a wrong one keeps it as a failure.
 */
import { sql } from 'drizzle-orm';
import { queryRows, textArray, type Db } from '../../db/client';

export const WINDOW_MS = 15 * 60_000;

export interface ThrottleKey {
  key: string;
  limit: number;
}

export interface Reservation {
  allowed: boolean;
  /** Keys whose window received this attempt (to give back if it was right or refused by another key). */
  reserved: string[];
  /** Seconds until the oldest attempt of a refusing key leaves its window. */
  retryAfterSeconds: number;
  at: Date;
}

export async function reserveAttempt(db: Db, keys: ThrottleKey[], now: Date, windowMs = WINDOW_MS): Promise<Reservation> {
  // One key once, in a fixed order (two statements never lock the same rows in opposite orders).
  const byKey = new Map(keys.map((k) => [k.key, k.limit]));
  const sorted = [...byKey.keys()].sort();
  const since = new Date(now.getTime() - windowMs);
  const rows = await queryRows<{ key: string; last_allowed: boolean; oldest: string | Date | null }>(
    db,
    sql`insert into login_throttle as t (key, attempts, last_allowed)
        select k, array[${now.toISOString()}::timestamptz], true from unnest(${textArray(sorted)}) as k
        on conflict (key) do update set
          attempts = (select coalesce(array_agg(a order by a), '{}') from unnest(t.attempts) a where a > ${since.toISOString()}::timestamptz)
                     || case when (select count(*) from unnest(t.attempts) a where a > ${since.toISOString()}::timestamptz)
                                  < (select l from unnest(${textArray(sorted)}, ${textArray(sorted.map((k) => String(byKey.get(k))))}::int[]) as x(k, l) where x.k = t.key)
                             then array[${now.toISOString()}::timestamptz] else '{}'::timestamptz[] end,
          last_allowed = (select count(*) from unnest(t.attempts) a where a > ${since.toISOString()}::timestamptz)
                         < (select l from unnest(${textArray(sorted)}, ${textArray(sorted.map((k) => String(byKey.get(k))))}::int[]) as x(k, l) where x.k = t.key)
        returning key, last_allowed, attempts[1] as oldest`,
  );
  const reserved = rows.filter((r) => r.last_allowed).map((r) => r.key);
  const refused = rows.filter((r) => !r.last_allowed);
  if (refused.length === 0) return { allowed: true, reserved, retryAfterSeconds: 0, at: now };
  const oldest = Math.max(...refused.map((r) => (r.oldest ? new Date(r.oldest).getTime() : now.getTime())));
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
  return { allowed: false, reserved, retryAfterSeconds, at: now };
}

/** Gives back the slot of one attempt (its instant, once) on these keys. */
export async function releaseAttempt(db: Db, keys: string[], at: Date): Promise<void> {
  if (!keys.length) return;
  const ts = at.toISOString();
  await db.execute(
    sql`update login_throttle set attempts = attempts[:array_position(attempts, ${ts}::timestamptz) - 1] || attempts[array_position(attempts, ${ts}::timestamptz) + 1:]
        where key = any(${textArray(keys)}) and array_position(attempts, ${ts}::timestamptz) is not null`,
  );
}

/** Forgets every attempt of these keys (a successful login clears its account's failures). */
export async function clearKeys(db: Db, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.execute(sql`delete from login_throttle where key = any(${textArray(keys)})`);
}

/** Housekeeping: rows whose attempts all left the window. */
export async function purgeThrottle(db: Db, now: Date, windowMs = WINDOW_MS): Promise<void> {
  await db.execute(
    sql`delete from login_throttle where coalesce(attempts[cardinality(attempts)], '-infinity') <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`,
  );
}
