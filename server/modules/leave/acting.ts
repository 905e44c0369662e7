/**
 * Acting approvers (ủy quyền): while a leader is away, a deputy named for dates decides in their place
 * (requests, rosters) and, with scope 'all', also receives summons rights and meeting invitations addressed to them.
 */
import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actingAssignments } from './leave.table';

export type ActingScope = 'approvals' | 'all';

/**
 * The acting assignment of a leader in force on a date (not revoked, fromDate ≤ date ≤ toDate), the latest
 * named first; null when the leader decides themselves.
 */
export async function activeActing(db: Db, leaderPersonId: string, date: string): Promise<{ deputyPersonId: string; scope: ActingScope } | null> {
  const [row] = await db
    .select({ deputyPersonId: actingAssignments.deputyPersonId, scope: actingAssignments.scope })
    .from(actingAssignments)
    .where(
      and(
        eq(actingAssignments.leaderPersonId, leaderPersonId),
        lte(actingAssignments.fromDate, date),
        gte(actingAssignments.toDate, date),
        isNull(actingAssignments.revokedAt),
      ),
    )
    .orderBy(desc(actingAssignments.createdAt))
    .limit(1);
  return row ? { deputyPersonId: row.deputyPersonId, scope: row.scope === 'approvals' ? 'approvals' : 'all' } : null;
}

/** The leaders a deputy acts for on a date (with the scope of each assignment). */
export async function actingFor(db: Db, deputyPersonId: string, date: string): Promise<Array<{ leaderPersonId: string; scope: ActingScope }>> {
  const rows = await db
    .select({ leaderPersonId: actingAssignments.leaderPersonId, scope: actingAssignments.scope })
    .from(actingAssignments)
    .where(
      and(
        eq(actingAssignments.deputyPersonId, deputyPersonId),
        lte(actingAssignments.fromDate, date),
        gte(actingAssignments.toDate, date),
        isNull(actingAssignments.revokedAt),
      ),
    );
  return rows.map((r) => ({ leaderPersonId: r.leaderPersonId, scope: r.scope === 'approvals' ? 'approvals' : 'all' }));
}
