/**
 * The daily digest (issue 10 item 6): people who chose "Tóm tắt hằng ngày" get, instead of immediate
 * e-mails, one e-mail at 17:30 (Asia/Ho_Chi_Minh) of each working day listing the notifications since the
 * previous digest, unread first. Exactly once across app servers (`runOnce` with the key
 * `notification-digest:<date>`); a day without notifications sends nothing.
 */
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { addDays, formatDateVi, vnDateOf, vnInstant, vnMinutesOf } from '../../../shared/domain/dates';
import { categoryOf, DIGEST_TIME } from '../../../shared/domain/notifications';
import { hhmmOf } from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/context';
import { newId } from '../../lib/ids';
import { users } from '../auth/auth.table';
import { workdaysFor } from '../calendar/calendar.service';
import { runOnce } from '../jobs/scheduler';
import { people } from '../org/org.table';
import { emailOutbox, notificationPrefs, notifications } from './notifications.table';

export const digestKey = (date: string) => `notification-digest:${date}`;

/** Tick task "notification-digest": at or after 17:30 of a working day, the day's digests, once. */
export async function runDailyDigest(deps: Deps, now: Date = deps.clock.now()): Promise<{ ran: boolean; sent: number }> {
  const today = vnDateOf(now);
  const dueAt = vnInstant(today, DIGEST_TIME);
  if (now.getTime() < dueAt.getTime()) return { ran: false, sent: 0 };
  const days = await workdaysFor(deps.db, addDays(today, -14), today);
  if (!days.includes(today)) return { ran: false, sent: 0 };
  // Since the previous working day's digest (a Monday's covers the weekend).
  const previous = days.filter((d) => d < today).pop() ?? addDays(today, -1);
  const from = vnInstant(previous, DIGEST_TIME);
  let sent = 0;
  const ran = await runOnce(deps, digestKey(today), async (tx) => {
    sent = await queueDigests(tx, deps, today, from, dueAt);
    return `${sent} e-mail`;
  });
  return { ran, sent };
}

/** Puts one digest e-mail per person in the outbox; returns how many. */
export async function queueDigests(tx: Db, deps: Pick<Deps, 'config' | 'clock'>, date: string, from: Date, to: Date): Promise<number> {
  const subscribers = await tx
    .select({ userId: users.id, email: people.email, muted: notificationPrefs.mutedCategories })
    .from(notificationPrefs)
    .innerJoin(users, eq(users.id, notificationPrefs.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(and(eq(notificationPrefs.email, 'digest'), eq(users.disabled, false)));
  const withAddress = subscribers.filter((s) => !!s.email);
  if (!withAddress.length) return 0;
  const base = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const now = deps.clock.now();
  let queued = 0;
  for (let i = 0; i < withAddress.length; i += 200) {
    const chunk = withAddress.slice(i, i + 200);
    const rows = await tx
      .select()
      .from(notifications)
      .where(
        and(
          inArray(
            notifications.userId,
            chunk.map((s) => s.userId),
          ),
          gt(notifications.createdAt, from),
          lte(notifications.createdAt, to),
        ),
      )
      .orderBy(asc(notifications.createdAt));
    const byUser = new Map<string, typeof rows>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    const mails = [];
    for (const s of chunk) {
      const muted = new Set(s.muted ?? []);
      const mine = (byUser.get(s.userId) ?? []).filter((n) => !muted.has(categoryOf(n.kind)));
      if (!mine.length) continue;
      const unread = mine.filter((n) => !n.readAt);
      const read = mine.filter((n) => n.readAt);
      const line = (n: (typeof rows)[number]) =>
        [
          `- ${hhmmOf(vnMinutesOf(n.createdAt))} ${formatDateVi(vnDateOf(n.createdAt))}: ${n.title}`,
          n.body ? `  ${n.body.replace(/\s*\n\s*/g, ' ')}` : null,
          n.link ? `  ${base}${n.link}` : null,
        ]
          .filter(Boolean)
          .join('\n');
      const parts = [`Tóm tắt thông báo Congvu ngày ${formatDateVi(date)}: ${mine.length} thông báo, ${unread.length} chưa đọc.`];
      if (unread.length) parts.push(`CHƯA ĐỌC (${unread.length})\n${unread.map(line).join('\n')}`);
      if (read.length) parts.push(`ĐÃ ĐỌC (${read.length})\n${read.map(line).join('\n')}`);
      parts.push(`Đổi cách nhận thông báo: ${base}/settings/notifications`);
      mails.push({
        id: newId('mail'),
        to: s.email!,
        subject: `[Congvu] Tóm tắt thông báo ngày ${formatDateVi(date)} (${unread.length} chưa đọc)`,
        text: `${parts.join('\n\n')}\n`,
        createdAt: now,
        nextAttemptAt: now,
      });
    }
    if (mails.length) await tx.insert(emailOutbox).values(mails);
    queued += mails.length;
  }
  return queued;
}
