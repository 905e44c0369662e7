/**
 * Sending a notification (J3): an in-app notification per user and, by each person's channel choices
 * (notification_prefs), an e-mail in the outbox (sent by the mail worker) and a delivery to the chat-group
 * webhooks of their agency or unit (sent by the webhook worker, webhooks.ts). Call it inside the transaction of
 * the change it announces, so that nothing is announced for a change that did not happen.
 * Never put the content of a secret document in a notification. Live delivery (server-sent events)
 * reads the table when told by a NOTIFY sent at commit (live.ts), so it works across several app
 * servers and never shows a rolled-back notification.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { categoryOf, channelsFor, type ChannelPrefs, DEFAULT_PREFS } from '../../../shared/domain/notifications';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { users } from '../auth/auth.table';
import { agencies, people, units } from '../org/org.table';
import { announcementPayloads, NOTIFICATIONS_CHANNEL } from './live';
import { emailOutbox, type MailAttachment, notificationPrefs, notifications, webhookEndpoints, webhookOutbox } from './notifications.table';

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
  /** Also send an e-mail to people with an address (immediately, or in their daily digest, as each chose). */
  email?: boolean;
  /** Files attached to that e-mail (e.g. a meeting invitation `invite.ics`). */
  attachments?: MailAttachment[];
  /** Set to false to keep this notification out of chat groups (webhooks); default: sent to matching groups. */
  chat?: boolean;
  /** A stable id of the event, so that announcing it again does not post it twice to a chat group. */
  eventId?: string;
}

interface Target {
  userId: string;
  email: string | null;
  fullName: string | null;
  agencyId: string | null;
  unitId: string | null;
}

/** The channel preferences of these accounts (defaults for accounts without a row). */
export async function prefsOf(db: Db, userIds: string[]): Promise<Map<string, ChannelPrefs>> {
  const out = new Map<string, ChannelPrefs>();
  if (!userIds.length) return out;
  const rows = await db.select().from(notificationPrefs).where(inArray(notificationPrefs.userId, userIds));
  for (const r of rows) out.set(r.userId, { email: r.email, chat: r.chat, mutedCategories: r.mutedCategories ?? [] });
  return out;
}

/**
 * Notifies people: always in the app; by e-mail when the caller asks (`email`) and the person wants
 * e-mails at once (a person who chose the daily digest gets it in the 17:30 summary); to the chat groups
 * (webhooks) of their agency or unit that take this category, naming only the people who keep that channel on.
 * Callers decide what happened and who must know; this decides how each one is reached.
 */
export async function notify(tx: Db, clock: Clock, input: NotifyInput): Promise<number> {
  const now = clock.now();
  const targets = new Map<string, Target>();
  if (input.personIds?.length) {
    const rows = await tx
      .select({ userId: users.id, email: people.email, fullName: people.fullName, agencyId: people.agencyId, unitId: people.unitId })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .where(inArray(users.personId, [...new Set(input.personIds)]));
    for (const r of rows) targets.set(r.userId, r);
  }
  if (input.userIds?.length) {
    const rows = await tx
      .select({ userId: users.id, email: people.email, fullName: people.fullName, agencyId: people.agencyId, unitId: people.unitId })
      .from(users)
      .leftJoin(people, eq(people.id, users.personId))
      .where(inArray(users.id, [...new Set(input.userIds)]));
    for (const r of rows) targets.set(r.userId, r);
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
  const prefs = await prefsOf(tx, [...targets.keys()]);
  const mailTo: string[] = [];
  const chatTargets: Target[] = [];
  for (const target of targets.values()) {
    const channels = channelsFor(prefs.get(target.userId) ?? DEFAULT_PREFS, input.kind, { email: !!input.email, hasAddress: !!target.email });
    if (channels.email === 'now') mailTo.push(target.email!);
    if (channels.chat && target.agencyId && target.fullName) chatTargets.push(target);
  }
  const mails = [...new Set(mailTo)].map((to) => ({
    id: newId('mail'),
    to,
    subject: `[Congvu] ${input.title}`,
    text: `${input.title}\n\n${input.body ?? ''}${input.link ? `\n\n${input.link}` : ''}\n`,
    attachments: input.attachments?.length ? input.attachments : null,
    createdAt: now,
    nextAttemptAt: now,
  }));
  if (mails.length) await tx.insert(emailOutbox).values(mails);
  if (input.chat !== false && chatTargets.length) await enqueueWebhooks(tx, now, input, chatTargets);
  return rows.length;
}

/** One delivery per matching chat-group endpoint (agency, or unit, and category), deduplicated per event. */
async function enqueueWebhooks(tx: Db, now: Date, input: NotifyInput, chatTargets: Target[]): Promise<void> {
  const category = categoryOf(input.kind);
  const agencyIds = [...new Set(chatTargets.map((t) => t.agencyId!))];
  const endpoints = (
    await tx
      .select({ id: webhookEndpoints.id, agencyId: webhookEndpoints.agencyId, unitId: webhookEndpoints.unitId, categories: webhookEndpoints.categories })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.agencyId, agencyIds), eq(webhookEndpoints.enabled, true)))
  ).filter((e) => e.categories.includes(category));
  if (!endpoints.length) return;
  const agencyNames = new Map(
    (await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => [a.id, a.name]),
  );
  const unitIds = [...new Set(endpoints.map((e) => e.unitId).filter((u): u is string => !!u))];
  const unitNames = new Map(
    unitIds.length ? (await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [u.id, u.name]) : [],
  );
  const eventId = input.eventId ?? newId('evt');
  const values = [];
  for (const e of endpoints) {
    const named = chatTargets.filter((t) => t.agencyId === e.agencyId && (!e.unitId || t.unitId === e.unitId));
    if (!named.length) continue;
    values.push({
      id: newId('whd'),
      endpointId: e.id,
      eventId,
      payload: {
        id: eventId,
        kind: input.kind,
        category,
        title: input.title,
        body: input.body ?? null,
        link: input.link ?? null,
        agency: { id: e.agencyId, name: agencyNames.get(e.agencyId) ?? e.agencyId },
        unit: e.unitId ? { id: e.unitId, name: unitNames.get(e.unitId) ?? e.unitId } : null,
        createdAt: now.toISOString(),
        recipients: [...new Set(named.map((t) => t.fullName!))].sort((a, b) => a.localeCompare(b, 'vi')),
      },
      createdAt: now,
      nextAttemptAt: now,
    });
  }
  if (values.length) await tx.insert(webhookOutbox).values(values).onConflictDoNothing();
}

/** Marks as read the unread notifications of an account that point to `link` (the thing they announce was answered). */
export async function markNotificationsRead(db: Db, userId: string, link: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), eq(notifications.link, link), isNull(notifications.readAt)));
}
