/** Lists of requests: mine (made or filed by me), to decide (mine or as acting deputy), the unit's and the agency's. */
import { and, desc, eq, gte, inArray, like, lte, or, type SQL } from 'drizzle-orm';
import type { RequestListQuery, RequestListResponse, RequestView } from '../../../shared/contracts/leave';
import { scopesFor } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { agencies, people } from '../org/org.table';
import { actingFor } from './acting';
import { presentRequest, today } from './leave.service';
import { leaveRequests } from './leave.table';
import { escapeLike } from '../../lib/like';

const LIST_LIMIT = 500;

/** Requests of the agencies at or under an agency path (the province, a district). */
const agencyUnder = (db: Db, path: string): SQL =>
  inArray(
    leaveRequests.agencyId,
    db
      .select({ id: agencies.id })
      .from(agencies)
      .where(like(agencies.path, `${escapeLike(path)}%`)),
  );

export async function listRequests(deps: Deps, user: CurrentUser, q: RequestListQuery): Promise<RequestListResponse> {
  const db = deps.db;
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(leaveRequests.status, q.status));
  if (q.kind) conds.push(eq(leaveRequests.kind, q.kind));
  if (q.from) conds.push(gte(leaveRequests.toDate, q.from));
  if (q.to) conds.push(lte(leaveRequests.fromDate, q.to));
  if (q.unitId) conds.push(eq(leaveRequests.unitId, q.unitId));
  if (q.agencyId) conds.push(eq(leaveRequests.agencyId, q.agencyId));
  let decideFilter = false;
  if (q.box === 'mine') {
    const me = user.personId;
    if (!me) return { items: [], total: 0 };
    conds.push(or(eq(leaveRequests.personId, me), eq(leaveRequests.filedByPersonId, me))!);
  } else if (q.box === 'to_decide') {
    // Candidates: pending requests of the agencies of my grants, of the leaders I act for, and under my province grants.
    decideFilter = true;
    conds.push(eq(leaveRequests.status, 'pending'));
    const agencyIds = new Set(user.grants.map((g) => g.agencyId));
    if (user.personId) {
      const leaders = await actingFor(db, user.personId, today(deps));
      if (leaders.length) {
        const rows = await db
          .select({ agencyId: people.agencyId })
          .from(people)
          .where(
            inArray(
              people.id,
              leaders.map((l) => l.leaderPersonId),
            ),
          );
        for (const r of rows) agencyIds.add(r.agencyId);
      }
    }
    const paths = user.grants.filter((g) => g.role === 'province').map((g) => g.agencyPath);
    const scope: SQL[] = [];
    if (agencyIds.size) scope.push(inArray(leaveRequests.agencyId, [...agencyIds]));
    for (const p of paths) scope.push(agencyUnder(db, p));
    if (!scope.length) return { items: [], total: 0 };
    conds.push(or(...scope)!);
  } else {
    const s = scopesFor(user, 'leave.read');
    const scope: SQL[] = [];
    if (q.box === 'unit' || q.box === 'agency') {
      if (s.unitIds.length) scope.push(inArray(leaveRequests.unitId, s.unitIds));
      if (s.agencyIds.length) scope.push(inArray(leaveRequests.agencyId, s.agencyIds));
      for (const p of s.agencyPaths) scope.push(agencyUnder(db, p));
    }
    if (!scope.length) return { items: [], total: 0 };
    conds.push(or(...scope)!);
  }
  const rows = await db
    .select()
    .from(leaveRequests)
    .where(and(...conds))
    .orderBy(desc(leaveRequests.createdAt), desc(leaveRequests.id))
    .limit(decideFilter ? 2000 : LIST_LIMIT);
  const items: RequestView[] = [];
  for (const r of rows) {
    const view = await presentRequest(deps, user, r);
    if (decideFilter && !view.canDecide) continue;
    items.push(view);
    if (items.length >= LIST_LIMIT) break;
  }
  return { items, total: items.length };
}
