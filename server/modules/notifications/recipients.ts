/** Who holds a role in an agency or unit: the accounts that workflow notifications go to. */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppRole } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import { roleGrants, users } from '../auth/auth.table';

/** Accounts (not disabled) with one of these agency-level roles in the agency (e.g. the Office, the Director). */
export async function agencyRoleUserIds(db: Db, agencyId: string, roles: AppRole[]): Promise<string[]> {
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.agencyId, agencyId), inArray(roleGrants.role, roles), eq(users.disabled, false)));
  return [...new Set(rows.map((r) => r.userId))];
}

/** Accounts (not disabled) leading units (unit head and deputy grants) of the given units, or of every unit of the agency. */
export async function unitLeaderIds(db: Db, where: { unitIds: string[] } | { agencyId: string }): Promise<string[]> {
  if ('unitIds' in where && !where.unitIds.length) return [];
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        'unitIds' in where ? inArray(roleGrants.unitId, where.unitIds) : eq(roleGrants.agencyId, where.agencyId),
        inArray(roleGrants.role, ['unit_head', 'unit_deputy']),
        eq(users.disabled, false),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}
