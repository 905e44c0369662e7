/**
 * Who decides a step of a request: the leader(s) of the step's role (the person's unit head, the Chief of Office,
 * the agency's Director, the province above) and, on the decision day, each leader's acting deputy (ủy quyền).
 * Leaders are found by their role grants (the accounts that hold the role), with the position as a fallback for a
 * unit head or a Chief of Office without a grant.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { StepRole } from '../../../shared/contracts/leave';
import { UNIT_HEAD_POSITIONS } from '../../../shared/domain/leave/workflow';
import type { Db } from '../../db/client';
import { roleGrants, users } from '../auth/auth.table';
import { agencies, people } from '../org/org.table';
import { activeActing } from './acting';

export interface Leader {
  userId: string | null;
  personId: string | null;
}

export interface StepApprovers {
  leaders: Leader[];
  /** Acting deputies in force on the day, with the leader each acts for. */
  deputies: { personId: string; forPersonId: string }[];
}

interface RequestScope {
  personId: string;
  unitId: string;
  agencyId: string;
}

async function grantHolders(db: Db, role: string, where: { agencyIds?: string[]; unitId?: string }): Promise<Leader[]> {
  const conds = [eq(roleGrants.role, role), eq(users.disabled, false)];
  if (where.unitId) conds.push(eq(roleGrants.unitId, where.unitId));
  if (where.agencyIds) {
    if (!where.agencyIds.length) return [];
    conds.push(inArray(roleGrants.agencyId, where.agencyIds));
  }
  const rows = await db
    .select({ userId: users.id, personId: users.personId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(...conds));
  return rows;
}

async function byPosition(db: Db, positions: readonly string[], where: { unitId?: string; agencyId?: string }): Promise<Leader[]> {
  const conds = [inArray(people.position, [...positions]), eq(people.active, true)];
  if (where.unitId) conds.push(eq(people.unitId, where.unitId));
  if (where.agencyId) conds.push(eq(people.agencyId, where.agencyId));
  const rows = await db
    .select({ personId: people.id, userId: users.id })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(and(...conds));
  return rows;
}

/** The ancestors of an agency (its path minus itself). */
async function ancestorIds(db: Db, agencyId: string): Promise<string[]> {
  const [a] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  if (!a) return [];
  return a.path
    .split('/')
    .filter(Boolean)
    .filter((id) => id !== agencyId);
}

/** The leaders of a step's role for a request (never the requester themselves). */
export async function leadersOf(db: Db, role: StepRole, req: RequestScope): Promise<Leader[]> {
  let list: Leader[];
  switch (role) {
    case 'unit_head':
      list = await grantHolders(db, 'unit_head', { unitId: req.unitId });
      if (!list.some((l) => l.personId !== req.personId)) list = await byPosition(db, UNIT_HEAD_POSITIONS, { unitId: req.unitId });
      break;
    case 'office':
      list = await byPosition(db, ['chief_of_office'], { agencyId: req.agencyId });
      if (!list.some((l) => l.personId !== req.personId)) list = await grantHolders(db, 'office', { agencyIds: [req.agencyId] });
      break;
    case 'director':
      list = await grantHolders(db, 'director', { agencyIds: [req.agencyId] });
      if (!list.some((l) => l.personId !== req.personId)) list = await byPosition(db, ['director'], { agencyId: req.agencyId });
      break;
    case 'province':
      list = await grantHolders(db, 'province', { agencyIds: await ancestorIds(db, req.agencyId) });
      break;
  }
  const seen = new Set<string>();
  return list.filter((l) => {
    if (l.personId && l.personId === req.personId) return false;
    const key = `${l.userId ?? ''}|${l.personId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The leaders of a step and their acting deputies in force on `date`. */
export async function stepApprovers(db: Db, role: StepRole, req: RequestScope, date: string): Promise<StepApprovers> {
  const leaders = await leadersOf(db, role, req);
  const deputies: StepApprovers['deputies'] = [];
  for (const l of leaders) {
    if (!l.personId) continue;
    const acting = await activeActing(db, l.personId, date);
    if (acting && acting.deputyPersonId !== req.personId) deputies.push({ personId: acting.deputyPersonId, forPersonId: l.personId });
  }
  return { leaders, deputies };
}

/** May this account decide the step (as a leader, or as an acting deputy: then for whom)? */
export function deciderRole(
  approvers: StepApprovers,
  user: { userId: string; personId: string | null },
  requesterPersonId: string,
): { ok: false } | { ok: true; actingForPersonId: string | null } {
  if (user.personId && user.personId === requesterPersonId) return { ok: false };
  if (approvers.leaders.some((l) => (l.userId && l.userId === user.userId) || (l.personId && l.personId === user.personId)))
    return { ok: true, actingForPersonId: null };
  const d = user.personId ? approvers.deputies.find((x) => x.personId === user.personId) : undefined;
  return d ? { ok: true, actingForPersonId: d.forPersonId } : { ok: false };
}
