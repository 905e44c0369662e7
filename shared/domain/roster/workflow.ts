/**
 * The approval workflow of rosters (C2), as pure functions: unit head drafts and submits → the Office
 * compiles (or returns a unit's roster with a comment) → the Director approves → published. A change
 * after approval makes a new draft that needs approval again.
 */

/** Status of one unit's roster in a period. `none` = no roster yet ("Chưa lập"). */
export const UNIT_ROSTER_STATUSES = ['none', 'draft', 'submitted', 'returned', 'compiled', 'approved'] as const;
export type UnitRosterStatus = (typeof UNIT_ROSTER_STATUSES)[number];

/** Status of an agency's period. */
export const PERIOD_STATUSES = ['collecting', 'compiled', 'approved'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const UNIT_STATUS_VI: Record<UnitRosterStatus, string> = {
  none: 'Chưa lập',
  draft: 'Đang lập',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  compiled: 'Đã tổng hợp',
  approved: 'Đã duyệt',
};

export const PERIOD_STATUS_VI: Record<PeriodStatus, string> = {
  collecting: 'Đang đăng ký',
  compiled: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
};

export type Decision = { ok: true } | { ok: false; message: string };
const no = (message: string): Decision => ({ ok: false, message });
const yes: Decision = { ok: true };

/** May the unit head change cells? Editing a submitted or approved roster makes it a draft again. */
export function canEdit(unit: UnitRosterStatus, period: PeriodStatus): Decision {
  if (period === 'compiled') return no('Văn phòng đã tổng hợp và trình phê duyệt; đề nghị Văn phòng hoặc lãnh đạo trả lại để sửa.');
  if (unit === 'compiled') return no('Văn phòng đã tổng hợp lịch của đơn vị; đề nghị Văn phòng trả lại để sửa.');
  return yes;
}

/** Status after an edit. */
export function statusAfterEdit(unit: UnitRosterStatus): UnitRosterStatus {
  return unit === 'returned' ? 'returned' : 'draft';
}

export function canSubmit(unit: UnitRosterStatus, period: PeriodStatus): Decision {
  if (period === 'compiled') return no('Lịch của cơ quan đang chờ phê duyệt.');
  if (unit === 'none') return no('Đơn vị chưa lập lịch.');
  if (unit === 'compiled' || unit === 'approved') return no('Lịch đã được tổng hợp hoặc phê duyệt; không có thay đổi để gửi.');
  return yes;
}

export function canReturnUnit(unit: UnitRosterStatus, period: PeriodStatus): Decision {
  if (period === 'compiled') return no('Lịch của cơ quan đang chờ phê duyệt; lãnh đạo trả lại trước.');
  if (unit !== 'submitted' && unit !== 'compiled') return no('Chỉ trả lại được lịch đơn vị đã gửi.');
  return yes;
}

/** The Office compiles when every unit with people has sent its roster (or it is unchanged since approval). */
export function canCompile(period: PeriodStatus, units: { unitName: string; status: UnitRosterStatus; people: number }[]): Decision {
  if (period === 'compiled') return no('Lịch đã được tổng hợp và đang chờ phê duyệt.');
  const missing = units.filter((u) => u.people > 0 && !(u.status === 'submitted' || u.status === 'compiled' || u.status === 'approved'));
  if (missing.length) return no(`Còn ${missing.length} đơn vị chưa gửi lịch: ${missing.map((u) => u.unitName).join(', ')}.`);
  if (period === 'approved' && units.every((u) => u.status === 'approved')) return no('Không có thay đổi nào từ lần phê duyệt trước.');
  return yes;
}

export function canApprove(period: PeriodStatus): Decision {
  if (period !== 'compiled') return no('Văn phòng chưa tổng hợp lịch để trình phê duyệt.');
  return yes;
}

/** A difference between two rosters: one cell that changed. */
export interface DiffEntry {
  personId: string;
  date: string;
  from: string | null;
  to: string | null;
}

/** Cells that differ between the previous and the next roster, sorted by person then date. */
export function diffAssignments(
  prev: { personId: string; date: string; mode: string }[],
  next: { personId: string; date: string; mode: string }[],
): DiffEntry[] {
  const key = (a: { personId: string; date: string }) => `${a.personId}\u0000${a.date}`;
  const before = new Map(prev.map((a) => [key(a), a.mode]));
  const after = new Map(next.map((a) => [key(a), a.mode]));
  const out: DiffEntry[] = [];
  for (const a of next) {
    const was = before.get(key(a)) ?? null;
    if (was !== a.mode) out.push({ personId: a.personId, date: a.date, from: was, to: a.mode });
  }
  for (const a of prev) if (!after.has(key(a))) out.push({ personId: a.personId, date: a.date, from: a.mode, to: null });
  return out.sort((x, y) => (x.personId < y.personId ? -1 : x.personId > y.personId ? 1 : x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
