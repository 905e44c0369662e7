import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import { auditLog } from '../audit/audit.table';
import { taskActions, tasks } from './tasks.table';
import { activityTimeToMs } from './tasks.import';

let t: TestApp;
const C: Record<string, TestClient> = {};
let unitA: string;
let unitB: string;

async function login(name: string, personId: string, roles: AppRole[]) {
  await buildUser(t.deps.db, { personId, username: `${name}.imp`, roles });
  C[name] = t.client(`10.40.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(`${name}.imp`, TEST_PASSWORD)).status).toBe(200);
}

async function multipart(fields: Record<string, { name: string; data: string }>) {
  const fd = new FormData();
  for (const [k, f] of Object.entries(fields)) fd.append(k, new Blob([f.data], { type: 'text/csv' }), f.name);
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

const tasksOf = (agencyId: string) => t.deps.db.select().from(tasks).where(eq(tasks.agencyId, agencyId)).orderBy(asc(tasks.externalId));
const actionsOf = (agencyId: string) =>
  t.deps.db.select().from(taskActions).where(eq(taskActions.agencyId, agencyId)).orderBy(asc(taskActions.at), asc(taskActions.id));

const DOC = {
  format: 'congvu.activity/1',
  tasks: [
    {
      id: 'TDO-101',
      title: 'Báo cáo kết quả hỗ trợ Covid-19',
      assigneeId: 'p001',
      assignedAt: '2021-07-19T08:05:00+07:00',
      dueDate: '2021-07-23',
      finishedAt: '2021-07-22T15:40:00+07:00',
    },
    { id: 'TDO-102', title: 'Tờ trình phê duyệt dự toán', assigneeId: 'p002', assignedAt: '2021-07-19 09:00' },
  ],
  actions: [
    { taskId: 'TDO-101', personId: 'p001', at: '2021-07-20T09:12:00+07:00', kind: 'comment' },
    { taskId: 'TDO-101', personId: 'p001', at: '2021-07-22T15:40:00+07:00', kind: 'finish' },
    { taskId: 'TDO-102', personId: 'p002', at: '2021-07-20T23:30:00Z', kind: 'view' },
    { taskId: 'TDO-102', personId: 'p001', at: '2021-07-21T10:00:00.250+07:00', kind: 'ky_so' },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-26T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: 'snv', name: 'Sở Nội vụ', parentId: 'nt' });
  await buildAgency(db, { id: 'stc', name: 'Sở Tài chính', parentId: 'nt' });
  const vp = (await buildUnit(db, { id: 'snv-vp', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { id: 'snv-tcbc', agencyId: 'snv', name: 'Phòng Tổ chức, biên chế' })).id;
  unitB = (await buildUnit(db, { id: 'snv-cchc', agencyId: 'snv', name: 'Phòng Cải cách hành chính' })).id;
  const stcUnit = (await buildUnit(db, { id: 'stc-vp', agencyId: 'stc', name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  await buildPerson(db, { id: 'p001', unitId: unitA, fullName: 'Nguyễn Thị An' });
  await buildPerson(db, { id: 'p002', unitId: unitB, fullName: 'Bùi Văn Giang' });
  await buildPerson(db, { id: 'p-head', unitId: unitA, fullName: 'Phạm Văn Bình', position: 'head' });
  await buildPerson(db, { id: 'p-vp', unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' });
  await buildPerson(db, { id: 'p-it', unitId: vp, fullName: 'Đặng Công Nghệ' });
  await buildPerson(db, { id: 'stc-1', unitId: stcUnit, fullName: 'Người Sở Tài chính' });
  await buildPerson(db, { id: 'stc-vp1', unitId: stcUnit, fullName: 'Văn thư Sở Tài chính', position: 'chief_of_office' });
  await login('office', 'p-vp', ['staff', 'office']);
  await login('it', 'p-it', ['staff', 'it']);
  await login('head', 'p-head', ['staff', 'unit_head']);
  await login('staff', 'p001', ['staff']);
  await login('stcoffice', 'stc-vp1', ['staff', 'office']);
});
afterAll(() => t.close());

describe('import permissions', () => {
  it('lets only the Office or the IT team of the agency import', async () => {
    for (const who of ['staff', 'head', 'stcoffice']) {
      // Another agency's Office cannot tell the agency from a missing one (404, lib/scope); members get 403.
      expect((await C[who]!.post('/api/tasks/import?agencyId=snv', DOC)).status, who).toBe(who === 'stcoffice' ? 404 : 403);
    }
    expect((await C.office!.post('/api/tasks/import', DOC)).status).toBe(400);
    expect(await tasksOf('snv')).toEqual([]);
  });
});

describe('JSON import', () => {
  it('imports tasks and actions with source import, the lead person’s unit, status and days in Vietnam time', async () => {
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', DOC);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: false,
      tasks: { created: 2, updated: 0, unchanged: 0 },
      actions: { inserted: 4, removed: 0, unchanged: 0 },
      warnings: [],
    });
    const rows = await tasksOf('snv');
    expect(
      rows.map((r) => [
        r.externalId,
        r.source,
        r.unitId,
        r.assigneeId,
        r.status,
        r.assignedAt.toISOString(),
        r.dueDate,
        r.finishedAt?.toISOString() ?? null,
        r.assignedByUserId,
      ]),
    ).toEqual([
      ['TDO-101', 'import', unitA, 'p001', 'done', '2021-07-19T01:05:00.000Z', '2021-07-23', '2021-07-22T08:40:00.000Z', null],
      ['TDO-102', 'import', unitB, 'p002', 'assigned', '2021-07-19T02:00:00.000Z', null, null, null],
    ]);
    const actions = await actionsOf('snv');
    const idOf = Object.fromEntries(rows.map((r) => [r.id, r.externalId]));
    expect(actions.map((a) => [idOf[a.taskId], a.personId, a.at.toISOString(), a.day, a.kind])).toEqual([
      ['TDO-101', 'p001', '2021-07-20T02:12:00.000Z', '2021-07-20', 'comment'],
      // 23:30 UTC on the 20th is 06:30 on the 21st in Vietnam.
      ['TDO-102', 'p002', '2021-07-20T23:30:00.000Z', '2021-07-21', 'view'],
      ['TDO-102', 'p001', '2021-07-21T03:00:00.250Z', '2021-07-21', 'ky_so'],
      ['TDO-101', 'p001', '2021-07-22T08:40:00.000Z', '2021-07-22', 'finish'],
    ]);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, 'snv'), eq(auditLog.action, 'task.imported')));
    expect(audit.map((a) => a.data)).toEqual([
      { format: 'json', tasks: { created: 2, updated: 0, unchanged: 0 }, actions: { inserted: 4, removed: 0, unchanged: 0 } },
    ]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const before = await actionsOf('snv');
    const res = await C.it!.post('/api/tasks/import?agencyId=snv', DOC);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: false,
      tasks: { created: 0, updated: 0, unchanged: 2 },
      actions: { inserted: 0, removed: 0, unchanged: 4 },
      warnings: [],
    });
    expect((await tasksOf('snv')).map((r) => r.version)).toEqual([1, 1]);
    expect((await actionsOf('snv')).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });

  it('updates changed tasks and makes their imported actions equal to the file, keeping actions made in Congvu', async () => {
    const [t101] = await tasksOf('snv');
    // The lead person opens the imported task in Congvu: a view of the app, not of the import.
    const view = await C.staff!.get(`/api/tasks/${t101!.id}`);
    expect(view.status).toBe(200);
    expect(view.body.source).toBe('import');
    expect(view.body.can.statuses).toEqual([]);
    const changed = {
      ...DOC,
      tasks: [{ ...DOC.tasks[0], title: 'Báo cáo kết quả hỗ trợ Covid-19 (bổ sung)' }, DOC.tasks[1]],
      actions: [DOC.actions[0], DOC.actions[1], DOC.actions[2], { taskId: 'TDO-102', personId: 'p002', at: '2021-07-23T08:00:00+07:00', kind: 'comment' }],
    };
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', changed);
    expect(res.body).toEqual({
      dryRun: false,
      tasks: { created: 0, updated: 1, unchanged: 1 },
      actions: { inserted: 1, removed: 1, unchanged: 3 },
      warnings: [],
    });
    const rows = await tasksOf('snv');
    expect(rows.map((r) => [r.title, r.version])).toEqual([
      ['Báo cáo kết quả hỗ trợ Covid-19 (bổ sung)', 2],
      ['Tờ trình phê duyệt dự toán', 1],
    ]);
    const kinds = (await actionsOf('snv')).map((a) => `${a.personId}:${a.kind}:${a.day}`);
    expect(kinds).toEqual(['p001:comment:2021-07-20', 'p002:view:2021-07-21', 'p001:finish:2021-07-22', 'p002:comment:2021-07-23', 'p001:view:2021-07-26']);
    // Imported tasks follow the source system: Congvu does not change their status.
    const status = await C.staff!.post(`/api/tasks/${rows[0]!.id}/status`, { status: 'received', version: 2 });
    expect(status.status).toBe(409);
    expect(status.body.error.code).toBe('INVALID_STATE');
  });

  it('keys tasks per agency: the same source id in another agency is another task', async () => {
    const doc = { format: 'congvu.activity/1', tasks: [{ ...DOC.tasks[0], assigneeId: 'stc-1' }], actions: [] };
    const res = await C.stcoffice!.post('/api/tasks/import?agencyId=stc', doc);
    expect(res.body.tasks).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await tasksOf('stc')).map((r) => [r.externalId, r.unitId])).toEqual([['TDO-101', 'stc-vp']]);
    expect(await tasksOf('snv')).toHaveLength(2);
  });

  it('answers a dry run with the counts and writes nothing', async () => {
    const doc = { ...DOC, tasks: [...DOC.tasks, { id: 'TDO-103', title: 'Mới', assigneeId: 'p001', assignedAt: '2021-07-23T08:00:00+07:00' }] };
    const res = await C.office!.post('/api/tasks/import?agencyId=snv&dryRun=1', doc);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      tasks: { created: 1, updated: 1, unchanged: 1 },
      actions: { inserted: 1, removed: 1, unchanged: 3 },
      warnings: [],
    });
    expect(await tasksOf('snv')).toHaveLength(2);
  });

  it('rejects a bad document with JSON paths and imports nothing', async () => {
    const before = { tasks: (await tasksOf('snv')).length, actions: (await actionsOf('snv')).length };
    const bad = {
      ...DOC,
      tasks: [
        DOC.tasks[0],
        { ...DOC.tasks[1], assignedAt: '19/07/2021' },
        { id: 'TDO-200', title: 'Mới', assigneeId: 'p001', assignedAt: '2021-07-23T08:00:00+07:00' },
      ],
      actions: [...DOC.actions, { taskId: 'TDO-999', personId: 'p001', at: '2021-07-20T09:00:00+07:00', kind: 'comment' }],
    };
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toBe('Tệp có 2 lỗi; chưa nhập dữ liệu nào. Sửa các lỗi rồi nhập lại.');
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(['body.tasks[1].assignedAt', 'body.actions[4].taskId']);
    expect(res.body.error.issues[0].message).toContain('Thời gian không hợp lệ "19/07/2021"');
    const syntax = await C.office!.request('POST', '/api/tasks/import?agencyId=snv', undefined, { 'content-type': 'application/json' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.issues[0].path).toBe('body');
    expect({ tasks: (await tasksOf('snv')).length, actions: (await actionsOf('snv')).length }).toEqual(before);
    expect((await tasksOf('snv')).some((r) => r.externalId === 'TDO-200')).toBe(false);
  });

  it('rejects people who are not of the agency (unknown, or of another agency) and imports nothing', async () => {
    const bad = {
      ...DOC,
      tasks: [...DOC.tasks, { id: 'TDO-300', title: 'Của người lạ', assigneeId: 'p404', assignedAt: '2021-07-23T08:00:00+07:00' }],
      actions: [...DOC.actions, { taskId: 'TDO-101', personId: 'stc-1', at: '2021-07-21T09:00:00+07:00', kind: 'comment' }],
    };
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: 'body.tasks[2].assigneeId', message: 'Không có cán bộ mã "p404" trong Sở Nội vụ' },
      { path: 'body.actions[4].personId', message: 'Không có cán bộ mã "stc-1" trong Sở Nội vụ' },
    ]);
    expect(res.body.error.details.errors[0]).toEqual({
      path: 'body.tasks[2].assigneeId',
      file: null,
      row: null,
      column: null,
      message: 'Không có cán bộ mã "p404" trong Sở Nội vụ',
    });
    expect((await tasksOf('snv')).map((r) => r.externalId)).toEqual(['TDO-101', 'TDO-102']);
  });
});

describe('CSV import', () => {
  const TASKS_CSV =
    'id,title,assigneeId,assignedAt,dueDate,finishedAt\r\n' +
    'CSV-1,"Kế hoạch kiểm tra, giám sát",p001,2021-07-19T08:00:00+07:00,2021-07-23,\r\n' +
    'CSV-2,"Báo cáo ""nhanh""\r\nnhiều dòng",p002,2021-07-20T08:00:00+07:00,,2021-07-21T17:00:00+07:00\r\n';
  const ACTIONS_CSV = 'taskId,personId,at,kind\r\nCSV-1,p001,2021-07-19T10:00:00+07:00,comment\r\nCSV-2,p002,2021-07-21T17:00:00+07:00,finish\r\n';

  it('imports the pair tasks.csv + actions.csv sent as multipart, idempotently', async () => {
    const form = await multipart({ tasks: { name: 'tasks.csv', data: `\uFEFF${TASKS_CSV}` }, actions: { name: 'actions.csv', data: ACTIONS_CSV } });
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', form.body, form.headers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: false,
      tasks: { created: 2, updated: 0, unchanged: 0 },
      actions: { inserted: 2, removed: 0, unchanged: 0 },
      warnings: [],
    });
    const rows = (await tasksOf('snv')).filter((r) => r.externalId!.startsWith('CSV-'));
    expect(rows.map((r) => [r.externalId, r.title, r.status])).toEqual([
      ['CSV-1', 'Kế hoạch kiểm tra, giám sát', 'assigned'],
      ['CSV-2', 'Báo cáo "nhanh"\r\nnhiều dòng', 'done'],
    ]);
    const again = await C.office!.post('/api/tasks/import?agencyId=snv', form.body, form.headers);
    expect(again.body).toEqual({
      dryRun: false,
      tasks: { created: 0, updated: 0, unchanged: 2 },
      actions: { inserted: 0, removed: 0, unchanged: 2 },
      warnings: [],
    });
  });

  it('reports a bad row with its file, row and column, and imports nothing', async () => {
    const before = (await actionsOf('snv')).length;
    const actions = `${ACTIONS_CSV}CSV-1,p001,hôm qua,comment\r\nCSV-9,p001,2021-07-19T10:00:00+07:00,view\r\n`;
    const tasksCsv = `${TASKS_CSV}CSV-3,Mới,p001,2021-07-22T08:00:00+07:00,,\r\n`;
    const form = await multipart({ tasks: { name: 'tasks.csv', data: tasksCsv }, actions: { name: 'actions.csv', data: actions } });
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', form.body, form.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => [e.file, e.row, e.column])).toEqual([
      ['actions.csv', 4, 'C (at)'],
      ['actions.csv', 5, 'A (taskId)'],
    ]);
    expect(res.body.error.issues[0].path).toBe('actions.csv, dòng 4, cột C (at)');
    expect((await actionsOf('snv')).length).toBe(before);
    expect((await tasksOf('snv')).some((r) => r.externalId === 'CSV-3')).toBe(false);
  });

  it('names the row of an unknown person even after quoted line breaks and blank lines', async () => {
    // Row 3 is a record over two lines, row 4 is blank, row 5 names an unknown person.
    const tasksCsv = `${TASKS_CSV}\r\nCSV-4,Không rõ người,p777,2021-07-22T08:00:00+07:00,,\r\n`;
    const actions = `${ACTIONS_CSV}CSV-1,ghost,2021-07-22T09:00:00+07:00,comment\r\n`;
    const form = await multipart({ tasks: { name: 'tasks.csv', data: tasksCsv }, actions: { name: 'actions.csv', data: actions } });
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', form.body, form.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      {
        path: 'tasks.csv, dòng 5, cột C (assigneeId)',
        file: 'tasks.csv',
        row: 5,
        column: 'C (assigneeId)',
        message: 'Không có cán bộ mã "p777" trong Sở Nội vụ',
      },
      {
        path: 'actions.csv, dòng 4, cột B (personId)',
        file: 'actions.csv',
        row: 4,
        column: 'B (personId)',
        message: 'Không có cán bộ mã "ghost" trong Sở Nội vụ',
      },
    ]);
    expect((await tasksOf('snv')).some((r) => r.externalId === 'CSV-4')).toBe(false);
  });

  it('asks for both files', async () => {
    const form = await multipart({ tasks: { name: 'tasks.csv', data: TASKS_CSV } });
    const res = await C.office!.post('/api/tasks/import?agencyId=snv', form.body, form.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: 'body.actions', message: 'Thiếu tệp actions.csv.' }]);
  });
});

describe('activity times', () => {
  it('keeps seconds and fractions and reads a time without offset as Vietnam time', () => {
    expect(new Date(activityTimeToMs('2021-07-20T09:12:05.5+07:00')).toISOString()).toBe('2021-07-20T02:12:05.500Z');
    expect(new Date(activityTimeToMs('2021-07-20 09:12')).toISOString()).toBe('2021-07-20T02:12:00.000Z');
    expect(new Date(activityTimeToMs('2021-07-20T09:12:00-0130')).toISOString()).toBe('2021-07-20T10:42:00.000Z');
    expect(new Date(activityTimeToMs('2021-07-20T09:12:59Z')).toISOString()).toBe('2021-07-20T09:12:59.000Z');
  });
});

describe('data from other systems', () => {
  it('imports a task finished before it was assigned (clocks of two systems differ) and lists it as a warning with its path', async () => {
    const skewed = {
      format: 'congvu.activity/1',
      tasks: [
        {
          id: 'TDO-SKEW',
          title: 'Báo cáo nhanh số liệu tiêm chủng',
          assigneeId: 'stc-1',
          assignedAt: '2021-07-26T08:01:00+07:00',
          finishedAt: '2021-07-26T08:00:00+07:00',
        },
      ],
      actions: [],
    };
    const res = await C.stcoffice!.post('/api/tasks/import?agencyId=stc', skewed);
    expect(res.status).toBe(200);
    expect(res.body.tasks).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(res.body.warnings).toEqual([
      {
        path: 'body.tasks[0].finishedAt',
        file: null,
        row: null,
        column: null,
        message: expect.stringContaining('trước thời điểm giao việc "2021-07-26T08:01:00+07:00"'),
      },
    ]);
    const row = (await tasksOf('stc')).find((r) => r.externalId === 'TDO-SKEW')!;
    expect([row.assignedAt.toISOString(), row.finishedAt?.toISOString()]).toEqual(['2021-07-26T01:01:00.000Z', '2021-07-26T01:00:00.000Z']);
  });
});
