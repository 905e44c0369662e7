/** Accounts of people and their role grants, managed by the IT team (its agency) and admins. */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppRole } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, personTarget } from '../../lib/scope';
import { people } from '../org/org.table';
import { roleGrants, sessions, users } from './auth.table';
import { hashPassword } from './password';
import { forgetSessions } from './auth.service';

const UNIT_ROLES: AppRole[] = ['staff', 'unit_head', 'unit_deputy'];
/** Roles only an admin may grant (they reach beyond one agency or administer the system). */
const ADMIN_ONLY: AppRole[] = ['province', 'admin'];

/** A readable temporary password (the user must change it at first login). */
export function temporaryPassword(): string {
  const words = ['Hoa', 'Sen', 'Mai', 'Lan', 'Cuc', 'Tre', 'Song', 'Nui', 'Bien', 'Trang'];
  return `${words[randomInt(words.length)]}-${randomInt(1000, 9999)}-${words[randomInt(words.length)]}-${randomInt(10, 99)}`;
}

export async function getAccount(deps: Deps, user: CurrentUser, personId: string) {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'account.manage', target);
  const [u] = await deps.db.select().from(users).where(eq(users.personId, personId));
  if (!u) return null;
  const grants = await deps.db.select().from(roleGrants).where(eq(roleGrants.userId, u.id));
  return { userId: u.id, username: u.username, disabled: u.disabled, mustChangePassword: u.mustChangePassword, grants: grants.map((g) => ({ role: g.role as AppRole, agencyId: g.agencyId, unitId: g.unitId })) };
}

export async function upsertAccount(deps: Deps, user: CurrentUser, personId: string, input: { username: string; roles: AppRole[]; disabled?: boolean }) {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'account.manage', target);
  const isAdmin = user.grants.some((g) => g.role === 'admin' && target.agencyPath.startsWith(g.agencyPath));
  const escalation = input.roles.filter((r) => ADMIN_ONLY.includes(r));
  if (escalation.length && !isAdmin) throw new AppError('FORBIDDEN', `Chỉ quản trị hệ thống được cấp vai trò: ${escalation.join(', ')}.`);
  const [person] = await deps.db.select().from(people).where(eq(people.id, personId));
  let temp: string | null = null;
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.personId, personId));
    const [taken] = await tx.select({ id: users.id, personId: users.personId }).from(users).where(eq(users.username, input.username));
    if (taken && taken.personId !== personId) throw new AppError('CONFLICT', 'Tên đăng nhập đã được dùng.', { issues: [{ path: 'body.username', message: 'Tên đăng nhập đã được dùng.' }] });
    let userId = existing?.id;
    if (!existing) {
      temp = temporaryPassword();
      userId = newId('usr');
      await tx.insert(users).values({ id: userId, username: input.username, personId, displayName: person!.fullName, passwordHash: await hashPassword(temp), mustChangePassword: true, disabled: input.disabled ?? false });
    } else {
      await tx.update(users).set({ username: input.username, disabled: input.disabled ?? existing.disabled, version: existing.version + 1 }).where(eq(users.id, existing.id));
      if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, existing.id));
    }
    await tx.delete(roleGrants).where(eq(roleGrants.userId, userId!));
    await tx.insert(roleGrants).values(
      [...new Set(input.roles)].map((role) => ({ id: newId('g'), userId: userId!, role, agencyId: target.agencyId, unitId: UNIT_ROLES.includes(role) ? target.unitId : null })),
    );
    if (existing) forgetSessions(existing.id);
    await deps.audit(tx, { actorUserId: user.userId, action: existing ? 'account.updated' : 'account.created', entity: 'user', entityId: userId!, agencyId: target.agencyId, data: { username: input.username, roles: input.roles, disabled: input.disabled ?? false } });
  });
  return { account: (await getAccount(deps, user, personId))!, temporaryPassword: temp };
}

export async function resetPassword(deps: Deps, user: CurrentUser, personId: string) {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'account.manage', target);
  const [u] = await deps.db.select().from(users).where(eq(users.personId, personId));
  if (!u) throw new AppError('NOT_FOUND', 'Người này chưa có tài khoản.');
  const temp = temporaryPassword();
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: await hashPassword(temp), mustChangePassword: true, version: u.version + 1 }).where(eq(users.id, u.id));
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    forgetSessions(u.id);
    await deps.audit(tx, { actorUserId: user.userId, action: 'account.password_reset', entity: 'user', entityId: u.id, agencyId: target.agencyId });
  });
  return { account: (await getAccount(deps, user, personId))!, temporaryPassword: temp };
}
