/**
 * Resolves the scope of a record (agency, its path, unit) and checks a permission on it.
 *
 * One rule for "forbidden" versus "not found", so that a caller cannot probe which ids exist:
 *  - a record the actor cannot see at all (another agency, another unit for a unit-level role) and a
 *    record that does not exist give the SAME answer: 404 NOT_FOUND with the message HIDDEN_MESSAGE;
 *  - 403 FORBIDDEN only when the actor sees the record (it is within one of their grants) but may not
 *    do the action on it (e.g. a Chuyên viên approving their own agency's roster).
 * Every id loader here throws the hidden 404, and `assertCan` / `deny` apply the rule, deny by default.
 */
import { eq } from 'drizzle-orm';
import { can, type Action, type Actor, type AppRole, type Target } from '../../shared/domain/permissions';
import type { Db } from '../db/client';
import { agencies, people, units } from '../modules/org/org.table';
import { AppError } from './errors';

export const HIDDEN_MESSAGE = 'Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.';

/** The one answer for "does not exist" and "exists but outside everything you may see". */
const HIDDEN = Symbol('hidden');
/** The 404 of a record that is missing or outside the actor's reach (marked, not in the body, for the audit of refusals). */
export const hiddenNotFound = () => Object.defineProperty(new AppError('NOT_FOUND', HIDDEN_MESSAGE), HIDDEN, { value: true, enumerable: false });
/** Was this error a hidden 404 (out of scope or missing)? */
export const isHiddenNotFound = (err: unknown): boolean => err instanceof AppError && (err as unknown as Record<symbol, unknown>)[HIDDEN] === true;

const SUBTREE_ROLES: readonly AppRole[] = ['province', 'admin'];
const AGENCY_ROLES: readonly AppRole[] = ['office', 'director', 'deputy_director', 'it'];

/**
 * May the actor know that the target exists? True when the target is their own data, inside the subtree
 * of a province/admin grant, inside the agency of an agency-level grant, or — for unit-level grants
 * (staff, unit head, deputy) — the agency itself (no unit) or their own unit.
 */
export function sees(actor: Actor, target: Target): boolean {
  if (target.personId && actor.personId && target.personId === actor.personId) return true;
  for (const g of actor.grants) {
    if (SUBTREE_ROLES.includes(g.role)) {
      if (target.agencyPath?.startsWith(g.agencyPath)) return true;
      continue;
    }
    if (!target.agencyId || target.agencyId !== g.agencyId) continue;
    if (AGENCY_ROLES.includes(g.role)) return true;
    if (!target.unitId) return true;
    if (g.unitId && g.unitId === target.unitId) return true;
  }
  return false;
}

/** The error for an action the actor may not do on the target: hidden 404, or 403 when they see it. */
export function deny(actor: Actor, target: Target, message?: string): AppError {
  return sees(actor, target) ? new AppError('FORBIDDEN', message) : hiddenNotFound();
}

/** Throws (hidden 404 or 403, see above) unless the actor may do the action on the target. */
export function assertCan(actor: Actor, action: Action, target: Target, message?: string): void {
  if (!can(actor, action, target)) throw deny(actor, target, message);
}

/** Throws unless the actor may do at least one of the actions on the target. */
export function assertCanAny(actor: Actor, actions: Action[], target: Target, message?: string): void {
  if (!actions.some((a) => can(actor, a, target))) throw deny(actor, target, message);
}

export async function agencyTarget(db: Db, agencyId: string): Promise<Target & { agencyId: string; agencyPath: string }> {
  const [a] = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  if (!a) throw hiddenNotFound();
  return { agencyId: a.id, agencyPath: a.path };
}

export async function unitTarget(db: Db, unitId: string): Promise<Target & { agencyId: string; agencyPath: string; unitId: string }> {
  const [u] = await db
    .select({ id: units.id, agencyId: units.agencyId, path: agencies.path })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, unitId))
    .limit(1);
  if (!u) throw hiddenNotFound();
  return { agencyId: u.agencyId, agencyPath: u.path, unitId: u.id };
}

export async function personTarget(db: Db, personId: string): Promise<Target & { agencyId: string; agencyPath: string; unitId: string; personId: string }> {
  const [p] = await db
    .select({ id: people.id, unitId: people.unitId, agencyId: people.agencyId, path: agencies.path })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .where(eq(people.id, personId))
    .limit(1);
  if (!p) throw hiddenNotFound();
  return { agencyId: p.agencyId, agencyPath: p.path, unitId: p.unitId, personId: p.id };
}
