/**
 * The in-app notifications of an account: the list with the unread count, marking read, and the reads of the live
 * stream (resume after the last event id, the next page after an instant). Routes stay thin (issue 11).
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { NotificationView } from '../../../shared/contracts/notifications';
import type { CurrentUser, Deps } from '../../lib/context';
import { notifications } from './notifications.table';

type Row = typeof notifications.$inferSelect;
export const presentNotification = (n: Row): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The latest 100 notifications (or only the unread ones) and how many are unread. */
export async function listNotifications(deps: Deps, user: CurrentUser, onlyUnread: boolean): Promise<{ notifications: NotificationView[]; unread: number }> {
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(onlyUnread ? and(eq(notifications.userId, user.userId), isNull(notifications.readAt)) : eq(notifications.userId, user.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  const [count] = await deps.db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, user.userId), isNull(notifications.readAt)));
  return { notifications: rows.map(presentNotification), unread: Number(count?.n ?? 0) };
}

/** Marks one notification of the account read (idempotent; another account's id changes nothing). */
export async function markRead(deps: Deps, user: CurrentUser, id: string): Promise<void> {
  await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, user.userId), isNull(notifications.readAt)));
}

export async function markAllRead(deps: Deps, user: CurrentUser): Promise<void> {
  await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(eq(notifications.userId, user.userId), isNull(notifications.readAt)));
}

/** When the notification a reconnecting stream last got was made (null: unknown id or another account's). */
export async function lastSeenAt(deps: Deps, user: CurrentUser, lastId: string | undefined): Promise<Date | null> {
  if (!lastId) return null;
  const [last] = await deps.db
    .select({ createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.id, lastId), eq(notifications.userId, user.userId)));
  return last?.createdAt ?? null;
}

/** The account's notifications made after `since`, oldest first, at most `limit`. */
export async function notificationsSince(deps: Deps, user: CurrentUser, since: Date, limit: number): Promise<Row[]> {
  return deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.userId), gt(notifications.createdAt, since)))
    .orderBy(notifications.createdAt)
    .limit(limit);
}
