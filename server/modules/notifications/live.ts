/**
 * Live delivery across app servers (issue 8): `notify` sends the ids of the notifications it inserts on
 * the `congvu_notifications` channel (pg_notify inside the transaction: they leave at commit, never for a
 * rollback). Each server's hub reads which accounts they are for (one query per message, only when
 * someone is connected) and wakes those accounts' open streams, which read their new rows at once.
 * Streams still re-read the table now and then, for messages lost while a listener reconnected.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { PubSub } from '../../lib/pubsub';
import { notifications } from './notifications.table';

export const NOTIFICATIONS_CHANNEL = 'congvu_notifications';

export interface LiveHub {
  /** Calls `wake` whenever a notification for `userId` was committed (on any server). Returns the unsubscribe function. */
  watch(userId: string, wake: () => void): () => void;
}

const hubs = new WeakMap<PubSub, LiveHub>();

export function liveHubOf(pubsub: PubSub | undefined): LiveHub | undefined {
  return pubsub ? hubs.get(pubsub) : undefined;
}

/** Starts listening for notifications on this server (once per pub/sub). */
export async function listenNotifications(pubsub: PubSub, db: Db): Promise<LiveHub> {
  const existing = hubs.get(pubsub);
  if (existing) return existing;
  const watchers = new Map<string, Set<() => void>>();
  const wakeAll = () => {
    for (const set of watchers.values()) for (const w of set) w();
  };
  const hub: LiveHub = {
    watch(userId, wake) {
      let set = watchers.get(userId);
      if (!set) watchers.set(userId, (set = new Set()));
      set.add(wake);
      return () => {
        set!.delete(wake);
        if (!set!.size) watchers.delete(userId);
      };
    },
  };
  hubs.set(pubsub, hub);
  pubsub.onReconnect(wakeAll);
  await pubsub.subscribe(NOTIFICATIONS_CHANNEL, (payload) => {
    if (!watchers.size) return;
    const ids = payload.split(',').filter(Boolean);
    if (!ids.length) return;
    db.select({ userId: notifications.userId })
      .from(notifications)
      .where(inArray(notifications.id, ids))
      .then((rows) => {
        for (const userId of new Set(rows.map((r) => r.userId))) for (const w of watchers.get(userId) ?? []) w();
      })
      .catch(() => wakeAll());
  });
  return hub;
}

/** The payloads announcing these notification ids (each under PostgreSQL's 8000-byte limit). */
export function announcementPayloads(ids: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const id of ids) {
    if (current && current.length + id.length + 1 > 7000) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${id}` : id;
  }
  if (current) out.push(current);
  return out;
}
