/**
 * Who hears of each roster step (issue 10 item 6, PRODUCT J3), called by roster.service.ts inside the
 * transaction of the step. The texts are short, Vietnamese, with dd/mm/yyyy dates and a link; an e-mail
 * goes with the steps someone must act on (each person's channel choices apply, notify.ts).
 *
 *  - a unit's roster submitted           → the Office (to compile);                              e-mail
 *  - a unit's roster returned, reason    → the unit's head and deputy (to fix);                  e-mail
 *  - the compiled roster sent back       → the Office (to fix), with the reason;                  e-mail
 *  - the period compiled ("trình")       → the Director and deputy directors (to approve);       e-mail
 *  - approved (first version)            → the Office and unit leaders; everyone on the schedule
 *  - approved again (a new version)      → the Director(s), the Office and unit leaders; each person
 *                                          whose days changed, naming the days;                   e-mail to them
 *  - an approved period reopened (edit)  → the Director(s) and the Office.
 */
import { eq } from 'drizzle-orm';
import { formatDateVi } from '../../../shared/domain/dates';
import { MODE_VI } from '../../../shared/domain/roster/messages';
import type { Mode } from '../../../shared/domain/roster/format';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { units } from '../org/org.table';
import { notify } from './notify';
import { agencyRoleUserIds, unitLeaderIds } from './recipients';

interface PeriodRef {
  id: string;
  agencyId: string;
  fromDate: string;
  toDate: string;
}

const rangeOf = (p: PeriodRef) => `${formatDateVi(p.fromDate)} – ${formatDateVi(p.toDate)}`;
const without = (ids: string[], userId?: string) => ids.filter((id) => id !== userId);
const LEADERS = ['director', 'deputy_director'] as const;

export async function noticeUnitSubmitted(tx: Db, clock: Clock, p: PeriodRef, unitName: string, actor: { userId: string; displayName: string }) {
  await notify(tx, clock, {
    userIds: without(await agencyRoleUserIds(tx, p.agencyId, ['office']), actor.userId),
    kind: 'roster_submitted',
    title: `${unitName} đã gửi lịch làm việc kỳ ${rangeOf(p)}`,
    body: `${actor.displayName} đã gửi lịch của đơn vị. Văn phòng kiểm tra và tổng hợp, trình phê duyệt.`,
    link: `/roster/agency?period=${p.id}`,
    email: true,
  });
}

export async function noticeUnitReturned(tx: Db, clock: Clock, p: PeriodRef, unitId: string, reason: string, actor: { userId: string; displayName: string }) {
  const [unit] = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
  if (!unit) return;
  await notify(tx, clock, {
    userIds: without(await unitLeaderIds(tx, { unitIds: [unit.id] }), actor.userId),
    kind: 'roster_returned',
    title: `Lịch làm việc kỳ ${rangeOf(p)} của ${unit.name} bị trả lại`,
    body: `${actor.displayName} trả lại, lý do: ${reason}`,
    link: `/roster/unit?period=${p.id}`,
    email: true,
  });
}

export async function noticePeriodReturned(tx: Db, clock: Clock, p: PeriodRef, reason: string, actor: { userId: string; displayName: string }) {
  await notify(tx, clock, {
    userIds: without(await agencyRoleUserIds(tx, p.agencyId, ['office']), actor.userId),
    kind: 'roster_period_returned',
    title: `Lịch làm việc kỳ ${rangeOf(p)} bị trả lại Văn phòng`,
    body: `${actor.displayName} trả lại lịch tổng hợp, lý do: ${reason}`,
    link: `/roster/agency?period=${p.id}`,
    email: true,
  });
}

export async function noticePeriodCompiled(tx: Db, clock: Clock, p: PeriodRef, actor: { userId: string; displayName: string }, warnings: number) {
  await notify(tx, clock, {
    userIds: without(await agencyRoleUserIds(tx, p.agencyId, [...LEADERS]), actor.userId),
    kind: 'roster_compiled',
    title: `Lịch làm việc kỳ ${rangeOf(p)} chờ phê duyệt`,
    body: `Văn phòng (${actor.displayName}) đã tổng hợp, trình phê duyệt${warnings ? `; ${warnings} cảnh báo cần xem` : ''}.`,
    link: `/approvals?period=${p.id}`,
    email: true,
  });
}

export interface ScheduleChange {
  personId: string;
  date: string;
  from: string | null;
  to: string | null;
}

const modeVi = (m: string | null) => (m ? (MODE_VI[m as Mode] ?? m) : 'chưa có lịch');

/** The changed days of one person, e.g. "20/07/2021: làm việc tại nhà → làm việc tại cơ quan". */
export function describeDays(changes: ScheduleChange[], max = 8): string {
  const lines = changes.slice(0, max).map((c) => `${formatDateVi(c.date)}: ${modeVi(c.from)} → ${modeVi(c.to)}`);
  if (changes.length > max) lines.push(`và ${changes.length - max} ngày khác`);
  return lines.join('; ');
}

export async function noticePeriodApproved(
  tx: Db,
  clock: Clock,
  p: PeriodRef,
  version: number,
  diff: ScheduleChange[],
  actor: { userId: string; displayName: string },
) {
  const office = await agencyRoleUserIds(tx, p.agencyId, ['office']);
  const leaders = await unitLeaderIds(tx, { agencyId: p.agencyId });
  const changedPeople = [...new Set(diff.map((d) => d.personId))];
  if (version === 1) {
    await notify(tx, clock, {
      userIds: without([...new Set([...office, ...leaders])], actor.userId),
      kind: 'roster_approved',
      title: `Lịch làm việc kỳ ${rangeOf(p)} đã được phê duyệt`,
      body: `${actor.displayName} đã phê duyệt; lịch đã được công bố.`,
      link: `/roster/agency?period=${p.id}`,
      eventId: `roster:${p.id}:approved:${version}`,
    });
    if (changedPeople.length)
      await notify(tx, clock, {
        personIds: changedPeople,
        kind: 'roster_schedule_approved',
        title: `Lịch làm việc của bạn kỳ ${rangeOf(p)} đã được phê duyệt`,
        body: 'Xem các ngày làm việc tại cơ quan, tại nhà của bạn trong "Lịch của tôi".',
        link: '/my-schedule',
        // The group gets the approval once (above), not one message per person.
        chat: false,
      });
    return;
  }
  const directors = await agencyRoleUserIds(tx, p.agencyId, [...LEADERS]);
  await notify(tx, clock, {
    userIds: without([...new Set([...directors, ...office, ...leaders])], actor.userId),
    kind: 'roster_changed',
    title: `Lịch làm việc kỳ ${rangeOf(p)} đã thay đổi sau phê duyệt (phiên bản ${version})`,
    body: `${actor.displayName} đã phê duyệt phiên bản ${version}: ${diff.length} ô lịch của ${changedPeople.length} người thay đổi.`,
    link: `/roster/agency?period=${p.id}`,
    eventId: `roster:${p.id}:approved:${version}`,
  });
  for (const personId of changedPeople) {
    await notify(tx, clock, {
      personIds: [personId],
      kind: 'roster_schedule_changed',
      title: `Lịch làm việc của bạn kỳ ${rangeOf(p)} đã thay đổi`,
      body: `Đã phê duyệt lại (phiên bản ${version}). ${describeDays(diff.filter((d) => d.personId === personId))}.`,
      link: '/my-schedule',
      email: true,
      chat: false,
    });
  }
}

export async function noticePeriodReopened(tx: Db, clock: Clock, p: PeriodRef, unitName: string, actor: { userId: string; displayName: string }) {
  await notify(tx, clock, {
    userIds: without(await agencyRoleUserIds(tx, p.agencyId, ['office', ...LEADERS]), actor.userId),
    kind: 'roster_reopened',
    title: `Lịch đã phê duyệt kỳ ${rangeOf(p)} đang được sửa`,
    body: `${actor.displayName} (${unitName}) sửa lịch sau phê duyệt; lịch đã công bố giữ nguyên đến khi phê duyệt phiên bản mới.`,
    link: `/roster/agency?period=${p.id}`,
  });
}
