/**
 * Annual leave balances (Bộ luật Lao động 2019, Đ.113-114; rules in shared/domain/leave/balance.ts), the agency's
 * carry-over settings and the people's leave profiles (service start date, opening balance).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LeaveBalanceListResponse, LeaveBalanceView, LeaveProfileUpdate, LeaveSettingsUpdate, LeaveSettingsView } from '../../../shared/contracts/leave';
import { vnDateOf } from '../../../shared/domain/dates';
import { workdaysBetween } from '../../../shared/domain/calendar';
import { annualEntitlement, carryOverDays, carryOverUntilDate, computeBalance, seniorityYears } from '../../../shared/domain/leave/balance';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget, assertCan, assertCanAny, hiddenNotFound, personTarget, sees, unitTarget } from '../../lib/scope';
import { loadCalendarOverrides } from '../calendar/calendar.service';
import { people } from '../org/org.table';
import { leaveProfiles, leaveRequests, leaveSettings } from './leave.table';

type SettingsRow = { carryOverMaxDays: number; carryOverUntil: string | null; version: number };
const DEFAULT_SETTINGS: SettingsRow = { carryOverMaxDays: 0, carryOverUntil: null, version: 0 };

async function settingsOf(db: Db, agencyId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(leaveSettings).where(eq(leaveSettings.agencyId, agencyId));
  return row ?? DEFAULT_SETTINGS;
}

/** Balances of people (all of one agency) for a year, as of `asOf`. */
async function balancesFor(db: Db, persons: { id: string; fullName: string; agencyId: string }[], year: number, asOf: string): Promise<LeaveBalanceView[]> {
  if (!persons.length) return [];
  const ids = persons.map((p) => p.id);
  const [profiles, requests, overrides] = await Promise.all([
    db.select().from(leaveProfiles).where(inArray(leaveProfiles.personId, ids)),
    db
      .select({ personId: leaveRequests.personId, fromDate: leaveRequests.fromDate, toDate: leaveRequests.toDate, status: leaveRequests.status })
      .from(leaveRequests)
      .where(
        and(
          inArray(leaveRequests.personId, ids),
          eq(leaveRequests.kind, 'annual'),
          inArray(leaveRequests.status, ['approved', 'pending']),
          sql`${leaveRequests.fromDate} <= ${`${year}-12-31`} and ${leaveRequests.toDate} >= ${`${year - 1}-01-01`}`,
        ),
      ),
    loadCalendarOverrides(db),
  ]);
  const settingsByAgency = new Map<string, SettingsRow>();
  for (const a of new Set(persons.map((p) => p.agencyId))) settingsByAgency.set(a, await settingsOf(db, a));
  const profileOf = new Map(profiles.map((p) => [p.personId, p]));
  return persons.map((p) => {
    const profile = profileOf.get(p.id);
    const settings = settingsByAgency.get(p.agencyId) ?? DEFAULT_SETTINGS;
    const start = profile?.serviceStartDate ?? null;
    const mine = requests.filter((r) => r.personId === p.id);
    const daysIn = (status: string, y: number) =>
      mine.filter((r) => r.status === status).flatMap((r) => workdaysBetween(r.fromDate, r.toDate, overrides).filter((d) => d.startsWith(`${y}-`)));
    const opening = profile?.openingYear === year ? profile : null;
    const prevOpening = profile?.openingYear === year - 1 ? profile : null;
    const prevRemaining = annualEntitlement(year - 1, start) - (prevOpening?.openingTaken ?? 0) - daysIn('approved', year - 1).length;
    const carried = opening?.openingCarriedOver ?? carryOverDays(start && start > `${year - 1}-12-31` ? 0 : prevRemaining, settings.carryOverMaxDays);
    const until = carried > 0 ? carryOverUntilDate(year, settings.carryOverUntil) : null;
    const entitlement = annualEntitlement(year, start);
    const b = computeBalance({
      entitlement,
      carriedOver: carried,
      carriedOverUntil: until,
      takenDays: daysIn('approved', year),
      openingTaken: opening?.openingTaken ?? 0,
      pendingDays: daysIn('pending', year).length,
      asOf: asOf.slice(0, 4) === String(year) ? asOf : asOf < `${year}-01-01` ? `${year}-01-01` : `${year}-12-31`,
    });
    return {
      personId: p.id,
      personName: p.fullName,
      year,
      serviceStartDate: start,
      seniorityYears: seniorityYears(start, `${year}-12-31`),
      entitlement: b.entitlement,
      carriedOver: b.carriedOver,
      carriedOverUntil: until,
      taken: b.taken,
      pending: b.pending,
      remaining: b.remaining,
    };
  });
}

/** One person's annual leave balance (for the check when asking). */
export async function annualBalanceOf(db: Db, personId: string, year: number, asOf: string): Promise<LeaveBalanceView> {
  const [p] = await db.select({ id: people.id, fullName: people.fullName, agencyId: people.agencyId }).from(people).where(eq(people.id, personId));
  if (!p) throw hiddenNotFound();
  return (await balancesFor(db, [p], year, asOf))[0]!;
}

export async function listBalances(
  deps: Deps,
  user: CurrentUser,
  q: { year?: number; personId?: string; unitId?: string; agencyId?: string },
): Promise<LeaveBalanceListResponse> {
  const asOf = vnDateOf(deps.clock.now());
  const year = q.year ?? +asOf.slice(0, 4);
  const cols = { id: people.id, fullName: people.fullName, agencyId: people.agencyId };
  let persons: { id: string; fullName: string; agencyId: string }[];
  if (q.personId) {
    const target = await personTarget(deps.db, q.personId);
    if (user.personId !== q.personId) assertCanAny(user, ['leave.read', 'leave.manage'], target);
    persons = await deps.db.select(cols).from(people).where(eq(people.id, q.personId));
  } else if (q.unitId) {
    const target = await unitTarget(deps.db, q.unitId);
    assertCanAny(user, ['leave.read', 'leave.manage'], target);
    persons = await deps.db
      .select(cols)
      .from(people)
      .where(and(eq(people.unitId, q.unitId), eq(people.active, true)));
  } else if (q.agencyId) {
    const target = await agencyTarget(deps.db, q.agencyId);
    assertCanAny(user, ['leave.read', 'leave.manage'], target);
    persons = await deps.db
      .select(cols)
      .from(people)
      .where(and(eq(people.agencyId, q.agencyId), eq(people.active, true)));
  } else {
    if (!user.personId) return { items: [] };
    persons = await deps.db.select(cols).from(people).where(eq(people.id, user.personId));
  }
  persons.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  return { items: await balancesFor(deps.db, persons, year, asOf) };
}

// ---------------------------------------------------------------- settings

export async function getSettings(deps: Deps, user: CurrentUser, agencyId: string): Promise<LeaveSettingsView> {
  const target = await agencyTarget(deps.db, agencyId);
  if (!sees(user, target)) throw hiddenNotFound();
  const s = await settingsOf(deps.db, agencyId);
  return { agencyId, carryOverMaxDays: s.carryOverMaxDays, carryOverUntil: s.carryOverUntil, version: s.version };
}

const validMmDd = (v: string) => {
  const [m, d] = v.split('-').map(Number) as [number, number];
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]! && v !== '02-29';
};

export async function putSettings(deps: Deps, user: CurrentUser, agencyId: string, input: LeaveSettingsUpdate): Promise<LeaveSettingsView> {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'leave.manage', target);
  if (input.carryOverUntil && !validMmDd(input.carryOverUntil))
    throw new AppError('VALIDATION', 'Hạn dùng ngày phép chuyển sang không hợp lệ (tháng-ngày, ví dụ 03-31).', {
      issues: [{ path: 'body.carryOverUntil', message: 'Ngày không hợp lệ.' }],
    });
  const current = await settingsOf(deps.db, agencyId);
  if (current.version === input.version + 1 && current.carryOverMaxDays === input.carryOverMaxDays && current.carryOverUntil === input.carryOverUntil)
    return { agencyId, ...current };
  if (current.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const values = { carryOverMaxDays: input.carryOverMaxDays, carryOverUntil: input.carryOverUntil, version: input.version + 1, updatedAt: now };
    const written =
      input.version === 0
        ? await tx
            .insert(leaveSettings)
            .values({ agencyId, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(leaveSettings)
            .set(values)
            .where(and(eq(leaveSettings.agencyId, agencyId), eq(leaveSettings.version, input.version)))
            .returning();
    if (!written.length) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'leave.settings_updated',
      entity: 'agency',
      entityId: agencyId,
      agencyId,
      data: { carryOverMaxDays: input.carryOverMaxDays, carryOverUntil: input.carryOverUntil },
    });
    return { agencyId, carryOverMaxDays: input.carryOverMaxDays, carryOverUntil: input.carryOverUntil, version: input.version + 1 };
  });
}

// ---------------------------------------------------------------- profiles

export async function putProfile(deps: Deps, user: CurrentUser, personId: string, input: LeaveProfileUpdate): Promise<LeaveBalanceView> {
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'leave.manage', target);
  const asOf = vnDateOf(deps.clock.now());
  const year = +asOf.slice(0, 4);
  if (input.serviceStartDate && input.serviceStartDate > asOf)
    throw new AppError('VALIDATION', 'Ngày bắt đầu công tác không được sau hôm nay.', {
      issues: [{ path: 'body.serviceStartDate', message: 'Ngày bắt đầu công tác không được sau hôm nay.' }],
    });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(leaveProfiles).where(eq(leaveProfiles.personId, personId));
    const next = {
      serviceStartDate: input.serviceStartDate !== undefined ? input.serviceStartDate : (existing?.serviceStartDate ?? null),
      openingYear: input.openingCarriedOver !== undefined || input.openingTaken !== undefined ? year : (existing?.openingYear ?? null),
      openingCarriedOver:
        input.openingCarriedOver !== undefined ? input.openingCarriedOver : existing?.openingYear === year ? (existing.openingCarriedOver ?? null) : null,
      openingTaken: input.openingTaken !== undefined ? input.openingTaken : existing?.openingYear === year ? (existing.openingTaken ?? null) : null,
      updatedAt: now,
    };
    if (existing)
      await tx
        .update(leaveProfiles)
        .set({ ...next, version: existing.version + 1 })
        .where(eq(leaveProfiles.personId, personId));
    else await tx.insert(leaveProfiles).values({ personId, ...next, version: 1 });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'leave.profile_updated',
      entity: 'person',
      entityId: personId,
      agencyId: target.agencyId,
      data: input,
    });
  });
  return annualBalanceOf(deps.db, personId, year, asOf);
}
