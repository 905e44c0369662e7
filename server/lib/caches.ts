/**
 * The in-memory caches of one app, built with its Deps (server/lib/deps.ts): nothing is cached at module
 * level, so two apps in one process (the multi-server tests, a bench beside a server) never share an entry.
 */
import type { WorkingHours } from '../../shared/domain/presence';
import { RefreshingCache } from './cache';
import { SessionCache } from './session-cache';

export interface Caches {
  /** Resolved sessions, a few seconds (server/lib/session-cache.ts). */
  sessions: SessionCache;
  /**
   * Working hours of an agency on a date, kept a minute (every check-in of the 07:00 burst needs them;
   * a policy edit is seen within a minute or two). Keyed `agencyId|date`; null for an unknown agency.
   */
  workingHours: RefreshingCache<WorkingHours | null>;
}

export function createCaches(): Caches {
  return { sessions: new SessionCache(), workingHours: new RefreshingCache<WorkingHours | null>(60_000) };
}
