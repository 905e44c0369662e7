/** Each person's notification channels (issue 10 item 6): e-mail at once / daily digest / off, chat groups on/off, muted categories. */
import { and, eq } from 'drizzle-orm';
import type { NotificationPrefsPut, NotificationPrefsView } from '../../../shared/contracts/notifications';
import { DEFAULT_PREFS } from '../../../shared/domain/notifications';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { people } from '../org/org.table';
import { notificationPrefs } from './notifications.table';

async function hasAddress(deps: Deps, user: CurrentUser): Promise<boolean> {
  if (!user.personId) return false;
  const [p] = await deps.db.select({ email: people.email }).from(people).where(eq(people.id, user.personId));
  return !!p?.email;
}

export async function getPrefs(deps: Deps, user: CurrentUser): Promise<NotificationPrefsView> {
  const [row] = await deps.db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, user.userId));
  const base = row ? { email: row.email, chat: row.chat, mutedCategories: row.mutedCategories ?? [], version: row.version } : { ...DEFAULT_PREFS, version: 0 };
  return { ...base, hasEmailAddress: await hasAddress(deps, user) };
}

/** Saves the choices; `version` 0 creates them (the defaults were shown). Saving the same choices again changes nothing. */
export async function putPrefs(deps: Deps, user: CurrentUser, input: NotificationPrefsPut): Promise<NotificationPrefsView> {
  const muted = [...new Set(input.mutedCategories)].sort();
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(notificationPrefs).where(eq(notificationPrefs.userId, user.userId)).for('update');
    const same = (c: typeof current) =>
      !!c && c.email === input.email && c.chat === input.chat && JSON.stringify([...(c.mutedCategories ?? [])].sort()) === JSON.stringify(muted);
    // A repeated save (same choices, the version it produced) is a no-op.
    if (current && same(current) && (current.version === input.version || current.version === input.version + 1)) return;
    if ((current?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const now = deps.clock.now();
    if (!current) {
      await tx
        .insert(notificationPrefs)
        .values({ userId: user.userId, email: input.email, chat: input.chat, mutedCategories: muted, version: 1, updatedAt: now });
    } else {
      await tx
        .update(notificationPrefs)
        .set({ email: input.email, chat: input.chat, mutedCategories: muted, version: current.version + 1, updatedAt: now })
        .where(and(eq(notificationPrefs.userId, user.userId), eq(notificationPrefs.version, current.version)));
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'notification.prefs_saved',
      entity: 'notification_prefs',
      entityId: user.userId,
      agencyId: user.agencyId,
      data: { email: input.email, chat: input.chat, mutedCategories: muted },
    });
  });
  return getPrefs(deps, user);
}
