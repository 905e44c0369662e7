/**
 * Which WFH policy applies to an agency on a date (B1): a policy covers the agencies of its scope
 * (each with its subtree) and the agencies sitting in its districts, within its period (open-ended when
 * `validTo` is null). The most specific one wins: the agency itself, then a match by the agency's
 * district (a province's plan for some districts, seed 002 §1) — only inside the issuer's own province
 * tree, since two provinces may have a district of the same name —, then the nearest ancestor; ties go
 * to the latest document.
 */
import { and, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { textArray, type Db } from '../../db/client';
import type { Policy } from '../../../shared/domain/roster/format';
import { agencies } from '../org/org.table';
import { policies } from './policy.table';

export type PolicyRow = typeof policies.$inferSelect;
type AgencyRef = { id: string; path: string; district: string | null };

/** Root (province) of a materialised path `/root/…/`. */
const rootOf = (path: string) => path.split('/').filter(Boolean)[0] ?? '';

/**
 * How specifically a policy covers an agency (−1: not at all). `ownerPath` is the materialised path of
 * the issuing agency.
 */
export function policySpecificity(p: Pick<PolicyRow, 'scopeAgencyIds' | 'scopeDistricts'>, agency: AgencyRef, ownerPath?: string): number {
  const ids = p.scopeAgencyIds ?? [];
  if (ids.includes(agency.id)) return 1000;
  if (agency.district && (p.scopeDistricts ?? []).includes(agency.district) && ownerPath && rootOf(ownerPath) === rootOf(agency.path)) return 500;
  let best = -1;
  agency.path
    .split('/')
    .filter(Boolean)
    .forEach((id, depth) => {
      if (ids.includes(id)) best = Math.max(best, 100 + depth);
    });
  return best;
}

/** Picks the applicable policy among candidates (pure). `ownerPaths`: issuing agency id → its path. */
export function pickPolicy(candidates: PolicyRow[], agency: AgencyRef, date: string, ownerPaths: ReadonlyMap<string, string> = new Map()): PolicyRow | null {
  let best: PolicyRow | null = null;
  let bestScore = -1;
  for (const p of candidates) {
    if (p.validFrom > date || (p.validTo !== null && p.validTo < date)) continue;
    const s = policySpecificity(p, agency, ownerPaths.get(p.ownerAgencyId));
    if (s < 0) continue;
    const newer = best && ((p.docDate ?? '') > (best.docDate ?? '') || ((p.docDate ?? '') === (best.docDate ?? '') && p.createdAt > best.createdAt));
    if (s > bestScore || (s === bestScore && newer)) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

export async function activePolicy(db: Db, agency: AgencyRef, date: string): Promise<PolicyRow | null> {
  // Only the candidates: in force on the date, and naming the agency, one of its ancestors or its district.
  const ancestors = agency.path.split('/').filter(Boolean);
  const rows = await db
    .select()
    .from(policies)
    .where(
      and(
        lte(policies.validFrom, date),
        or(isNull(policies.validTo), gte(policies.validTo, date)),
        or(sql`${policies.scopeAgencyIds} ?| ${textArray(ancestors)}`, agency.district ? sql`${policies.scopeDistricts} ? ${agency.district}` : sql`false`),
      ),
    );
  if (!rows.length) return null;
  const owners = [...new Set(rows.map((r) => r.ownerAgencyId))];
  const ownerRows = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(inArray(agencies.id, owners));
  return pickPolicy(rows, agency, date, new Map(ownerRows.map((o) => [o.id, o.path])));
}

/** The rules object of a policy row as the roster format's `policy`. */
export function rulesOf(p: PolicyRow | null): Policy {
  return (p?.rules as Policy | undefined) ?? {};
}
