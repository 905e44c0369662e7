/**
 * Resolved sessions kept in memory for a few seconds, one cache per app (part of Deps: two apps in one
 * process, as in the multi-server tests, never see each other's entries). Check-ins of a whole province
 * arrive within minutes and each must not cost three queries before its own. A logout, password change
 * or account change on this server forgets them at once; another server hears it through
 * server/lib/session-bus.ts, or sees it after at most SESSION_CACHE_MS.
 */
import { sql } from 'drizzle-orm';
import { textArray, type Db } from '../db/client';
import type { CurrentUser, SessionInfo } from './context';

export const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 20_000;

export interface CachedSession {
  session: SessionInfo;
  user: CurrentUser;
  expiresAt: number;
  idleLimit: number;
  cachedAt: number;
}

export interface Revocation {
  userId?: string;
  tokenHash?: string;
}

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  /** Idle timers to write: one UPDATE for all sessions seen in the last second. */
  private readonly touches = new Map<string, Date>();
  private revoked: ((r: Revocation) => void) | undefined;

  constructor(private readonly maxEntries = SESSION_CACHE_MAX) {}

  get size(): number {
    return this.entries.size;
  }

  /** A cached entry still fresh at `nowMs` (and whose session has not expired), else nothing. */
  get(tokenHash: string, nowMs: number): CachedSession | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (nowMs - hit.cachedAt < SESSION_CACHE_MS && nowMs >= hit.cachedAt) {
      if (hit.expiresAt > nowMs && hit.idleLimit > nowMs) return hit;
      this.entries.delete(tokenHash);
    }
    return undefined;
  }

  set(tokenHash: string, entry: CachedSession): void {
    if (this.entries.size >= this.maxEntries) this.sweep(entry.cachedAt);
    this.entries.set(tokenHash, entry);
  }

  /** Told of every revocation made here (the session bus tells the other app servers). */
  onRevoked(listener: (r: Revocation) => void): void {
    this.revoked = listener;
  }

  /** Forgets cached sessions (of one account, or all); `remote`: told by another app server. */
  forget(userId?: string, remote = false): void {
    if (!remote) this.revoked?.({ userId });
    if (!userId) {
      this.entries.clear();
      return;
    }
    for (const [k, v] of this.entries) if (v.user.userId === userId) this.entries.delete(k);
  }

  /** Forgets one cached session (logout). */
  forgetToken(tokenHash: string, remote = false): void {
    if (!remote) this.revoked?.({ tokenHash });
    this.entries.delete(tokenHash);
  }

  /** Writes the idle timer of a session within a second, batched with the others seen meanwhile. */
  touchLater(db: Db, tokenHash: string, at: Date): void {
    const first = this.touches.size === 0;
    this.touches.set(tokenHash, at);
    if (!first) return;
    const flush = () => {
      const batch = [...this.touches.entries()];
      this.touches.clear();
      if (!batch.length) return;
      db.execute(
        sql`update sessions set last_seen_at = v.at from (select unnest(${textArray(batch.map((b) => b[0]))}) as h, unnest(${textArray(batch.map((b) => b[1].toISOString()))})::timestamptz as at) v
            where sessions.token_hash = v.h and sessions.last_seen_at < v.at`,
      ).catch(() => undefined);
    };
    setTimeout(flush, 1000).unref();
  }

  /**
   * Makes room in a full cache: entries past SESSION_CACHE_MS go (they would be read again anyway), and
   * if that is not enough, all. One pass for many insertions (deleting the oldest one at a time would walk
   * the holes the deletions leave in the Map, on every request).
   */
  private sweep(nowMs: number): void {
    for (const [k, v] of this.entries) if (!(nowMs - v.cachedAt < SESSION_CACHE_MS && nowMs >= v.cachedAt)) this.entries.delete(k);
    if (this.entries.size >= this.maxEntries * 0.9) this.entries.clear();
  }
}
