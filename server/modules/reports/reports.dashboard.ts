/**
 * The dashboard of an agency (G2): for each day of a period, the share at home against the policy,
 * the check-in rate of people at home and the processing ratio (Phụ lục 2 of the day); and today per
 * unit. Computed from the published schedule, check-ins and task actions.
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { datesBetween } from '../../../shared/domain/dates';
import { percentHalfUp } from '../../../shared/domain/activity/appendix2';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { agencyTarget, assertCan } from '../../lib/scope';
import { agencies, units } from '../org/org.table';
import { activePolicy, rulesOf } from '../policy/policy.resolve';
import { checkins } from '../presence/presence.table';
import { schedule } from '../roster/roster.table';
import { appendix2FromDb } from './appendix2.db';

export interface DashboardDay {
  date: string;
  working: number;
  atHome: number;
  /** Percent at home of the people working (one decimal), null when nobody works. */
  homeShare: number | null;
  policyMin: number | null;
  policyTarget: number | null;
  policyMax: number | null;
  checkedIn: number;
  checkinRate: number | null;
  assigned: number;
  processed: number;
  processedRatio: number | null;
}

export interface DashboardUnit {
  unitId: string;
  unitName: string;
  working: number;
  atHome: number;
  checkedIn: number;
}

export async function getDashboard(deps: Deps, user: CurrentUser, q: { agencyId: string; from: string; to: string; today: string }) {
  const target = await agencyTarget(deps.db, q.agencyId);
  assertCan(user, 'report.read', target);
  if (q.to < q.from) throw invalid('query.to', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (datesBetween(q.from, q.to).length > 62) throw invalid('query.from', 'Xem tối đa 62 ngày.');
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, q.agencyId));
  if (!agency) throw new AppError('NOT_FOUND');
  const counts = await deps.db
    .select({ date: schedule.date, mode: schedule.mode, n: sql<number>`count(*)` })
    .from(schedule)
    .where(and(eq(schedule.agencyId, q.agencyId), gte(schedule.date, q.from), lte(schedule.date, q.to)))
    .groupBy(schedule.date, schedule.mode);
  const checked = await deps.db
    .select({ date: checkins.date, n: sql<number>`count(distinct ${checkins.personId})` })
    .from(checkins)
    .innerJoin(schedule, and(eq(schedule.personId, checkins.personId), eq(schedule.date, checkins.date), eq(schedule.mode, 'wfh')))
    .where(and(eq(checkins.agencyId, q.agencyId), gte(checkins.date, q.from), lte(checkins.date, q.to)))
    .groupBy(checkins.date);
  const checkedBy = new Map(checked.map((c) => [c.date, Number(c.n)]));
  const dates = [...new Set(counts.map((c) => c.date))].sort();
  const days: DashboardDay[] = [];
  for (const date of dates) {
    const of = (mode: string) => Number(counts.find((c) => c.date === date && c.mode === mode)?.n ?? 0);
    const atHome = of('wfh');
    const working = atHome + of('onsite');
    const policy = rulesOf(await activePolicy(deps.db, agency, date));
    const share = policy.wfhShare;
    const report = await appendix2FromDb(deps.db, { agencyIds: [q.agencyId], from: date, to: date });
    const checkedIn = checkedBy.get(date) ?? 0;
    days.push({
      date,
      working,
      atHome,
      homeShare: percentHalfUp(atHome, working),
      policyMin: share?.min != null ? share.min * 100 : null,
      policyTarget: share?.target != null ? share.target * 100 : null,
      policyMax: share?.max != null ? share.max * 100 : null,
      checkedIn,
      checkinRate: percentHalfUp(checkedIn, atHome),
      assigned: report.totals.assigned,
      processed: report.totals.processed,
      processedRatio: report.totals.processedRatio,
    });
  }
  const unitRows = await deps.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.agencyId, q.agencyId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const todayCounts = await deps.db
    .select({ unitId: schedule.unitId, mode: schedule.mode, n: sql<number>`count(*)` })
    .from(schedule)
    .where(and(eq(schedule.agencyId, q.agencyId), eq(schedule.date, q.today)))
    .groupBy(schedule.unitId, schedule.mode);
  const todayChecked = await deps.db
    .select({ unitId: checkins.unitId, n: sql<number>`count(distinct ${checkins.personId})` })
    .from(checkins)
    .where(and(eq(checkins.agencyId, q.agencyId), eq(checkins.date, q.today)))
    .groupBy(checkins.unitId);
  const unitsToday: DashboardUnit[] = unitRows.map((u) => {
    const of = (mode: string) => Number(todayCounts.find((c) => c.unitId === u.id && c.mode === mode)?.n ?? 0);
    return {
      unitId: u.id,
      unitName: u.name,
      working: of('wfh') + of('onsite'),
      atHome: of('wfh'),
      checkedIn: Number(todayChecked.find((c) => c.unitId === u.id)?.n ?? 0),
    };
  });
  return { agencyId: q.agencyId, from: q.from, to: q.to, today: q.today, days, units: unitsToday };
}
