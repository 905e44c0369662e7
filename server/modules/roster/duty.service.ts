/**
 * Duty rota (C6): office duty, leadership duty, epidemic duty and document duty per agency and day,
 * set by the agency's Office (duty.manage), read by everyone of the agency (duty.read). A duty day
 * forces the person on site (roster rule `duty_not_onsite`); `dutiesFor` gives the roster module
 * those days.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { AGENCY_LEADER_ROLES, type PersonRole } from '../../../shared/domain/roster/format';
import { POSITION_LABELS_VI } from '../../../shared/domain/org';
import { dayNumber, formatDateVi, weekday } from '../../../shared/domain/dates';
import { DUTY_KINDS, DUTY_MAX_RANGE_DAYS, type DutyDay, type DutyKind, type DutyList, type DutyPerson, type DutyPut } from '../../../shared/contracts/duty';
import type { CurrentUser, Deps } from '../../lib/context';
import type { Db } from '../../db/client';
import { AppError, type ErrorIssue } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan } from '../../lib/scope';
import { people, units } from '../org/org.table';
import { workdaysFor } from '../calendar/calendar.service';
import { dutyAssignments } from './roster.table';

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** Duty days of each person of an agency in [from, to] (sorted, one entry per day whatever the kinds). */
export async function dutiesFor(db: Db, agencyId: string, from: string, to: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectDistinct({ personId: dutyAssignments.personId, date: dutyAssignments.date })
    .from(dutyAssignments)
    .where(and(eq(dutyAssignments.agencyId, agencyId), gte(dutyAssignments.date, from), lte(dutyAssignments.date, to)))
    .orderBy(asc(dutyAssignments.personId), asc(dutyAssignments.date));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.personId);
    if (list) list.push(r.date);
    else out.set(r.personId, [r.date]);
  }
  return out;
}

async function dutyDays(db: Db, agencyId: string, from: string, to: string): Promise<DutyDay[]> {
  const rows = await db
    .select({
      date: dutyAssignments.date,
      kind: dutyAssignments.kind,
      personId: people.id,
      fullName: people.fullName,
      position: people.position,
      unitId: units.id,
      unitName: units.name,
    })
    .from(dutyAssignments)
    .innerJoin(people, eq(people.id, dutyAssignments.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(dutyAssignments.agencyId, agencyId), gte(dutyAssignments.date, from), lte(dutyAssignments.date, to)))
    .orderBy(asc(dutyAssignments.date), asc(units.sortOrder), asc(people.sortOrder), asc(people.fullName));
  const byDate = new Map<string, DutyDay>();
  for (const r of rows) {
    let day = byDate.get(r.date);
    if (!day) byDate.set(r.date, (day = { date: r.date, office: [], leader: [], epidemic: [], documents: [] }));
    const person: DutyPerson = { personId: r.personId, fullName: r.fullName, position: r.position as PersonRole, unitId: r.unitId, unitName: r.unitName };
    day[r.kind as DutyKind]?.push(person);
  }
  return [...byDate.values()];
}

export async function listDuties(deps: Deps, user: CurrentUser, q: { agencyId: string; from: string; to: string }): Promise<DutyList> {
  if (q.to < q.from)
    throw new AppError('VALIDATION', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.', {
      issues: [{ path: 'query.to', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' }],
    });
  if (dayNumber(q.to) - dayNumber(q.from) + 1 > DUTY_MAX_RANGE_DAYS) {
    const message = `Chỉ xem được tối đa ${DUTY_MAX_RANGE_DAYS} ngày mỗi lần.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'query.to', message }] });
  }
  assertCan(user, 'duty.read', await agencyTarget(deps.db, q.agencyId));
  return { agencyId: q.agencyId, from: q.from, to: q.to, days: await dutyDays(deps.db, q.agencyId, q.from, q.to) };
}

const emptyDay = (date: string): DutyDay => ({ date, office: [], leader: [], epidemic: [], documents: [] });

/**
 * Replaces the duties of an agency on a date with the lists given (idempotent: the same body twice
 * gives the same state). People must be active members of the agency; leader duty needs a Director or
 * Deputy Director; the date must be a working day unless `allowNonWorkday`.
 */
export async function replaceDuties(deps: Deps, user: CurrentUser, agencyId: string, date: string, input: DutyPut): Promise<DutyDay> {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'duty.manage', target);

  if (!input.allowNonWorkday && !(await workdaysFor(deps.db, date, date)).includes(date)) {
    const message = `Ngày ${formatDateVi(date)} (${WEEKDAY_VI[weekday(date)]}) không phải ngày làm việc. Chọn "Trực cả thứ Bảy, Chủ nhật" nếu cần bố trí trực ngày nghỉ.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'params.date', message }] });
  }

  const lists: Record<DutyKind, string[]> = { office: input.office, leader: input.leader, epidemic: input.epidemic ?? [], documents: input.documents ?? [] };
  const allIds = [...new Set(DUTY_KINDS.flatMap((k) => lists[k]))];
  const found = allIds.length
    ? await deps.db
        .select({ id: people.id, agencyId: people.agencyId, active: people.active, fullName: people.fullName, position: people.position })
        .from(people)
        .where(inArray(people.id, allIds))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const issues: ErrorIssue[] = [];
  for (const kind of DUTY_KINDS) {
    lists[kind].forEach((id, i) => {
      const path = `body.${kind}[${i}]`;
      const p = byId.get(id);
      if (!p || p.agencyId !== agencyId) issues.push({ path, message: `Không có cán bộ mã "${id}" trong cơ quan.` });
      else if (!p.active) issues.push({ path, message: `${p.fullName} không còn công tác (đã ngừng hoạt động), không thể phân công trực.` });
      else if (kind === 'leader' && !AGENCY_LEADER_ROLES.includes(p.position as PersonRole)) {
        const position = POSITION_LABELS_VI[p.position as PersonRole] ?? p.position;
        issues.push({ path, message: `Trực lãnh đạo phải là Giám đốc hoặc Phó Giám đốc; ${p.fullName} là ${position}.` });
      }
    });
  }
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, { issues });

  await deps.db.transaction(async (tx) => {
    // One writer per agency and day: the delete-then-insert below must not interleave.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`duty:${agencyId}:${date}`}))`);
    const before = await tx
      .select({ kind: dutyAssignments.kind, personId: dutyAssignments.personId })
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.agencyId, agencyId), eq(dutyAssignments.date, date)));
    const beforeLists = Object.fromEntries(
      DUTY_KINDS.map((k) => [
        k,
        before
          .filter((b) => b.kind === k)
          .map((b) => b.personId)
          .sort(),
      ]),
    );
    const afterLists = Object.fromEntries(DUTY_KINDS.map((k) => [k, [...lists[k]].sort()]));
    if (JSON.stringify(beforeLists) === JSON.stringify(afterLists)) return; // unchanged: nothing to write or audit
    await tx.delete(dutyAssignments).where(and(eq(dutyAssignments.agencyId, agencyId), eq(dutyAssignments.date, date)));
    const rows = DUTY_KINDS.flatMap((kind) => lists[kind].map((personId) => ({ id: newId('duty'), agencyId, date, kind, personId, createdBy: user.userId })));
    if (rows.length) await tx.insert(dutyAssignments).values(rows);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'duty.replaced',
      entity: 'duty_day',
      entityId: `${agencyId}:${date}`,
      agencyId,
      data: { date, before: beforeLists, after: afterLists, allowNonWorkday: input.allowNonWorkday ?? false },
    });
  });
  const [day] = await dutyDays(deps.db, agencyId, date, date);
  return day ?? emptyDay(date);
}
