import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import type { Activity, ActivityAction } from '../../../shared/domain/activity/format';
import { parseActivity } from '../../../shared/domain/activity/parse';
import { parseActivityCsv, writeActivityCsv } from '../../../shared/domain/activity/csv';
import { computeAppendix2 } from '../../../shared/domain/activity/appendix2';
import type { ResolvedInstance, Roster } from '../../../shared/domain/roster/format';
import { activityFromDb } from './tasks.activity';
import { tasks } from './tasks.table';

let t: TestApp;
const C: Record<string, TestClient> = {};
const P = { head: 'snv-p-head', a1: 'snv-p001', a2: 'snv-p002', vp: 'snv-p-vp', stc: 'stc-p001', stcVp: 'stc-p-vp' };
const T: Record<string, string> = {};

async function login(name: string, personId: string, roles: AppRole[]) {
  await buildUser(t.deps.db, { personId, username: `${name}.act`, roles });
  C[name] = t.client(`10.50.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(`${name}.act`, TEST_PASSWORD)).status).toBe(200);
}
const at = (iso: string) => t.clock.set(iso);
async function step(who: string, id: string, status: string) {
  const cur = await C[who]!.get(`/api/tasks/${id}`);
  const res = await C[who]!.post(`/api/tasks/${id}/status`, { status, version: cur.body.version });
  expect(res.status).toBe(200);
}
async function assign(title: string, assigneeId: string, coordinatorIds: string[] = []) {
  const res = await C.head!.post('/api/tasks', { title, assigneeId, coordinatorIds, priority: 'normal' });
  expect(res.status).toBe(200);
  return res.body.id as string;
}
const byKey = (a: ActivityAction, b: ActivityAction) =>
  `${a.taskId}|${a.at}|${a.personId}|${a.kind}`.localeCompare(`${b.taskId}|${b.at}|${b.personId}|${b.kind}`);
const sorted = (doc: Activity): Activity => ({ ...doc, actions: [...doc.actions].sort(byKey) });

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-16T08:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: 'snv', name: 'Sở Nội vụ', parentId: 'nt' });
  await buildAgency(db, { id: 'stc', name: 'Sở Tài chính', parentId: 'nt' });
  await buildUnit(db, { id: 'snv-vp', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' });
  await buildUnit(db, { id: 'snv-tcbc', agencyId: 'snv', name: 'Phòng Tổ chức, biên chế' });
  await buildUnit(db, { id: 'stc-vp', agencyId: 'stc', name: 'Văn phòng Sở Tài chính', kind: 'office' });
  await buildPerson(db, { id: P.head, unitId: 'snv-tcbc', fullName: 'Phạm Văn Bình', position: 'head' });
  await buildPerson(db, { id: P.a1, unitId: 'snv-tcbc', fullName: 'Nguyễn Thị An' });
  await buildPerson(db, { id: P.a2, unitId: 'snv-tcbc', fullName: 'Đỗ Minh Châu' });
  await buildPerson(db, { id: P.vp, unitId: 'snv-vp', fullName: 'Lê Thị Thu', position: 'chief_of_office' });
  await buildPerson(db, { id: P.stc, unitId: 'stc-vp', fullName: 'Người Sở Tài chính' });
  await buildPerson(db, { id: P.stcVp, unitId: 'stc-vp', fullName: 'Văn thư Sở Tài chính', position: 'chief_of_office' });
  await login('head', P.head, ['staff', 'unit_head']);
  await login('a1', P.a1, ['staff']);
  await login('a2', P.a2, ['staff']);
  await login('office', P.vp, ['staff', 'office']);
  await login('stcoffice', P.stcVp, ['staff', 'office']);

  // A: assigned and finished before the period (excluded).
  T.A = await assign('Việc đã xong trước kỳ', P.a1);
  at('2021-07-16T09:00:00+07:00');
  await step('a1', T.A, 'received');
  at('2021-07-19T08:30:00+07:00');
  await step('a1', T.A, 'in_progress');
  at('2021-07-19T16:00:00+07:00');
  await step('a1', T.A, 'done');
  // E: finished on the first day of the period (included, with that day's actions).
  at('2021-07-19T09:00:00+07:00');
  T.E = await assign('Việc xong ngày đầu kỳ', P.a1);
  at('2021-07-19T09:30:00+07:00');
  await step('a1', T.E, 'received');
  at('2021-07-20T08:00:00+07:00');
  await step('a1', T.E, 'in_progress');
  at('2021-07-20T08:30:00+07:00');
  await step('a1', T.E, 'done');
  // B: open through the period; views, a status, comments around midnight.
  at('2021-07-19T10:00:00+07:00');
  T.B = await assign('Việc kéo dài', P.a1, [P.a2]);
  at('2021-07-19T10:05:00+07:00');
  await step('a1', T.B, 'received'); // its view and status are on the 19th: outside the period
  at('2021-07-20T10:00:00+07:00');
  await step('a1', T.B, 'in_progress'); // view + status on the 20th
  at('2021-07-22T23:30:00+07:00');
  expect((await C.a2!.post(`/api/tasks/${T.B}/comments`, { body: 'Gửi số liệu phối hợp' })).status).toBe(200);
  at('2021-07-23T00:30:00+07:00');
  expect((await C.a1!.post(`/api/tasks/${T.B}/comments`, { body: 'Đã nhận số liệu' })).status).toBe(200);
  // C: assigned and finished inside the period to a2.
  at('2021-07-21T08:00:00+07:00');
  T.C = await assign('Việc trong kỳ', P.a2);
  at('2021-07-21T09:00:00+07:00');
  await step('a2', T.C, 'received');
  at('2021-07-22T08:00:00+07:00');
  await step('a2', T.C, 'in_progress');
  at('2021-07-22T17:30:00+07:00');
  await step('a2', T.C, 'done');
  // D: assigned after the period (excluded).
  at('2021-07-23T08:00:00+07:00');
  T.D = await assign('Việc sau kỳ', P.a1);
  // Imported activity of both agencies.
  at('2021-07-26T08:00:00+07:00');
  const imp = await C.office!.post('/api/tasks/import?agencyId=snv', {
    format: 'congvu.activity/1',
    tasks: [{ id: 'TDO-1', title: 'Công văn từ TD.Office', assigneeId: P.a1, assignedAt: '2021-07-21T07:45:00+07:00', dueDate: '2021-07-30' }],
    actions: [
      { taskId: 'TDO-1', personId: P.a1, at: '2021-07-21T08:00:00+07:00', kind: 'ky_so' },
      { taskId: 'TDO-1', personId: P.a1, at: '2021-07-21T09:00:00+07:00', kind: 'forward' },
      { taskId: 'TDO-1', personId: P.a1, at: '2021-07-24T09:00:00+07:00', kind: 'comment' },
    ],
  });
  expect(imp.status).toBe(200);
  const stc = await C.stcoffice!.post('/api/tasks/import?agencyId=stc', {
    format: 'congvu.activity/1',
    tasks: [{ id: 'TDO-1', title: 'Việc Sở Tài chính', assigneeId: P.stc, assignedAt: '2021-07-20T08:00:00+07:00' }],
    actions: [{ taskId: 'TDO-1', personId: P.stc, at: '2021-07-20T09:00:00+07:00', kind: 'comment' }],
  });
  expect(stc.status).toBe(200);
  T.I = (
    await t.deps.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.agencyId, 'snv'), eq(tasks.externalId, 'TDO-1')))
  )[0]!.id;
  T.S = (
    await t.deps.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.agencyId, 'stc'), eq(tasks.externalId, 'TDO-1')))
  )[0]!.id;
});
afterAll(() => t.close());

describe('activityFromDb', () => {
  it('builds congvu.activity/1 of the tasks open in the period with their actions on its days, accepted by the format parser', async () => {
    const doc = await activityFromDb(t.deps.db, { agencyIds: ['snv'], from: '2021-07-20', to: '2021-07-22' });
    const parsed = parseActivity(JSON.parse(JSON.stringify(doc)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(sorted(parsed.value)).toEqual(sorted(doc));
    const expectedTasks = [
      { id: T.E, title: 'Việc xong ngày đầu kỳ', assigneeId: P.a1, assignedAt: '2021-07-19T09:00:00+07:00', finishedAt: '2021-07-20T08:30:00+07:00' },
      { id: T.B, title: 'Việc kéo dài', assigneeId: P.a1, assignedAt: '2021-07-19T10:00:00+07:00' },
      { id: T.C, title: 'Việc trong kỳ', assigneeId: P.a2, assignedAt: '2021-07-21T08:00:00+07:00', finishedAt: '2021-07-22T17:30:00+07:00' },
      { id: T.I, title: 'Công văn từ TD.Office', assigneeId: P.a1, assignedAt: '2021-07-21T07:45:00+07:00', dueDate: '2021-07-30' },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(doc.format).toBe('congvu.activity/1');
    expect(doc.tasks).toEqual(expectedTasks);
    expect([...doc.actions].sort(byKey)).toEqual(
      [
        { taskId: T.E, personId: P.a1, at: '2021-07-20T08:00:00+07:00', kind: 'view' },
        { taskId: T.E, personId: P.a1, at: '2021-07-20T08:00:00+07:00', kind: 'status' },
        { taskId: T.E, personId: P.a1, at: '2021-07-20T08:30:00+07:00', kind: 'finish' },
        { taskId: T.B, personId: P.a1, at: '2021-07-20T10:00:00+07:00', kind: 'view' },
        { taskId: T.B, personId: P.a1, at: '2021-07-20T10:00:00+07:00', kind: 'status' },
        { taskId: T.B, personId: P.a2, at: '2021-07-22T23:30:00+07:00', kind: 'comment' },
        { taskId: T.C, personId: P.a2, at: '2021-07-21T09:00:00+07:00', kind: 'view' },
        { taskId: T.C, personId: P.a2, at: '2021-07-21T09:00:00+07:00', kind: 'status' },
        { taskId: T.C, personId: P.a2, at: '2021-07-22T08:00:00+07:00', kind: 'view' },
        { taskId: T.C, personId: P.a2, at: '2021-07-22T08:00:00+07:00', kind: 'status' },
        { taskId: T.C, personId: P.a2, at: '2021-07-22T17:30:00+07:00', kind: 'finish' },
        { taskId: T.I, personId: P.a1, at: '2021-07-21T08:00:00+07:00', kind: 'ky_so' },
        { taskId: T.I, personId: P.a1, at: '2021-07-21T09:00:00+07:00', kind: 'forward' },
      ].sort(byKey),
    );
    // The CSV pair of the same document reads back to it.
    const csv = writeActivityCsv(doc);
    const back = parseActivityCsv(csv);
    expect(back.ok && sorted(back.value)).toEqual(sorted(doc));
  });

  it('selects by agency and by lead person', async () => {
    const all = await activityFromDb(t.deps.db, { from: '2021-07-20', to: '2021-07-22' });
    expect(all.tasks.map((x) => x.id).sort()).toEqual([T.E, T.B, T.C, T.I, T.S].sort());
    const stc = await activityFromDb(t.deps.db, { agencyIds: ['stc'], from: '2021-07-20', to: '2021-07-22' });
    expect(stc).toEqual({
      format: 'congvu.activity/1',
      tasks: [{ id: T.S, title: 'Việc Sở Tài chính', assigneeId: P.stc, assignedAt: '2021-07-20T08:00:00+07:00' }],
      actions: [{ taskId: T.S, personId: P.stc, at: '2021-07-20T09:00:00+07:00', kind: 'comment' }],
    });
    const a2 = await activityFromDb(t.deps.db, { personIds: [P.a2], from: '2021-07-20', to: '2021-07-22' });
    expect(a2.tasks.map((x) => x.id)).toEqual([T.C]);
    expect(new Set(a2.actions.map((a) => a.taskId))).toEqual(new Set([T.C]));
    expect(await activityFromDb(t.deps.db, { agencyIds: [], from: '2021-07-20', to: '2021-07-22' })).toEqual({
      format: 'congvu.activity/1',
      tasks: [],
      actions: [],
    });
    // One day: the 23rd has task D (assigned that day) and B, with a1's comment after midnight.
    const d23 = await activityFromDb(t.deps.db, { agencyIds: ['snv'], from: '2021-07-23', to: '2021-07-23' });
    expect(d23.tasks.map((x) => x.id).sort()).toEqual([T.B, T.D, T.I].sort());
    expect(d23.actions.map((a) => [a.taskId, a.personId, a.kind])).toEqual([[T.B, P.a1, 'comment']]);
  });

  it('in appendix2 mode keeps only the processing actions of each task’s lead person, and gives the same Phụ lục 2', async () => {
    const from = '2021-07-20';
    const to = '2021-07-22';
    const full = await activityFromDb(t.deps.db, { agencyIds: ['snv'], from, to });
    const lean = await activityFromDb(t.deps.db, { agencyIds: ['snv'], from, to, actions: 'appendix2' });
    expect(lean.tasks).toEqual(full.tasks);
    expect([...lean.actions].sort(byKey)).toEqual(
      [
        { taskId: T.E, personId: P.a1, at: '2021-07-20T08:00:00+07:00', kind: 'status' },
        { taskId: T.E, personId: P.a1, at: '2021-07-20T08:30:00+07:00', kind: 'finish' },
        { taskId: T.B, personId: P.a1, at: '2021-07-20T10:00:00+07:00', kind: 'status' },
        { taskId: T.C, personId: P.a2, at: '2021-07-21T09:00:00+07:00', kind: 'status' },
        { taskId: T.C, personId: P.a2, at: '2021-07-22T08:00:00+07:00', kind: 'status' },
        { taskId: T.C, personId: P.a2, at: '2021-07-22T17:30:00+07:00', kind: 'finish' },
        { taskId: T.I, personId: P.a1, at: '2021-07-21T08:00:00+07:00', kind: 'ky_so' },
        { taskId: T.I, personId: P.a1, at: '2021-07-21T09:00:00+07:00', kind: 'forward' },
      ].sort(byKey),
    );
    const workdays = ['2021-07-20', '2021-07-21', '2021-07-22'];
    const instance: ResolvedInstance = {
      format: 'congvu.roster/1',
      period: { from, to },
      workdays,
      agencies: [{ id: 'snv', name: 'Sở Nội vụ' }],
      units: [{ id: 'snv-tcbc', agencyId: 'snv', name: 'Phòng Tổ chức, biên chế', kind: 'department' }],
      people: [P.a1, P.a2].map((id) => ({ id, name: id, unitId: 'snv-tcbc', role: 'staff' as const, canWorkFromHome: true })),
      policy: {},
    };
    // a1 at home on the 21st and 22nd only (nothing processed by a1 on those days but the imported task); a2 every day.
    const roster: Roster = {
      format: 'congvu.assignments/1',
      assignments: [
        ...workdays.map((date) => ({ personId: P.a1, date, mode: date === '2021-07-20' ? ('onsite' as const) : ('wfh' as const) })),
        ...workdays.map((date) => ({ personId: P.a2, date, mode: 'wfh' as const })),
      ],
    };
    const a = computeAppendix2({ instance, roster, activity: full, from, to });
    const b = computeAppendix2({ instance, roster, activity: lean, from, to });
    expect(b).toEqual(a);
    const rows = Object.fromEntries(a.agencies[0]!.rows.map((r) => [r.personId, [r.wfhDays, r.assigned, r.processed]]));
    expect(rows).toEqual({ [P.a1]: [2, 2, 1], [P.a2]: [3, 1, 1] });
  });

  it('passes odd ids (quotes, backslashes, commas, braces) through the text[] parameter', async () => {
    const odd = 'snv-"lạ",\\x{1}';
    await buildPerson(t.deps.db, { id: odd, unitId: 'snv-tcbc', fullName: 'Người có mã lạ' });
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', {
      format: 'congvu.activity/1',
      tasks: [{ id: 'ODD-1', title: 'Mã lạ', assigneeId: odd, assignedAt: '2021-07-21T08:00:00+07:00' }],
      actions: [{ taskId: 'ODD-1', personId: odd, at: '2021-07-21T08:10:00+07:00', kind: 'comment' }],
    });
    expect(res.status).toBe(200);
    const doc = await activityFromDb(t.deps.db, { agencyIds: ['snv', 'x"y'], personIds: [odd, '{a,b}'], from: '2021-07-21', to: '2021-07-21' });
    expect(doc.tasks.map((x) => [x.title, x.assigneeId])).toEqual([['Mã lạ', odd]]);
    expect(doc.actions.map((a) => a.personId)).toEqual([odd]);
  });

  it('refuses a reversed period', async () => {
    await expect(activityFromDb(t.deps.db, { from: '2021-07-22', to: '2021-07-20' })).rejects.toThrow('Khoảng thời gian không hợp lệ.');
  });
});
