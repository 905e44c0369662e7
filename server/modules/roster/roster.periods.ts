/** Roster periods (C1): the period view, listing an agency's periods and creating one with its default deadline. */
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { PeriodView } from '../../../shared/contracts/roster';
import { addDays, dayNumber, vnInstant, weekday } from '../../../shared/domain/dates';
import type { PeriodStatus } from '../../../shared/domain/roster/workflow';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, deny } from '../../lib/scope';
import { can } from '../../../shared/domain/permissions';
import { agencies } from '../org/org.table';
import { activePolicy } from '../policy/policy.resolve';
import { workdaysFor } from '../calendar/calendar.service';
import type { PeriodRow } from './roster.instance';
import { rosterPeriods } from './roster.table';
import { prefillPendingDays } from './roster.apply';

export function presentPeriod(p: PeriodRow, workdays: string[]): PeriodView {
  return {
    id: p.id,
    agencyId: p.agencyId,
    fromDate: p.fromDate,
    toDate: p.toDate,
    deadline: p.deadline?.toISOString() ?? null,
    status: p.status as PeriodStatus,
    approvedVersion: p.approvedVersion,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    workdays,
    policyId: p.policyId,
    version: p.version,
  };
}

export async function listPeriods(deps: Deps, user: CurrentUser, agencyId: string): Promise<PeriodView[]> {
  const target = await agencyTarget(deps.db, agencyId);
  const mayRead = can(user, 'roster.read', target) || user.grants.some((g) => g.agencyId === agencyId && (g.role === 'unit_head' || g.role === 'unit_deputy'));
  if (!mayRead) throw deny(user, target);
  const rows = await deps.db.select().from(rosterPeriods).where(eq(rosterPeriods.agencyId, agencyId)).orderBy(desc(rosterPeriods.fromDate)).limit(100);
  return Promise.all(rows.map(async (p) => presentPeriod(p, await workdaysFor(deps.db, p.fromDate, p.toDate))));
}

export async function createPeriod(
  deps: Deps,
  user: CurrentUser,
  input: { agencyId: string; fromDate: string; toDate: string; deadline?: string },
): Promise<PeriodView> {
  const target = await agencyTarget(deps.db, input.agencyId);
  assertCan(user, 'period.manage', target);
  if (input.toDate < input.fromDate) throw invalid('body.toDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (dayNumber(input.toDate) - dayNumber(input.fromDate) > 62) throw invalid('body.toDate', 'Một kỳ đăng ký dài tối đa 2 tháng.');
  const workdays = await workdaysFor(deps.db, input.fromDate, input.toDate);
  if (workdays.length === 0) throw invalid('body.fromDate', 'Kỳ đăng ký không có ngày làm việc nào.');
  const [overlap] = await deps.db
    .select({ id: rosterPeriods.id, fromDate: rosterPeriods.fromDate, toDate: rosterPeriods.toDate })
    .from(rosterPeriods)
    .where(and(eq(rosterPeriods.agencyId, input.agencyId), lte(rosterPeriods.fromDate, input.toDate), gte(rosterPeriods.toDate, input.fromDate)));
  if (overlap)
    throw new AppError('CONFLICT', `Kỳ đăng ký trùng với kỳ ${overlap.fromDate} – ${overlap.toDate} đã có.`, {
      issues: [{ path: 'body.fromDate', message: 'Trùng với kỳ đã có.' }],
    });
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, input.agencyId));
  const policy = await activePolicy(deps.db, agency!, input.fromDate);
  let deadline: Date | null = input.deadline ? new Date(input.deadline) : null;
  if (!deadline) {
    // Default: 08:00 of the working day `registrationLeadDays` before the period (at least one).
    const lead = Math.max(1, policy?.registrationLeadDays ?? 1);
    let d = input.fromDate;
    for (let n = 0; n < lead; ) {
      d = addDays(d, -1);
      if (weekday(d) !== 0 && weekday(d) !== 6) n++;
    }
    deadline = vnInstant(d, '08:00');
  }
  return deps.db.transaction(async (tx) => {
    const id = newId('per');
    const [row] = await tx
      .insert(rosterPeriods)
      .values({ id, agencyId: input.agencyId, policyId: policy?.id ?? null, fromDate: input.fromDate, toDate: input.toDate, deadline })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.period_created',
      entity: 'roster_period',
      entityId: id,
      agencyId: input.agencyId,
      data: { fromDate: input.fromDate, toDate: input.toDate, deadline: deadline!.toISOString() },
    });
    // Approved requests (leave, trips, office visits) whose days had no period yet: their cells are set now.
    await prefillPendingDays(tx, deps.clock, row!, user.userId);
    return presentPeriod(row!, workdays);
  });
}
