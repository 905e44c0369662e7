/**
 * Deterministic generator of `congvu.activity/1` data for a given instance and roster (benchmarks,
 * load tests, demos). Same inputs and seed → same output.
 *
 * Shape of the data:
 * - every person gets `tasksPerPerson` tasks on average, assigned from 10 days before the period
 *   to its end; about 60 % are finished a few days later, the rest stay open;
 * - on every working day, every person does `actionsPerPersonDay` actions on average (0 to
 *   2 × mean, uniform), on site or at home, on their own tasks; 3 % of actions are on a
 *   colleague's task (they count for nobody);
 * - at home, `idleShare` of people do nothing at all and `viewOnlyShare` only open tasks (`view`);
 *   the others mix views (30 %) with processing kinds;
 * - times are written `+07:00` (80 %), UTC `Z` (10 %) or without offset (10 %), from 07:00 to
 *   22:59 Vietnam time, so the day-of-time logic is exercised.
 */
import { dayNumber, fromDayNumber } from '../../shared/domain/dates';
import type { Activity, ActivityAction, ActivityTask } from '../../shared/domain/activity/format';
import type { ResolvedInstance, Roster } from '../../shared/domain/roster/format';
import { mulberry32 } from '../../shared/domain/random';

export interface GenerateActivityOptions {
  seed?: number;
  /** Mean actions per person per working day (default 2.2, so 50,000 people × 30 days ≥ 3,000,000). */
  actionsPerPersonDay?: number;
  /** Mean tasks per person (default 6). */
  tasksPerPerson?: number;
  /** Share of people who do nothing on their days at home (default 0.05). */
  idleShare?: number;
  /** Share of people who only view tasks on their days at home (default 0.05). */
  viewOnlyShare?: number;
}

/** The seeded generator of the benchmarks (mulberry32). */
export const prng = mulberry32;

const PROCESSING_KINDS = ['comment', 'status', 'attach', 'forward', 'draft', 'finish', 'ky_so'];
const TITLES = [
  'Báo cáo kết quả hỗ trợ Covid-19',
  'Tờ trình phê duyệt dự toán',
  'Công văn trả lời UBND huyện',
  'Kế hoạch kiểm tra, giám sát',
  'Dự thảo quyết định, lấy ý kiến',
];

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** A time string for day number `day` at local minute `minute` (Vietnam), in one of three spellings. */
function timeString(day: number, minute: number, style: number, dates: Map<number, string>): string {
  const date = (d: number) => {
    let s = dates.get(d);
    if (s === undefined) dates.set(d, (s = fromDayNumber(d)));
    return s;
  };
  if (style < 0.8) return `${date(day)}T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00+07:00`;
  if (style < 0.9) {
    const utc = day * 1440 + minute - 420;
    const d = Math.floor(utc / 1440);
    const m = utc - d * 1440;
    return `${date(d)}T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00Z`;
  }
  return `${date(day)}T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00`;
}

export function generateActivity(instance: ResolvedInstance, roster: Roster, options: GenerateActivityOptions = {}): Activity {
  const rnd = prng(options.seed ?? 2021);
  const meanActions = options.actionsPerPersonDay ?? 2.2;
  const meanTasks = options.tasksPerPerson ?? 6;
  const idleShare = options.idleShare ?? 0.05;
  const viewOnlyShare = options.viewOnlyShare ?? 0.05;

  const people = instance.people;
  const workdays = [...instance.workdays].sort().map(dayNumber);
  const fromDay = dayNumber(instance.period.from);
  const toDay = dayNumber(instance.period.to);
  const personIndex = new Map(people.map((p, i) => [p.id, i] as const));
  const nDays = toDay - fromDay + 1;
  const wfh = new Uint8Array(people.length * nDays);
  for (const a of roster.assignments) {
    const p = personIndex.get(a.personId);
    const k = dayNumber(a.date) - fromDay;
    if (p !== undefined && k >= 0 && k < nDays) wfh[p * nDays + k] = a.mode === 'wfh' ? 1 : 0;
  }

  const dates = new Map<number, string>();
  const tasks: ActivityTask[] = [];
  const actions: ActivityAction[] = [];
  for (let p = 0; p < people.length; p++) {
    const personId = people[p].id;
    const profile = rnd();
    const idle = profile < idleShare;
    const viewOnly = !idle && profile < idleShare + viewOnlyShare;

    const nTasks = Math.max(1, Math.round(meanTasks * (0.5 + rnd())));
    const first = tasks.length;
    const open: [number, number][] = []; // [assigned day, finished day] per task of p
    for (let k = 0; k < nTasks; k++) {
      const day = fromDay - 10 + Math.floor(rnd() * (nDays + 10));
      const minute = 7 * 60 + Math.floor(rnd() * 600);
      const task: ActivityTask = {
        id: `t${tasks.length}`,
        title: TITLES[Math.floor(rnd() * TITLES.length)],
        assigneeId: personId,
        assignedAt: timeString(day, minute, rnd(), dates),
        dueDate: fromDayNumber(day + 5 + Math.floor(rnd() * 10)),
      };
      let finished = Infinity;
      if (rnd() < 0.6) {
        finished = day + Math.floor(rnd() * 10);
        // Same day: at least 30 minutes after assignment (minute ≤ 16:59, so never past midnight).
        task.finishedAt = timeString(finished, finished === day ? minute + 30 + Math.floor(rnd() * 360) : 7 * 60 + Math.floor(rnd() * 900), rnd(), dates);
      }
      tasks.push(task);
      open.push([day, finished]);
    }

    for (const day of workdays) {
      const atHome = wfh[p * nDays + (day - fromDay)] === 1;
      if (atHome && idle) continue;
      const n = Math.floor(rnd() * (2 * meanActions + 1));
      for (let j = 0; j < n; j++) {
        // Prefer a task open that day (up to three picks), like a real in-tray.
        let k = Math.floor(rnd() * nTasks);
        for (let tries = 0; tries < 2 && !(open[k][0] <= day && day <= open[k][1]); tries++) k = Math.floor(rnd() * nTasks);
        const style = rnd();
        const minute = 7 * 60 + Math.floor(rnd() * 960);
        // 3 %: a colleague's task (counts for nobody: the actor is not the assignee).
        const taskId = first > 0 && rnd() < 0.03 ? `t${Math.floor(rnd() * first)}` : `t${first + k}`;
        const kind = (atHome && viewOnly) || rnd() < 0.3 ? 'view' : PROCESSING_KINDS[Math.floor(rnd() * PROCESSING_KINDS.length)];
        actions.push({ taskId, personId, at: timeString(day, minute, style, dates), kind });
      }
    }
  }
  return { format: 'congvu.activity/1', tasks, actions };
}
