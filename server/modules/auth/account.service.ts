/** Accounts of people and their role grants, managed by the IT team (its agency) and admins. */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppRole } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, personTarget } from '../../lib/scope';
import { people } from '../org/org.table';
import { roleGrants, sessions, totpRecoveryCodes, users } from './auth.table';
import { hashPassword } from './password';

const UNIT_ROLES: AppRole[] = ['staff', 'unit_head', 'unit_deputy'];
/**
 * The roles the IT team (Tổ CNTT) may grant within its agency. Every other role (the Office, the agency's
 * leaders, IT itself, province, admin) needs an admin over the agency: otherwise IT could make itself
 * Director, or reset the Director's password and log in as the Director.
 */
const IT_GRANTABLE: AppRole[] = UNIT_ROLES;
/** Accounts holding one of these roles are managed (edited, password reset) by an admin only. */
const PRIVILEGED: AppRole[] = ['office', 'director', 'deputy_director', 'it', 'province', 'admin'];

function isAdminOver(user: CurrentUser, agencyPath: string): boolean {
  return user.grants.some((g) => g.role === 'admin' && agencyPath.startsWith(g.agencyPath));
}

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
  return {
    userId: u.id,
    username: u.username,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    grants: grants.map((g) => ({ role: g.role as AppRole, agencyId: g.agencyId, unitId: g.unitId })),
  };
}

export async function upsertAccount(deps: Deps, user: CurrentUser, personId: string, input: { username: string; roles: AppRole[]; disabled?: boolean }) {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'account.manage', target);
  const isAdmin = isAdminOver(user, target.agencyPath);
  const escalation = [...new Set(input.roles.filter((r) => !IT_GRANTABLE.includes(r)))];
  if (!isAdmin) {
    const [current] = await deps.db.select({ id: users.id }).from(users).where(eq(users.personId, personId));
    if (personId === user.personId || current?.id === user.userId) {
      await auditDenied(deps, user, 'account.grant_denied', personId, target.agencyId, { roles: input.roles, reason: 'own account' });
      throw new AppError('FORBIDDEN', 'Không thể tự thay đổi tài khoản và vai trò của chính mình. Liên hệ quản trị hệ thống.');
    }
    if (escalation.length) {
      await auditDenied(deps, user, 'account.grant_denied', personId, target.agencyId, { roles: input.roles });
      throw new AppError('FORBIDDEN', `Chỉ quản trị hệ thống được cấp vai trò: ${escalation.join(', ')}.`);
    }
    if (current && (await heldPrivilegedRoles(deps, current.id)).length) {
      await auditDenied(deps, user, 'account.grant_denied', personId, target.agencyId, { roles: input.roles, reason: 'privileged account' });
      throw new AppError('FORBIDDEN', 'Tài khoản này giữ vai trò lãnh đạo/Văn phòng/CNTT/quản trị: chỉ quản trị hệ thống được thay đổi.');
    }
  }
  const [person] = await deps.db.select().from(people).where(eq(people.id, personId));
  let temp: string | null = null;
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.personId, personId));
    const [taken] = await tx.select({ id: users.id, personId: users.personId }).from(users).where(eq(users.username, input.username));
    if (taken && taken.personId !== personId)
      throw new AppError('CONFLICT', 'Tên đăng nhập đã được dùng.', { issues: [{ path: 'body.username', message: 'Tên đăng nhập đã được dùng.' }] });
    let userId = existing?.id;
    if (!existing) {
      temp = temporaryPassword();
      userId = newId('usr');
      await tx.insert(users).values({
        id: userId,
        username: input.username,
        personId,
        displayName: person!.fullName,
        passwordHash: await hashPassword(temp),
        mustChangePassword: true,
        disabled: input.disabled ?? false,
      });
    } else {
      await tx
        .update(users)
        .set({ username: input.username, disabled: input.disabled ?? existing.disabled, version: existing.version + 1 })
        .where(eq(users.id, existing.id));
      if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, existing.id));
    }
    await tx.delete(roleGrants).where(eq(roleGrants.userId, userId!));
    await tx.insert(roleGrants).values(
      [...new Set(input.roles)].map((role) => ({
        id: newId('g'),
        userId: userId!,
        role,
        agencyId: target.agencyId,
        unitId: UNIT_ROLES.includes(role) ? target.unitId : null,
      })),
    );
    if (existing) deps.caches.sessions.forget(existing.id);
    const before = existing ? (await tx.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, existing.id))).map((g) => g.role) : [];
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: existing ? 'account.updated' : 'account.created',
      entity: 'user',
      entityId: userId!,
      agencyId: target.agencyId,
      data: { username: input.username, roles: input.roles, disabled: input.disabled ?? false },
    });
    const added = input.roles.filter((r) => !before.includes(r));
    const removed = before.filter((r) => !input.roles.includes(r as AppRole));
    if (added.length || removed.length)
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'account.grants_changed',
        entity: 'user',
        entityId: userId!,
        agencyId: target.agencyId,
        data: { added, removed },
      });
  });
  return { account: (await getAccount(deps, user, personId))!, temporaryPassword: temp };
}

export async function resetPassword(deps: Deps, user: CurrentUser, personId: string) {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'account.manage', target);
  const [u] = await deps.db.select().from(users).where(eq(users.personId, personId));
  if (!u) throw new AppError('NOT_FOUND', 'Người này chưa có tài khoản.');
  if (!isAdminOver(user, target.agencyPath)) {
    const held = await heldPrivilegedRoles(deps, u.id);
    if (held.length || u.id === user.userId) {
      await auditDenied(deps, user, 'account.password_reset_denied', personId, target.agencyId, { roles: held });
      throw new AppError(
        'FORBIDDEN',
        u.id === user.userId
          ? 'Hãy đổi mật khẩu của chính mình ở trang Bảo mật tài khoản.'
          : 'Chỉ quản trị hệ thống được cấp lại mật khẩu cho tài khoản lãnh đạo, Văn phòng, CNTT hoặc quản trị.',
      );
    }
  }
  const temp = temporaryPassword();
  const passwordHash = await hashPassword(temp);
  await deps.db.transaction(async (tx) => {
    // A reset also removes two-factor login (a lost phone is the usual reason): the person enrols again.
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        version: u.version + 1,
      })
      .where(eq(users.id, u.id));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, u.id));
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    deps.caches.sessions.forget(u.id);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'account.password_reset',
      entity: 'user',
      entityId: u.id,
      agencyId: target.agencyId,
      data: { totpCleared: !!u.totpEnabledAt },
    });
  });
  return { account: (await getAccount(deps, user, personId))!, temporaryPassword: temp };
}

async function heldPrivilegedRoles(deps: Deps, userId: string): Promise<AppRole[]> {
  const rows = await deps.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId));
  return [...new Set(rows.map((r) => r.role as AppRole).filter((r) => PRIVILEGED.includes(r)))];
}

/** A refused attempt to change accounts is a security event too. */
async function auditDenied(deps: Deps, user: CurrentUser, action: string, personId: string, agencyId: string, data: Record<string, unknown>): Promise<void> {
  await deps.db.transaction((tx) => deps.audit(tx, { actorUserId: user.userId, action, entity: 'person', entityId: personId, agencyId, data }));
}
