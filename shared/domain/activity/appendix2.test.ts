import { describe, expect, it } from 'vitest';
import type { Assignment, Mode, Person, ResolvedInstance, Roster } from '../roster/format';
import { appendix2ToJson, appendix2Totals, appendix2UnitTotals, computeAppendix2, percentHalfUp, type Appendix2Report, type Appendix2Row } from './appendix2';
import type { Activity, ActivityAction, ActivityTask } from './format';

// Week of Monday 19/07/2021 – Friday 23/07/2021, plus the weekend 24–25/07 (not working days).
const WEEK = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];

function person(id: string, unitId = 'snv-vp'): Person {
  return { id, name: `Người ${id}`, unitId, role: 'staff', canWorkFromHome: true };
}

function instance(people: Person[], extra: Partial<ResolvedInstance> = {}): ResolvedInstance {
  return {
    format: 'congvu.roster/1',
    period: { from: '2021-07-19', to: '2021-07-25' },
    workdays: WEEK,
    agencies: [{ id: 'snv', name: 'Sở Nội vụ' }],
    units: [{ id: 'snv-vp', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' }],
    people,
    policy: {},
    ...extra,
  };
}

/** Roster from `{ personId: 'WWOWL' }`: one letter per day of WEEK (W wfh, O onsite, L leave, B business trip). */
function roster(plan: Record<string, string>): Roster {
  const letter: Record<string, Mode> = { W: 'wfh', O: 'onsite', L: 'leave', B: 'business_trip' };
  const assignments: Assignment[] = [];
  for (const [personId, days] of Object.entries(plan)) {
    [...days].forEach((c, k) => assignments.push({ personId, date: WEEK[k], mode: letter[c] }));
  }
  return { format: 'congvu.assignments/1', assignments };
}

function task(id: string, assigneeId: string, assignedAt: string, finishedAt?: string): ActivityTask {
  const t: ActivityTask = { id, title: `Công việc ${id}`, assigneeId, assignedAt, dueDate: '2021-07-30' };
  if (finishedAt) t.finishedAt = finishedAt;
  return t;
}

function act(taskId: string, personId: string, at: string, kind = 'comment'): ActivityAction {
  return { taskId, personId, at, kind };
}

function activity(tasks: ActivityTask[], actions: ActivityAction[] = []): Activity {
  return { format: 'congvu.activity/1', tasks, actions };
}

function report(
  people: Person[],
  plan: Record<string, string>,
  a: Activity,
  from = '2021-07-19',
  to = '2021-07-23',
  extra: Partial<ResolvedInstance> = {},
): Appendix2Report {
  return computeAppendix2({ instance: instance(people, extra), roster: roster(plan), activity: a, from, to });
}

function rowOf(r: Appendix2Report, personId: string): Appendix2Row | undefined {
  for (const a of r.agencies) for (const row of a.rows) if (row.personId === personId) return row;
  return undefined;
}

describe('percentHalfUp', () => {
  it('rounds half up to one decimal: 1/8 = 12.5, 2/3 = 66.7, 1/6 = 16.7, 1/16 = 6.3', () => {
    expect(percentHalfUp(1, 8)).toBe(12.5);
    expect(percentHalfUp(7, 8)).toBe(87.5);
    expect(percentHalfUp(2, 3)).toBe(66.7);
    expect(percentHalfUp(1, 3)).toBe(33.3);
    expect(percentHalfUp(1, 6)).toBe(16.7);
    expect(percentHalfUp(5, 6)).toBe(83.3);
    expect(percentHalfUp(1, 16)).toBe(6.3);
    expect(percentHalfUp(4, 5)).toBe(80);
    expect(percentHalfUp(0, 5)).toBe(0);
    expect(percentHalfUp(5, 5)).toBe(100);
  });

  it('is exact where floating point is not: 23/80 = 28.75 % gives 28.8 (Math.round(23 / 80 * 100 * 10) gives 287)', () => {
    expect(Math.round((23 / 80) * 100 * 10)).toBe(287); // the floating-point trap
    expect(percentHalfUp(23, 80)).toBe(28.8);
    expect(percentHalfUp(57, 80)).toBe(71.3);
    expect(percentHalfUp(201, 400)).toBe(50.3);
  });

  it('is null when the whole is 0', () => {
    expect(percentHalfUp(0, 0)).toBeNull();
  });
});

describe('computeAppendix2: the format example', () => {
  it('gives exactly the JSON of the format for p001 (4 days at home, 5 tasks, 4 processed)', () => {
    const days = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23', '2021-07-26', '2021-07-27', '2021-07-28', '2021-07-29', '2021-07-30'];
    const inst = instance([person('p001')], { period: { from: '2021-07-19', to: '2021-07-30' }, workdays: days });
    const modes = ['wfh', 'onsite', 'wfh', 'onsite', 'onsite', 'wfh', 'onsite', 'onsite', 'wfh', 'onsite'] as const;
    const r: Roster = { format: 'congvu.assignments/1', assignments: days.map((date, k) => ({ personId: 'p001', date, mode: modes[k] })) };
    const tasks = [1, 2, 3, 4, 5].map((n) => task(`t${n}`, 'p001', '2021-07-19T08:05:00+07:00'));
    const actions = [1, 2, 3, 4].map((n) => act(`t${n}`, 'p001', '2021-07-26T09:12:00+07:00'));
    const out = computeAppendix2({ instance: inst, roster: r, activity: activity(tasks, actions), from: '2021-07-19', to: '2021-07-30' });
    const counts = { wfhDays: 4, assigned: 5, processed: 4, processedRatio: 80.0, notProcessed: 1, notProcessedRatio: 20.0 };
    expect(out).toEqual({
      from: '2021-07-19',
      to: '2021-07-30',
      agencies: [{ agencyId: 'snv', rows: [{ personId: 'p001', unitId: 'snv-vp', ...counts }], totals: counts }],
      totals: counts,
    });
    // Field order of the format.
    expect(Object.keys(out)).toEqual(['from', 'to', 'agencies', 'totals']);
    expect(Object.keys(out.agencies[0])).toEqual(['agencyId', 'rows', 'totals']);
    expect(Object.keys(out.agencies[0].rows[0])).toEqual([
      'personId',
      'unitId',
      'wfhDays',
      'assigned',
      'processed',
      'processedRatio',
      'notProcessed',
      'notProcessedRatio',
    ]);
    expect(Object.keys(out.totals)).toEqual(['wfhDays', 'assigned', 'processed', 'processedRatio', 'notProcessed', 'notProcessedRatio']);
  });
});

describe('computeAppendix2: D(p), the days at home', () => {
  it('counts only working days of the period on which the mode is wfh', () => {
    // p1: wfh Mon, Tue, Thu; onsite Wed; leave Fri. Assignments on the weekend are not working days.
    const r = roster({ p1: 'WWOWL' });
    r.assignments.push({ personId: 'p1', date: '2021-07-24', mode: 'wfh' });
    const out = computeAppendix2({ instance: instance([person('p1')]), roster: r, activity: activity([]), from: '2021-07-19', to: '2021-07-25' });
    expect(rowOf(out, 'p1')?.wfhDays).toBe(3);
  });

  it('counts only days inside [from, to]', () => {
    const out = report([person('p1')], { p1: 'WWWWW' }, activity([]), '2021-07-20', '2021-07-21');
    expect(rowOf(out, 'p1')?.wfhDays).toBe(2);
  });

  it('has no row for a person with no day at home in the period', () => {
    const out = report(
      [person('p1'), person('p2'), person('p3')],
      { p1: 'OOOOO', p2: 'OLBOO', p3: 'OOOOW' },
      activity([task('t1', 'p1', '2021-07-19T08:00:00')]),
      '2021-07-19',
      '2021-07-22',
    );
    expect(out.agencies[0].rows).toEqual([]);
    expect(out.agencies[0].totals).toEqual({ wfhDays: 0, assigned: 0, processed: 0, processedRatio: null, notProcessed: 0, notProcessedRatio: null });
  });
});

describe('computeAppendix2: assigned(p)', () => {
  it('counts a task assigned before the period and still open', () => {
    const out = report([person('p1')], { p1: 'OOWOO' }, activity([task('t1', 'p1', '2021-06-30T10:00:00+07:00')]));
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1, processed: 0, notProcessed: 1 });
  });

  it('does not count a task finished before the person’s day at home, but counts one finished that day', () => {
    // p1 is at home on Thursday 22/07 only.
    const out = report(
      [person('p1')],
      { p1: 'OOOWO' },
      activity([
        task('before', 'p1', '2021-07-19T08:00:00+07:00', '2021-07-21T16:00:00+07:00'),
        task('same-day', 'p1', '2021-07-19T08:00:00+07:00', '2021-07-22T07:30:00+07:00'),
      ]),
    );
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1 });
  });

  it('does not count a task assigned after the person’s last day at home', () => {
    const out = report(
      [person('p1')],
      { p1: 'WWOOO' },
      activity([task('later', 'p1', '2021-07-21T08:00:00+07:00'), task('on-time', 'p1', '2021-07-20T17:59:00+07:00')]),
    );
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1 });
  });

  it('does not count a task open only on onsite or leave days', () => {
    const out = report([person('p1')], { p1: 'WOLOW' }, activity([task('t1', 'p1', '2021-07-20T08:00:00+07:00', '2021-07-22T08:00:00+07:00')]));
    expect(rowOf(out, 'p1')).toMatchObject({ wfhDays: 2, assigned: 0 });
  });

  it('counts a task finished before it was assigned by its days (clocks differ): open on the day when both fall on it, on no day otherwise', () => {
    // p1 is at home on Thursday 22/07 only.
    const out = report(
      [person('p1')],
      { p1: 'OOOWO' },
      activity(
        [
          // Finished at 09:58 by one system, assigned at 10:05 by the other, the same day: open on 22/07.
          task('skew', 'p1', '2021-07-22T10:05:00+07:00', '2021-07-22T09:58:00+07:00'),
          // Finished the day before the day of assignment: open on no day.
          task('crossed', 'p1', '2021-07-22T00:10:00+07:00', '2021-07-21T23:55:00+07:00'),
        ],
        [act('skew', 'p1', '2021-07-22T10:30:00+07:00')],
      ),
    );
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1, processed: 1 });
  });

  it('counts only tasks assigned to the person', () => {
    const out = report([person('p1'), person('p2')], { p1: 'WWWWW', p2: 'OOOOO' }, activity([task('t1', 'p2', '2021-07-19T08:00:00+07:00')]));
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 0 });
  });
});

describe('computeAppendix2: processed(p)', () => {
  const people = [person('p1'), person('p2')];
  const plan = { p1: 'WWOWO', p2: 'WWWWW' };
  const t1 = task('t1', 'p1', '2021-07-19T08:00:00+07:00');

  it('counts a processing action by the person on a day at home', () => {
    expect(rowOf(report(people, plan, activity([t1], [act('t1', 'p1', '2021-07-20T10:00:00+07:00')])), 'p1')).toMatchObject({
      assigned: 1,
      processed: 1,
      notProcessed: 0,
    });
  });

  it('counts every kind except view as processing, including words of other systems', () => {
    for (const kind of ['comment', 'status', 'attach', 'forward', 'draft', 'finish', 'ky_duyet']) {
      expect(rowOf(report(people, plan, activity([t1], [act('t1', 'p1', '2021-07-20T10:00:00+07:00', kind)])), 'p1')?.processed, kind).toBe(1);
    }
  });

  it('does not count a view as processing', () => {
    const out = report(
      people,
      plan,
      activity([t1], [act('t1', 'p1', '2021-07-19T10:00:00+07:00', 'view'), act('t1', 'p1', '2021-07-20T10:00:00+07:00', 'view')]),
    );
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1, processed: 0, notProcessed: 1 });
  });

  it('does not count an action by someone else on the person’s task', () => {
    const out = report(people, plan, activity([t1], [act('t1', 'p2', '2021-07-20T10:00:00+07:00')]));
    expect(rowOf(out, 'p1')).toMatchObject({ processed: 0 });
    expect(rowOf(out, 'p2')).toMatchObject({ assigned: 0, processed: 0 });
  });

  it('does not count an action on an onsite day', () => {
    const out = report(people, plan, activity([t1], [act('t1', 'p1', '2021-07-21T10:00:00+07:00')]));
    expect(rowOf(out, 'p1')).toMatchObject({ assigned: 1, processed: 0 });
  });

  it('does not count an action outside the period, even on a day the roster says wfh', () => {
    const out = report(people, plan, activity([t1], [act('t1', 'p1', '2021-07-22T10:00:00+07:00')]), '2021-07-19', '2021-07-21');
    expect(rowOf(out, 'p1')).toMatchObject({ wfhDays: 2, assigned: 1, processed: 0 });
  });

  it('counts a task once however many actions it has', () => {
    const acts = ['2021-07-19T09:00:00+07:00', '2021-07-19T10:00:00+07:00', '2021-07-22T10:00:00+07:00'].map((at) => act('t1', 'p1', at));
    expect(rowOf(report(people, plan, activity([t1], acts)), 'p1')).toMatchObject({ assigned: 1, processed: 1 });
  });

  it('follows the definition literally: an action on a day at home after the task was finished still counts', () => {
    const t = task('t2', 'p1', '2021-07-19T08:00:00+07:00', '2021-07-19T11:00:00+07:00');
    expect(rowOf(report(people, plan, activity([t], [act('t2', 'p1', '2021-07-22T09:00:00+07:00')])), 'p1')).toMatchObject({ assigned: 1, processed: 1 });
  });
});

describe('computeAppendix2: times, offsets and Asia/Ho_Chi_Minh days', () => {
  // p1 is at home on Wednesday 21/07 only.
  const people = [person('p1')];
  const plan = { p1: 'OOWOO' };
  const t1 = task('t1', 'p1', '2021-07-19T08:00:00+07:00');
  const processedAt = (at: string) => rowOf(report(people, plan, activity([t1], [act('t1', 'p1', at)])), 'p1')!.processed;

  it('reads "2021-07-20T23:30:00+00:00" as 21/07 in Vietnam', () => {
    expect(processedAt('2021-07-20T23:30:00+00:00')).toBe(1);
  });

  it('puts 17:00Z on the next Vietnamese day and 16:59Z on the same one', () => {
    expect(processedAt('2021-07-20T17:00:00Z')).toBe(1);
    expect(processedAt('2021-07-20T16:59:59Z')).toBe(0);
    expect(processedAt('2021-07-21T16:59:59.999Z')).toBe(1);
    expect(processedAt('2021-07-21T17:00:00Z')).toBe(0);
  });

  it('reads a time without offset as Vietnamese local time', () => {
    expect(processedAt('2021-07-21T00:10:00')).toBe(1);
    expect(processedAt('2021-07-20T23:59:00')).toBe(0);
    expect(processedAt('2021-07-21T23:59:00')).toBe(1);
  });

  it('handles negative and non-hour offsets', () => {
    // 20/07 12:30 at -10:00 = 20/07 22:30Z = 21/07 05:30 in Vietnam.
    expect(processedAt('2021-07-20T12:30:00-10:00')).toBe(1);
    // 21/07 05:00 at +05:45 = 20/07 23:15Z = 21/07 06:15 in Vietnam.
    expect(processedAt('2021-07-21T05:00:00+05:45')).toBe(1);
    // 22/07 06:59 at +07:00 is 22/07: not at home.
    expect(processedAt('2021-07-22T06:59:00+07:00')).toBe(0);
  });

  it('uses the Vietnamese day of assignedAt and finishedAt for "open"', () => {
    // Assigned 21/07 17:30Z = 22/07 00:30 in Vietnam: not open on 21/07.
    const late = task('late', 'p1', '2021-07-21T17:30:00Z');
    // Finished 20/07 17:10Z = 21/07 00:10 in Vietnam: open on 21/07.
    const justOpen = task('just', 'p1', '2021-07-19T08:00:00+07:00', '2021-07-20T17:10:00Z');
    expect(rowOf(report(people, plan, activity([late, justOpen])), 'p1')).toMatchObject({ assigned: 1 });
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(processedAt('2021-07-21T00:10:00'), tz).toBe(1);
        expect(processedAt('2021-07-20T23:30:00+00:00'), tz).toBe(1);
        expect(processedAt('2021-07-20T16:59:00Z'), tz).toBe(0);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('computeAppendix2: ratios, rows, sorting, totals', () => {
  it('gives ratios from integers: 1 of 8 = 12.5 / 87.5, 2 of 3 = 66.7 / 33.3, 1 of 6 = 16.7 / 83.3', () => {
    const people = [person('a'), person('b'), person('c')];
    const plan = { a: 'WWWWW', b: 'WWWWW', c: 'WWWWW' };
    const tasks: ActivityTask[] = [];
    const actions: ActivityAction[] = [];
    const give = (p: string, n: number, done: number) => {
      for (let k = 0; k < n; k++) {
        tasks.push(task(`${p}${k}`, p, '2021-07-19T08:00:00+07:00'));
        if (k < done) actions.push(act(`${p}${k}`, p, '2021-07-19T09:00:00+07:00'));
      }
    };
    give('a', 8, 1);
    give('b', 3, 2);
    give('c', 6, 1);
    const out = report(people, plan, activity(tasks, actions));
    expect(rowOf(out, 'a')).toMatchObject({ processedRatio: 12.5, notProcessedRatio: 87.5 });
    expect(rowOf(out, 'b')).toMatchObject({ processedRatio: 66.7, notProcessedRatio: 33.3 });
    expect(rowOf(out, 'c')).toMatchObject({ processedRatio: 16.7, notProcessedRatio: 83.3 });
    // Totals: 4 of 17 = 23.529… → 23.5, not the average of the three ratios (31.97).
    expect(out.totals).toEqual({ wfhDays: 15, assigned: 17, processed: 4, processedRatio: 23.5, notProcessed: 13, notProcessedRatio: 76.5 });
  });

  it('gives null ratios when nothing was assigned, and keeps the row', () => {
    const out = report([person('p1')], { p1: 'WOOOO' }, activity([]));
    expect(out.agencies[0].rows).toEqual([
      { personId: 'p1', unitId: 'snv-vp', wfhDays: 1, assigned: 0, processed: 0, processedRatio: null, notProcessed: 0, notProcessedRatio: null },
    ]);
  });

  it('sorts agencies by id and rows by unit id, then person id; lists every agency of the instance', () => {
    const extra: Partial<ResolvedInstance> = {
      agencies: [
        { id: 'sxd', name: 'Sở Xây dựng' },
        { id: 'snv', name: 'Sở Nội vụ' },
        { id: 'stc', name: 'Sở Tài chính' },
      ],
      units: [
        { id: 'sxd-vp', agencyId: 'sxd', name: 'Văn phòng', kind: 'office' },
        { id: 'snv-tccb', agencyId: 'snv', name: 'Phòng TCCB', kind: 'department' },
        { id: 'snv-b', agencyId: 'snv', name: 'Phòng B', kind: 'department' },
        { id: 'stc-vp', agencyId: 'stc', name: 'Văn phòng', kind: 'office' },
      ],
    };
    const people = [
      person('p9', 'snv-b'),
      person('p1', 'snv-tccb'),
      person('p2', 'snv-b'),
      person('x1', 'sxd-vp'),
      person('p10', 'snv-b'),
      person('s1', 'stc-vp'),
    ];
    const plan = { p9: 'W', p1: 'W', p2: 'W', x1: 'W', p10: 'W', s1: 'O' };
    const out = report(people, plan, activity([]), '2021-07-19', '2021-07-23', extra);
    expect(out.agencies.map((a) => a.agencyId)).toEqual(['snv', 'stc', 'sxd']);
    expect(out.agencies[0].rows.map((r) => `${r.unitId}/${r.personId}`)).toEqual(['snv-b/p10', 'snv-b/p2', 'snv-b/p9', 'snv-tccb/p1']);
    expect(out.agencies[1].rows).toEqual([]);
    expect(out.agencies[2].rows.map((r) => r.personId)).toEqual(['x1']);
  });

  it('adds counts for agency and province totals and takes ratios from the added counts', () => {
    const extra: Partial<ResolvedInstance> = {
      agencies: [
        { id: 'a1', name: 'Sở 1' },
        { id: 'a2', name: 'Sở 2' },
      ],
      units: [
        { id: 'u1', agencyId: 'a1', name: 'Phòng 1', kind: 'department' },
        { id: 'u2', agencyId: 'a2', name: 'Phòng 2', kind: 'department' },
      ],
    };
    const people = [person('x', 'u1'), person('y', 'u1'), person('z', 'u2')];
    const plan = { x: 'WWOOO', y: 'WOOOO', z: 'WWWOO' };
    const tasks = [
      task('x1', 'x', '2021-07-19T08:00:00'),
      task('y1', 'y', '2021-07-19T08:00:00'),
      task('y2', 'y', '2021-07-19T08:00:00'),
      task('y3', 'y', '2021-07-19T08:00:00'),
      task('z1', 'z', '2021-07-19T08:00:00'),
    ];
    const actions = [act('x1', 'x', '2021-07-19T09:00:00'), act('z1', 'z', '2021-07-20T09:00:00')];
    const out = report(people, plan, activity(tasks, actions), '2021-07-19', '2021-07-23', extra);
    // x: 1/1 = 100 %, y: 0/3 = 0 %; agency a1: 1/4 = 25 % (the average of ratios would be 50 %).
    expect(out.agencies[0].totals).toEqual({ wfhDays: 3, assigned: 4, processed: 1, processedRatio: 25, notProcessed: 3, notProcessedRatio: 75 });
    expect(out.agencies[1].totals).toEqual({ wfhDays: 3, assigned: 1, processed: 1, processedRatio: 100, notProcessed: 0, notProcessedRatio: 0 });
    // Province: 2/5 = 40 % (the average of the agencies' ratios would be 62.5 %).
    expect(out.totals).toEqual({ wfhDays: 6, assigned: 5, processed: 2, processedRatio: 40, notProcessed: 3, notProcessedRatio: 60 });
  });

  it('ignores roster assignments and activity of people who are not in the instance', () => {
    const r = roster({ p1: 'WWWWW', ghost: 'WWWWW' });
    const a = activity([task('t1', 'ghost', '2021-07-19T08:00:00'), task('t2', 'p1', '2021-07-19T08:00:00')], [act('t1', 'ghost', '2021-07-19T09:00:00')]);
    const out = computeAppendix2({ instance: instance([person('p1')]), roster: r, activity: a, from: '2021-07-19', to: '2021-07-23' });
    expect(out.agencies[0].rows.map((x) => x.personId)).toEqual(['p1']);
    expect(out.totals).toMatchObject({ wfhDays: 5, assigned: 1, processed: 0 });
  });

  it('uses the last assignment when a person-day is assigned twice', () => {
    const r = roster({ p1: 'OOOOO' });
    r.assignments.push({ personId: 'p1', date: '2021-07-19', mode: 'wfh' });
    const out = computeAppendix2({ instance: instance([person('p1')]), roster: r, activity: activity([]), from: '2021-07-19', to: '2021-07-23' });
    expect(rowOf(out, 'p1')?.wfhDays).toBe(1);
  });

  it('rejects an inverted period', () => {
    expect(() => report([person('p1')], { p1: 'W' }, activity([]), '2021-07-23', '2021-07-19')).toThrow(RangeError);
  });
});

describe('appendix2UnitTotals and appendix2Totals', () => {
  it('gives one total per unit of an agency, sorted by unit id, from counts', () => {
    const extra: Partial<ResolvedInstance> = {
      units: [
        { id: 'snv-vp', agencyId: 'snv', name: 'VP', kind: 'office' },
        { id: 'snv-a', agencyId: 'snv', name: 'A', kind: 'department' },
      ],
    };
    const people = [person('p1', 'snv-vp'), person('p2', 'snv-a'), person('p3', 'snv-a')];
    const tasks = [
      task('t1', 'p1', '2021-07-19T08:00:00'),
      task('t2', 'p2', '2021-07-19T08:00:00'),
      task('t3', 'p3', '2021-07-19T08:00:00'),
      task('t4', 'p3', '2021-07-19T08:00:00'),
    ];
    const actions = [act('t2', 'p2', '2021-07-19T09:00:00')];
    const out = report(people, { p1: 'W', p2: 'WW', p3: 'W' }, activity(tasks, actions), '2021-07-19', '2021-07-23', extra);
    expect(appendix2UnitTotals(out.agencies[0])).toEqual([
      { unitId: 'snv-a', totals: { wfhDays: 3, assigned: 3, processed: 1, processedRatio: 33.3, notProcessed: 2, notProcessedRatio: 66.7 } },
      { unitId: 'snv-vp', totals: { wfhDays: 1, assigned: 1, processed: 0, processedRatio: 0, notProcessed: 1, notProcessedRatio: 100 } },
    ]);
    // The agency totals equal the totals of its units.
    expect(appendix2Totals(appendix2UnitTotals(out.agencies[0]).map((u) => u.totals))).toEqual(out.agencies[0].totals);
  });
});

describe('appendix2ToJson', () => {
  const out = report(
    [person('p1'), person('p2')],
    { p1: 'WW', p2: 'W' },
    activity(
      [1, 2, 3, 4, 5].map((n) => task(`t${n}`, 'p1', '2021-07-19T08:00:00')),
      [1, 2, 3, 4].map((n) => act(`t${n}`, 'p1', '2021-07-19T09:00:00')),
    ),
  );

  it('is JSON that parses back to the report', () => {
    expect(JSON.parse(appendix2ToJson(out))).toEqual(out);
    const empty: Appendix2Report = { from: '2021-07-19', to: '2021-07-19', agencies: [], totals: appendix2Totals([]) };
    expect(JSON.parse(appendix2ToJson(empty))).toEqual(empty);
  });

  it('writes ratios with one decimal as the format shows them (80.0, not 80) and null for "—"', () => {
    const text = appendix2ToJson(out);
    expect(text).toContain('"processedRatio": 80.0, "notProcessed": 1, "notProcessedRatio": 20.0');
    expect(text).toContain('"personId": "p2", "unitId": "snv-vp", "wfhDays": 1, "assigned": 0, "processed": 0, "processedRatio": null');
    expect(text).not.toMatch(/Ratio": \d+[,\s}]/);
  });
});
