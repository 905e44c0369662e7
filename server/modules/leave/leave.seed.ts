/**
 * Demo requests (issue 10), made through the leave service with the demo agencies' own people so that every step
 * has its signature, notifications and audit rows: in Sở Nội vụ Ninh Thuận (the focus unit of the demo logins) a
 * leave waiting for the unit head, one approved by the unit head and the Director (the roster changed), a trip out of
 * the province waiting for the Chief of Office, an acting assignment of the unit head to the deputy next week; in
 * Sở Tài chính Hải Dương a staff member asking to come to the office for urgent work (Hải Dương's plan). Every person
 * of those agencies gets a service start date (seniority). The demo logins are unchanged.
 */
import { mondayOf } from '../../db/seed/weeks';
import type { AgencyBundle, SeedPerson } from '../../db/seed/build';
import { addDays, vnDateOf } from '../../../shared/domain/dates';
import { workdaysBetween } from '../../../shared/domain/calendar';
import type { AppRole, Grant } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { loadCalendarOverrides } from '../calendar/calendar.service';
import { createActing } from './acting';
import { leaveProfiles } from './leave.table';
import { decideRequest } from './leave.decide';
import { createRequest } from './leave.service';

const FOCUS: Record<string, string> = { 'nt-snv': 'tcbm', 'hd-stc': '' };

function actorOf(b: AgencyBundle, p: SeedPerson): CurrentUser {
  const grants: Grant[] = b.grants
    .filter((g) => g.userId === p.userId)
    .map((g) => ({ role: g.role as AppRole, agencyId: g.agencyId, agencyPath: b.agency.path!, unitId: g.unitId ?? null }));
  return {
    userId: p.userId,
    personId: p.row.id,
    grants,
    username: p.username,
    displayName: p.row.fullName,
    unitId: p.row.unitId,
    agencyId: b.agency.id!,
    mustChangePassword: false,
    locale: 'vi',
  };
}

/** A service start date between 1998 and 2020, the same for a person every time. */
function serviceStart(i: number): string {
  const year = 1998 + ((i * 7) % 23);
  const month = 1 + ((i * 5) % 12);
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export async function seedDemoLeave(deps: Deps, bundles: AgencyBundle[]): Promise<number> {
  const today = vnDateOf(deps.clock.now());
  const overrides = await loadCalendarOverrides(deps.db);
  const nextMonday = addDays(mondayOf(today), 7);
  const nextWeek = workdaysBetween(nextMonday, addDays(nextMonday, 11), overrides);
  if (nextWeek.length < 4) return 0;
  let n = 0;
  const attempt = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      n++;
    } catch (err) {
      console.warn(`Dữ liệu mẫu đơn từ (${what}) không tạo được: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  for (const b of bundles) {
    if (!(b.agency.id! in FOCUS)) continue;
    await deps.db
      .insert(leaveProfiles)
      .values(b.people.map((p, i) => ({ personId: p.row.id, serviceStartDate: serviceStart(i), version: 1, updatedAt: deps.clock.now() })))
      .onConflictDoNothing();
    const focusKey = FOCUS[b.agency.id!] || b.spec.units.find((u) => u.kind === 'department')!.key;
    const inFocus = b.people.filter((p) => p.unitKey === focusKey);
    const head = inFocus.find((p) => p.position === 'head');
    const deputy = inFocus.find((p) => p.position === 'deputy_head');
    const staff = inFocus.filter((p) => p.position === 'staff' && !p.it);
    const director = b.people.find((p) => p.position === 'director');
    if (!head || !director || staff.length < 3) continue;
    if (b.agency.id === 'hd-stc') {
      const tomorrow = workdaysBetween(addDays(today, 1), addDays(today, 10), overrides)[0]!;
      await attempt('lên cơ quan', () =>
        createRequest(deps, actorOf(b, staff[0]!), {
          kind: 'office',
          fromDate: tomorrow,
          toDate: tomorrow,
          reason: 'Lên cơ quan hoàn thiện hồ sơ thanh quyết toán kinh phí phòng, chống dịch gửi Kho bạc',
        }),
      );
      continue;
    }
    // A leave waiting for the unit head (the demo staff login's own request).
    await attempt('nghỉ phép chờ duyệt', () =>
      createRequest(deps, actorOf(b, staff[0]!), {
        kind: 'annual',
        fromDate: nextWeek[2]!,
        toDate: nextWeek[3]!,
        reason: 'Về quê chăm sóc bố mẹ già bị ốm',
      }),
    );
    // A leave approved by the unit head, then the Director: the roster of next week shows it.
    await attempt('nghỉ phép đã duyệt', async () => {
      const r = await createRequest(deps, actorOf(b, staff[1]!), {
        kind: 'annual',
        fromDate: nextWeek[0]!,
        toDate: nextWeek[0]!,
        reason: 'Đưa con đi khám bệnh',
      });
      const h = await decideRequest(deps, actorOf(b, head), r.id, { decision: 'approve', version: r.version, comment: 'Đồng ý' });
      await decideRequest(deps, actorOf(b, director), h.id, { decision: 'approve', version: h.version });
    });
    // A trip out of the province waiting for the Chief of Office.
    await attempt('công tác ngoài tỉnh', () =>
      createRequest(deps, actorOf(b, staff[2]!), {
        kind: 'trip',
        fromDate: nextWeek[1]!,
        toDate: nextWeek[2]!,
        reason: 'Dự tập huấn nghiệp vụ thi đua, khen thưởng do Ban Thi đua - Khen thưởng Trung ương tổ chức',
        destination: 'Hà Nội',
        outOfProvince: true,
      }),
    );
    // The unit head names the deputy for the end of next week.
    if (deputy)
      await attempt('ủy quyền', () =>
        createActing(deps, actorOf(b, head), {
          deputyPersonId: deputy.row.id,
          fromDate: nextWeek[3]!,
          toDate: nextWeek[4]!,
          scope: 'all',
          note: 'Đi dự hội nghị tập huấn công tác cải cách hành chính',
        }),
      );
  }
  return n;
}
