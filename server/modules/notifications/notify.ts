/**
 * Sending a notification (J3): an in-app notification per user and, when asked and the person has an
 * e-mail address, an e-mail in the outbox (sent by the mail worker). Call it inside the transaction of
 * the change it announces, so that nothing is announced for a change that did not happen.
 * Never put the content of a secret document in a notification. Live delivery (server-sent events)
 * reads the table when told by a NOTIFY sent at commit (live.ts), so it works across several app
 * servers and never shows a rolled-back notification.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { users } from '../auth/auth.table';
import { people } from '../org/org.table';
import { announcementPayloads, NOTIFICATIONS_CHANNEL } from './live';
import { emailOutbox, type MailAttachment, notifications } from './notifications.table';

export interface NotifyInput {
  /** People to notify (their accounts receive it); people without an account are skipped. */
  personIds?: string[];
  /** Accounts to notify directly. */
  userIds?: string[];
  kind: string;
  title: string;
  body?: string;
  /** Path in the web app, e.g. `/tasks/t_123`. */
  link?: string;
  /** Also send an e-mail to people with an address. */
  email?: boolean;
  /** Files attached to that e-mail (e.g. a meeting invitation `invite.ics`). */
  attachments?: MailAttachment[];
}

export async function notify(tx: Db, clock: Clock, input: NotifyInput): Promise<number> {
  const now = clock.now();
  const targets = new Map<string, string | null>(); // userId → email
  if (input.personIds?.length) {
    const rows = await tx
      .select({ userId: users.id, email: people.email })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .where(inArray(users.personId, [...new Set(input.personIds)]));
    for (const r of rows) targets.set(r.userId, r.email);
  }
  if (input.userIds?.length) {
    const rows = await tx
      .select({ userId: users.id, email: people.email })
      .from(users)
      .leftJoin(people, eq(people.id, users.personId))
      .where(inArray(users.id, [...new Set(input.userIds)]));
    for (const r of rows) targets.set(r.userId, r.email ?? null);
  }
  if (!targets.size) return 0;
  const rows = [...targets.keys()].map((userId) => ({
    id: newId('ntf'),
    userId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    link: input.link ?? null,
    createdAt: now,
  }));
  await tx.insert(notifications).values(rows);
  // Live streams on every app server are told at commit (see live.ts).
  for (const payload of announcementPayloads(rows.map((r) => r.id))) await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, ${payload})`);
  if (input.email) {
    const mails = [...targets.values()]
      .filter((e): e is string => !!e)
      .map((to) => ({
        id: newId('mail'),
        to,
        subject: `[Congvu] ${input.title}`,
        text: `${input.title}\n\n${input.body ?? ''}${input.link ? `\n\n${input.link}` : ''}\n`,
        attachments: input.attachments?.length ? input.attachments : null,
        createdAt: now,
        nextAttemptAt: now,
      }));
    if (mails.length) await tx.insert(emailOutbox).values(mails);
  }
  return rows.length;
}

/** Marks as read the unread notifications of an account that point to `link` (the thing they announce was answered). */
export async function markNotificationsRead(db: Db, userId: string, link: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), eq(notifications.link, link), isNull(notifications.readAt)));
}
