/**
 * Calendar administration (B3, issue item 6): the computed Vietnamese calendar of a year (lunar
 * holidays, nghỉ bù) with the admin's overrides from the database: official days off, compensatory
 * days off and make-up working days decided each year, or `workday` to cancel a proposed day off.
 *
 * Everyone logged in may read the calendar. Only an admin of a top-level agency may change it
 * (calendar.manage): the table is shared by every agency of the database.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { can } from '../../../shared/domain/permissions';
import { formatDateVi, weekday } from '../../../shared/domain/dates';
import { defaultHolidays, workdaysBetween, yearCalendar, type CalendarOverride } from '../../../shared/domain/calendar';
import type { CalendarOverridePut, CalendarOverrideView, YearCalendarView } from '../../../shared/contracts/calendar';
import type { CurrentUser, Deps } from '../../lib/context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { users } from '../auth/auth.table';
import { calendarOverrides } from './calendar.table';

type OverrideRow = typeof calendarOverrides.$inferSelect;

const toOverride = (r: OverrideRow): CalendarOverride => ({
  date: r.date,
  kind: r.kind as CalendarOverride['kind'],
  name: r.name,
  ...(r.source ? { source: r.source } : {}),
});

/** Every override in the database, sorted by date. */
export async function loadCalendarOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  return rows.map(toOverride);
}

/** Overrides of the years from `from` to `to` (only those matter to a range). */
async function overridesOfYears(db: Db, from: string, to: string): Promise<CalendarOverride[]> {
  const rows = await db
    .select()
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, `${from.slice(0, 4)}-01-01`), lte(calendarOverrides.date, `${to.slice(0, 4)}-12-31`)))
    .orderBy(asc(calendarOverrides.date));
  return rows.map(toOverride);
}

/**
 * Working days from `from` to `to` inclusive, with the database's overrides applied (the app's
 * calendar). Throws RangeError on an invalid date or a year outside 1900-2100.
 */
export async function workdaysFor(db: Db, from: string, to: string): Promise<string[]> {
  if (to < from) return workdaysBetween(from, to);
  return workdaysBetween(from, to, await overridesOfYears(db, from, to));
}

/** May the user change the calendar? calendar.manage through a grant on a top-level agency. */
export function canManageCalendar(user: CurrentUser): boolean {
  return user.grants.some(
    (g) => g.agencyPath.split('/').filter(Boolean).length === 1 && can(user, 'calendar.manage', { agencyId: g.agencyId, agencyPath: g.agencyPath }),
  );
}

function assertManage(user: CurrentUser): void {
  if (!canManageCalendar(user)) throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống cấp cao nhất được sửa lịch nghỉ lễ, nghỉ bù, làm bù.');
}

async function overrideViews(db: Db, from: string, to: string): Promise<CalendarOverrideView[]> {
  const rows = await db
    .select({ o: calendarOverrides, name: users.displayName })
    .from(calendarOverrides)
    .leftJoin(users, eq(users.id, calendarOverrides.updatedBy))
    .where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)))
    .orderBy(asc(calendarOverrides.date));
  return rows.map(({ o, name }) => ({
    date: o.date,
    kind: o.kind as CalendarOverrideView['kind'],
    name: o.name,
    source: o.source,
    updatedBy: o.updatedBy,
    updatedByName: name,
    updatedAt: o.updatedAt.toISOString(),
  }));
}

/** The year's calendar as `congvu calendar YEAR` prints it (with the database's overrides), plus the overrides. */
export async function getYearCalendar(deps: Deps, year: number): Promise<YearCalendarView> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const cal = yearCalendar(year, await overridesOfYears(deps.db, from, to));
  return { year: cal.year, holidays: cal.holidays, workdays: cal.workdays, overrides: await overrideViews(deps.db, from, to) };
}

/** Sets the override of a date (creates or replaces it). */
export async function putOverride(deps: Deps, user: CurrentUser, date: string, input: CalendarOverridePut): Promise<CalendarOverrideView> {
  assertManage(user);
  const w = weekday(date);
  if (input.kind === 'makeup_workday' && w !== 0 && w !== 6) {
    const message = `Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; ${formatDateVi(date)} đã là ngày làm việc.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'body.kind', message }] });
  }
  if (input.kind === 'workday' && !defaultHolidays(+date.slice(0, 4)).some((h) => h.date === date)) {
    const message = `Ngày ${formatDateVi(date)} không phải ngày nghỉ được đề xuất theo lịch, không cần đánh dấu là ngày làm việc.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'body.kind', message }] });
  }
  const source = input.source ? input.source : null;
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date));
    const now = deps.clock.now();
    const values = { date, kind: input.kind, name: input.name, source, updatedBy: user.userId, updatedAt: now };
    await tx
      .insert(calendarOverrides)
      .values(values)
      .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: values.kind, name: values.name, source, updatedBy: user.userId, updatedAt: now } });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'calendar.override_set',
      entity: 'calendar_override',
      entityId: date,
      data: { date, kind: input.kind, name: input.name, source, previous: before ? toOverride(before) : null },
    });
    return { date, kind: input.kind, name: input.name, source, updatedBy: user.userId, updatedByName: user.displayName, updatedAt: now.toISOString() };
  });
}

/** Removes the override of a date: the computed default applies again. */
export async function deleteOverride(deps: Deps, user: CurrentUser, date: string): Promise<void> {
  assertManage(user);
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (!before) throw notFound(`điều chỉnh lịch ngày ${formatDateVi(date)}`);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'calendar.override_deleted',
      entity: 'calendar_override',
      entityId: date,
      data: { previous: toOverride(before) },
    });
  });
}
