/**
 * Which WFH policy applies to an agency on a date (B1): a policy covers the agencies of its scope
 * (each with its subtree) and the agencies sitting in its districts, within its period
 * (open-ended when `validTo` is null). The most specific one wins: the agency itself, then the
 * nearest ancestor, then a district match; ties go to the latest document.
 */
import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Policy } from '../../../shared/domain/roster/format';
import { policies } from './policy.table';

export type PolicyRow = typeof policies.$inferSelect;

export function policySpecificity(p: Pick<PolicyRow, 'scopeAgencyIds' | 'scopeDistricts'>, agency: { id: string; path: string; district: string | null }): number {
  const ids = p.scopeAgencyIds ?? [];
  if (ids.includes(agency.id)) return 1000;
  const ancestors = agency.path.split('/').filter(Boolean);
  let best = -1;
  ancestors.forEach((id, depth) => {
    if (ids.includes(id)) best = Math.max(best, 100 + depth);
  });
  if (best >= 0) return best;
  if (agency.district && (p.scopeDistricts ?? []).includes(agency.district)) return 10;
  return -1;
}

/** Picks the applicable policy among candidates (pure). */
export function pickPolicy(candidates: PolicyRow[], agency: { id: string; path: string; district: string | null }, date: string): PolicyRow | null {
  let best: PolicyRow | null = null;
  let bestScore = -1;
  for (const p of candidates) {
    if (p.validFrom > date || (p.validTo !== null && p.validTo < date)) continue;
    const s = policySpecificity(p, agency);
    if (s < 0) continue;
    const newer = best && ((p.docDate ?? '') > (best.docDate ?? '') || ((p.docDate ?? '') === (best.docDate ?? '') && p.createdAt > best.createdAt));
    if (s > bestScore || (s === bestScore && newer)) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

export async function activePolicy(db: Db, agency: { id: string; path: string; district: string | null }, date: string): Promise<PolicyRow | null> {
  const rows = await db
    .select()
    .from(policies)
    .where(and(lte(policies.validFrom, date), or(isNull(policies.validTo), gte(policies.validTo, date))));
  return pickPolicy(rows, agency, date);
}

/** The rules object of a policy row as the roster format's `policy`. */
export function rulesOf(p: PolicyRow | null): Policy {
  return (p?.rules as Policy | undefined) ?? {};
}
