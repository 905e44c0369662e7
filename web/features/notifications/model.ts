/**
 * Pure helpers of the notifications bell: where a notification's link leads inside the app (the
 * nearest existing screen, never a 404), how its time is written ("14:05 19/07"), the reconnection
 * delays of the live stream, and which cached data a new notification makes stale.
 */
import { vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';

/**
 * The app path to open for a notification's link, or null when it is not a path of this app
 * (absent, another site, the API). A link to this origin is made relative. Paths are matched
 * against the route table (`/tasks/*`, `/reports/*`…): an unknown path goes to the nearest screen
 * above it (`/foo/bar` → `/`), keeping the query of known ones (`/reports?agencyId=…&date=…`).
 */
export function appPathOf(link: string | null | undefined, routePaths: readonly string[], origin?: string): string | null {
  if (!link) return null;
  let path = link.trim();
  if (origin && path.startsWith(`${origin}/`)) path = path.slice(origin.length);
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(path)!;
  const pathname = m[1]!.replace(/\/+$/, '') || '/';
  if (pathname === '/api' || pathname.startsWith('/api/')) return null;
  if (matchesRoute(pathname, routePaths)) return pathname + (m[2] ?? '') + (m[3] ?? '');
  // Walk up: /a/b/c → /a/b → /a → /.
  const parts = pathname.split('/').filter(Boolean);
  for (let n = parts.length - 1; n > 0; n--) {
    const up = `/${parts.slice(0, n).join('/')}`;
    if (matchesRoute(up, routePaths)) return up;
  }
  return '/';
}

/** Does a pathname match one of the route table's paths (`/x/*` covers `/x` and below)? */
export function matchesRoute(pathname: string, routePaths: readonly string[]): boolean {
  return routePaths.some((r) => {
    if (r.endsWith('/*')) {
      const base = r.slice(0, -2);
      return base === '' ? true : pathname === base || pathname.startsWith(`${base}/`);
    }
    return pathname === r;
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `14:05 19/07` in Vietnam's time, 24 h; the year is added when it is not the year of `nowMs`
 * (`14:05 19/07/2025`).
 */
export function formatNotificationTime(instant: string, nowMs: number): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const m = vnMinutesOf(ms);
  const date = vnDateOf(ms);
  const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
  return date.slice(0, 4) === vnDateOf(nowMs).slice(0, 4) ? time : `${time}/${date.slice(0, 4)}`;
}

/** Delay before the n-th reconnection attempt (0-based): 2 s, 4 s, 8 s… up to one minute. */
export function reconnectDelay(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt));
}

/**
 * The first segment of an app link (`/presence/summons/x` → `presence`): the root of the query
 * keys of the module that sent it (modules key their queries by their name), refreshed when a
 * notification arrives so that screens show it at once (a summons appears on "Điểm danh").
 */
export function moduleOfLink(link: string | null | undefined): string | null {
  if (!link?.startsWith('/') || link.startsWith('//')) return null;
  const first = link.slice(1).split(/[/?#]/)[0] ?? '';
  return /^[a-z][a-z0-9-]*$/.test(first) && first !== 'api' ? first : null;
}

/** Notifications are shown newest first; a new one goes on top once (same id ignored). */
export function prependNotification<T extends { id: string; readAt: string | null }>(
  list: { notifications: T[]; unread: number },
  n: T,
): { notifications: T[]; unread: number } {
  if (list.notifications.some((x) => x.id === n.id)) return list;
  return { notifications: [n, ...list.notifications], unread: list.unread + (n.readAt ? 0 : 1) };
}

/** Marks one notification read in a list (the unread count goes down once). */
export function markReadInList<T extends { id: string; readAt: string | null }>(
  list: { notifications: T[]; unread: number },
  id: string,
  at: string,
): { notifications: T[]; unread: number } {
  const target = list.notifications.find((x) => x.id === id);
  if (!target || target.readAt) return list;
  return { notifications: list.notifications.map((x) => (x.id === id ? { ...x, readAt: at } : x)), unread: Math.max(0, list.unread - 1) };
}
