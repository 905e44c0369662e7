/** The seeded rosters of an agency: duty rota, leave drawn at random, wishes, the current week approved and published, the next week being collected (solved by the app's generator). */
import { addDays, formatDateVi, vnInstant, weekday } from '../../../shared/domain/dates';
import type { Assignment, Mode, Person, PersonRole, Policy, Preference, ResolvedInstance, UnitKind, Violation } from '../../../shared/domain/roster/format';
import { solveRoster } from '../../../shared/domain/roster/solver';
import { checkRoster } from '../../../shared/domain/roster/check';
import type { AgencyBundle, NextWeekState, SeedContext, SeedPerson } from './build';
import { NO_COMPUTER_TITLES, UNIT_HEAD_POSITIONS } from './people';
import type { Rng } from './random';
import { periodDeadline, type Week } from './weeks';

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

const WISH_NOTES: Record<Preference, readonly string[]> = {
  wfh: [
    'Con nhỏ nghỉ học, xin làm việc tại nhà.',
    'Chăm sóc người nhà đang điều trị.',
    'Khu dân cư nơi ở đang phong tỏa tạm thời.',
    'Theo dõi sức khỏe sau tiêm vắc xin.',
  ],
  onsite: ['Có lịch tiếp công dân tại cơ quan.', 'Cần tra cứu hồ sơ giấy tại cơ quan.', 'Làm việc trực tiếp với đoàn kiểm tra.', 'Nhận và xử lý tài liệu mật.'],
};

function instanceOf(
  bundle: Pick<AgencyBundle, 'agency' | 'units' | 'people'>,
  week: Week,
  rules: Policy,
  extra: Map<string, Partial<Person>>,
): ResolvedInstance {
  return {
    format: 'congvu.roster/1',
    period: { from: week.from, to: week.to },
    workdays: week.workdays,
    agencies: [{ id: bundle.agency.id, name: bundle.agency.name, ...(bundle.agency.district ? { district: bundle.agency.district } : {}) }],
    units: bundle.units.map((u) => ({ id: u.id, agencyId: u.agencyId, name: u.name, kind: u.kind as UnitKind })),
    people: bundle.people.map((p) => ({
      id: p.row.id,
      name: p.row.fullName,
      unitId: p.row.unitId,
      role: p.position,
      canWorkFromHome: p.canWfh,
      ...extra.get(p.row.id),
    })),
    policy: rules,
  };
}

function addExtra(extra: Map<string, Partial<Person>>, personId: string, f: (x: Partial<Person>) => void) {
  let x = extra.get(personId);
  if (!x) extra.set(personId, (x = {}));
  f(x);
}

/** Leave and business trips of a week: about 1 working day in 120, for staff and deputy heads, never on a duty day. */
function drawAbsences(rng: Rng, list: SeedPerson[], week: Week, dutyOf: Map<string, Set<string>>): Map<string, Record<string, Mode>> {
  const out = new Map<string, Record<string, Mode>>();
  if (!week.workdays.length) return out;
  const candidates = list.filter((p) => (p.position === 'staff' || p.position === 'deputy_head') && !p.province);
  if (!candidates.length) return out;
  const count = Math.max(1, Math.round((list.length * week.workdays.length) / 120));
  for (let i = 0; i < count; i++) {
    const p = rng.pick(candidates);
    const day = rng.pick(week.workdays);
    if (dutyOf.get(p.row.id)?.has(day)) continue;
    const f = out.get(p.row.id) ?? {};
    f[day] = rng.chance(0.75) ? 'leave' : 'business_trip';
    out.set(p.row.id, f);
  }
  return out;
}

/**
 * Solves a week. A share set for the whole agency is first tried unit by unit (the same shares in each
 * unit, then the target alone), so that every unit has about the same share at home each day, as unit
 * heads register them (seed 004: "các phòng … đăng ký … 70% … 30%"); the first of these rosters that meets
 * every rule of the real (agency-wide) policy is kept, else the agency-wide solution.
 */
function solveWeek(
  bundle: AgencyBundle,
  week: Week,
  extra: Map<string, Partial<Person>>,
  strict: boolean,
): { assignments: Assignment[]; violations: Violation[] } {
  if (!week.workdays.length) return { assignments: [], violations: [] };
  const rules = bundle.spec.policy.rules;
  const instance = instanceOf(bundle, week, rules, extra);
  const ws = rules.wfhShare;
  if (ws && ws.scope === 'agency') {
    const variants: Policy[] = [
      { ...rules, wfhShare: { ...ws, scope: 'unit' } },
      { ...rules, wfhShare: { scope: 'unit', target: ws.target ?? null } },
    ];
    for (const policy of variants) {
      const tried = solveRoster({ ...instance, policy });
      if (checkRoster(instance, tried.roster).length === 0) return { assignments: tried.roster.assignments, violations: [] };
    }
  }
  const result = solveRoster(instance);
  if (strict && !result.feasible) {
    throw new Error(
      `Dữ liệu mẫu: không lập được lịch hợp lệ cho ${bundle.agency.name} (${week.from}): ${result.violations
        .slice(0, 3)
        .map((v) => v.message)
        .join('; ')}`,
    );
  }
  return { assignments: result.roster.assignments, violations: result.violations };
}

export function buildRosters(bundle: AgencyBundle, ctx: SeedContext, rng: Rng): void {
  const { spec, people: list } = bundle;
  const rules = spec.policy.rules;
  const byPosition = (pos: PersonRole) => list.filter((p) => p.position === pos);
  const director = byPosition('director')[0] ?? list[0];
  const chief = byPosition('chief_of_office')[0] ?? director;
  const headOf = new Map<string, SeedPerson>();
  for (const p of list) if (UNIT_HEAD_POSITIONS.has(p.position) && !headOf.has(p.row.unitId)) headOf.set(p.row.unitId, p);
  const submitterOf = (unitId: string) => headOf.get(unitId) ?? chief;

  // Duty rota (C6, seed 003 §2): one office duty (a person of the Office) and one leader duty (Director or
  // a Deputy) per working day of both weeks, taken in turn.
  const office = list.filter((p) => p.unitKind === 'office');
  const officeDuty = office.filter((p) => p.position !== 'chief_of_office' && !NO_COMPUTER_TITLES.has(p.row.title ?? ''));
  const officeCands = officeDuty.length ? officeDuty : office.length ? office : [chief];
  const leaderCands = list.filter((p) => p.position === 'director' || p.position === 'deputy_director');
  const leaders = leaderCands.length ? leaderCands : [director];
  const dutyOf = new Map<string, Set<string>>();
  const allDays = [...ctx.current.workdays, ...ctx.next.workdays];
  let oi = rng.int(0, officeCands.length - 1);
  let li = rng.int(0, leaders.length - 1);
  for (const date of allDays) {
    for (const [kind, who] of [
      ['office', officeCands[oi++ % officeCands.length]],
      ['leader', leaders[li++ % leaders.length]],
    ] as const) {
      bundle.duties.push({
        id: `duty-${spec.id}-${date}-${kind}`,
        agencyId: spec.id,
        date,
        kind,
        personId: who.row.id,
        note: kind === 'office' ? 'Trực cơ quan' : 'Trực lãnh đạo',
        createdBy: chief.userId,
      });
      let s = dutyOf.get(who.row.id);
      if (!s) dutyOf.set(who.row.id, (s = new Set()));
      s.add(date);
    }
  }

  const weekExtra = (week: Week, absences: Map<string, Record<string, Mode>>) => {
    const extra = new Map<string, Partial<Person>>();
    const days = new Set(week.workdays);
    for (const [personId, set] of dutyOf) {
      const d = [...set].filter((x) => days.has(x)).sort();
      if (d.length) addExtra(extra, personId, (x) => (x.duties = d));
    }
    for (const [personId, fixed] of absences) addExtra(extra, personId, (x) => (x.fixed = fixed));
    return extra;
  };

  const unitRosterId = (unitId: string, week: Week) => `ur-${unitId}-${week.from}`;
  const periodId = (week: Week) => `per-${spec.id}-${week.from}`;
  const friday = addDays(ctx.current.from, -3);

  // ---- current week: approved and published (C2).
  const curAbs = drawAbsences(rng, list, ctx.current, dutyOf);
  const cur = solveWeek(bundle, ctx.current, weekExtra(ctx.current, curAbs), ctx.strict);
  bundle.violations = cur.violations;
  const curPeriod = periodId(ctx.current);
  bundle.periods.push({
    id: curPeriod,
    agencyId: spec.id,
    policyId: bundle.policy.id,
    fromDate: ctx.current.from,
    toDate: ctx.current.to,
    deadline: periodDeadline(ctx.current.from),
    status: 'approved',
    approvedVersion: 1,
    approvedAt: vnInstant(friday, '15:00'),
    approvedBy: director.userId,
    compiledAt: vnInstant(friday, '09:30'),
    compiledBy: chief.userId,
    version: 1,
    createdAt: vnInstant(addDays(friday, -7), '08:00'),
  });
  for (const u of bundle.units) {
    bundle.unitRosters.push({
      id: unitRosterId(u.id, ctx.current),
      periodId: curPeriod,
      unitId: u.id,
      status: 'approved',
      submittedAt: vnInstant(addDays(friday, -1), '15:00'),
      submittedBy: submitterOf(u.id).userId,
      version: 1,
      updatedAt: vnInstant(friday, '15:00'),
      updatedBy: director.userId,
    });
  }
  const personById = new Map(list.map((p) => [p.row.id, p]));
  for (const a of cur.assignments) {
    const p = personById.get(a.personId)!;
    bundle.entries.push({
      unitRosterId: unitRosterId(p.row.unitId, ctx.current),
      personId: a.personId,
      date: a.date,
      mode: a.mode,
      pinned: curAbs.get(a.personId)?.[a.date] !== undefined,
    });
    bundle.schedule.push({ personId: a.personId, date: a.date, agencyId: spec.id, unitId: p.row.unitId, mode: a.mode, periodId: curPeriod, version: 1 });
  }
  bundle.versions.push({
    periodId: curPeriod,
    version: 1,
    approvedAt: vnInstant(friday, '15:00'),
    approvedBy: director.userId,
    assignments: cur.assignments.map((a) => ({ personId: a.personId, date: a.date, mode: a.mode })),
    diff: [],
    comment: `Phê duyệt lịch làm việc tuần ${formatDateVi(ctx.current.from)} – ${formatDateVi(ctx.current.to)}.`,
  });

  // ---- next week: collecting; wishes entered, units in every state.
  const nextAbs = drawAbsences(rng, list, ctx.next, dutyOf);
  const extra = weekExtra(ctx.next, nextAbs);
  if (ctx.next.workdays.length) {
    const wishers = rng.shuffle(list.filter((p) => p.position === 'staff' && p.canWfh && !dutyOf.has(p.row.id)));
    const count = Math.max(2, Math.round(list.length * 0.05));
    for (const p of wishers.slice(0, count)) {
      const date = rng.pick(ctx.next.workdays);
      if (nextAbs.get(p.row.id)?.[date]) continue;
      const preference: Preference = rng.chance(0.65) ? 'wfh' : 'onsite';
      bundle.wishes.push({
        personId: p.row.id,
        date,
        preference,
        note: rng.pick(WISH_NOTES[preference]),
        createdAt: new Date(ctx.now.getTime() - rng.int(1, 48) * 3_600_000),
      });
      addExtra(extra, p.row.id, (x) => (x.prefers = { ...x.prefers, [date]: preference }));
    }
  }
  const next = solveWeek(bundle, ctx.next, extra, false);
  const nextPeriod = periodId(ctx.next);
  bundle.periods.push({
    id: nextPeriod,
    agencyId: spec.id,
    policyId: bundle.policy.id,
    fromDate: ctx.next.from,
    toDate: ctx.next.to,
    deadline: periodDeadline(ctx.next.from),
    status: 'collecting',
    approvedVersion: 0,
    version: 1,
    createdAt: vnInstant(addDays(friday, 0), '16:00'),
  });
  const states = nextWeekStates(bundle, rng);
  const byUnit = new Map<string, Assignment[]>();
  for (const a of next.assignments) {
    const unitId = personById.get(a.personId)!.row.unitId;
    let arr = byUnit.get(unitId);
    if (!arr) byUnit.set(unitId, (arr = []));
    arr.push(a);
  }
  let minutes = 20;
  for (const u of bundle.units) {
    const state = states.get(u.id) ?? 'none';
    if (state === 'none') continue;
    const id = unitRosterId(u.id, ctx.next);
    const head = submitterOf(u.id);
    const at = new Date(ctx.now.getTime() - (minutes += 37) * 60_000);
    let cells = byUnit.get(u.id) ?? [];
    let returnComment: string | null = null;
    if (state === 'returned') {
      // The Office sent it back: the head left too few people on site on one day.
      const day = ctx.next.workdays.find((d) => weekday(d) === 3) ?? ctx.next.workdays[Math.floor(ctx.next.workdays.length / 2)];
      const always = new Set(rules.alwaysOnSiteRoles ?? []);
      cells = cells.map((a) => {
        const p = personById.get(a.personId)!;
        const x = extra.get(a.personId);
        const forced = !p.canWfh || always.has(p.position) || x?.duties?.includes(a.date) || x?.fixed?.[a.date] !== undefined;
        return a.date === day && a.mode === 'onsite' && !forced ? { ...a, mode: 'wfh' as Mode } : a;
      });
      returnComment = `Đề nghị bố trí thêm 01 người trực tại cơ quan ngày ${WEEKDAY_VI[weekday(day)]} (${formatDateVi(day).slice(0, 5)}).`;
      bundle.comments.push({
        id: `rc-${id}`,
        unitRosterId: id,
        authorUserId: chief.userId,
        kind: 'return',
        body: returnComment,
        createdAt: new Date(at.getTime() + 25 * 60_000),
      });
    }
    bundle.unitRosters.push({
      id,
      periodId: nextPeriod,
      unitId: u.id,
      status: state,
      returnComment,
      submittedAt: state === 'submitted' || state === 'returned' ? at : null,
      submittedBy: state === 'submitted' || state === 'returned' ? head.userId : null,
      version: state === 'draft' ? 1 : 2,
      updatedAt: state === 'returned' ? new Date(at.getTime() + 25 * 60_000) : at,
      updatedBy: state === 'returned' ? chief.userId : head.userId,
    });
    for (const a of cells)
      bundle.entries.push({ unitRosterId: id, personId: a.personId, date: a.date, mode: a.mode, pinned: nextAbs.get(a.personId)?.[a.date] !== undefined });
  }
}

/** Next week's state per unit: the spec's choices, one returned unit, then ~45% submitted, ~25% draft, the rest not started. */
function nextWeekStates(bundle: AgencyBundle, rng: Rng): Map<string, NextWeekState> {
  const out = new Map<string, NextWeekState>();
  const forced = bundle.spec.nextWeek ?? {};
  for (const [key, state] of Object.entries(forced)) out.set(`${bundle.spec.id}-${key}`, state);
  const sizes = new Map<string, number>();
  for (const p of bundle.people) sizes.set(p.row.unitId, (sizes.get(p.row.unitId) ?? 0) + 1);
  const free = rng.shuffle(bundle.units.filter((u) => !out.has(u.id)));
  if (![...out.values()].includes('returned')) {
    const r = free.findIndex((u) => (u.kind === 'department' || u.kind === 'inspectorate') && (sizes.get(u.id) ?? 0) >= 4);
    if (r >= 0) out.set(free.splice(r, 1)[0].id, 'returned');
  }
  const m = free.length;
  free.forEach((u, i) => out.set(u.id, i < Math.round(m * 0.45) ? 'submitted' : i < Math.round(m * 0.7) ? 'draft' : 'none'));
  return out;
}
