/** The published schedule: "Lịch của tôi", who is where today, and wishes before the deadline. */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { MyScheduleResponse, TodayResponse } from '../../../shared/contracts/roster';
import { datesBetween, vnDateOf, weekday } from '../../../shared/domain/dates';
import { compareVietnameseNames, POSITION_ORDER } from '../../../shared/domain/org';
import type { Mode, PersonRole, Preference } from '../../../shared/domain/roster/format';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { agencyTarget, assertCan, personTarget, unitTarget } from '../../lib/scope';
import { appDaysOff } from '../calendar/calendar.overrides';
import { workdaysFor } from '../calendar/calendar.service';
import { agencies, people, units } from '../org/org.table';
import { activePolicy } from '../policy/policy.resolve';
import { leaveRequests } from '../leave/leave.table';
import { meetingsOnDay } from '../meetings/meetings.whereabouts';
import { dutyAssignments, rosterPeriods, rosterWishes, schedule } from './roster.table';

export async function mySchedule(deps: Deps, user: CurrentUser, from: string, to: string): Promise<MyScheduleResponse> {
  if (!user.personId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  if (to < from) throw invalid('query.to', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (datesBetween(from, to).length > 92) throw invalid('query.to', 'Xem tối đa 3 tháng một lần.');
  const personId = user.personId;
  assertCan(user, 'schedule.readOwn', await personTarget(deps.db, personId));
  const [rows, duties, daysOff, [person]] = await Promise.all([
    deps.db
      .select()
      .from(schedule)
      .where(and(eq(schedule.personId, personId), gte(schedule.date, from), lte(schedule.date, to))),
    deps.db
      .select()
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.personId, personId), gte(dutyAssignments.date, from), lte(dutyAssignments.date, to))),
    appDaysOff(deps.db, from, to),
    deps.db.select({ agency: agencies }).from(people).innerJoin(agencies, eq(agencies.id, people.agencyId)).where(eq(people.id, personId)),
  ]);
  const mode = new Map(rows.map((r) => [r.date, r.mode as Mode]));
  const holiday = new Map(daysOff.map((h) => [h.date, h.name]));
  const dutyOf = new Map<string, string[]>();
  for (const d of duties) dutyOf.set(d.date, [...(dutyOf.get(d.date) ?? []), d.kind]);
  const policy = person ? await activePolicy(deps.db, person.agency, from) : null;
  return {
    personId,
    from,
    to,
    days: datesBetween(from, to)
      .filter((d) => mode.has(d) || dutyOf.has(d) || (weekday(d) !== 0 && weekday(d) !== 6))
      .map((d) => ({ date: d, mode: mode.get(d) ?? null, duties: dutyOf.get(d) ?? [], holiday: holiday.get(d) ?? null })),
    hours: policy
      ? { morningStart: policy.morningStart, morningEnd: policy.morningEnd, afternoonStart: policy.afternoonStart, afternoonEnd: policy.afternoonEnd }
      : null,
  };
}

/** Who is at home and who is on site on a day, per unit (published schedule), with duties. */
export async function whoIsWhere(deps: Deps, user: CurrentUser, q: { unitId?: string; agencyId?: string; date?: string }): Promise<TodayResponse> {
  const date = q.date ?? vnDateOf(deps.clock.now());
  let agencyId: string;
  let unitIds: string[] | null = null;
  if (q.unitId) {
    const t = await unitTarget(deps.db, q.unitId);
    assertCan(user, 'schedule.readUnit', t);
    agencyId = t.agencyId;
    unitIds = [q.unitId];
  } else if (q.agencyId) {
    const t = await agencyTarget(deps.db, q.agencyId);
    assertCan(user, 'schedule.readAgency', t);
    agencyId = q.agencyId;
  } else {
    throw invalid('query.unitId', 'Chọn đơn vị hoặc cơ quan.');
  }
  const unitRows = await deps.db
    .select()
    .from(units)
    .where(unitIds ? inArray(units.id, unitIds) : eq(units.agencyId, agencyId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const ids = unitRows.map((u) => u.id);
  const [peopleRows, sched, duties] = await Promise.all([
    ids.length
      ? deps.db
          .select()
          .from(people)
          .where(and(inArray(people.unitId, ids), eq(people.active, true)))
      : [],
    ids.length
      ? deps.db
          .select({ personId: schedule.personId, mode: schedule.mode })
          .from(schedule)
          .where(and(inArray(schedule.unitId, ids), eq(schedule.date, date)))
      : [],
    deps.db
      .select({ personId: dutyAssignments.personId, kind: dutyAssignments.kind })
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.agencyId, agencyId), eq(dutyAssignments.date, date))),
  ]);
  const mode = new Map(sched.map((s) => [s.personId, s.mode as Mode]));
  const personIds = peopleRows.map((p) => p.id);
  const [meetingsOf, trips] = await Promise.all([
    meetingsOnDay(deps.db, user, personIds, date),
    personIds.length
      ? deps.db
          .select({ personId: leaveRequests.personId, destination: leaveRequests.destination })
          .from(leaveRequests)
          .where(
            and(
              inArray(leaveRequests.personId, personIds),
              eq(leaveRequests.kind, 'trip'),
              eq(leaveRequests.status, 'approved'),
              lte(leaveRequests.fromDate, date),
              gte(leaveRequests.toDate, date),
            ),
          )
      : [],
  ]);
  const destination = new Map(trips.map((t) => [t.personId, t.destination]));
  const duty = new Map<string, string[]>();
  for (const d of duties) duty.set(d.personId, [...(duty.get(d.personId) ?? []), d.kind]);
  return {
    date,
    units: unitRows.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      people: peopleRows
        .filter((p) => p.unitId === u.id)
        .sort((a, b) => POSITION_ORDER[a.position as PersonRole] - POSITION_ORDER[b.position as PersonRole] || compareVietnameseNames(a.fullName, b.fullName))
        .map((p) => ({
          personId: p.id,
          fullName: p.fullName,
          role: p.position as PersonRole,
          mode: mode.get(p.id) ?? null,
          duty: duty.get(p.id) ?? [],
          meetings: meetingsOf.get(p.id) ?? [],
          destination: mode.get(p.id) === 'business_trip' ? (destination.get(p.id) ?? null) : null,
        })),
    })),
  };
}

/** The next period of the person's agency still open for wishes (deadline not passed). */
async function openPeriodFor(deps: Deps, personId: string) {
  const [p] = await deps.db.select().from(people).where(eq(people.id, personId));
  if (!p) return null;
  const now = deps.clock.now();
  const [period] = await deps.db
    .select()
    .from(rosterPeriods)
    .where(
      and(
        eq(rosterPeriods.agencyId, p.agencyId),
        sql`(${rosterPeriods.deadline} is null or ${rosterPeriods.deadline} > ${now})`,
        gte(rosterPeriods.toDate, vnDateOf(now)),
      ),
    )
    .orderBy(asc(rosterPeriods.fromDate))
    .limit(1);
  return period ?? null;
}

export async function getWishes(deps: Deps, user: CurrentUser) {
  if (!user.personId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  const period = await openPeriodFor(deps, user.personId);
  const rows = await deps.db
    .select()
    .from(rosterWishes)
    .where(and(eq(rosterWishes.personId, user.personId), gte(rosterWishes.date, vnDateOf(deps.clock.now()))));
  return {
    wishes: rows.map((r) => ({ date: r.date, preference: r.preference as Preference, note: r.note })),
    deadline: period?.deadline?.toISOString() ?? null,
    period: period
      ? { id: period.id, fromDate: period.fromDate, toDate: period.toDate, workdays: await workdaysFor(deps.db, period.fromDate, period.toDate) }
      : null,
  };
}

/** Sets or clears wishes; only for days of a period whose registration deadline has not passed. */
export async function setWishes(deps: Deps, user: CurrentUser, wishes: { date: string; preference: Preference | null; note?: string }[]) {
  if (!user.personId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  const personId = user.personId;
  assertCan(user, 'wish.manage', await personTarget(deps.db, personId));
  const [p] = await deps.db.select().from(people).where(eq(people.id, personId));
  const now = deps.clock.now();
  const periods = await deps.db.select().from(rosterPeriods).where(eq(rosterPeriods.agencyId, p!.agencyId));
  wishes.forEach((w, i) => {
    const period = periods.find((x) => x.fromDate <= w.date && w.date <= x.toDate);
    if (!period) throw invalid(`body.wishes[${i}].date`, 'Ngày này chưa thuộc kỳ đăng ký nào.');
    if (period.deadline && period.deadline.getTime() <= now.getTime()) throw invalid(`body.wishes[${i}].date`, 'Đã quá hạn đăng ký của kỳ này.');
  });
  await deps.db.transaction(async (tx) => {
    for (const w of wishes) {
      await tx.delete(rosterWishes).where(and(eq(rosterWishes.personId, personId), eq(rosterWishes.date, w.date)));
      if (w.preference) await tx.insert(rosterWishes).values({ personId, date: w.date, preference: w.preference, note: w.note ?? null, createdAt: now });
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'roster.wishes_set',
      entity: 'person',
      entityId: personId,
      agencyId: p!.agencyId,
      data: { count: wishes.length },
    });
  });
  return getWishes(deps, user);
}
