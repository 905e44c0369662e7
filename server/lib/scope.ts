/** Resolves the scope of a record (agency, its path, unit) and checks a permission on it. */
import { eq } from 'drizzle-orm';
import { can, type Action, type Actor, type Target } from '../../shared/domain/permissions';
import type { Db } from '../db/client';
import { agencies, people, units } from '../modules/org/org.table';
import { AppError, notFound } from './errors';

export async function agencyTarget(db: Db, agencyId: string): Promise<Target & { agencyId: string; agencyPath: string }> {
  const [a] = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  if (!a) throw notFound('cơ quan');
  return { agencyId: a.id, agencyPath: a.path };
}

export async function unitTarget(db: Db, unitId: string): Promise<Target & { agencyId: string; agencyPath: string; unitId: string }> {
  const [u] = await db
    .select({ id: units.id, agencyId: units.agencyId, path: agencies.path })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, unitId))
    .limit(1);
  if (!u) throw notFound('đơn vị');
  return { agencyId: u.agencyId, agencyPath: u.path, unitId: u.id };
}

export async function personTarget(db: Db, personId: string): Promise<Target & { agencyId: string; agencyPath: string; unitId: string; personId: string }> {
  const [p] = await db
    .select({ id: people.id, unitId: people.unitId, agencyId: people.agencyId, path: agencies.path })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .where(eq(people.id, personId))
    .limit(1);
  if (!p) throw notFound('cán bộ');
  return { agencyId: p.agencyId, agencyPath: p.path, unitId: p.unitId, personId: p.id };
}

/** Throws FORBIDDEN unless the actor may do the action on the target. */
export function assertCan(actor: Actor, action: Action, target: Target): void {
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN');
}
